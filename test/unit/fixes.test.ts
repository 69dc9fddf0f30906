import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/core/fixes';

const fix = (start: number, end: number, newText: string) => ({ title: 't', edits: [{ start, end, newText }] });

test('edits apply by position and touch nothing else', () => {
  assert.deepEqual(applyFixes('abcdef', [fix(4, 5, 'E'), fix(0, 1, 'A')]), { text: 'AbcdEf', applied: [fix(0, 1, 'A'), fix(4, 5, 'E')] });
});

test('an overlapping fix waits; a fix with several edits applies whole or not at all', () => {
  const both = { title: 'two', edits: [{ start: 0, end: 0, newText: '<' }, { start: 3, end: 3, newText: '>' }] };
  const r = applyFixes('abc', [both, fix(0, 2, 'X')]);
  assert.equal(r.text, '<abc>');
  assert.deepEqual(r.applied, [both]);
});

test('a fix that changes nothing, or points outside the text, is not applied', () => {
  assert.equal(applyFixes('abc', [fix(0, 1, 'a'), fix(2, 9, 'x')]).applied.length, 0);
});
