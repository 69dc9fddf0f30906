import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildModel, type DocumentModel } from '../../server/src/model/document';
import { detectFormat } from '../../server/src/model/format';
import { SEEDS } from '../helpers';

const at = (m: DocumentModel, s: { start: number; end: number }) => m.text.slice(s.start, s.end);
const kv = (m: DocumentModel, key: string) => m.keyValues.find((k) => k.key === key);

describe('format detection', () => {
  test('Markdown by content, whatever the extension', () => {
    assert.equal(detectFormat('# Title\n\nText'), 'markdown');
    assert.equal(detectFormat('| a | b |\n|---|---|\n| 1 | 2 |'), 'markdown');
    assert.equal(detectFormat('- **Total**: 5\n- **Failed**: 1'), 'markdown');
  });
  test('plain text copied from a page', () => {
    assert.equal(detectFormat('Load Test Results\n\nTotal Requests: 2145\nFailed: 40'), 'plaintext');
  });
});

describe('Markdown model', () => {
  const text = [
    '# Report',
    '',
    '**Status**: ✅ **READY**  ',
    '**Date:** January 18, 2026',
    '',
    '## Results',
    '',
    '| Metric | Result | Target | Status |',
    '|--------|--------|--------|--------|',
    '| P95 Latency | 387ms | 500ms | ✅ **PASS** |',
    '| Throughput | Not measured | 100 req/s | ⚠️ |',
    '',
    '- CPU Usage: 45% (2 cores allocated)',
    '- See `PASS` in code: not a verdict',
    '',
    '```',
    'Duration:     32 minutes',
    '```',
    '',
    '### Notes',
    'Visit http://example.com: fine',
  ].join('\n');
  const m = buildModel(text);

  test('sections with their heading path and extent', () => {
    assert.deepEqual(m.sections.map((s) => s.path.join(' > ')), ['Report', 'Report > Results', 'Report > Results > Notes']);
    assert.equal(m.sections[1].span.end, text.length);
    assert.equal(m.sections[2].parent, m.sections[1]);
  });

  test('tables: header, rows, cells with exact ranges', () => {
    assert.equal(m.tables.length, 1);
    const t = m.tables[0];
    assert.deepEqual(t.header.map((c) => c.plain), ['Metric', 'Result', 'Target', 'Status']);
    assert.equal(t.rows.length, 2);
    assert.equal(at(m, t.rows[0].cells[1].span), '387ms');
    assert.equal(at(m, t.rows[0].cells[3].span), '✅ **PASS**');
    assert.deepEqual(t.rows[0].cells[3].verdicts.map((v) => v.kind), ['pass', 'pass']);
    assert.deepEqual(t.rows[1].cells[1].verdicts.map((v) => v.kind), ['unmeasured']);
    assert.equal(t.rows[1].line, 10);
    assert.equal(t.section?.title, 'Results');
  });

  test('key/value pairs in their usual shapes', () => {
    assert.equal(kv(m, 'Status')?.value.plain, '✅ READY');
    assert.equal(kv(m, 'Date')?.value.plain, 'January 18, 2026');
    assert.equal(kv(m, 'CPU Usage')?.value.text, '45% (2 cores allocated)');
    assert.equal(kv(m, 'Duration')?.value.text, '32 minutes');
    assert.equal(kv(m, 'Duration')?.line.kind, 'code');
    assert.equal(kv(m, 'Visit http'), undefined, 'a URL scheme is not a key');
  });

  test('quantities carry document offsets', () => {
    const cell = m.tables[0].rows[0].cells[1];
    assert.equal(cell.quantities.length, 1);
    assert.equal(at(m, cell.quantities[0]), '387ms');
    assert.equal(cell.quantities[0].value, 387);
  });

  test('verdicts in inline code are quoted, not claimed', () => {
    const line = m.textLines.find((l) => l.text.includes('See `PASS`'));
    assert.ok(line);
    assert.deepEqual(line.verdicts, []);
  });

  test('a document with figures and verdicts looks like a report', () => {
    assert.equal(m.looksLikeReport, true);
    assert.equal(buildModel('# Notes\n\nNothing measured here.').looksLikeReport, false);
  });
});

describe('plain-text model', () => {
  const text = [
    'LOAD TEST RESULTS',
    '',
    'Total Requests: 2,145',
    'Error rate: 1.9%',
    '',
    'Latency Breakdown',
    'Endpoint\tp50\tp95',
    'Checkout\t40 ms\t95 ms',
    'Search\t20 ms\t60 ms',
    '',
    'The system handled the load well.',
  ].join('\n');
  const m = buildModel(text);

  test('headings by shape', () => {
    assert.equal(m.format, 'plaintext');
    assert.deepEqual(m.sections.map((s) => s.title), ['LOAD TEST RESULTS', 'Latency Breakdown']);
  });

  test('key/value lines and tab-separated tables', () => {
    assert.equal(kv(m, 'Total Requests')?.value.quantities[0]?.value, 2145);
    assert.equal(m.tables.length, 1);
    assert.deepEqual(m.tables[0].header.map((c) => c.plain), ['Endpoint', 'p50', 'p95']);
    assert.equal(at(m, m.tables[0].rows[1].cells[2].span), '60 ms');
  });
});

describe('the shared seeds', () => {
  for (const name of fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')) : []) {
    test(`${name}: Markdown with sections, tables and figures`, () => {
      const m = buildModel(fs.readFileSync(path.join(SEEDS, name), 'utf8'));
      assert.equal(m.format, 'markdown');
      assert.ok(m.sections.length >= 5);
      assert.ok(m.tables.length >= 1);
      assert.ok(m.looksLikeReport);
      for (const t of m.tables) for (const r of t.rows) assert.ok(r.cells.length >= 2);
    });
  }
});
