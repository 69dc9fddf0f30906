// memoize (core/memo.ts): a pure function of text computed once per distinct arguments, with a bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoize } from '../../server/src/core/memo';

test('each distinct argument list is computed once, and argument boundaries are kept', () => {
  const calls: string[] = [];
  const join = memoize((a: string, b: string) => {
    calls.push(`${a}|${b}`);
    return `${a}|${b}`;
  });
  assert.equal(join('ab', 'c'), 'ab|c');
  assert.equal(join('a', 'bc'), 'a|bc');
  assert.equal(join('ab', 'c'), 'ab|c');
  assert.deepEqual(calls, ['ab|c', 'a|bc']);
});

test('only the most recent entries are kept: older ones are computed again', () => {
  let calls = 0;
  const upper = memoize((s: string) => {
    calls++;
    return s.toUpperCase();
  }, 2);
  for (const s of ['a', 'b', 'c', 'd', 'e']) upper(s); // 'a' and 'b' have aged out by now
  assert.equal(calls, 5);
  upper('e');
  upper('d');
  assert.equal(calls, 5, 'the newest are remembered');
  upper('a');
  assert.equal(calls, 6);
});
