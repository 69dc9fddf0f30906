// statistic-mismatch: the statistic measured is not the one the target or the label names: an
// average judged against a P50 target, a "P50" whose only figure in the report is an average.
import type { Finding } from '../core/types';
import type { DocumentModel, Table } from '../model/document';
import {
  aStatistic,
  comparisons,
  directionOf,
  evidenceLines,
  labelledFigures,
  lineNo,
  neverBelow,
  related,
  sameFigure,
  shown,
  statisticName,
  subjectOf,
  words,
  type Comparison,
  type LabelledFigure,
} from './claims-support';
import type { Rule } from './rule';

const ID = 'statistic-mismatch';

/**
 * Whether judging `c`'s target by another statistic could hide a miss. Against an upper bound a
 * max or a higher percentile is the stricter figure (max ≤ 200ms implies p95 ≤ 200ms), so only a
 * lower-ranked or incomparable statistic (the mean) matters; against a lower bound, the reverse.
 */
function misleads(c: Comparison): boolean {
  const measured = c.measuredStat!.stat;
  const named = c.namedStat!.stat;
  if (measured === named) return false;
  const direction = directionOf(c.target!, c.metricWords);
  if (direction === 'upper') return !neverBelow(measured, named);
  if (direction === 'lower') return !neverBelow(named, measured);
  return !neverBelow(measured, named) && !neverBelow(named, measured);
}

const judged = (c: Comparison): boolean =>
  c.verdict.kind === 'pass' && c.measured !== undefined && c.target !== undefined && c.measuredStat !== undefined && c.namedStat !== undefined;

/** Both statistics come from column headers: one finding for the column. */
const byColumns = (c: Comparison): boolean => c.origin === 'table' && c.measuredStat!.from.endsWith('column') && c.namedStat!.from.endsWith('column');

function columnFinding(model: DocumentModel, table: Table, rows: Comparison[]): Finding {
  const [first] = rows;
  const m = first.measuredStat!;
  const n = first.namedStat!;
  const measuredHeader = model.text.slice(m.span.start, m.span.end).trim();
  const namedHeader = model.text.slice(n.span.start, n.span.end).trim();
  const message =
    `"${measuredHeader}" is judged against "${namedHeader}": ${aStatistic(m.stat)} is not ${aStatistic(n.stat)}; ` +
    `${rows.length} pass verdict${rows.length > 1 ? 's rest' : ' rests'} on it (line${rows.length > 1 ? 's' : ''} ${rows.map((r) => r.line + 1).join(', ')}).`;
  return {
    ruleId: ID,
    span: m.span,
    message,
    severity: 'warning',
    related: [
      related(n.span, `The target names the ${statisticName(n.stat)}`),
      ...rows.map((r) => related(r.span, `${r.label}: ${shown(r.measured!)} (${statisticName(m.stat)}) judged against ${shown(r.target!)} (${statisticName(n.stat)})`)),
    ],
    hover: [
      message,
      '',
      `- **Measured**: ${statisticName(m.stat)} (${m.from}, line ${lineNo(model, m.span.start)})`,
      `- **Target**: ${statisticName(n.stat)} (${n.from}, line ${lineNo(model, n.span.start)})`,
      `- **Why**: one statistic says nothing certain about the other; the verdicts in this table (line ${lineNo(model, table.span.start)}) are unsupported.`,
    ].join('\n'),
  };
}

function rowFinding(model: DocumentModel, c: Comparison): Finding {
  const m = c.measuredStat!;
  const n = c.namedStat!;
  const message = `${c.label}: ${shown(c.measured!)} is ${aStatistic(m.stat)}, judged as ${aStatistic(n.stat)} against target ${shown(c.target!)}.`;
  return {
    ruleId: ID,
    span: m.span,
    message,
    severity: 'warning',
    related: [related(n.span, `Names the ${statisticName(n.stat)}`)],
    hover: [message, '', ...evidenceLines(model, c), `- **Statistic measured**: ${statisticName(m.stat)} (${m.from}); **named**: ${statisticName(n.stat)} (${n.from})`].join('\n'),
  };
}

/** The figures elsewhere that print `c`'s value for the same subject, each labelled with its statistic. */
function sources(model: DocumentModel, c: Comparison): { same: LabelledFigure[]; named: LabelledFigure[] } {
  const subject = subjectOf(words(c.label));
  const elsewhere = (f: LabelledFigure) => f.span.end <= c.span.start || f.span.start >= c.span.end;
  const about = (f: LabelledFigure) => f.subject.some((w) => subject.includes(w)) && elsewhere(f);
  const figures = labelledFigures(model).filter(about);
  return {
    same: figures.filter((f) => sameFigure(f.q, c.measured!)),
    named: figures.filter((f) => f.stat === c.namedStat!.stat),
  };
}

interface Unsupported {
  c: Comparison;
  /** The figures elsewhere that state the same value as another statistic. */
  same: LabelledFigure[];
}

/** A "P50" whose figure the report only ever states as another statistic (an average, a max). */
function unsupported(model: DocumentModel, c: Comparison): Unsupported | undefined {
  const { same, named } = sources(model, c);
  if (!same.length || named.length || same.some((f) => f.stat === c.namedStat!.stat)) return undefined;
  return { c, same };
}

/** One finding for the rows of one table (or one line) that report a statistic nobody measured. */
function unsupportedFinding(model: DocumentModel, group: Unsupported[]): Finding {
  const [first] = group;
  const named = first.c.namedStat!.stat;
  const stats = [...new Set(group.flatMap((u) => u.same.map((f) => aStatistic(f.stat))))].join(' and ');
  const claims = group.map((u) => `${u.c.label}: ${shown(u.c.measured!)}`).join(', ');
  const lines = [...new Set(group.flatMap((u) => u.same.map((f) => lineNo(model, f.span.start))))].sort((a, b) => a - b);
  const evidence = `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`;
  const message =
    `${claims}: reported as ${aStatistic(named)}, but the report measured ${group.length > 1 ? 'these figures' : 'it'} as ${stats} ` +
    `(${evidence}); no ${statisticName(named)} was measured.`;
  return {
    ruleId: ID,
    span: first.c.namedStat!.span,
    message,
    related: group.flatMap((u) => [
      ...(u === first ? [] : [related(u.c.namedStat!.span, `${u.c.label}: also reported as ${aStatistic(named)}`)]),
      ...u.same.map((f) => related(f.span, `${f.label}: ${f.q.text.trim()} (${statisticName(f.stat)})`)),
    ]),
    hover: [
      message,
      '',
      ...group.flatMap((u) => [
        ...evidenceLines(model, u.c),
        ...u.same.map((f) => `- **Source**: \`${f.q.text.trim()}\` labelled ${statisticName(f.stat)}: ${f.label}, line ${lineNo(model, f.span.start)}`),
      ]),
      `- **Why**: nothing in the report measured the ${statisticName(named)} of these metrics; the figures shown are another statistic.`,
    ].join('\n'),
  };
}

/** Rows of one table go together; a line stands alone. */
function groupKey(c: Comparison): object {
  return c.table ?? c;
}

export const statisticMismatch: Rule = {
  meta: {
    id: ID,
    category: 'claims',
    defaultSeverity: 'error',
    description: 'A verdict on a statistic that was not measured: an average judged as a P50, a max reported as a percentile.',
    appliesTo: 'reports',
  },
  check(model) {
    const out: Finding[] = [];
    const columns = new Map<Table, Comparison[]>();
    const unmeasured = new Map<object, Unsupported[]>();
    for (const c of comparisons(model)) {
      if (judged(c)) {
        if (!misleads(c)) continue;
        if (byColumns(c)) columns.set(c.table!, [...(columns.get(c.table!) ?? []), c]);
        else out.push(rowFinding(model, c));
      } else if (c.verdict.kind === 'pass' && c.namedStat && !c.measuredStat && c.measured && c.target) {
        const u = unsupported(model, c);
        if (u) unmeasured.set(groupKey(c), [...(unmeasured.get(groupKey(c)) ?? []), u]);
      }
    }
    for (const [table, rows] of columns) out.push(columnFinding(model, table, rows));
    for (const group of unmeasured.values()) out.push(unsupportedFinding(model, group));
    return out.sort((a, b) => a.span.start - b.span.start);
  },
};
