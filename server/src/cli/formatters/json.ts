// ESLint's JSON format. Objects are rebuilt key by key so the output's key order does not depend on
// how the results were assembled, and `source` (the whole file) is left out as ESLint does.
import type { Formatter, LintFix, LintMessage, LintResult } from './types';

const fix = (f: LintFix) => ({ range: f.range, text: f.text });

function message(m: LintMessage) {
  return {
    ruleId: m.ruleId,
    ...(m.fatal ? { fatal: true } : {}),
    severity: m.severity,
    severityName: m.severityName,
    category: m.category,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    ...(m.fix ? { fix: fix(m.fix) } : {}),
    ...(m.suggestions ? { suggestions: m.suggestions.map((s) => ({ desc: s.desc, fix: fix(s.fix) })) } : {}),
    ...(m.related
      ? { related: m.related.map((r) => ({ message: r.message, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn })) }
      : {}),
  };
}

function result(r: LintResult) {
  return {
    filePath: r.filePath,
    messages: r.messages.map(message),
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    ...(r.output !== undefined ? { output: r.output } : {}),
  };
}

export const json: Formatter = (results) => JSON.stringify(results.map(result));
