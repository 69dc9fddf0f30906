// --cache: an unchanged file is not analysed twice. An entry is reused only when one sha256 over the
// tool's version, its rule set, the file's effective configuration and the file's bytes is the same
// as when it was stored. The cache is only a shortcut: a file that cannot be read or parsed is
// started afresh (and rewritten), never an error.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../rules/registry';
import { VERSION } from '../version';
import type { LintMessage } from './formatters/types';
import type { LintJob, LintOutcome } from './worker';

export const DEFAULT_CACHE_LOCATION = '.readiness-lint-cache';
/** Bumped when the file's layout changes: an older layout is then simply not read. */
const LAYOUT = 1;

interface Entry {
  key: string;
  messages: LintMessage[];
}

export function cacheKey(job: LintJob): string {
  const ruleSet = rules.map((r) => r.meta.id).join(',');
  return createHash('sha256').update(`${VERSION}\0${ruleSet}\0${JSON.stringify(job.config)}\0`).update(job.bytes).digest('hex');
}

export class LintCache {
  private readonly seen = new Set<string>();

  private constructor(
    readonly file: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** The cache at `location`: a file, or a directory to keep it in. */
  static open(location: string): LintCache {
    const isDirectory = fs.statSync(location, { throwIfNoEntry: false })?.isDirectory() === true;
    const file = isDirectory ? path.join(location, DEFAULT_CACHE_LOCATION) : location;
    return new LintCache(file, readEntries(file));
  }

  /** The stored outcome, unless the key differs or --fix would change the file (then it must run). */
  lookup(job: LintJob, key: string): LintOutcome | undefined {
    this.seen.add(job.filePath);
    const entry = this.entries.get(job.filePath);
    if (entry?.key !== key || (job.fix && entry.messages.some((m) => m.fix))) return undefined;
    return { messages: entry.messages, failures: [] };
  }

  store(job: LintJob, key: string, outcome: LintOutcome): void {
    // A fixed file's bytes are not the ones keyed, and a rule that threw must be reported again.
    if (outcome.output !== undefined || outcome.failures.length) this.entries.delete(job.filePath);
    else this.entries.set(job.filePath, { key, messages: outcome.messages });
  }

  /** Writes the cache, keeping other runs' entries (other shards, other folders) while their files exist. */
  save(): void {
    const entries: Record<string, Entry> = {};
    for (const [file, entry] of this.entries) if (this.seen.has(file) || fs.existsSync(file)) entries[file] = entry;
    // Write then rename: a run killed half-way leaves the old cache, not a truncated one.
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify({ layout: LAYOUT, entries }));
    fs.renameSync(temporary, this.file);
  }
}

/** Runs only the jobs the cache cannot answer, and stores what a later run can reuse; outcomes in job order. */
export async function throughCache(
  cache: LintCache | undefined,
  jobs: LintJob[],
  run: (jobs: LintJob[]) => Promise<LintOutcome[]>,
): Promise<LintOutcome[]> {
  if (!cache) return run(jobs);
  const keys = jobs.map(cacheKey);
  const outcomes = jobs.map((job, i) => cache.lookup(job, keys[i]));
  const missed = jobs.flatMap((_, i) => (outcomes[i] ? [] : [i]));
  const computed = await run(missed.map((i) => jobs[i]));
  missed.forEach((i, k) => {
    outcomes[i] = computed[k];
    cache.store(jobs[i], keys[i], computed[k]);
  });
  return outcomes as LintOutcome[];
}

function readEntries(file: string): Map<string, Entry> {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return new Map(); // none yet, unreadable or corrupt: start afresh
  }
  const { layout, entries } = (data ?? {}) as { layout?: unknown; entries?: unknown };
  if (layout !== LAYOUT || typeof entries !== 'object' || entries === null) return new Map();
  return new Map(Object.entries(entries as Record<string, Entry>).filter(([, e]) => isEntry(e)));
}

function isEntry(e: unknown): e is Entry {
  const entry = e as Partial<Entry> | null;
  return typeof entry?.key === 'string' && Array.isArray(entry.messages);
}
