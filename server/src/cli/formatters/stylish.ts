// ESLint's "stylish": a header per file, aligned rows, a summary. Prints nothing when there is nothing to report.
import type { ActiveSeverity } from '../../core/types';
import { displayPath } from './paths';
import type { Formatter } from './types';

// SGR open/close pairs; the specific close codes let styles nest.
const SGR = { red: [31, 39], yellow: [33, 39], blue: [34, 39], bold: [1, 22], dim: [2, 22], underline: [4, 24] } as const;
type Style = keyof typeof SGR;

const SEVERITY_STYLE: Record<ActiveSeverity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
// Each message is one table row, so line breaks and tabs become spaces. Messages quote the checked file
// (and paths are any bytes), so other control characters are shown escaped, never sent to the terminal.
// A run of white space with a line break in it becomes one space (as /\s*[\r\n]+\s*|\t/g did, whose
// leading \s* rescanned a run from each of its characters); elsewhere each tab becomes a space.
const printable = (s: string) =>
  s
    .replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run.replace(/\t/g, ' ')))
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
// Code points, not UTF-16 units, so that astral characters take one column.
const width = (s: string) => [...s].length;
const pad = (s: string, to: number) => s + ' '.repeat(Math.max(0, to - width(s)));

export const stylish: Formatter = (results, context) => {
  const paint = (text: string, ...styles: Style[]) =>
    context.color ? styles.reduce((t, s) => `\u001b[${SGR[s][0]}m${t}\u001b[${SGR[s][1]}m`, text) : text;

  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    // Counted from the messages: the result's fixable counts leave out info findings, which --fix fixes too.
    fixable += result.messages.filter((m) => m.fix).length;
    if (result.messages.length === 0) continue;

    const rows = result.messages.map((m) => ({ m, at: `${m.line}:${m.column}`, text: printable(m.message) }));
    const atWidth = Math.max(...rows.map((r) => width(r.at)));
    const severityWidth = Math.max(...rows.map((r) => width(r.m.severityName)));
    const textWidth = Math.max(...rows.map((r) => width(r.text)));
    out += `\n${paint(printable(displayPath(result.filePath, context.cwd)), 'underline')}\n`;
    for (const { m, at, text } of rows) {
      const severity = paint(pad(m.severityName, severityWidth), SEVERITY_STYLE[m.severityName]);
      out += `  ${paint(pad(at, atWidth), 'dim')}  ${severity}  ${pad(text, textWidth)}  ${paint(m.ruleId, 'dim')}\n`;
      for (const r of m.related ?? []) out += paint(`    ↳ ${r.line}:${r.column} ${printable(r.message)}`, 'dim') + '\n';
    }
  }

  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summaryStyle: Style = errors ? 'red' : warnings ? 'yellow' : 'blue';
  out += `\n${paint(`✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info)`, summaryStyle, 'bold')}\n`;
  if (fixable) out += `${paint(`  ${fixable} fixable with --fix`, summaryStyle, 'bold')}\n`;
  return out;
};
