// score-mismatch: an overall, final or total score against the component scores it aggregates:
// their mean, their pooled sum, or the weighted mean when the weights are stated.
import type { Finding, Fix } from '../core/types';
import type { DocumentModel, Fragment, Table, TextLine } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import {
  cleanText,
  columnRoles,
  contains,
  disjoint,
  finding,
  fmt,
  fmtInterval,
  hasWord,
  headerText,
  isBounded,
  lineOf,
  numberSpan,
  printedLike,
  related,
  rowLabel,
  scopeChain,
  span,
  sum,
  words,
  type Interval,
} from './arithmetic-support';
import type { Rule } from './rule';

const ID = 'score-mismatch';

const SCORE = /^(score|scores|rating|grade|points|readiness|maturity)$/;
const AGGREGATE = /^(final|overall|total|aggregate|composite|combined|weighted|assessment|average|mean|sum|global)$/;
/** Labels of counted things ("9/9 tables", "45/50 tests"): counts, not scores. */
const COUNTED = /^(tests?|checks?|items?|tables?|endpoints?|connections?|pods?|nodes?|requests?|users?|files?|steps?|tasks?|criteria|gates?|services?|jobs?|runs?|cases?|issues?|bugs?)$/;
const WEIGHT = /\bweight(s|ed|ing)?\b/i;

/** A score out of a maximum: "90/100", or a figure in a score column. */
interface Score {
  value: Quantity;
  /** The maximum, when printed ("/100"). */
  outOf?: Quantity;
  label: string;
}

/** The score's interval, capped at its maximum: "100/100" cannot have been rounded up. */
function scoreInterval(s: Score, scaleTo: number | undefined): Interval {
  const max = s.outOf?.value ?? (s.value.dimension === 'percent' ? 100 : Infinity);
  const low = Math.max(0, s.value.low);
  const high = Math.min(s.value.high, max);
  const k = scaleTo !== undefined && s.outOf ? scaleTo / s.outOf.value : 1;
  return { low: low * k, high: high * k };
}

/** "n/m" in a fragment: two counts joined by a slash, n ≤ m. */
function fractionIn(model: DocumentModel, f: Fragment): { value: Quantity; outOf: Quantity }[] {
  const out: { value: Quantity; outOf: Quantity }[] = [];
  for (let i = 0; i + 1 < f.quantities.length; i++) {
    const [a, b] = [f.quantities[i], f.quantities[i + 1]];
    if (a.dimension !== 'count' || b.dimension !== 'count' || b.value <= 0 || a.value > b.value) continue;
    if (model.text.slice(a.end, b.start).trim() === '/') out.push({ value: a, outOf: b });
  }
  return out;
}

interface Aggregate {
  final: Score;
  components: Score[];
  /** The stated weights, one per component, when the scores are weighted. */
  weights?: number[];
}

interface ScoreLine {
  score: Score;
  aggregate: boolean;
  line: TextLine;
}

/** Text lines of the form "label (n/m)": one fraction and nothing else measured. */
function scoreLines(model: DocumentModel): ScoreLine[] {
  return model.textLines.flatMap((line): ScoreLine[] => {
    const fractions = fractionIn(model, line);
    if (fractions.length !== 1 || line.quantities.length !== 2) return [];
    const [{ value, outOf }] = fractions;
    const label = cleanText(model, { start: line.span.start, end: value.start });
    const ws = words(label);
    if (ws.length === 0 || hasWord(ws, COUNTED)) return [];
    const aggregate = hasWord(ws, AGGREGATE) && hasWord(ws, SCORE);
    return [{ score: { value, outOf, label: label.replace(/[\s:(*_]+$/, '') }, aggregate, line }];
  });
}

/** Component scores around a final one: its own section, else the section that encloses it. */
function textAggregates(model: DocumentModel): Aggregate[] {
  const lines = scoreLines(model);
  return lines.flatMap((final): Aggregate[] => {
    if (!final.aggregate) return [];
    for (const scope of scopeChain(model, final.line.section).slice(0, 2)) {
      const components = lines.filter((l) => !l.aggregate && contains(scope.span, l.line.span)).map((l) => l.score);
      if (components.length < 2) continue;
      // A weighting named without its weights cannot be recomputed; scores out of different maxima are not averaged.
      const weighted = WEIGHT.test(model.text.slice(scope.span.start, scope.span.end));
      return weighted || new Set(components.map((c) => c.outOf?.value)).size !== 1 ? [] : [{ final: final.score, components }];
    }
    return [];
  });
}

/** A cell's score: "90/100", or a lone count or percentage. */
function cellScore(model: DocumentModel, cell: Fragment | undefined, label: string): Score | undefined {
  if (!cell) return undefined;
  const [fraction] = fractionIn(model, cell);
  if (fraction) return { ...fraction, label };
  const [q] = cell.quantities;
  const plain = cell.quantities.length === 1 && (q.dimension === 'count' || q.dimension === 'percent') && isBounded(q) && !q.signed;
  return plain ? { value: q, label } : undefined;
}

/** A score column with a row labelled Total, Overall, Average...; weighted by a Weight column when there is one. */
function columnAggregates(model: DocumentModel, table: Table, headers: (readonly string[])[]): Aggregate[] {
  const weightCol = headers.findIndex((ws) => hasWord(ws, /^weights?$/));
  return headers.flatMap((ws, col): Aggregate[] => {
    if (col === 0 || col === weightCol || !hasWord(ws, SCORE)) return [];
    const rows = table.rows.map((row) => ({ row, label: rowLabel(model, row) }));
    const finals = rows.filter((r) => hasWord(words(r.label), AGGREGATE));
    const parts = rows.filter((r) => !finals.includes(r));
    if (finals.length !== 1 || parts.length < 2) return [];
    const final = cellScore(model, finals[0].row.cells[col], finals[0].label);
    const components = parts.map((p) => cellScore(model, p.row.cells[col], p.label));
    if (!final || components.some((c) => !c || c.value.dimension !== final.value.dimension)) return [];
    const weights = weightCol > 0 ? parts.map((p) => p.row.cells[weightCol]?.quantities[0]?.value) : undefined;
    if (weights?.some((w) => w === undefined || w < 0)) return [];
    return [{ final, components: components as Score[], weights: weights as number[] | undefined }];
  });
}

/**
 * An Overall (Total, Average...) column against the scores in the other columns of its row;
 * weighted when every header states its weight ("Security (30%)").
 */
function rowAggregates(model: DocumentModel, table: Table, headers: (readonly string[])[]): Aggregate[] {
  const finals = headers.flatMap((ws, i) => (i > 0 && hasWord(ws, AGGREGATE) ? [i] : []));
  const roles = columnRoles(model, table);
  const parts = headers.flatMap((ws, i) => (i > 0 && !finals.includes(i) && roles[i] === 'measured' && !hasWord(ws, COUNTED) ? [i] : []));
  if (finals.length !== 1 || parts.length < 2) return [];
  const weights = parts.map((i) => table.header[i].quantities.find((q) => q.dimension === 'percent')?.value);
  const weighted = weights.every((w) => w !== undefined);
  if (!weighted && (weights.some((w) => w !== undefined) || headers.some((ws) => hasWord(ws, /^weight(s|ed)?$/)))) return [];
  return table.rows.flatMap((row): Aggregate[] => {
    const label = rowLabel(model, row);
    const final = cellScore(model, row.cells[finals[0]], `${label} (${headerText(model, table, finals[0])})`);
    const components = parts.map((i) => cellScore(model, row.cells[i], headerText(model, table, i)));
    // "Passed | Failed | Pass rate | Total": counts and a percentage do not aggregate together.
    if (!final || components.some((c) => !c || c.value.dimension !== final.value.dimension)) return [];
    return [{ final, components: components as Score[], weights: weighted ? (weights as number[]) : undefined }];
  });
}

function tableAggregates(model: DocumentModel, table: Table): Aggregate[] {
  const headers = table.header.map((_, i) => words(headerText(model, table, i)));
  return [...columnAggregates(model, table, headers), ...rowAggregates(model, table, headers)];
}

interface Candidate {
  name: string;
  interval: Interval;
  nominal: number;
}

/** What the final can be: the mean of the components (weighted when weights are given), their pooled ratio, their sum. */
function candidates(a: Aggregate): Candidate[] {
  const scaleTo = a.final.outOf?.value;
  const parts = a.components.map((c) => scoreInterval(c, scaleTo));
  const nominal = a.components.map((c) => c.value.value * (scaleTo !== undefined && c.outOf ? scaleTo / c.outOf.value : 1));
  const n = parts.length;
  if (a.weights) {
    const total = a.weights.reduce((s, w) => s + w, 0);
    if (total <= 0) return [];
    const w = a.weights.map((x) => x / total);
    const interval = { low: parts.reduce((s, p, i) => s + p.low * w[i], 0), high: parts.reduce((s, p, i) => s + p.high * w[i], 0) };
    return [{ name: 'weighted mean', interval, nominal: nominal.reduce((s, x, i) => s + x * w[i], 0) }];
  }
  const total = sum(parts);
  const out: Candidate[] = [{ name: 'mean', interval: { low: total.low / n, high: total.high / n }, nominal: nominal.reduce((s, x) => s + x, 0) / n }];
  const maxima = a.components.map((c) => c.outOf?.value);
  // Out of different maxima, the pooled total ("27/30 + 18/20 = 45/50") differs from the mean.
  if (new Set(maxima).size > 1 && maxima.every((m) => m !== undefined) && scaleTo !== undefined) {
    const pooledMax = (maxima as number[]).reduce((s, m) => s + m, 0);
    const raw = sum(a.components.map((c) => scoreInterval(c, undefined)));
    const k = scaleTo / pooledMax;
    out.push({ name: 'pooled total', interval: { low: raw.low * k, high: raw.high * k }, nominal: a.components.reduce((s, c) => s + c.value.value, 0) * k });
  } else if (scaleTo === undefined) {
    out.push({ name: 'sum', interval: total, nominal: nominal.reduce((s, x) => s + x, 0) });
  }
  return out;
}

function check(model: DocumentModel, a: Aggregate): Finding | undefined {
  const finalInterval = scoreInterval(a.final, undefined);
  const options = candidates(a);
  if (options.length === 0 || options.some((c) => !disjoint(c.interval, finalInterval))) return undefined;
  const best = options.reduce((x, y) => (Math.abs(y.nominal - a.final.value.value) < Math.abs(x.nominal - a.final.value.value) ? y : x));
  const of = a.final.outOf ? `/${fmt(a.final.outOf.value)}` : '';
  const listed = a.components.map((c) => fmt(c.value.value)).join(', ');
  const message =
    `${a.final.label || 'Overall score'} ${a.final.value.text}${of}, but the ${best.name} of the ${a.components.length} component scores ` +
    `(${listed}) is ${fmt(best.nominal)}${of}: no rounding of the components gives the stated figure.`;
  const hover = [
    ...a.components.map((c) => `- ${c.label}: ${c.value.text}${c.outOf ? `/${c.outOf.text}` : ''} (line ${lineOf(model, c.value.start)}), ${fmtInterval(scoreInterval(c, a.final.outOf?.value))} as printed`),
    ...options.map((c) => `- ${c.name}: ${fmtInterval(c.interval)}`),
    `- stated: ${fmtInterval(finalInterval)}`,
    '- A score cannot exceed its maximum: "100/100" was not rounded up from above.',
  ];
  const rel = a.components.map((c) => related(c.value, `component score: ${c.label}`));
  return finding(ID, span(a.final.value), message, hover, rel, suggestion(model, a.final.value, best));
}

/** The recomputed score is offered, not applied: the report may weight its components in a way it does not state. */
function suggestion(model: DocumentModel, stated: Quantity, c: Candidate): { suggestions: Fix[] } | Record<string, never> {
  const at = numberSpan(model, stated);
  if (!at) return {};
  const newText = printedLike(c.nominal, stated);
  return { suggestions: [{ title: `Replace ${stated.text} with ${newText} (the ${c.name} of the components)`, edits: [{ ...at, newText }] }] };
}

export const scoreMismatch: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: 'An overall or final score that no rounding of its component scores gives (mean, pooled total or stated weights).',
    appliesTo: 'reports',
  },
  check(model) {
    const aggregates = [...textAggregates(model), ...model.tables.flatMap((t) => tableAggregates(model, t))];
    return aggregates.flatMap((a) => check(model, a) ?? []);
  },
};
