// npm run bench: how fast readiness-lint is, measured in one run on the same inputs, side by side with
// what it competes with: the bare Markdown parse (editor), markdownlint-cli2 (CI) and bare Node
// (start-up). Prints medians and ratios; asserts nothing (a benchmark is not a test).
//   node --import tsx scripts/bench.ts      (npm run bench builds dist/ first: this measures the bundles)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { TestClient } from '../test/integration/lsp-client';
import { generateReport, random } from './generate-reports';

const ROOT = path.resolve(__dirname, '..');
const SEEDS = path.resolve(ROOT, '../shared/fixtures/seeds');
const CLI = path.join(ROOT, 'bin/readiness-lint.js');
const MARKDOWNLINT = path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const MARKDOWNLINT_VERSION = JSON.parse(fs.readFileSync(path.join(path.dirname(MARKDOWNLINT), 'package.json'), 'utf8')).version;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** Nearest rank: with few samples it is the slowest of them. */
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1];
const ms = (t: number) => (t >= 10_000 ? `${(t / 1000).toFixed(1)} s` : `${t.toFixed(t < 10 ? 1 : 0)} ms`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const table = (head: string[], rows: string[][]) =>
  [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const progress = (s: string) => process.stderr.write(`bench: ${s}\n`);

function timed<T>(f: () => T): [number, T] {
  const start = performance.now();
  const value = f();
  return [performance.now() - start, value];
}

async function timedAsync<T>(f: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

/**
 * Times `f` up to `most` times, stopping early (after `least`) once `budgetMs` is spent: the sample
 * counts adapt to how fast the analysis is, and the table says how many there were.
 */
async function sample(most: number, least: number, budgetMs: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < most && (i < least || performance.now() - start < budgetMs); i++) times.push(await timedAsync(() => f(i)));
  return times;
}

function wallTime(args: string[], cwd: string): number {
  // Reports go nowhere: writing them is not what is compared.
  const [t, r] = timed(() => spawnSync(process.execPath, args, { cwd, stdio: 'ignore' }));
  // Exit 1 means findings; anything else is a broken run, not a number to report.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status ?? r.signal}`);
  return t;
}

// ---- Editor latency -------------------------------------------------------------------------------

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * The most samples per size, and the time after which a size stops at its least (3 edits, 1 open).
 * `warmups`: reports of the size parsed and opened, uncounted, before the timing starts.
 */
const EDITOR_SIZES = [
  { lines: 100, opens: 7, edits: 60, parses: 21, warmups: 10, budgetMs: 10_000 },
  { lines: 1_000, opens: 5, edits: 30, parses: 9, warmups: 3, budgetMs: 30_000 },
  { lines: 10_000, opens: 3, edits: 15, parses: 3, warmups: 1, budgetMs: 60_000 },
];

interface EditorRow {
  lines: number;
  bytes: number;
  parse: number;
  opens: number[];
  edits: number[];
}

/** Typing at a random place: a digit somewhere in a line, or now and then a new line after one. */
function editAt(lines: string[], rnd: () => number) {
  const line = Math.floor(rnd() * lines.length);
  const newLine = rnd() < 0.2;
  const character = newLine ? lines[line].length : Math.floor(rnd() * (lines[line].length + 1));
  const text = newLine ? '\n- Retries: 3 per request' : '7';
  const updated = (lines[line].slice(0, character) + text + lines[line].slice(character)).split('\n');
  lines.splice(line, 1, ...updated);
  return { range: { start: { line, character }, end: { line, character } }, text };
}

async function editorLatency(client: TestClient): Promise<EditorRow[]> {
  const rows: EditorRow[] = [];
  let uri = '';
  const openOnly = async (name: string, text: string) => {
    if (uri) void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.pull((uri = client.open(path.join(os.tmpdir(), name), text)));
  };
  for (const size of EDITOR_SIZES) {
    progress(`editor, ${size.lines} lines`);
    // Each open is of a report not seen before (no analysis of it to reuse), and the parser reads
    // the same reports. Both sides are warmed alike first: the JIT makes early runs slower on either.
    const texts = Array.from({ length: size.opens }, (_, i) => generateReport(size.lines, size.lines + i));
    for (let i = 0; i < size.warmups; i++) {
      const other = generateReport(size.lines, 1_000_000 + size.lines + i);
      parser.parse(other);
      await openOnly(`bench-warm-${size.lines}-${i}.md`, other);
    }
    const parse = median(Array.from({ length: size.parses }, (_, i) => timed(() => parser.parse(texts[i % texts.length]))[0]));
    const opens = await sample(size.opens, 1, size.budgetMs / 3, (i) => openOnly(`bench-${size.lines}-${i}.md`, texts[i]));

    // Edits go to the report opened last.
    const lines = texts[opens.length - 1].split('\n');
    const rnd = random(size.lines);
    const edits = await sample(size.edits, 3, size.budgetMs, async (i) => {
      const change = editAt(lines, rnd);
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
      await client.pull(uri);
    });
    rows.push({ lines: size.lines, bytes: Buffer.byteLength(texts[0]), parse, opens, edits });
  }
  void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return rows;
}

// ---- Server memory ---------------------------------------------------------------------------------

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

interface ServerMemory {
  /** RSS as the last document's diagnostics arrive, and the peak until then. */
  rss: number;
  peak: number;
  /** RSS once the server has been idle long enough for V8 to give back what the analyses used. */
  settled: number;
  settledAfter: number;
  seconds: number;
}

/** How long to watch an idle server: V8's memory reducer runs its collections about 30 s after the last work. */
const IDLE_WATCH_S = 90;

async function serverMemory(): Promise<ServerMemory> {
  progress('server memory, 100 open 1,000-line reports');
  const client = new TestClient();
  await client.initialize(true);
  const seconds = await timedAsync(async () => {
    // As an editor with 100 tabs: every document open, and its diagnostics asked for.
    for (let i = 0; i < 100; i++) await client.pull(client.open(path.join(os.tmpdir(), `bench-memory-${i}.md`), generateReport(1_000, 50_000 + i)));
  });
  const pid = client.process.pid!;
  const memory = memoryOf(pid);
  // Then idle, as an editor mostly is: once the figure has dropped and held for 5 s, it has settled.
  let settled = memory.rss;
  let settledAfter = 0;
  for (let s = 1; s <= IDLE_WATCH_S && !(settled < 0.9 * memory.rss && s - settledAfter > 5); s++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = memoryOf(pid).rss;
    if (now < settled - 1) [settled, settledAfter] = [now, s];
  }
  await client.stop();
  return { ...memory, settled, settledAfter, seconds: seconds / 1000 };
}

// ---- CI throughput ---------------------------------------------------------------------------------

/** ≥ 1,000 reports: 10 copies of each seed, the rest generated at sizes that real reports have. */
function corpus(): { dir: string; files: number; lines: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-lint-bench-'));
  let files = 0;
  let lines = 0;
  const add = (name: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
    files++;
    lines += content.toString().split('\n').length - 1;
  };
  const seeds = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')) : [];
  for (let copy = 0; copy < 10; copy++) for (const seed of seeds) add(`seeds/${copy}/${seed}`, fs.readFileSync(path.join(SEEDS, seed)));
  const rnd = random(1);
  for (let i = 0; files < 1_000; i++) add(`reports/${Math.floor(i / 100)}/report-${i}.md`, generateReport(30 + Math.floor(rnd() * 150), 10_000 + i));
  return { dir, files, lines };
}

interface CiRow {
  files: number;
  lines: number;
  markdownlint: number;
  cold: number;
  warm: number;
}

function ciThroughput(): CiRow {
  const { dir, files, lines } = corpus();
  progress(`CI throughput, ${files} reports`);
  const markdownlint = median([1, 2, 3].map(() => wallTime([MARKDOWNLINT, '**/*.md', '**/*.txt'], dir)));
  const cache = path.join(os.tmpdir(), `readiness-lint-bench-cache-${process.pid}`);
  const check = () => wallTime([CLI, 'check', '--format', 'json', '--cache', '--cache-location', cache, '.'], dir);
  // Cold: no cache file (each run writes a new one); warm: the last run's cache, every file unchanged.
  const cold = median(
    [1, 2, 3].map(() => {
      fs.rmSync(cache, { force: true });
      return check();
    }),
  );
  const warm = median([1, 2, 3].map(check));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(cache, { force: true });
  return { files, lines, markdownlint, cold, warm };
}

// ---- Start-up --------------------------------------------------------------------------------------

function startUp(): { node: number; version: number } {
  progress('start-up');
  const runs = (args: string[]) => median(Array.from({ length: 11 }, () => wallTime(args, ROOT)));
  return { node: runs(['-e', '0']), version: runs([CLI, '--version']) };
}

// ---- The table: each part printed as soon as it is measured ----------------------------------------

const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n\n`);

async function main(): Promise<void> {
  const began = performance.now();
  print([
    `readiness-lint bench: Node ${process.version}, ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)} ` +
      '(the timings are only as quiet as the machine)',
  ]);

  const start = startUp();
  const ci = ciThroughput();
  print([
    `CI throughput: ${ci.files.toLocaleString('en-US')} reports, ${ci.lines.toLocaleString('en-US')} lines (generated, and 10 copies of each seed)`,
    '',
    table(
      ['run', 'wall time', '÷ markdownlint-cli2'],
      [
        [`markdownlint-cli2 ${MARKDOWNLINT_VERSION} (median of 3)`, ms(ci.markdownlint), ratio(ci.markdownlint, ci.markdownlint)],
        ['readiness-lint check --cache, cold (no cache file; median of 3)', ms(ci.cold), ratio(ci.cold, ci.markdownlint)],
        ['readiness-lint check --cache, warm (median of 3)', ms(ci.warm), ratio(ci.warm, ci.markdownlint)],
      ],
    ),
  ]);

  const client = new TestClient();
  await client.initialize(true);
  const editor = await editorLatency(client);
  await client.stop();
  print([
    'Editor latency: the language server over stdio; open = didOpen then a pull; edit = an incremental didChange then a pull (textDocument/diagnostic)',
    '',
    table(
      ['report', 'size', 'parse alone (remark-parse + remark-gfm), median', 'open → diagnostics, median (opens)', 'open ÷ parse', 'edit → diagnostics, median', 'p95 (edits)'],
      editor.map((r) => [
        `${r.lines.toLocaleString('en-US')} lines`,
        `${(r.bytes / 1024).toFixed(0)} KiB`,
        ms(r.parse),
        `${ms(median(r.opens))} (${r.opens.length})`,
        ratio(median(r.opens), r.parse),
        ms(median(r.edits)),
        `${ms(p95(r.edits))} (${r.edits.length})`,
      ]),
    ),
  ]);

  const memory = await serverMemory();
  print([
    'Start-up and memory',
    '',
    table(
      ['what', 'measured'],
      [
        ['node -e 0 (the floor), median of 11', ms(start.node)],
        ['readiness-lint --version, median of 11', ms(start.version)],
        ['server RSS with 100 open 1,000-line reports, as the last diagnostics arrive', `${memory.rss.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB; opening them took ${memory.seconds.toFixed(1)} s)`],
        [
          `the same server once idle (watched up to ${IDLE_WATCH_S} s)`,
          memory.settled < memory.rss ? `${memory.settled.toFixed(0)} MB, ${memory.settledAfter} s after the last diagnostics` : `no drop in ${IDLE_WATCH_S} s`,
        ],
      ],
    ),
  ]);
  print([`(bench ran ${((performance.now() - began) / 1000).toFixed(0)} s; load average ${os.loadavg()[0].toFixed(1)} at the end)`]);
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error)?.stack ?? e}\n`);
  process.exitCode = 1;
});
