// Clean report lines in many languages, garbled on purpose through every code page and mode, must
// come back: each garbled stretch found as one run and repaired; the clean lines stay silent.
// scripts/bench-mojibake.ts prints the same measures in full.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_PAGES, findMojibake, garbleLine, type GarbleOptions } from '../../server/src/encoding';
import { emptyTally, measure, type Tally } from '../../scripts/bench-mojibake';
import { ROOT } from '../helpers';

const LINES = fs.readFileSync(path.join(ROOT, 'test/fixtures/encoding/clean.txt'), 'utf8').split('\n');
const GARBLED = LINES.filter((l) => /[^\x00-\x7f]/.test(l));

/** Every tally the tests below made, for the per-line measure over all of them (the last test). */
const tallies: Tally[] = [];

function run(page: string, options: GarbleOptions): Tally {
  const tally = emptyTally();
  for (const line of GARBLED) measure(line, page, options, tally);
  tallies.push(tally);
  return tally;
}

const rate = (n: number, d: number) => (d ? n / d : 1);

test('the clean corpus has no finding at all', () => {
  assert.ok(LINES.length > 300);
  const findings = LINES.flatMap((line) => findMojibake(line).map((r) => `${r.text} in ${line}`));
  assert.deepEqual(findings, []);
});

describe('decoded once, undefined bytes shown as C1 controls', () => {
  for (const page of CODE_PAGES) {
    test(page.name, () => {
      const t = run(page.name, { times: 1, undefinedBytes: 'c1' });
      // Every run found is repaired exactly and with certainty: nothing was lost.
      assert.deepEqual(t.wrong, []);
      assert.equal(t.strayRuns, 0);
      // What is missed reads as real text as it stands: a lone "Ã" before "¹", "¬" before "±".
      const floor = ['macintosh', 'cp437', 'windows-1251'].includes(page.name) ? 0.97 : 0.99;
      assert.ok(rate(t.detected, t.spans) >= floor, `recall ${t.detected}/${t.spans}: ${t.misses.slice(0, 5).join('; ')}`);
    });
  }
});

describe('decoded twice', () => {
  for (const page of CODE_PAGES) {
    test(page.name, () => {
      const t = run(page.name, { times: 2, undefinedBytes: 'c1' });
      assert.ok(rate(t.detected, t.spans) >= 0.995, `recall ${t.detected}/${t.spans}: ${t.misses.slice(0, 5).join('; ')}`);
      // A run whose middle layer reads as real text ("Ã…" for Å) is repaired one layer deep only
      // when nothing else on its line was decoded twice: few are.
      assert.ok(rate(t.repaired, t.recoverable) >= 0.99, `repaired ${t.repaired}/${t.recoverable}: ${t.wrong.slice(0, 5).join('; ')}`);
    });
  }
});

describe('decoded once, undefined bytes dropped', () => {
  for (const page of CODE_PAGES.filter((p) => p.undefinedBytes.length > 0)) {
    test(page.name, () => {
      const t = run(page.name, { times: 1, undefinedBytes: 'drop' });
      assert.deepEqual(t.wrong, []);
      // Beyond a lone lead letter, whose loss leaves real-looking text ("ÃREA"), runs are found.
      assert.ok(rate(t.detected, t.spans) >= 0.95, `recall ${t.detected}/${t.spans}: ${t.misses.slice(0, 5).join('; ')}`);
      // The intended reading is among the candidates, and near the top for emoji and symbols. The
      // corpus holds each of some 200 emoji and symbols about once, the odd ones (🐯 📏 ☎ ⌃) on
      // purpose: where a lost byte leaves several real emoji, the report prior ranks those last.
      assert.ok(rate(t.ranks[4], t.dropped) <= 0.01, `intended absent in ${t.ranks[4]}/${t.dropped}`);
      const symbols = t.symbolRanks.reduce((a, b) => a + b, 0);
      const top3 = t.symbolRanks[0] + t.symbolRanks[1] + t.symbolRanks[2];
      assert.ok(rate(top3, symbols) >= 0.8, `emoji and symbols in the top 3: ${top3}/${symbols}`);
    });
  }
});

test('a garbled line repairs to the clean line by taking every top candidate', () => {
  for (const line of GARBLED.slice(0, 120)) {
    const { text } = garbleLine(line, 'windows-1252');
    let repaired = text;
    for (const r of findMojibake(text).reverse()) repaired = repaired.slice(0, r.start) + r.candidates[0].text + repaired.slice(r.end);
    if (repaired !== line) assert.fail(`${JSON.stringify(text)} → ${JSON.stringify(repaired)}`);
  }
});

test('at least 99.5% of mis-decoded lines get a finding, over every code page and mode (the issue measures lines)', () => {
  const modes = CODE_PAGES.length * 2 + CODE_PAGES.filter((p) => p.undefinedBytes.length > 0).length;
  assert.equal(tallies.length, modes, 'runs after the tests above');
  const lines = tallies.reduce((n, t) => n + t.misdecodedLines, 0);
  const flagged = tallies.reduce((n, t) => n + t.flaggedLines, 0);
  assert.ok(lines > 1000);
  assert.ok(rate(flagged, lines) >= 0.995, `lines flagged ${flagged}/${lines}`);
});
