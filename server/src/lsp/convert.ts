// Core findings <-> LSP shapes.
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { Diagnostic, Fix, Span } from '../core/types';
import type { LineIndex } from '../model/lines';
import { ruleDocsUrl } from '../rules/rule';

export const SOURCE = 'readiness-lint';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.readinessLint`;

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toLspDiagnostic(d: Diagnostic, lines: LineIndex, uri: string, key: number): LspDiagnostic {
  return {
    range: toRange(lines, d.span),
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    codeDescription: { href: ruleDocsUrl(d.ruleId) },
    source: SOURCE,
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri, range: toRange(lines, r.span) }, message: r.message })),
    // Lets code actions find the finding again without matching on text.
    data: { key },
  };
}

export function toTextEdits(lines: LineIndex, fix: Fix): LspTextEdit[] {
  return fix.edits.map((e) => ({ range: toRange(lines, e), newText: e.newText }));
}

export function fixAction(uri: string, lines: LineIndex, fix: Fix, diagnostic: LspDiagnostic | undefined, preferred: boolean): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    isPreferred: preferred,
    edit: { changes: { [uri]: toTextEdits(lines, fix) } },
  };
}
