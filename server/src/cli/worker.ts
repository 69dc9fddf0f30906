// Linting one file, from its bytes and its effective configuration to its messages. The same
// function runs on the main thread and, bundled as dist/worker.js, in the pool's worker processes, so
// the two can never disagree. Jobs and outcomes are plain data: they cross by structured clone.
import { analyze, fixAll } from '../core/analyze';
import type { EffectiveConfig } from '../config/resolve';
import type { LintMessage } from './formatters/types';
import { fatalResult, toResult } from './results';
import { readSource } from './source';

export interface LintJob {
  filePath: string;
  bytes: Uint8Array;
  config: EffectiveConfig;
  /** Compute the certain fixes (--fix, --fix-dry-run); never for a file that is not UTF-8. */
  fix: boolean;
}

export interface LintOutcome {
  /** Every message, --quiet not applied (so a cached outcome serves both). */
  messages: LintMessage[];
  /** The text after all fixes, when a fix applied. */
  output?: string;
  /** Rules that threw, described for standard error. */
  failures: string[];
}

export function lintFile(job: LintJob): LintOutcome {
  try {
    return lint(job);
  } catch (error) {
    // A bug, never a reason to lose the other files' results.
    return unfinished(job.filePath, 'the analysis failed', error);
  }
}

/**
 * The outcome of a file whose analysis did not finish: a fatal message of its own, and a failure for
 * standard error (which also keeps it out of the cache, so the next run analyses the file again).
 */
export function unfinished(filePath: string, what: string, error: unknown): LintOutcome {
  return {
    messages: fatalResult(filePath, `${what}: ${String(error)}`).messages,
    failures: [`${what} on ${filePath}: ${(error as Error)?.stack ?? error}`],
  };
}

function lint(job: LintJob): LintOutcome {
  const { filePath, bytes, config } = job;
  const source = readSource(bytes);
  const input = { text: source.text, filePath, bytes, config };
  let output: string | undefined;
  if (job.fix && source.validUtf8) {
    const fixed = fixAll(input);
    if (fixed.applied.length) output = fixed.text;
  }
  const analysis = analyze(output === undefined ? input : { ...input, text: output, bytes: undefined });
  return {
    messages: toResult(filePath, output ?? source.text, analysis).messages,
    ...(output === undefined ? {} : { output }),
    failures: analysis.failures.map((f) => `rule ${f.ruleId} failed on ${filePath}: ${(f.error as Error)?.stack ?? f.error}`),
  };
}

// The pool calls the module's default export.
export default lintFile;
