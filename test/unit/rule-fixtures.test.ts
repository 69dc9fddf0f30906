// Runs every rule fixture: test/fixtures/rules/<rule>/<case>.{md,txt} is a small report;
// <case>.expect lists the diagnostics it must produce, one a line:
//   line:col-endLine:endCol severity rule-id ["substring of the message"]
// (an .expect with no diagnostic lines means the report must stay silent); <case>.fixed.<ext>,
// when present, is the text after all certain fixes; <case>.config.json, when present, is its
// configuration. Run with UPDATE_FIXTURES=1 to write the .expect files from the current output.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, fixAll } from '../../server/src/core/analyze';
import { ConfigResolver } from '../../server/src/config/resolve';
import type { Diagnostic } from '../../server/src/core/types';
import { LineIndex } from '../../server/src/model/lines';
import { ROOT } from '../helpers';

const DIR = path.join(ROOT, 'test/fixtures/rules');
const EXPECT_LINE = /^(\d+):(\d+)-(\d+):(\d+) (error|warning|info) ([\w-]+)(?: "(.*)")?$/;

function describeDiagnostic(d: Diagnostic, lines: LineIndex): string {
  const s = lines.positionAt(d.span.start);
  const e = lines.positionAt(d.span.end);
  return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${d.severity} ${d.ruleId}`;
}

function cases(): { rule: string; file: string }[] {
  if (!fs.existsSync(DIR)) return [];
  return fs.readdirSync(DIR).flatMap((rule) =>
    fs
      .readdirSync(path.join(DIR, rule))
      .filter((f) => /\.(md|txt)$/.test(f) && !/\.fixed\.(md|txt)$/.test(f))
      .map((f) => ({ rule, file: path.join(DIR, rule, f) })),
  );
}

for (const { rule, file } of cases()) {
  const base = file.replace(/\.(md|txt)$/, '');
  describe(`${rule}: ${path.basename(file)}`, () => {
    const text = fs.readFileSync(file, 'utf8');
    const configFile = fs.existsSync(`${base}.config.json`) ? `${base}.config.json` : undefined;
    const { config, errors } = new ConfigResolver().resolve(file, { configFile });
    const input = { text, filePath: file, bytes: fs.readFileSync(file), config };
    const analysis = analyze(input);
    const lines = new LineIndex(text);

    test('produces exactly the expected diagnostics', () => {
      assert.deepEqual(errors, []);
      assert.deepEqual(analysis.failures, []);
      const actual = analysis.diagnostics.map((d) => describeDiagnostic(d, lines));
      if (process.env.UPDATE_FIXTURES) {
        // Keep the message substrings written by hand for findings that are still there.
        const old = fs.existsSync(`${base}.expect`) ? fs.readFileSync(`${base}.expect`, 'utf8').split('\n') : [];
        const kept = (a: string) => old.find((l) => l.startsWith(`${a} "`)) ?? a;
        fs.writeFileSync(`${base}.expect`, actual.map((a) => `${kept(a)}\n`).join(''));
        return;
      }
      assert.ok(fs.existsSync(`${base}.expect`), `missing ${path.relative(ROOT, base)}.expect`);
      const expected = fs
        .readFileSync(`${base}.expect`, 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('#'));
      assert.deepEqual(actual, expected.map((l) => l.replace(/ ".*"$/, '')));
      expected.forEach((l, i) => {
        const m = EXPECT_LINE.exec(l);
        assert.ok(m, `malformed expectation: ${l}`);
        if (m[7]) assert.ok(analysis.diagnostics[i].message.includes(m[7]), `message "${analysis.diagnostics[i].message}" lacks "${m[7]}"`);
      });
    });

    const fixedFile = `${base}.fixed${path.extname(file)}`;
    if (fs.existsSync(fixedFile)) {
      test('fixes to the expected text, and fixing again changes nothing', () => {
        const fixed = fixAll(input).text;
        assert.equal(fixed, fs.readFileSync(fixedFile, 'utf8'));
        assert.equal(fixAll({ ...input, text: fixed, bytes: undefined }).text, fixed);
      });
    }
  });
}
