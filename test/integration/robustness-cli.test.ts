// Files the analysis must not or cannot read: too large (one info notice, not analysed), binary
// (skipped), unreadable, gone between listing and reading, not UTF-8, or making the analysis throw.
// Through the core and through the CLI: each is a clear per-file message and the other files are
// still checked.
//
// Permission errors cannot be produced for root, who reads everything: when the tests run as root
// (as CI does here), the CLI is run as the unprivileged user `nobody` for those cases, and they are
// skipped, with the reason, where that is not possible.
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/core/analyze';
import { lintFile } from '../../server/src/cli/worker';
import { defaultConfig, type EffectiveConfig } from '../../server/src/config/resolve';
import { ROOT, workspace } from '../helpers';
import { cli, type CliRun } from './cli-runner';

const MOJIBAKE = '# Report\n\n## âœ… Results\n';
const CLEAN = '# Report\n\nAll good.\n';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severityName: string; message: string; fatal?: boolean; line: number; column: number }[];
  errorCount: number;
}
const parse = (r: CliRun | { stdout: string }): JsonResult[] => JSON.parse(r.stdout) as JsonResult[];
const byName = (results: JsonResult[], dir: string) => new Map(results.map((r) => [path.relative(dir, r.filePath), r]));
const ruleIds = (r: JsonResult | undefined) => r?.messages.map((m) => m.ruleId);

const withLimit = (maxFileSize: number): EffectiveConfig => ({ ...defaultConfig(), maxFileSize });

describe('core: files it does not analyse', () => {
  test('a file over the size limit gets one notice and no analysis', () => {
    const text = `${MOJIBAKE}${'x'.repeat(150 - Buffer.byteLength(MOJIBAKE))}`; // 150 bytes
    const a = analyze({ text, config: withLimit(100) });
    assert.match(a.skipped ?? '', /^Skipped: the file is 150 B, over the 100 B limit \(setting "maxFileSize"\)\.$/);
    assert.deepEqual(a.diagnostics, []);
    assert.deepEqual(a.failures, []);
    assert.equal(a.model, undefined);
    // The limit is in bytes, as on disk: 60 "é" are 120 bytes.
    assert.ok(analyze({ text: 'é'.repeat(60), config: withLimit(100) }).skipped);
    assert.ok(analyze({ text: 'x', bytes: new Uint8Array(101), config: withLimit(100) }).skipped);
    // At the limit: analysed.
    const atLimit = analyze({ text: `${MOJIBAKE}${'x'.repeat(100 - Buffer.byteLength(MOJIBAKE))}`, config: withLimit(100) });
    assert.equal(atLimit.skipped, undefined);
    assert.deepEqual(atLimit.diagnostics.map((d) => d.ruleId), ['mojibake']);
  });

  test('a file over the default limit (4 MiB) is skipped at once', (t) => {
    const text = `${MOJIBAKE}${'x'.repeat(4 * 1024 * 1024)}`;
    const t0 = performance.now();
    const a = analyze({ text, config: defaultConfig() });
    const ms = performance.now() - t0;
    t.diagnostic(`4 MiB + ${MOJIBAKE.length} B: skipped in ${ms.toFixed(1)} ms`);
    assert.match(a.skipped ?? '', /over the 4\.0 MiB limit/);
    assert.deepEqual(a.diagnostics, []);
  });

  test('a binary file (NUL bytes) is skipped', () => {
    const text = `${MOJIBAKE}\u0000\u0001\u0002 PNG`;
    for (const a of [analyze({ text, config: defaultConfig() }), analyze({ text, bytes: Buffer.from(text), config: defaultConfig() })]) {
      assert.equal(a.skipped, 'Skipped: the file looks binary (it has NUL bytes).');
      assert.deepEqual(a.diagnostics, []);
      assert.equal(a.model, undefined);
    }
    // The bytes decide when given: a NUL the decoded text hides still marks the file binary.
    assert.ok(analyze({ text: MOJIBAKE, bytes: Uint8Array.of(0x23, 0x00, 0x41), config: defaultConfig() }).skipped);
  });
});

describe('CLI: files it does not analyse', () => {
  test('a file over the configured limit: one info notice, not analysed, the rest checked', async () => {
    const big = MOJIBAKE + 'x'.repeat(2000);
    const dir = workspace({ '.readiness-lint.json': '{ "maxFileSize": 1000 }', 'big.md': big, 'small.md': MOJIBAKE });
    const r = await cli(['check', '-f', 'json', '.'], dir);
    const results = byName(parse(r), dir);
    const skipped = results.get('big.md')!;
    assert.equal(skipped.messages.length, 1);
    assert.deepEqual(
      { ruleId: skipped.messages[0].ruleId, severity: skipped.messages[0].severityName, line: skipped.messages[0].line },
      { ruleId: 'skipped', severity: 'info', line: 1 },
    );
    assert.match(skipped.messages[0].message, /over the 1000 B limit/);
    assert.deepEqual(ruleIds(results.get('small.md')), ['mojibake']);
    assert.equal(r.code, 1, 'the small file has an error; the notice is no error');
    // The human format says it too, and --fix leaves the file as it is.
    assert.match((await cli(['check', 'big.md'], dir)).stdout, /Skipped: the file is .* over the 1000 B limit/);
    assert.equal((await cli(['check', '--fix', '.'], dir)).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'big.md'), 'utf8'), big);
    assert.equal(fs.readFileSync(path.join(dir, 'small.md'), 'utf8'), '# Report\n\n## ✅ Results\n');
  });

  test('a binary file: one info notice, not analysed, the rest checked', async () => {
    const binary = Buffer.concat([Buffer.from(MOJIBAKE), Buffer.from([0x00, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])]);
    const dir = workspace({ 'image.md': binary, 'report.md': MOJIBAKE });
    const r = await cli(['check', '-f', 'json', '.'], dir);
    const results = byName(parse(r), dir);
    const skipped = results.get('image.md')!;
    assert.deepEqual(skipped.messages.map((m) => [m.ruleId, m.severityName, m.message]), [['skipped', 'info', 'Skipped: the file looks binary (it has NUL bytes).']]);
    assert.deepEqual(ruleIds(results.get('report.md')), ['mojibake']);
    await cli(['check', '--fix', '.'], dir);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'image.md')), binary, '--fix must not touch a binary file');
  });

  test('a file that is not UTF-8: a per-file error naming it, the rest checked', async () => {
    const latin1 = Buffer.from('# Rapport\n\nLatence moyenne : 5 ms, débit élevé.\n', 'latin1');
    const dir = workspace({ 'latin1.md': latin1, 'report.md': MOJIBAKE });
    const results = byName(parse(await cli(['check', '-f', 'json', '.'], dir)), dir);
    assert.ok(ruleIds(results.get('latin1.md'))?.includes('not-utf8'));
    assert.deepEqual(ruleIds(results.get('report.md')), ['mojibake']);
  });

  test('a file that vanishes between listing and reading: a per-file error, the rest checked', async (t) => {
    const dir = workspace({ 'a.md': MOJIBAKE, 'gone.md': MOJIBAKE, 'z.md': CLEAN });
    const gone = path.join(dir, 'gone.md');
    // The directory is listed first; the file is deleted just before the CLI reads it.
    const readFileSync = fs.readFileSync;
    t.mock.method(fs, 'readFileSync', (...args: Parameters<typeof fs.readFileSync>) => {
      if (args[0] === gone && fs.existsSync(gone)) fs.unlinkSync(gone);
      return readFileSync(...args);
    });
    syncBuiltinESMExports();
    let r: CliRun;
    try {
      r = await cli(['check', '-f', 'json', '.'], dir);
    } finally {
      t.mock.restoreAll();
      syncBuiltinESMExports();
    }
    const results = byName(parse(r), dir);
    assert.deepEqual([...results.keys()].sort(), ['a.md', 'gone.md', 'z.md']);
    const fatal = results.get('gone.md')!.messages;
    assert.equal(fatal.length, 1);
    assert.equal(fatal[0].ruleId, 'fatal');
    assert.equal(fatal[0].fatal, true);
    assert.match(fatal[0].message, /cannot read the file: ENOENT/);
    assert.deepEqual(ruleIds(results.get('a.md')), ['mojibake']);
    assert.deepEqual(ruleIds(results.get('z.md')), []);
    assert.equal(r.code, 1);
  });

  test('a 6,000-level block quote is analysed like any file, the rest checked', async () => {
    const dir = workspace({ 'a.md': MOJIBAKE, 'deep.md': `# Deep\n\n${'>'.repeat(6000)} âœ… text\n`, 'z.md': MOJIBAKE });
    const r = await cli(['check', '-f', 'json', '.'], dir);
    const results = byName(parse(r), dir);
    assert.deepEqual(ruleIds(results.get('deep.md')), ['mojibake']);
    assert.deepEqual(ruleIds(results.get('a.md')), ['mojibake']);
    assert.deepEqual(ruleIds(results.get('z.md')), ['mojibake']);
  });

  test('a file whose analysis throws: a per-file fatal error, not a lost run', () => {
    // A configuration no resolver produces makes analyze throw: the guard that catches any bug.
    const broken = { ...defaultConfig(), rules: undefined } as unknown as EffectiveConfig;
    const outcome = lintFile({ filePath: '/r.md', bytes: Buffer.from(MOJIBAKE), config: broken, fix: false });
    assert.deepEqual(outcome.messages.map((m) => [m.ruleId, m.fatal]), [['fatal', true]]);
    assert.match(outcome.messages[0].message, /^the analysis failed: TypeError/);
    assert.match(outcome.failures[0], /^the analysis failed on \/r\.md: TypeError/);
  });
});

// ---------------------------------------------------------------------------------------------
// Permissions

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** Runs the CLI from source; as root, as the user `nobody`, so that permissions apply. */
function cliAs(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, path.join(ROOT, 'server/src/cli/bin.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
    ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Why permission tests cannot run here, if they cannot. */
function permissionsUntestable(): string | undefined {
  if (process.platform === 'win32') return 'POSIX permissions';
  if (!isRoot) return undefined;
  const probe = spawnSync(process.execPath, ['-e', 'process.exit(process.getuid() === 65534 ? 0 : 1)'], { uid: NOBODY, gid: NOBODY });
  return probe.status === 0 ? undefined : `running as root and cannot drop to uid ${NOBODY} (${probe.error?.message ?? `exit ${probe.status}`}): root reads every file`;
}

/** A workspace the unprivileged user can enter, with `locked` made unreadable. */
function lockedWorkspace(t: TestContext, files: Record<string, string>, locked: string): string {
  const dir = workspace(files);
  fs.chmodSync(dir, 0o755); // mkdtemp makes it 0700
  fs.chmodSync(path.join(dir, locked), 0o000);
  t.after(() => fs.chmodSync(path.join(dir, locked), 0o755));
  return dir;
}

describe('CLI: permission errors', () => {
  const untestable = permissionsUntestable();

  test('an unreadable file: a per-file error, the rest checked', { skip: untestable }, (t) => {
    const dir = lockedWorkspace(t, { 'a.md': MOJIBAKE, 'secret.md': MOJIBAKE, 'z.md': CLEAN }, 'secret.md');
    const r = cliAs(['check', '-f', 'json', '.'], dir);
    const results = byName(parse(r), dir);
    const fatal = results.get('secret.md')?.messages ?? [];
    assert.deepEqual(fatal.map((m) => m.ruleId), ['fatal'], r.stderr);
    assert.match(fatal[0].message, /cannot read the file: EACCES/);
    assert.deepEqual(ruleIds(results.get('a.md')), ['mojibake']);
    assert.deepEqual(ruleIds(results.get('z.md')), []);
    assert.equal(r.code, 1);
  });

  test('an unreadable directory: a per-file error, the rest checked', { skip: untestable }, (t) => {
    const dir = lockedWorkspace(t, { 'a.md': MOJIBAKE, 'private/b.md': MOJIBAKE, 'z.md': CLEAN }, 'private');
    const r = cliAs(['check', '-f', 'json', '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    const results = parse(r);
    const fatal = results.find((x) => x.filePath.startsWith(path.join(dir, 'private')));
    assert.ok(fatal, `no result for the unreadable directory: ${r.stdout}`);
    assert.equal(fatal.messages[0].ruleId, 'fatal');
    assert.match(fatal.messages[0].message, /EACCES|permission/i);
    const names = byName(results, dir);
    assert.deepEqual(ruleIds(names.get('a.md')), ['mojibake']);
    assert.deepEqual(ruleIds(names.get('z.md')), []);
  });

  test('an unreadable directory named on the command line: a per-file error, the other arguments checked', { skip: untestable }, (t) => {
    const dir = lockedWorkspace(t, { 'a.md': MOJIBAKE, 'private/b.md': MOJIBAKE }, 'private');
    const r = cliAs(['check', '-f', 'json', 'private', 'a.md'], dir);
    assert.equal(r.code, 1, r.stderr);
    const results = parse(r);
    assert.ok(results.some((x) => x.filePath.startsWith(path.join(dir, 'private')) && x.messages[0]?.ruleId === 'fatal'), r.stdout);
    assert.deepEqual(ruleIds(byName(results, dir).get('a.md')), ['mojibake']);
  });
});
