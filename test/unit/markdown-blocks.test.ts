// The Markdown model is read block by block (model/markdown-blocks.ts), and the editor keeps the
// blocks of each document: an edit re-parses the blocks it touched and no others, and what runs
// across blank lines (fences, HTML blocks, comments) is read as one block. The property tests
// (properties.test.ts) check the general claim: the same model as reading the whole document.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../server/src/model/document';
import { markdownCache } from '../../server/src/model/markdown';

const report = [
  '# Checkout: readiness',
  '',
  '**Status**: ✅ READY',
  '',
  '## Results',
  '',
  '| Metric | Result | Target |',
  '|---|---|---|',
  '| P95 latency | 180 ms | < 200 ms |',
  '',
  '- Duration: 30 minutes',
  '- Total requests: 90,000',
  '',
  '```',
  'p50: 80 ms',
  '',
  'p99: 240 ms',
  '```',
  '',
  'Measured with k6 v0.48.0.',
  '',
].join('\n');

const kinds = (text: string, cache = markdownCache()) => buildModel(text, cache).textLines.map((t) => `${t.line + 1} ${t.kind}: ${t.plain}`);

describe('blocks of a Markdown document', () => {
  test('an edit re-parses the one block it touched', () => {
    const cache = markdownCache();
    buildModel(report, cache);
    assert.equal(cache.parsed, 8, 'a first read parses every block');
    const edited = report.replace('90,000', '91,000');
    const model = buildModel(edited, cache);
    assert.equal(cache.parsed, 1);
    assert.equal(model.keyValues.find((kv) => kv.key === 'Total requests')?.value.text, '91,000');
    buildModel(edited, cache);
    assert.equal(cache.parsed, 0, 'an unchanged text parses nothing');
  });

  test('offsets and lines of the blocks after an edit move with it', () => {
    const cache = markdownCache();
    buildModel(report, cache);
    const edited = report.replace('**Status**: ✅ READY', '**Status**: ✅ READY\nSecond line\n\nNew paragraph');
    assert.deepEqual(kinds(edited, cache), kinds(edited));
    const table = buildModel(edited, cache).tables[0];
    assert.equal(edited.slice(table.rows[0].span.start, table.rows[0].span.end), '| P95 latency | 180 ms | < 200 ms |');
    assert.equal(table.rows[0].line, 11);
  });

  test('a fence with blank lines inside is one block: its lines stay code', () => {
    assert.deepEqual(kinds(report).filter((k) => k.includes('code')), ['15 code: p50: 80 ms', '17 code: p99: 240 ms']);
  });

  test('opening a fence turns every later line into code, and closing it turns them back', () => {
    const cache = markdownCache();
    buildModel(report, cache);
    const opened = report.replace('## Results', '```\n## Results');
    assert.ok(kinds(opened, cache).every((k) => !k.includes('heading: Results')));
    assert.deepEqual(kinds(opened, cache), kinds(opened));
    assert.deepEqual(kinds(report, cache), kinds(report));
  });

  test('breaking one fence re-pairs every later fence, at a few parses, not one per fence', () => {
    const fences = Array.from({ length: 256 }, (_, i) => `Step ${i}: 5 ms\n\n\`\`\`\np50: ${i} ms\n\`\`\`\n`).join('\n');
    const cache = markdownCache();
    buildModel(`# Steps\n\n${fences}`, cache);
    const broken = `# Steps\n\n${fences.replace('```', '``7`')}`;
    assert.deepEqual(kinds(broken, cache), kinds(broken));
    buildModel(`# Steps\n\n${fences}`, cache);
    buildModel(broken, cache);
    assert.ok(cache.parsed <= 2 * Math.log2(256) + 2, `${cache.parsed} parses`);
  });

  test('an HTML comment over blank lines is one comment; an unclosed one runs to the end', () => {
    const closed = '# Intro\n\n<!-- readiness-lint-disable\n\nstill the comment\n-->\n\nAfter: 5 ms\n';
    assert.deepEqual(buildModel(closed, markdownCache()).comments.map((s) => closed.slice(s.start, s.end)), ['<!-- readiness-lint-disable\n\nstill the comment\n-->']);
    const open = '# Intro\n\n<!-- never closed\n\nAfter: 5 ms\n';
    assert.deepEqual(kinds(open), ['1 heading: Intro']);
  });

  test('a leading BOM: offsets count it, as everywhere else in the model', () => {
    // In the first block, which starts with the BOM (the second heading makes the text Markdown).
    const text = '\uFEFF## Results\nLatency: 5 ms\n\n## Notes\n';
    const model = buildModel(text, markdownCache());
    assert.equal(model.format, 'markdown');
    assert.equal(text.slice(model.sections[0].headingSpan.start, model.sections[0].headingSpan.end), '## Results');
    assert.equal(model.keyValues[0].value.text, '5 ms');
  });
});
