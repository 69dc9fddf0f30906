// The shared seed reports and what a reviewer expects of them (../shared/fixtures/seeds/expected.json),
// for the per-category seed tests: every `must` is found, nothing starts in a `clean` range.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/core/analyze';
import { defaultConfig } from '../server/src/config/resolve';
import type { Category } from '../server/src/core/types';
import { SEEDS } from './helpers';

export interface Range {
  category: string;
  /** 1-based, inclusive. */
  lines: [number, number];
  why: string;
}

interface SeedExpectation {
  file: string;
  must?: Range[];
  may?: Range[];
  clean?: Range[];
}

const expected = JSON.parse(fs.readFileSync(path.join(SEEDS, 'expected.json'), 'utf8')) as { files: SeedExpectation[] };

export const within = (line: number, r: Range) => r.lines[0] <= line && line <= r.lines[1];

export interface SeedFinding {
  /** 1-based. */
  line: number;
  ruleId: string;
  /** "severity ruleId: message", for test output. */
  text: string;
}

/**
 * One describe block per seed: the rules of `category` run without failures, find every `must` and
 * stay silent on every `clean` range; `extra` adds the category's own checks.
 */
export function describeSeeds(
  category: Category,
  extra: (seed: { must: Range[]; may: Range[]; clean: Range[] }, findings: SeedFinding[]) => void = () => {},
): void {
  const of = (ranges: Range[] | undefined) => (ranges ?? []).filter((r) => r.category === category);
  for (const seed of expected.files) {
    describe(`${category} on ${seed.file}`, () => {
      const file = path.join(SEEDS, seed.file);
      const analysis = analyze({ text: fs.readFileSync(file, 'utf8'), filePath: file, bytes: fs.readFileSync(file), config: defaultConfig() });
      const findings = analysis.diagnostics
        .filter((d) => d.category === category)
        .map((d) => ({ line: analysis.model!.lines.positionAt(d.span.start).line + 1, ruleId: d.ruleId, text: `${d.severity} ${d.ruleId}: ${d.message}` }));

      test('the rules run without failures', () => {
        assert.deepEqual(analysis.failures, []);
      });

      for (const must of of(seed.must)) {
        test(`finds lines ${must.lines.join('-')}: ${must.why}`, () => {
          assert.ok(
            findings.some((f) => within(f.line, must)),
            `no ${category} finding in lines ${must.lines.join('-')}; found: ${findings.map((f) => f.line).join(', ') || 'none'}`,
          );
        });
      }

      for (const clean of of(seed.clean)) {
        test(`stays silent on lines ${clean.lines.join('-')}: ${clean.why}`, () => {
          assert.deepEqual(findings.filter((f) => within(f.line, clean)), []);
        });
      }

      extra({ must: of(seed.must), may: of(seed.may), clean: of(seed.clean) }, findings);
    });
  }
}

/** Reports, as test diagnostics, the findings in `may` ranges and those outside every range. */
export function listFindings(seed: { must: Range[]; may: Range[]; clean: Range[] }, findings: SeedFinding[]): void {
  test('lists what it finds in the may ranges and outside every range', (t) => {
    for (const may of seed.may) {
      const found = findings.filter((f) => within(f.line, may));
      t.diagnostic(`may ${may.lines.join('-')} (${may.why}): ${found.length ? found.map((f) => `L${f.line} ${f.text}`).join(' | ') : 'nothing'}`);
    }
    const listed = [...seed.must, ...seed.may, ...seed.clean];
    for (const f of findings.filter((x) => !listed.some((r) => within(x.line, r)))) t.diagnostic(`unlisted: L${f.line} ${f.text}`);
  });
}
