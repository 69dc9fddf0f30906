import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/model/lines';

test('line breaks are \\n, \\r\\n and a lone \\r, as in LSP', () => {
  const index = new LineIndex('a\r\nbc\rd\ne');
  assert.deepEqual(index.starts, [0, 3, 6, 8]);
  assert.deepEqual(index.positionAt(4), { line: 1, character: 1 });
  assert.equal(index.lineText(1), 'bc');
  assert.equal(index.lineEnd(0), 1);
  assert.equal(index.offsetAt({ line: 2, character: 99 }), 7);
  assert.equal(index.offsetAt({ line: 9, character: 0 }), 9);
});

test('positions are clamped to the document', () => {
  const index = new LineIndex('ab');
  assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(50), { line: 0, character: 2 });
});

test('the dominant line ending is used for new lines', () => {
  assert.equal(new LineIndex('a\r\nb\r\nc\n').eol, '\r\n');
  assert.equal(new LineIndex('a\nb\n').eol, '\n');
});
