// percentile-order: statistics of one distribution in the wrong order: p50 ≤ p90 ≤ p95 ≤ p99 ≤ max,
// min ≤ average ≤ max. Only figures of one metric in one scope are compared: a list, a line, a
// table row or column.
import type { Finding, Span } from '../core/types';
import type { DocumentModel, Table } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import {
  columnRoles,
  entries,
  finding,
  fmtInterval,
  hasWord,
  headerText,
  isStatisticWord,
  lineOf,
  measured,
  PLANNED_WORD,
  perPrinted,
  related,
  rowLabel,
  span,
  statisticName,
  statisticsOf,
  statisticWords,
  TARGET_WORD,
  type Interval,
  type Statistic,
} from './arithmetic-support';
import type { Rule } from './rule';

const ID = 'percentile-order';

interface Figure {
  stat: Statistic;
  q: Quantity;
  /** The metric the statistic is of, as its label's other words ("response time"). */
  metric: string;
}

function figure(label: string, q: Quantity | undefined): Figure | undefined {
  const ws = statisticWords(label);
  const stats = statisticsOf(ws);
  // "Max latency budget: 500ms" is a goal, not a statistic of the measured distribution.
  if (!q || q.dimension !== 'time' || stats.length !== 1 || hasWord(ws, TARGET_WORD) || hasWord(ws, PLANNED_WORD)) return undefined;
  return { stat: stats[0], q, metric: ws.filter((w) => !isStatisticWord(w) && !/^\d/.test(w)).join(' ') };
}

/** Rank in a distribution; the mean has none among the percentiles. */
function rank(s: Statistic): number | undefined {
  if (s.kind === 'min') return -1;
  if (s.kind === 'max') return 101;
  return s.kind === 'percentile' ? s.p : undefined;
}

/** Whether a must not exceed b. */
function ordered(a: Statistic, b: Statistic): boolean {
  if (a.kind === 'mean') return b.kind === 'max';
  if (b.kind === 'mean') return a.kind === 'min';
  return rank(a)! < rank(b)!;
}

/** Histograms keep about two significant digits (HdrHistogram's default): a percentile may be off by 1%. */
const HISTOGRAM_PRECISION = 0.01;

/**
 * A percentile's interval against the exact minimum or maximum: tools bucket percentiles (Locust
 * rounds them to two digits, a Prometheus histogram reports its bucket's bound), so "4,800" may
 * stand for the 4,773 ms maximum. Round figures are read as rounded to their last non-zero digit.
 */
function bucketed(f: Figure, other: Figure): Interval {
  if (f.stat.kind !== 'percentile' || other.stat.kind === 'percentile') return f.q;
  let step = 1;
  while (f.q.decimals === 0 && step < 1e6 && f.q.sourceValue % (step * 10) === 0) step *= 10;
  const spread = Math.max((step / 2) * perPrinted(f.q), HISTOGRAM_PRECISION * Math.abs(f.q.value));
  return { low: f.q.low - spread, high: f.q.high + spread };
}

/** Pairs [a, b] where a must not exceed b but does, beyond rounding. */
function inversions(group: Figure[]): [Figure, Figure][] {
  return group.flatMap((a) =>
    group.flatMap((b): [Figure, Figure][] => (a !== b && ordered(a.stat, b.stat) && bucketed(a, b).low > bucketed(b, a).high ? [[a, b]] : [])),
  );
}

/**
 * One finding per figure at fault: the figure in the most inversions is reported first, with all
 * of them ("max 95ms" below the p50, p90 and p95 is one mistake, not three).
 */
function violations(model: DocumentModel, group: Figure[]): Finding[] {
  let pairs = inversions(group);
  const out: Finding[] = [];
  while (pairs.length) {
    const count = (f: Figure) => pairs.filter((p) => p.includes(f)).length;
    const worst = group.reduce((x, y) => (count(y) >= count(x) ? y : x));
    const mine = pairs.filter((p) => p.includes(worst));
    pairs = pairs.filter((p) => !p.includes(worst));
    out.push(report(model, worst, mine));
  }
  return out;
}

function report(model: DocumentModel, b: Figure, pairs: [Figure, Figure][]): Finding {
  const name = (f: Figure) => `${statisticName(f.stat)} ${f.q.text}`;
  const partners = pairs.map(([x, y]) => (x === b ? y : x));
  const position = (a: Figure) => `${pairs.some(([x]) => x === a) ? 'below' : 'above'} ${name(a)} (line ${lineOf(model, a.q.start)})`;
  const rule = ([x, y]: [Figure, Figure]) => `${statisticName(x.stat)} ≤ ${statisticName(y.stat)}`;
  const metric = b.metric ? ` (${b.metric})` : '';
  const message = `${name(b)}${metric} is ${partners.map(position).join(', ')}, but ${pairs.map(rule).join(', ')} for any distribution.`;
  const hover = [
    ...[...partners, b].map((f) => `- ${statisticName(f.stat)}: ${f.q.text} (line ${lineOf(model, f.q.start)}), ${fmtInterval(f.q)} ms as printed`),
    '- Percentiles of one distribution never decrease: min ≤ p50 ≤ p90 ≤ p95 ≤ p99 ≤ max, and min ≤ average ≤ max.',
  ];
  return finding(ID, span(b.q), message, hover, partners.map((a) => related(a.q, `${statisticName(a.stat)} of the same metric`)));
}

function byMetric(figures: Figure[]): Figure[][] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) groups.set(f.metric, [...(groups.get(f.metric) ?? []), f]);
  return [...groups.values()].filter((g) => g.length >= 2);
}

/** "p50: 75ms" ... "p99: 250ms" as consecutive key/value lines (table rows are read with the tables). */
function blockGroups(model: DocumentModel): Figure[][] {
  const byBlock = new Map<Span, Figure[]>();
  for (const e of entries(model)) {
    const f = e.line.kind === 'table' ? undefined : figure(e.key, measured(model, e)[0]);
    if (f) byBlock.set(e.block, [...(byBlock.get(e.block) ?? []), f]);
  }
  return [...byBlock.values()].flatMap(byMetric);
}

/** "p50 75ms, p95 150ms, p99 250ms" or "avg=120ms min=10ms max=750ms" on one line. */
function lineGroups(model: DocumentModel): Figure[][] {
  return model.textLines.flatMap((line) => {
    const figures: Figure[] = [];
    line.quantities.forEach((q, i) => {
      const from = i === 0 ? line.span.start : line.quantities[i - 1].end;
      const f = figure(model.text.slice(from, q.start), q);
      // "API p50 75ms, p95 150ms": a statistic with no metric of its own is of the one before.
      if (f) figures.push(f.metric || !figures.length ? f : { ...f, metric: figures[figures.length - 1].metric });
    });
    return figures.length >= 2 ? byMetric(figures) : [];
  });
}

/** Statistics as column headers (compared along each row) or as row labels (down each column). */
function tableGroups(model: DocumentModel, table: Table): Figure[][] {
  const roles = columnRoles(model, table);
  const columns = roles.flatMap((r, i) => (r === 'label' || r === 'target' || r === 'status' || r === 'change' ? [] : [i]));
  const cellOf = (row: Table['rows'][number], col: number) => (row.cells[col]?.quantities.length === 1 ? row.cells[col].quantities[0] : undefined);
  const alongRows = table.rows.flatMap((row) => byMetric(columns.flatMap((c) => figure(headerText(model, table, c), cellOf(row, c)) ?? [])));
  const downColumns = columns.flatMap((c) => byMetric(table.rows.flatMap((row) => figure(rowLabel(model, row), cellOf(row, c)) ?? [])));
  return [...alongRows, ...downColumns];
}

export const percentileOrder: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: 'Statistics of one distribution out of order: a p99 below the p95, an average above the maximum.',
    appliesTo: 'reports',
  },
  check(model) {
    const groups = [...blockGroups(model), ...lineGroups(model), ...model.tables.flatMap((t) => tableGroups(model, t))];
    const seen = new Set<number>();
    return groups.flatMap((g) => violations(model, g)).filter((f) => !seen.has(f.span.start) && seen.add(f.span.start));
  },
};
