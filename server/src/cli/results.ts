// Analysis -> ESLint-style results, the shape every output format starts from.
import type { Analysis } from '../core/analyze';
import type { Diagnostic, Fix } from '../core/types';
import { LineIndex } from '../model/lines';
import { rules } from '../rules/registry';
import { ruleDocsUrl } from '../rules/rule';
import type { LintFix, LintMessage, LintResult, RuleInfo } from './formatters/types';

export function ruleInfos(): RuleInfo[] {
  return rules.map((r) => ({
    id: r.meta.id,
    category: r.meta.category,
    description: r.meta.description,
    defaultSeverity: r.meta.defaultSeverity,
    docsUrl: ruleDocsUrl(r.meta.id),
  }));
}

/** ESLint's fix is one range and its new text: cover all of a fix's edits, keeping the text between them. */
function toLintFix(fix: Fix, text: string): LintFix {
  const edits = [...fix.edits].sort((x, y) => x.start - y.start);
  const start = edits[0].start;
  let at = start;
  let out = '';
  for (const e of edits) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return { range: [start, at], text: out };
}

function rangeOf(index: LineIndex, start: number, end: number) {
  const s = index.positionAt(start);
  const e = index.positionAt(end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

export function toMessage(d: Diagnostic, text: string, index: LineIndex): LintMessage {
  const toFix = (fix: Fix) => toLintFix(fix, text);
  return {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    severityName: d.severity,
    category: d.category,
    message: d.message,
    ...rangeOf(index, d.span.start, d.span.end),
    ...(d.fix ? { fix: toFix(d.fix) } : {}),
    ...(d.suggestions?.length ? { suggestions: d.suggestions.map((s) => ({ desc: s.title, fix: toFix(s) })) } : {}),
    ...(d.related?.length
      ? { related: d.related.map((r) => ({ message: r.message, ...rangeOf(index, r.span.start, r.span.end) })) }
      : {}),
  };
}

export function toResult(filePath: string, text: string, analysis: Analysis, quiet = false): LintResult {
  const index = analysis.model?.lines ?? new LineIndex(text);
  const messages: LintMessage[] = analysis.diagnostics
    .filter((d) => !quiet || d.severity === 'error')
    .map((d) => toMessage(d, text, index));
  if (analysis.skipped) {
    messages.push({ ruleId: 'skipped', severity: 1, severityName: 'info', category: 'encoding', message: analysis.skipped, line: 1, column: 1, endLine: 1, endColumn: 1 });
  }
  return summarize({ filePath, messages, source: text });
}

/** A result for a file that could not be read: one fatal message. */
export function fatalResult(filePath: string, message: string): LintResult {
  return summarize({
    filePath,
    messages: [{ ruleId: 'fatal', fatal: true, severity: 2, severityName: 'error', category: 'encoding', message, line: 1, column: 1, endLine: 1, endColumn: 1 }],
  });
}

export function summarize(r: Pick<LintResult, 'filePath' | 'messages' | 'source' | 'output'>): LintResult {
  const count = (p: (m: LintMessage) => boolean) => r.messages.filter(p).length;
  return {
    ...r,
    errorCount: count((m) => m.severityName === 'error'),
    warningCount: count((m) => m.severityName === 'warning'),
    infoCount: count((m) => m.severityName === 'info'),
    fatalErrorCount: count((m) => m.fatal === true),
    fixableErrorCount: count((m) => m.severityName === 'error' && m.fix !== undefined),
    fixableWarningCount: count((m) => m.severityName === 'warning' && m.fix !== undefined),
  };
}
