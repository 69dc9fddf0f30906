// What the methodology rules read as the tool of a test: a name standing on its own, never part of
// a word, a path, a package or a domain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../server/src/model/document';
import { findFacts } from '../../server/src/rules/methodology-support';

const tools = (line: string): string[] =>
  findFacts(buildModel(`# Load test\n\n${line}\n`))
    .filter((f) => f.element === 'tool' || f.element === 'tool-version')
    .map((f) => f.value);

test('a tool named on its own counts, with the version after it', () => {
  assert.deepEqual(tools('We ran k6 v0.49.0 against staging.'), ['k6', 'k6 v0.49.0']);
  assert.deepEqual(tools('Load was generated with (wrk2) for ten minutes.'), ['wrk2']);
  assert.deepEqual(tools('The generator was Apache JMeter.'), ['Apache JMeter']);
});

test('a name inside a word, a path, a package or a domain is not a tool', () => {
  for (const line of ['The mk6 board was used.', 'Scripts live in tests/k6 and pkg.k6.', 'See @grafana/k6 and k6.io for details.', 'Model x-k6 and 2k6 parts.']) {
    assert.deepEqual(tools(line), [], line);
  }
});

test('a letter outside the Basic Multilingual Plane before the name makes it part of a word', () => {
  assert.deepEqual(tools('We ran \u{1D400}k6 in the lab.'), []);
  assert.deepEqual(tools('We ran \u{1F680}k6 in the lab.'), ['k6']); // an emoji is not a letter
});

test('a name rejected inside a word is found again later on the same line, even inside the rejected match', () => {
  assert.deepEqual(tools('mk6 is a board; load came from k6.'), ['k6']);
  // "grafana k6" is rejected ("my" before it), and "k6" within it still stands on its own.
  assert.deepEqual(tools('Load came from mygrafana k6 on a laptop.'), ['k6']);
});
