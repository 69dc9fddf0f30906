// The analysis core: one function, used by the language server and the CLI alike, so the editor
// and CI can never disagree.
import { isUtf8 } from 'node:buffer';
import { isIncluded, type EffectiveConfig } from '../config/resolve';
import { buildModel, type DocumentModel } from '../model/document';
import { markdownCache, type MarkdownCache } from '../model/markdown';
import { rules } from '../rules/registry';
import { applyFixes } from './fixes';
import { beginAnalysis } from './memo';
import { Suppressions } from './suppression';
import type { Diagnostic, Fix } from './types';

export interface AnalyzeInput {
  text: string;
  /** Used for `include` globs; absent for unsaved buffers. */
  filePath?: string;
  /** The raw bytes, when known: lets the encoding rules see a file that is not UTF-8 at all. */
  bytes?: Uint8Array;
  config: EffectiveConfig;
  /**
   * What earlier analyses of the same document parsed (the editor keeps one per open document): an
   * edit then re-parses only the blocks it touched. The findings are the same with or without it.
   */
  modelCache?: MarkdownCache;
}

export interface Analysis {
  diagnostics: Diagnostic[];
  model?: DocumentModel;
  /** Why the file was not analysed (too large, binary), when it was not. */
  skipped?: string;
  /** Rules that threw: a bug to report, never a reason to lose the other rules' findings. */
  failures: { ruleId: string; error: unknown }[];
  /** Whether the report checks ran (the file looks like a report, or configuration says so). */
  reportChecks: boolean;
}

const SAMPLE = 8192;

export function skipReason(text: string, bytes: Uint8Array | undefined, config: EffectiveConfig): string | undefined {
  const size = bytes?.length ?? Buffer.byteLength(text, 'utf8');
  if (size > config.maxFileSize) {
    return `Skipped: the file is ${formatBytes(size)}, over the ${formatBytes(config.maxFileSize)} limit (setting "maxFileSize").`;
  }
  const head = bytes ? bytes.subarray(0, SAMPLE) : undefined;
  if (head ? head.includes(0) : text.slice(0, SAMPLE).includes('\u0000')) {
    return 'Skipped: the file looks binary (it has NUL bytes).';
  }
  return undefined;
}

export function analyze(input: AnalyzeInput): Analysis {
  const { text, config } = input;
  const skipped = skipReason(text, input.bytes, config);
  if (skipped) return { diagnostics: [], skipped, failures: [], reportChecks: false };

  beginAnalysis();
  // Text decoded from bytes that are not UTF-8 is not what the author wrote: say so, and nothing else.
  const utf8 = input.bytes === undefined || isUtf8(input.bytes);
  const model = buildModel(text, input.modelCache);
  const reportChecks =
    config.reports === 'always' ||
    (config.reports === 'auto' && (model.looksLikeReport || (input.filePath !== undefined && isIncluded(config, input.filePath))));
  const suppressions = new Suppressions(text, model.comments, model.lines);
  const diagnostics: Diagnostic[] = [];
  const failures: Analysis['failures'] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    if (!setting || setting.severity === 'off') continue;
    if (rule.meta.appliesTo === 'reports' && !reportChecks) continue;
    if (!utf8 && !rule.meta.readsBytes) continue;
    try {
      for (const f of rule.check(model, { options: setting.options, bytes: input.bytes })) {
        const line = model.lines.positionAt(f.span.start).line;
        if (suppressions.isSuppressed(f.ruleId, f.span.start, line)) continue;
        // A finding may lower or raise its own weight; configuration then decides the level.
        const severity = setting.severity === rule.meta.defaultSeverity ? (f.severity ?? setting.severity) : setting.severity;
        diagnostics.push({ ...f, severity, category: rule.meta.category });
      }
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error });
    }
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { diagnostics, model, failures, reportChecks };
}

/** Every certain fix, applied in passes until none is left (fixes that overlapped wait a pass). */
export function fixAll(input: AnalyzeInput, maxPasses = 10): { text: string; applied: Fix[] } {
  let text = input.text;
  const applied: Fix[] = [];
  // Each pass changes a few lines: the blocks the fixes did not touch are not parsed again.
  const modelCache = input.modelCache ?? markdownCache();
  for (let pass = 0; pass < maxPasses; pass++) {
    const { diagnostics } = analyze({ ...input, text, bytes: pass === 0 ? input.bytes : undefined, modelCache });
    const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    const result = applyFixes(text, fixes);
    if (result.applied.length === 0) break;
    text = result.text;
    for (const fix of result.applied) applied.push(fix);
  }
  return { text, applied };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
