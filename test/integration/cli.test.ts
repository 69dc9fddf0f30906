import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, workspace } from '../helpers';
import { cli } from './cli-runner';

const BAD = '# Report\n\n## âœ… Results\n\nâ€” done\n';
const json = (stdout: string) => JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; category: string; fix?: unknown }[]; errorCount: number; output?: string }[];

describe('files, directories and globs', () => {
  test('a directory expands to Markdown and text files, .gitignore respected', async () => {
    const dir = workspace({
      '.gitignore': 'build/\n',
      'docs/a.md': BAD,
      'docs/b.txt': BAD,
      'docs/c.markdown': 'clean',
      'docs/d.json': '{}',
      'build/e.md': BAD,
    });
    const r = await cli(['check', '--format', 'json', '.'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(json(r.stdout).map((x) => path.relative(dir, x.filePath)).sort(), ['docs/a.md', 'docs/b.txt', 'docs/c.markdown']);
  });

  test('globs, and an argument that matches nothing is a usage error', async () => {
    const dir = workspace({ 'docs/a.md': BAD, 'docs/b.txt': BAD });
    assert.deepEqual(json((await cli(['check', '-f', 'json', 'docs/**/*.md'], dir)).stdout).length, 1);
    const r = await cli(['check', 'nothing/**/*.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no files match/);
  });

  test('ignore globs in the configuration leave files out', async () => {
    const dir = workspace({ '.readiness-lint.json': '{ "ignore": ["drafts/**"] }', 'drafts/a.md': BAD, 'b.md': BAD });
    assert.deepEqual(json((await cli(['check', '-f', 'json', '.'], dir)).stdout).map((x) => path.basename(x.filePath)), ['b.md']);
  });

  test('standard input, with --stdin-filename for configuration lookup', async () => {
    const dir = workspace({ 'sub/.readiness-lint.json': '{ "rules": { "mojibake": "warning" } }' });
    const r = await cli(['check', '-f', 'json', '--stdin-filename', 'sub/x.md', '-'], dir, BAD);
    assert.equal(r.code, 0, 'warnings only');
    assert.equal(json(r.stdout)[0].filePath, path.join(dir, 'sub/x.md'));
    assert.equal(json(r.stdout)[0].messages.length, 2);
  });

  test('an unreadable file is a per-file error and the rest are still checked', async () => {
    const dir = workspace({ 'a.md': BAD, 'z.md': 'clean text' });
    fs.chmodSync(path.join(dir, 'a.md'), 0o000);
    const r = await cli(['check', '-f', 'json', '.'], dir);
    fs.chmodSync(path.join(dir, 'a.md'), 0o644);
    const results = json(r.stdout);
    assert.equal(results.length, 2);
    if (process.getuid?.() !== 0) {
      // root reads any file: the permission error only shows for other users.
      assert.equal(results[0].messages[0].ruleId, 'fatal');
    }
  });
});

describe('exit codes and options', () => {
  test('0 clean, 1 errors, 2 usage', async () => {
    const dir = workspace({ 'clean.md': '# Fine\n\nAll good.\n', 'bad.md': BAD });
    assert.equal((await cli(['check', 'clean.md'], dir)).code, 0);
    assert.equal((await cli(['check', 'bad.md'], dir)).code, 1);
    assert.equal((await cli(['check', '--format', 'xml', 'bad.md'], dir)).code, 2);
    assert.equal((await cli(['check'], dir)).code, 2);
    assert.equal((await cli(['frobnicate'], dir)).code, 2);
    assert.equal((await cli(['check', '--rule', 'nope=off', 'bad.md'], dir)).code, 2);
  });

  test('--rule, --max-warnings and --quiet', async () => {
    const dir = workspace({ 'bad.md': BAD });
    assert.equal((await cli(['check', '--rule', 'mojibake=warning', 'bad.md'], dir)).code, 0);
    const over = await cli(['check', '--rule', 'mojibake=warning', '--max-warnings', '1', 'bad.md'], dir);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /too many warnings/);
    const quiet = await cli(['check', '-f', 'json', '--quiet', '--rule', 'mojibake=warning', 'bad.md'], dir);
    assert.deepEqual(json(quiet.stdout)[0].messages, []);
  });

  test('invalid configuration: exit 2 and the file, line, field and reason', async () => {
    const dir = workspace({ '.readiness-lint.json': '{\n  "rules": { "mojibake": "loud" }\n}\n', 'bad.md': BAD });
    const r = await cli(['check', 'bad.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.readiness-lint\.json:2:\d+: invalid configuration: rules\.mojibake: /);
  });

  test('json messages are ESLint\'s, with category', async () => {
    const dir = workspace({ 'bad.md': BAD });
    const [result] = json((await cli(['check', '-f', 'json', 'bad.md'], dir)).stdout);
    assert.equal(result.errorCount, 2);
    assert.deepEqual(
      result.messages.map((m) => [m.ruleId, m.line, m.column, m.category]),
      [['mojibake', 3, 4, 'encoding'], ['mojibake', 5, 1, 'encoding']],
    );
    assert.ok(result.messages[0].fix);
  });

  test('config FILE prints the effective configuration', async () => {
    const dir = workspace({ '.readiness-lint.json': '{ "rules": { "mojibake": "info" } }', 'docs/r.md': '' });
    const r = await cli(['config', 'docs/r.md'], dir);
    assert.equal(r.code, 0);
    const printed = JSON.parse(r.stdout);
    assert.equal(printed.rules.mojibake.severity, 'info');
    assert.deepEqual(printed.files, [path.join(dir, '.readiness-lint.json')]);
  });
});

describe('--fix', () => {
  test('repairs in place, keeps CRLF and the BOM, and a second run changes nothing', async () => {
    const original = '\uFEFF# Report\r\n\r\n## âœ… Results\r\n\r\nâ€” done\r\n';
    const dir = workspace({ 'r.md': original });
    const file = path.join(dir, 'r.md');
    const first = await cli(['check', '--fix', 'r.md'], dir);
    assert.equal(first.code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFF# Report\r\n\r\n## ✅ Results\r\n\r\n— done\r\n');
    const bytes = fs.readFileSync(file);
    await cli(['check', '--fix', 'r.md'], dir);
    assert.deepEqual(fs.readFileSync(file), bytes);
  });

  test('--fix-dry-run writes nothing and puts the fixed text in "output"', async () => {
    const dir = workspace({ 'r.md': BAD });
    const r = await cli(['check', '-f', 'json', '--fix-dry-run', 'r.md'], dir);
    assert.equal(json(r.stdout)[0].output, '# Report\n\n## ✅ Results\n\n— done\n');
    assert.equal(fs.readFileSync(path.join(dir, 'r.md'), 'utf8'), BAD);
  });

  test('a file that is not UTF-8 gets one finding and is never rewritten', async () => {
    const latin1 = Buffer.from('# Rapport\n\nR\xe9sultats: 99,5 % r\xe9ussis\n', 'latin1');
    const dir = workspace({ 'r.md': latin1 });
    const r = await cli(['check', '-f', 'json', '--fix', 'r.md'], dir);
    const [result] = json(r.stdout);
    assert.deepEqual(result.messages.map((m) => m.ruleId), ['not-utf8']);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'r.md')), latin1);
  });
});

describe('the installed commands', () => {
  test('readiness-lint --version and check run from the bundle', () => {
    const version = spawnSync(process.execPath, [path.join(ROOT, 'bin/readiness-lint.js'), '--version'], { encoding: 'utf8' });
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const dir = workspace({ 'r.md': BAD });
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/readiness-lint.js'), 'check', 'r.md'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /mojibake/);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when not a terminal');
  });
});
