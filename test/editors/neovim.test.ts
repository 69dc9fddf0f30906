// Neovim's built-in LSP client (Debian's 0.7) drives the built server over stdio: a client nobody
// on this project wrote. Its diagnostics must equal the CLI's, and a quick fix must round-trip.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, SEEDS, workspace } from '../helpers';

const DRIVER = path.join(__dirname, 'neovim/driver.lua');
const SERVER = path.join(ROOT, 'bin/readiness-lint-server.js');
const CLI = path.join(ROOT, 'bin/readiness-lint.js');
// Generous: the machine is shared; a healthy run takes a few seconds.
const WAIT_MS = 20_000;
const NVIM_KILL_MS = 90_000;

// The fix target sits after an astral emoji, so UTF-16 columns, code points and bytes all differ.
const REPORT_NAME = 'notes.md';
const REPORT = '# Release notes\n\n## 🎯 Goals ðŸš€ shipped\n\nStatus: âœ… done â€” really\n';
const FIX_LINE = 2;
// Not UTF-8: Neovim's default 'fileencodings' decodes it as Latin-1, so the server never sees U+FFFD.
const LATIN1_NAME = 'latin1.md';
const LATIN1 = Buffer.concat([Buffer.from('Caf\xe9 report: ', 'latin1'), Buffer.from('âœ… done\n', 'utf8')]);
// Sent the way nvim-lspconfig sends settings: workspace/didChangeConfiguration.
const SETTINGS = { readinessLint: { rules: { mojibake: 'warning' } } };

interface Position { line: number; character: number }
interface LspDiagnostic { range: { start: Position; end: Position }; code?: string; severity?: number; message: string }
interface NvimDiagnostic { line: number; character: number; endLine: number; endCharacter: number; code?: string; severity: number; message: string }
interface Snapshot { uri: string; version: number; pushes: number; pushedVersion?: number; pushed: LspDiagnostic[]; neovim: NvimDiagnostic[]; text: string }
interface RoundTrip { target: LspDiagnostic; titles: string[]; before: number; applied?: string; after?: Snapshot }
interface NvimResult {
  nvim: { major: number; minor: number; patch: number };
  offsetEncoding: string;
  serverCapabilities: Record<string, unknown>;
  files: Record<string, Snapshot>;
  codeAction: RoundTrip;
  showDocumentation: { error?: { code?: number; message: string } };
  afterSettings: Snapshot;
  logs: { method: string; type: number; message: string }[];
  errors: { code: number; err: string }[];
  exit?: { code: number; signal: number };
  failure?: string;
}
interface CliMessage { ruleId: string; severityName: string; message: string; line: number; column: number; endLine: number; endColumn: number; fix?: { range: [number, number]; text: string } }

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];
const keyOfCli = (m: CliMessage) => `${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1} ${m.ruleId} ${m.severityName} ${m.message}`;
const keyOfLsp = (d: LspDiagnostic) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${SEVERITY[d.severity ?? 0]} ${d.message}`;
const keyOfNvim = (d: NvimDiagnostic) => `${d.line}:${d.character}-${d.endLine}:${d.endCharacter} ${d.code} ${SEVERITY[d.severity]} ${d.message}`;
// Neovim does not promise the server's order; the comparison is of sets (with repeats).
const sorted = (keys: string[]) => [...keys].sort();

function requireNeovim(): void {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'nvim is not installed (or not on PATH): this suite needs Neovim\'s LSP client. ' +
        'Install Debian\'s package: apt-get install -y --no-install-recommends neovim (.ci/run does).',
    );
  }
}

interface Run { code: number | null; stdout: string; stderr: string }

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; killAfterMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = options.killAfterMs ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function cliMessages(file: string): Promise<CliMessage[]> {
  const r = await run(process.execPath, [CLI, 'check', '--format', 'json', file], { cwd: path.dirname(file) });
  assert.ok(r.code === 0 || r.code === 1, `CLI on ${file} exited ${r.code}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { messages: CliMessage[] }[])[0].messages;
}

/** Seeds (copied: they are read-only inputs), the small mojibake report and the Latin-1 file, in a temp folder. */
function copyInputs(): { dir: string; files: string[] } {
  const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(seeds.length >= 3, `expected the shared seeds in ${SEEDS}`);
  const copies = Object.fromEntries(seeds.map((f) => [f, fs.readFileSync(path.join(SEEDS, f))]));
  const dir = workspace({ ...copies, [REPORT_NAME]: REPORT, [LATIN1_NAME]: LATIN1 });
  return { dir, files: [...seeds, REPORT_NAME].map((f) => path.join(dir, f)) };
}

async function runNeovim(dir: string, files: string[]): Promise<{ result: NvimResult; run: Run }> {
  const home = fs.mkdtempSync(path.join(dir, '.nvim-'));
  const out = path.join(home, 'result.json');
  const jobFile = path.join(home, 'job.json');
  const job = {
    cmd: [process.execPath, SERVER, '--stdio'],
    root: dir,
    files,
    fix: { file: path.join(dir, REPORT_NAME), line: FIX_LINE },
    settings: SETTINGS,
    out,
    timeoutMs: WAIT_MS,
  };
  fs.writeFileSync(jobFile, JSON.stringify(job));
  // Neovim's state, cache (lsp.log) and data stay in the temp folder, not the user's home.
  const env = { ...process.env, READINESS_LINT_NVIM_JOB: jobFile, XDG_CACHE_HOME: home, XDG_STATE_HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home };
  const r = await run('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${DRIVER}`], { cwd: dir, env, killAfterMs: NVIM_KILL_MS });
  const logFile = path.join(home, 'nvim/lsp.log');
  const lspLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${r.code}).\nstderr: ${r.stderr}\nlsp.log: ${lspLog.slice(-4000)}`);
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
  assert.equal(result.failure, undefined, `the Neovim driver failed: ${result.failure}\nstderr: ${r.stderr}\nlsp.log: ${lspLog.slice(-4000)}`);
  assert.equal(r.code, 0, `nvim exited ${r.code}: ${r.stderr}`);
  return { result, run: r };
}

interface Session { dir: string; files: string[]; latin1: string; nvim: NvimResult; stderr: string; cli: Map<string, CliMessage[]> }

/** One Neovim run serves both suites; the CLI runs alongside it. */
async function startSession(): Promise<Session> {
  requireNeovim();
  const { dir, files } = copyInputs();
  const latin1 = path.join(dir, LATIN1_NAME);
  const all = [...files, latin1];
  const [neovim, ...messages] = await Promise.all([runNeovim(dir, all), ...all.map(cliMessages)]);
  return { dir, files, latin1, nvim: neovim.result, stderr: neovim.run.stderr, cli: new Map(all.map((f, i) => [f, messages[i]])) };
}

let pending: Promise<Session> | undefined;
const session = () => (pending ??= startSession());

/** The text with one CLI fix applied (its range is in UTF-16 offsets, as JavaScript strings are). */
const applyCliFix = (text: string, fix: { range: [number, number]; text: string }) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

describe('Neovim\'s LSP client', () => {
  let s: Session;
  before(async () => {
    s = await session();
  });

  test('Neovim 0.7 has no pull diagnostics: the server pushes, in UTF-16', () => {
    assert.equal(s.nvim.serverCapabilities.diagnosticProvider, undefined, 'no pull capability was offered to a client without it');
    assert.equal(s.nvim.offsetEncoding, 'utf-16');
    for (const f of s.files) assert.ok(s.nvim.files[f].pushes >= 1, `${path.basename(f)}: diagnostics were pushed`);
  });

  test('every seed and the report: the same diagnostics as the CLI', () => {
    for (const f of s.files) {
      const name = path.basename(f);
      const expected = sorted(s.cli.get(f)!.map(keyOfCli));
      const snapshot = s.nvim.files[f];
      assert.equal(snapshot.text, fs.readFileSync(f, 'utf8'), `${name}: Neovim's buffer is the file`);
      assert.ok(expected.length > 0, `${name}: the CLI finds something to compare`);
      assert.deepEqual(sorted(snapshot.pushed.map(keyOfLsp)), expected, `${name}: what the server pushed`);
      assert.deepEqual(sorted(snapshot.neovim.map(keyOfNvim)), expected, `${name}: what vim.diagnostic.get holds`);
    }
  });

  test('code action round trip: the preferred quick fix repairs the mojibake', async () => {
    const file = path.join(s.dir, REPORT_NAME);
    const round = s.nvim.codeAction;
    const target = s.cli.get(file)!.find((m) => m.ruleId === 'mojibake' && m.line - 1 === FIX_LINE);
    assert.ok(target?.fix, 'the CLI has a certain fix for the target');
    assert.equal(round.target.range.start.character, target.column - 1);
    assert.ok(round.applied, `a preferred quick fix was offered; actions: ${JSON.stringify(round.titles)}`);
    const after = round.after!;
    assert.equal(after.text, applyCliFix(REPORT, target.fix), 'the buffer holds the repaired text');
    assert.ok(after.text.includes('## 🎯 Goals 🚀 shipped\n'));
    assert.equal(round.before, s.cli.get(file)!.length);
    assert.equal(after.neovim.length, round.before - 1, 'one diagnostic fewer');
    // The server's copy of the buffer (synced incrementally) must be Neovim's text, as the CLI sees it.
    const edited = path.join(s.dir, `edited-${REPORT_NAME}`);
    fs.writeFileSync(edited, after.text);
    assert.deepEqual(sorted(after.neovim.map(keyOfNvim)), sorted((await cliMessages(edited)).map(keyOfCli)));
  });

  test('the server logs no errors and exits when Neovim stops it', () => {
    assert.deepEqual(s.nvim.logs.filter((l) => l.type === 1), [], 'no error-level window/logMessage or showMessage');
    assert.deepEqual(s.nvim.errors, [], 'no client-side RPC errors');
    assert.deepEqual(s.nvim.exit, { code: 0, signal: 0 }, 'clean exit after shutdown/exit');
    assert.equal(s.stderr.trim(), '', 'Neovim printed no errors');
  });
});

// Found first under Neovim: settings pushed by the client, a client without showDocument, Latin-1 buffers.
describe('Neovim\'s LSP client: settings, commands and non-UTF-8 files', () => {
  let s: Session;
  before(async () => {
    s = await session();
  });

  test('settings sent with workspace/didChangeConfiguration apply', () => {
    const severities = s.nvim.afterSettings.neovim.map((d) => SEVERITY[d.severity]);
    assert.ok(severities.length > 0);
    assert.deepEqual(new Set(severities), new Set(['warning']));
  });

  test('"Show documentation" works in a client without window/showDocument', () => {
    assert.equal(s.nvim.showDocumentation.error, undefined);
    const shown = s.nvim.logs.filter((l) => l.method === 'window/showMessage').map((l) => l.message);
    assert.ok(shown.some((m) => /^Documentation for mojibake: https:\/\/\S+\/docs\/rules\/mojibake\.md$/.test(m)), shown.join('\n'));
  });

  test('a file Neovim decoded as Latin-1 gets the CLI\'s diagnostics', () => {
    assert.deepEqual(sorted(s.nvim.files[s.latin1].neovim.map(keyOfNvim)), sorted(s.cli.get(s.latin1)!.map(keyOfCli)));
  });
});
