// The methodology rules on the shared seed reports: every `must` of category methodology in
// expected.json is found, every methodology finding falls in a `must` or `may` range (the reviewer
// judged everything else clean), and none starts in a `clean` range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { defaultConfig } from '../../server/src/config/resolve';
import { SEEDS } from '../helpers';
import { describeSeeds, within } from '../seeds';

describeSeeds('methodology', (seed, findings) => {
  test('every finding is one a reviewer expects or accepts', () => {
    const accepted = [...seed.must, ...seed.may];
    assert.deepEqual(findings.filter((f) => !accepted.some((r) => within(f.line, r))), []);
  });
  test('lists what it finds', (t) => {
    for (const f of findings) t.diagnostic(`L${f.line} ${f.text}`);
  });
});

test('the load test of seed 001 is missing its tool version, environment and hardware, and the message says so', () => {
  const file = '001_cf8643b75f94b883.txt';
  const { diagnostics } = analyze({ text: fs.readFileSync(path.join(SEEDS, file), 'utf8'), config: defaultConfig() });
  const finding = diagnostics.find((d) => d.ruleId === 'methodology-missing');
  assert.ok(finding);
  const missing = finding.message.split('missing: ')[1] ?? '';
  for (const element of ['tool version', 'environment', 'hardware']) assert.ok(missing.includes(element), finding.message);
  assert.match(finding.message, /found: tool k6 \(line 39/);
  assert.ok(finding.suggestions?.length);
});
