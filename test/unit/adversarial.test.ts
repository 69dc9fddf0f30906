// Adversarial inputs (test/adversarial-inputs.ts: a 1 MB line, 100,000 table rows, deep nesting,
// and for each regular expression in server/src/ an input built to make it backtrack) must be
// analysed soundly: no throw, no failed rule, every range inside the document.
//
// Time is not asserted here (the machines are shared and noisy): `npm run bench` times each family
// at n, 4n and 16n and prints how it grows. The tests run each family at 16n, where a quadratic
// pattern takes minutes; analyses run in a worker thread (with a 1 MiB stack, like the CLI's and
// the server's main thread) that is ended after HANG_MS, so such an input fails its test instead
// of hanging the suite.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { Diagnostic, Span } from '../../server/src/core/types';
import type { EffectiveConfig } from '../../server/src/config/resolve';
import { buildModel } from '../../server/src/model/document';
import { disableForFileFix, disableForLineFix } from '../../server/src/core/disable';
import { formatters } from '../../server/src/cli/formatters';
import type { LintMessage, LintResult } from '../../server/src/cli/formatters/types';
import { ruleInfos, summarize } from '../../server/src/cli/results';
import { ROOT, workspace } from '../helpers';
import { cli } from '../integration/cli-runner';
import { ALWAYS, bigInputs, patterns, shapes } from '../adversarial-inputs';

/** Wall-clock time after which an analysis is ended: minutes for what a linear analysis does in seconds. */
const HANG_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// The isolated analyser

interface Outcome {
  /** CPU time of the analysis. */
  ms: number;
  wallMs: number;
  /** analyze: its findings; fixAll: none. */
  diagnostics: Diagnostic[];
  failures: { ruleId: string; error: string }[];
  skipped?: string;
  /** fixAll: how many fixes were applied. */
  applied?: number;
}
type Reply = Outcome | { threw: string } | { timedOut: number };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.tsx).register();
const { analyze, fixAll } = require(workerData.analyze);
// CPU time of the process: the main thread only waits while the worker analyses.
const cpu = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
parentPort.on('message', ({ text, config, mode }) => {
  let reply;
  try {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    if (mode === 'fixAll') {
      const fixed = fixAll({ text, config });
      reply = { ms: cpu(c0), wallMs: performance.now() - t0, diagnostics: [], failures: [], applied: fixed.applied.length };
    } else {
      const a = analyze({ text, config });
      const ms = cpu(c0);
      const wallMs = performance.now() - t0;
      const failures = a.failures.map((f) => ({ ruleId: f.ruleId, error: String((f.error && f.error.stack) || f.error) }));
      reply = { ms, wallMs, diagnostics: a.diagnostics, failures, skipped: a.skipped };
    }
  } catch (e) {
    reply = { threw: String((e && e.stack) || e).split('\\n').slice(0, 12).join('\\n') };
  }
  parentPort.postMessage(reply);
});
parentPort.postMessage('ready');
`;

class Isolate {
  private worker?: Worker;
  private ready?: Promise<void>;

  private start(): Promise<void> {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { tsx: require.resolve('tsx/cjs/api'), analyze: path.join(ROOT, 'server/src/core/analyze.ts') },
      resourceLimits: { stackSizeMb: 1 },
    });
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
  }

  /** Analyses `text` in the worker; ends the worker (a new one serves the next call) past the limit. */
  async run(text: string, config: EffectiveConfig = ALWAYS, mode: 'analyze' | 'fixAll' = 'analyze', limitMs = HANG_MS): Promise<Reply> {
    this.ready ??= this.start();
    await this.ready;
    const worker = this.worker!;
    let timer: NodeJS.Timeout | undefined;
    let done: (r: Reply) => void = () => {};
    const onError = (e: Error) => done({ threw: String(e.stack ?? e) });
    const onExit = (code: number) => done({ threw: `the worker exited with code ${code}` });
    const reply = await new Promise<Reply>((resolve) => {
      done = resolve;
      worker.on('message', resolve);
      worker.on('error', onError);
      worker.on('exit', onExit);
      timer = setTimeout(() => resolve({ timedOut: limitMs }), limitMs);
      worker.postMessage({ text, config, mode });
    });
    clearTimeout(timer);
    // Only these listeners: the worker's own (which start its message port) must stay.
    worker.off('message', done);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (!('ms' in reply)) {
      await worker.terminate();
      this.worker = undefined;
      this.ready = undefined;
    }
    return reply;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

const isolate = new Isolate();
after(() => isolate.close());

// ---------------------------------------------------------------------------------------------
// Checks

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;
const splitsPair = (text: string, at: number) => at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));

function assertInside(text: string, s: Span, what: string): void {
  assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what}: [${s.start}, ${s.end}) is outside the document (length ${text.length})`);
  assert.ok(!splitsPair(text, s.start) && !splitsPair(text, s.end), `${what}: [${s.start}, ${s.end}) splits a surrogate pair`);
}

/** Completed, in time, with no failed rule and every range inside the document. */
function assertCompleted(text: string, reply: Reply, what: string): Outcome {
  if ('timedOut' in reply) assert.fail(`${what}: not finished after ${reply.timedOut / 1000} s (ended: a hang, or far worse than linear)`);
  if ('threw' in reply) assert.fail(`${what}: threw ${reply.threw}`);
  assert.deepEqual(reply.failures, [], `${what}: rules failed`);
  for (const d of reply.diagnostics) {
    assertInside(text, d.span, `${what}: ${d.ruleId} span`);
    for (const r of d.related ?? []) assertInside(text, r.span, `${what}: ${d.ruleId} related`);
    for (const fix of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])]) for (const e of fix.edits) assertInside(text, e, `${what}: ${d.ruleId} edit`);
  }
  return reply;
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const fmtSize = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KiB` : `${n} B`);

describe('big inputs are analysed soundly', () => {
  for (const input of bigInputs) {
    test(input.name, { skip: input.limitation }, async (t) => {
      const text = input.text();
      const outcome = assertCompleted(text, await isolate.run(text, input.config ?? ALWAYS), input.name);
      t.diagnostic(`${fmtSize(text.length)} in ${fmtMs(outcome.ms)} CPU, ${outcome.diagnostics.length} findings`);
    });
  }
});

describe('inputs built to make each pattern backtrack are analysed soundly (at 16n)', () => {
  for (const family of [...shapes, ...patterns]) {
    test(family.name, async (t) => {
      const text = family.make(family.n * 16);
      const outcome = assertCompleted(text, await isolate.run(text, family.config ?? ALWAYS, family.mode ?? 'analyze'), family.name);
      t.diagnostic(`${fmtSize(text.length)} in ${fmtMs(outcome.ms)} CPU`);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Patterns outside the analysis: code actions, output formats, the command line (in-process, at
// sizes where a quadratic pattern would take minutes)

const message = (text: string): LintMessage => ({
  ruleId: 'mojibake',
  severity: 2,
  severityName: 'error',
  category: 'encoding',
  message: text,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  related: [{ message: text, line: 1, column: 1, endLine: 1, endColumn: 2 }],
});
const resultWith = (text: string): LintResult => summarize({ filePath: path.join(ROOT, 'r.md'), messages: [message(text)], source: 'x' });
const context = { cwd: ROOT, color: false, rules: ruleInfos(), toolVersion: '0.0.0' };

describe('patterns outside the analysis', () => {
  test('disable.ts front matter /^---\\r?\\n[\\s\\S]*?\\r?\\n---\\r?\\n/ and indent /^\\s*/ (code actions)', () => {
    const unclosed = buildModel(`---\n${'key: value\n'.repeat(65_536)}`);
    const indented = buildModel(`${' '.repeat(65_536)}âœ… x\n`);
    const d: Diagnostic = { ruleId: 'mojibake', span: { start: 65_536, end: 65_539 }, message: 'm', severity: 'error', category: 'encoding' };
    assert.equal(disableForFileFix(unclosed, 'mojibake').edits[0].start, 0);
    assert.ok(disableForLineFix(indented, d).edits.length > 0);
  });

  test('stylish.ts printable /\\s*[\\r\\n]+\\s*|\\t/g: a run of white space in a message', () => {
    // Messages quote the report ("Latency  …  x 5ms, but …"): the white space is the report's.
    const out = formatters.stylish([resultWith(`a${' '.repeat(1 << 20)}\n b`)], context);
    assert.match(out, /error {2}a b {2}mojibake/, 'a message is printed on one line, its white space collapsed');
  });

  test('junit.ts INVALID_XML and entities, github.ts escapes, sarif, gitlab, json: every special character, repeated', () => {
    const r = resultWith('&<>"\'%\r\n:,\u0000\u0085\ud800 \t'.repeat(65_536));
    for (const format of ['junit', 'github', 'sarif', 'gitlab', 'json'] as const) assert.ok(formatters[format]([r], context).length > 65_536, format);
  });

  test('cli/main.ts --rule /^([\\w-]+)=(\\w+)$/: a long malformed flag is a usage error', async () => {
    const r = await cli(['check', '--rule', `${'a-'.repeat(65_536)}!`, '-'], workspace({}));
    assert.equal(r.code, 2);
  });
});
