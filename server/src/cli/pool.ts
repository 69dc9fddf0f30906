// Many files are linted in worker processes (a tinypool pool), one file per task, the outcomes kept in
// the files' order so the report is the same as on one thread. Few files stay on this thread:
// starting a worker loads and warms up the whole analysis core again, which costs more than it saves.
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { lintFile, unfinished, type LintJob, type LintOutcome } from './worker';

/** Files to analyse from which `auto` starts workers (measured with `npm run bench` on 2 cores). */
export const WORKER_THRESHOLD = 8;

/** `off` (this thread), `auto` (workers for WORKER_THRESHOLD files or more, one per core), or a number of workers. */
export type Concurrency = 'auto' | 'off' | number;

export function parseConcurrency(text: string): Concurrency | undefined {
  if (text === 'auto' || text === 'off') return text;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

export function workersFor(files: number, concurrency: Concurrency): number {
  if (concurrency === 'off') return 1;
  const wanted = concurrency === 'auto' ? (files >= WORKER_THRESHOLD ? availableParallelism() : 1) : concurrency;
  return Math.min(wanted, files);
}

// The bundle has dist/worker.js beside dist/cli.js. Run from source (tsx) there is none, and a worker
// could not load TypeScript anyway: the files are then linted on this thread.
const WORKER_ENTRY = path.join(__dirname, 'worker.js');

/** `entry`: the module the workers run (the tests give one that crashes). */
export async function lintJobs(jobs: LintJob[], concurrency: Concurrency, entry = WORKER_ENTRY): Promise<LintOutcome[]> {
  const workers = workersFor(jobs.length, concurrency);
  if (workers <= 1 || !fs.existsSync(entry)) return jobs.map(lintFile);
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: entry,
    minThreads: workers,
    maxThreads: workers,
    // Processes, each collecting its garbage on its own thread. With a worker busy on every core, the
    // helper threads V8 starts for parallel and concurrent GC only compete with the workers, and in
    // one process the workers' heaps share them: on 2 cores, 1,000 reports take 12-15% less time
    // than on worker threads with the default GC (see the note of issue 8).
    runtime: 'child_process',
    execArgv: ['--single-threaded-gc'],
    // Structured clone, as between threads: the jobs carry the files' bytes.
    serialization: 'advanced',
    env: process.env as Record<string, string>,
  });
  try {
    // A worker that dies (killed, out of memory) loses the file it was on, not the run: the pool
    // starts another for the files still to come.
    const run = (job: LintJob) => (pool.run(job) as Promise<LintOutcome>).catch((e) => unfinished(job.filePath, 'the worker analysing it exited', e));
    return await Promise.all(jobs.map(run));
  } finally {
    await pool.destroy();
  }
}
