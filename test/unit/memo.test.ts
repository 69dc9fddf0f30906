// memoize (core/memo.ts): a pure function of text computed once per distinct arguments, with a bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beginAnalysis, memoize, memoize2 } from '../../server/src/core/memo';

test('each distinct pair of texts is computed once, and the boundary between them is kept', () => {
  const calls: string[] = [];
  const join = memoize2((a: string, b: string) => {
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

test('false and other falsy results are remembered too', () => {
  let calls = 0;
  const empty = memoize((s: string) => {
    calls++;
    return s === '' ? false : 0;
  });
  for (const s of ['', 'x', '', 'x']) empty(s);
  assert.equal(calls, 2);
});

test('what the analysis before used is kept for this one; what only older analyses used is let go', () => {
  const calls: string[] = [];
  const upper = memoize((s: string) => {
    calls.push(s);
    return s.toUpperCase();
  });
  beginAnalysis();
  upper('kept');
  upper('dropped');
  beginAnalysis();
  upper('kept'); // from the analysis before: no new call
  beginAnalysis();
  upper('kept');
  upper('dropped'); // last used two analyses ago: computed again
  assert.deepEqual(calls, ['kept', 'dropped', 'dropped']);
});
