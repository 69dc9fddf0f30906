// The "insert methodology section" edit: what it inserts (snapshots under
// test/fixtures/methodology-insert/, rewritten with UPDATE_FIXTURES=1), that applying it twice
// inserts nothing more, and that filling its placeholders by hand clears the methodology findings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { applyFixes } from '../../server/src/core/fixes';
import { configFileSchema } from '../../server/src/config/schema';
import { defaultConfig } from '../../server/src/config/resolve';
import type { Diagnostic, Fix } from '../../server/src/core/types';
import { buildModel } from '../../server/src/model/document';
import { methodologySectionEdit } from '../../server/src/rules/methodology-missing';
import { LABEL, methodologyOptions, type Element } from '../../server/src/rules/methodology-support';
import { ROOT, SEEDS } from '../helpers';

const RULES = path.join(ROOT, 'test/fixtures/rules');
const SNAPSHOTS = path.join(ROOT, 'test/fixtures/methodology-insert');

const CASES: Record<string, string> = {
  'no-methodology.md': path.join(RULES, 'methodology-missing/no-methodology.md'),
  'scattered-partial.md': path.join(RULES, 'methodology-missing/scattered-partial.md'),
  'plain-text.txt': path.join(RULES, 'methodology-missing/plain-text.txt'),
  'crlf.md': path.join(RULES, 'methodology-missing/crlf.md'),
  'appendix.md': path.join(RULES, 'methodology-incomplete/appendix.md'),
  'table-style.md': path.join(RULES, 'methodology-incomplete/table-style.md'),
  'incomplete-plain-text.txt': path.join(RULES, 'methodology-incomplete/plain-text.txt'),
  'seed-001.txt': path.join(SEEDS, '001_cf8643b75f94b883.txt'),
  'seed-002.txt': path.join(SEEDS, '002_235f82cc2ef2a925.txt'),
};

/** What an author would write in place of each placeholder. */
const FILLED: Record<Element, string> = {
  tool: 'k6',
  'tool-version': 'v0.50.0',
  environment: 'staging cluster, load generator in the same region',
  hardware: 'generator c6i.2xlarge (8 vCPU, 16 GB RAM); service on 3 x m6i.large',
  duration: '30 minutes of steady load after a 2-minute ramp-up',
  'load-profile': 'ramp to 200 virtual users, no think time',
  runs: '3 runs, median reported',
  'warm-up': '2 minutes, excluded',
  dataset: '10,000 seeded accounts',
  date: '2025-11-20',
};

const options = methodologyOptions.parse(undefined);
const methodology = (text: string): Diagnostic[] =>
  analyze({ text, config: defaultConfig() }).diagnostics.filter((d) => d.ruleId.startsWith('methodology-'));

function apply(text: string, fix: Fix | undefined): string {
  assert.ok(fix, 'an edit is offered');
  return applyFixes(text, [fix]).text;
}

/** Replaces every "TODO: …" after a label the edit writes with a real value. */
function fill(text: string): string {
  let out = text;
  for (const [element, label] of Object.entries(LABEL) as [Element, string][]) {
    const line = new RegExp(`^(.*\\b${label.replace('-', '\\-')}\\b\\W*)TODO:[^|\\r\\n]*?(\\s*\\|)?$`, 'gm');
    out = out.replace(line, (_, head: string, pipe: string | undefined) => `${head}${FILLED[element]}${pipe ?? ''}`);
  }
  return out;
}

for (const [name, file] of Object.entries(CASES)) {
  describe(`methodology section: ${name}`, () => {
    const text = fs.readFileSync(file, 'utf8');
    const edit = methodologySectionEdit(buildModel(text), options);
    const inserted = apply(text, edit);

    test('inserts the expected section', () => {
      const snapshot = path.join(SNAPSHOTS, name);
      if (process.env.UPDATE_FIXTURES) {
        fs.mkdirSync(SNAPSHOTS, { recursive: true });
        fs.writeFileSync(snapshot, inserted);
        return;
      }
      assert.equal(inserted, fs.readFileSync(snapshot, 'utf8'));
    });

    test('is the suggestion of the methodology finding', () => {
      const [finding] = methodology(text);
      assert.ok(finding, 'the report has a methodology finding');
      assert.deepEqual(finding.suggestions, [edit]);
      assert.equal(finding.fix, undefined, 'inserted text is never applied by --fix');
    });

    test('only inserts: the original text is kept byte for byte', () => {
      const [e] = edit!.edits;
      assert.equal(e.start, e.end);
      assert.equal(inserted.slice(0, e.start) + inserted.slice(e.start + e.newText.length), text);
    });

    test('keeps the line endings of the document', () => {
      const crlf = text.includes('\r\n');
      const added = edit!.edits[0].newText;
      assert.equal(/\r\n/.test(added), crlf);
      assert.equal(/(^|[^\r])\n/.test(added), !crlf);
    });

    test('applied twice, inserts nothing more', () => {
      assert.equal(methodologySectionEdit(buildModel(inserted), options), undefined);
      const after = methodology(inserted);
      assert.ok(after.every((d) => d.ruleId === 'methodology-incomplete' && !d.suggestions), 'only the placeholders are left to fill');
      assert.ok(after.every((d) => d.message.includes('still TODO')));
    });

    test('filling the placeholders clears the methodology findings', () => {
      const filled = fill(inserted);
      assert.ok(!/TODO/.test(filled), 'every placeholder was filled');
      assert.deepEqual(methodology(filled), []);
    });
  });
}

describe('methodology section: where it goes', () => {
  test('after the chapter that holds the results, before the conclusion, at that chapter\'s depth', () => {
    const text = fs.readFileSync(CASES['no-methodology.md'], 'utf8');
    const inserted = apply(text, methodologySectionEdit(buildModel(text), options));
    assert.ok(inserted.indexOf('## Test Methodology') > inserted.indexOf('Error rate'));
    assert.ok(inserted.indexOf('## Test Methodology') < inserted.indexOf('## Conclusion'));
  });

  test('at the end when the report has no headings', () => {
    const text = 'p95 latency: 120 ms\np99 latency: 240 ms\nThroughput: 410 req/s\n';
    const edit = methodologySectionEdit(buildModel(text), options);
    assert.equal(edit?.edits[0].start, text.length - 1);
  });

  test('cites each fact with the line it is on after the insertion', () => {
    const text = ['# Report', '', '## Results', '', '- p95 latency: 120 ms', '- p99 latency: 240 ms', '- Throughput: 410 req/s', '', '## Notes', '', '- Tested with Gatling for 10 minutes.', ''].join('\n');
    const inserted = apply(text, methodologySectionEdit(buildModel(text), options));
    const cited = /Tool\W+Gatling \(from Notes, line (\d+)\)/.exec(inserted);
    assert.ok(cited, inserted);
    assert.match(inserted.split('\n')[Number(cited[1]) - 1], /Tested with Gatling/);
  });
});

describe('methodology options', () => {
  test('the required elements are configurable, and unknown elements are rejected', () => {
    const ok = configFileSchema.safeParse({ rules: { 'methodology-missing': { options: { required: ['tool', 'duration'] } } } });
    assert.ok(ok.success);
    const bad = configFileSchema.safeParse({ rules: { 'methodology-incomplete': { options: { required: ['cpu'] } } } });
    assert.equal(bad.success, false);
  });

  test('a report that states every required element gets nothing', () => {
    const text = fs.readFileSync(CASES['scattered-partial.md'], 'utf8');
    const config = defaultConfig();
    config.rules['methodology-missing'] = { severity: 'warning', options: { required: ['tool', 'tool-version', 'environment', 'duration'] } };
    assert.deepEqual(analyze({ text, config }).diagnostics.filter((d) => d.ruleId === 'methodology-missing'), []);
  });
});
