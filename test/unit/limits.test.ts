// The two bounds that keep the model linear on hostile input: lines over MAX_PIECE characters are
// read in pieces (fragment.ts), and container nesting past the limits is blanked before parsing
// (nesting.ts). Both keep every offset pointing into the original text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PIECE, pieces } from '../../server/src/model/fragment';
import { MAX_CONTAINER_DEPTH, limitNesting } from '../../server/src/model/nesting';
import { buildModel } from '../../server/src/model/document';

describe('pieces of a long line', () => {
  test('a line up to MAX_PIECE characters is one piece', () => {
    const text = 'x'.repeat(MAX_PIECE);
    assert.deepEqual(pieces(text, { start: 0, end: text.length }), [{ start: 0, end: MAX_PIECE }]);
  });

  test('a longer line is cut after sentences, and the pieces cover every word', () => {
    const sentence = 'The p95 latency was 142 ms against a 200 ms target. ';
    const text = sentence.repeat(200).trim();
    const spans = pieces(text, { start: 0, end: text.length });
    assert.ok(spans.length > 1);
    for (const s of spans) {
      assert.ok(s.end - s.start <= MAX_PIECE);
      assert.ok(text.slice(s.start, s.end).endsWith('target.'), 'each piece ends a sentence');
    }
    assert.equal(spans.map((s) => text.slice(s.start, s.end)).join(' '), text);
  });

  test('without spaces the cuts are hard, and never split a surrogate pair', () => {
    const text = `${'a'.repeat(MAX_PIECE - 1)}${'👍'.repeat(MAX_PIECE)}`;
    const spans = pieces(text, { start: 0, end: text.length });
    assert.equal(spans.map((s) => text.slice(s.start, s.end)).join(''), text);
    for (const s of spans) assert.ok(!/^[\uDC00-\uDFFF]/.test(text.slice(s.start)), `piece at ${s.start} starts inside a pair`);
  });

  test('figures in every piece are found, at their offsets', () => {
    const text = `Results: ${'Latency 5 ms. '.repeat(400)}`;
    const model = buildModel(text);
    const quantities = model.textLines.flatMap((l) => l.quantities);
    assert.equal(quantities.length, 400);
    for (const q of quantities) assert.equal(text.slice(q.start, q.end).replace(/\s/g, ''), '5ms');
  });
});

describe('nesting limits', () => {
  test('markers past the depth limit become spaces; the text keeps its length', () => {
    const text = `${'>'.repeat(MAX_CONTAINER_DEPTH + 10)} deep 5 ms\n`;
    const limited = limitNesting(text);
    assert.equal(limited.length, text.length);
    assert.equal((limited.match(/>/g) ?? []).length, MAX_CONTAINER_DEPTH);
    assert.ok(limited.endsWith(`${' '.repeat(11)}deep 5 ms\n`));
  });

  test('documents within the limits are returned as they are', () => {
    const text = '# R\n\n- a\n  - b\n    > c 5 ms\n\n1. one\n2) two\n---\n***\n';
    assert.equal(limitNesting(text), text);
  });

  test('list markers past 100 columns of indentation nest no further', () => {
    const text = `${' '.repeat(120)}- item\n`;
    assert.equal(limitNesting(text), `${' '.repeat(122)}item\n`);
  });
});
