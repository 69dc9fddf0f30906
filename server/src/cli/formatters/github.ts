// GitHub Actions workflow commands: each message becomes an annotation on the pull request's diff.
import type { ActiveSeverity } from '../../core/types';
import { displayPath } from './paths';
import type { Formatter, LintMessage } from './types';

const COMMAND: Record<ActiveSeverity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// The escaping the Actions runner undoes (toolkit's escapeData / escapeProperty).
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(m: LintMessage, file: string): string {
  // GitHub takes an annotation's columns only when it starts and ends on the same line.
  const columns = m.line === m.endLine;
  const props: (readonly [string, string | number])[] = [
    ['file', file],
    ['line', m.line],
    ...(columns ? [['col', m.column] as const] : []),
    ['endLine', m.endLine],
    ...(columns ? [['endColumn', m.endColumn] as const] : []),
    ['title', `readiness-lint (${m.ruleId})`],
  ];
  // Related evidence goes into the text: an annotation has a single location.
  const text = [m.message, ...(m.related ?? []).map((r) => `↳ ${r.line}:${r.column} ${r.message}`)].join('\n');
  return `::${COMMAND[m.severityName]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(text)}`;
}

export const github: Formatter = (results, context) =>
  results
    .flatMap((r) => r.messages.map((m) => annotation(m, displayPath(r.filePath, context.cwd))))
    .map((line) => `${line}\n`)
    .join('');
