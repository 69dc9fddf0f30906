// What the claims rules share: every comparison a report states (a measured figure, the target it
// is judged against, and the verdict given), read from tables and "Key: value" lines through the
// document model; re-evaluation of those comparisons on the quantities' intervals; statistics and
// directions read from labels; summaries; and the text of messages, hovers and fixes.
import { memoize } from '../core/memo';
import type { Fix, RelatedLocation, Span, TextEdit } from '../core/types';
import type { DocumentModel, Fragment, KeyValue, Section, Table, TableRow, TextLine } from '../model/document';
import { convert, formatNumber, quantitiesAt } from '../model/quantity';
import type { Dimension, Quantity } from '../model/quantity-types';
import { stripEmphasis, type VerdictKind, type VerdictToken } from '../model/verdicts';

// ---------------------------------------------------------------------------------------------
// Text and words

export const lineNo = (model: DocumentModel, offset: number): number => model.lines.positionAt(offset).line + 1;

export const sliceOf = (model: DocumentModel, s: Span): string => model.text.slice(s.start, s.end);

type Run = DocumentModel['mojibake'][number];

const runIndex = new WeakMap<DocumentModel, { sorted: Run[]; byStart: Map<number, Run> }>();

/** The model's mis-decoded runs, sorted and keyed by start, found once per model. */
function runsOf(model: DocumentModel): { sorted: Run[]; byStart: Map<number, Run> } {
  let index = runIndex.get(model);
  if (!index) {
    const sorted = [...model.mojibake].sort((a, b) => a.start - b.start);
    index = { sorted, byStart: new Map(sorted.map((r) => [r.start, r])) };
    runIndex.set(model, index);
  }
  return index;
}

/** The runs that overlap `s`, by binary search. */
function runsIn(model: DocumentModel, s: Span): Run[] {
  const { sorted } = runsOf(model);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= s.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Run[] = [];
  for (let i = lo; i < sorted.length && sorted[i].start < s.end; i++) if (sorted[i].end > s.start) out.push(sorted[i]);
  return out;
}

const apart = new WeakMap<DocumentModel, boolean>();

/**
 * The model's runs that may overlap `s`, in the model's order: by binary search when the runs are in
 * order and apart (as found), else all of them. Reading a span then costs no pass over every run.
 */
export function runsNear(model: DocumentModel, s: Span): Run[] {
  const runs = model.mojibake;
  let ordered = apart.get(model);
  if (ordered === undefined) apart.set(model, (ordered = runs.every((r, i) => i === 0 || r.start >= runs[i - 1].end)));
  if (!ordered) return runs;
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= s.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < runs.length && runs[end].start < s.end) end++;
  return runs.slice(lo, end);
}

/** The text of `s` with the mis-decoded runs ("âœ…") inside it left out: they are no words of a label. */
export function textWithoutRuns(model: DocumentModel, s: Span): string {
  let out = '';
  let at = s.start;
  for (const run of runsNear(model, s)) {
    if (run.end <= at || run.start >= s.end) continue;
    out += model.text.slice(at, Math.max(at, run.start));
    at = Math.max(at, run.end);
  }
  return out + model.text.slice(at, s.end);
}

/** The run a verdict token is, when the token is a garbled mark. */
const runAt = (model: DocumentModel, t: VerdictToken): Run | undefined => {
  const run = runsOf(model).byStart.get(t.start);
  return run?.end === t.end ? run : undefined;
};

const cleanCache = new WeakMap<DocumentModel, Map<string, string>>();

/** Emphasis removed, white space collapsed: remembered by text, as most spans hold no garbled run. */
const tidy = memoize((text: string): string => stripEmphasis(text).replace(/\s+/g, ' ').trim());

/** The text of `s` with mis-decoded runs ("âœ…") left out and emphasis removed (read once per span). */
export function cleanText(model: DocumentModel, s: Span): string {
  if (runsNear(model, s).length === 0) return tidy(model.text.slice(s.start, s.end));
  let cache = cleanCache.get(model);
  if (!cache) cleanCache.set(model, (cache = new Map()));
  const key = `${s.start}:${s.end}`;
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = readClean(model, s)));
  return text;
}

function readClean(model: DocumentModel, s: Span): string {
  let out = '';
  let at = s.start;
  for (const run of runsIn(model, s)) {
    out += model.text.slice(at, Math.max(at, run.start));
    at = Math.max(at, run.end);
  }
  return tidy(out + model.text.slice(at, s.end));
}

/** `s` without its quantities: what is left names things ("max 500ms" is a bound, not a statistic). */
function textWithout(model: DocumentModel, s: Span, quantities: Quantity[]): string {
  let out = '';
  let at = s.start;
  for (const q of quantities) {
    if (q.end <= at || q.start >= s.end) continue;
    out += model.text.slice(at, Math.max(at, q.start)) + ' ';
    at = Math.max(at, q.end);
  }
  return out + model.text.slice(at, s.end);
}

/**
 * Lower-case words (emphasis and marks fall between them); "p(95)" reads "p95", "99.9th" stays one
 * word. Remembered (see memo.ts), so shared between callers: read-only.
 */
export const words = memoize((text: string): readonly string[] => {
  const t = text.toLowerCase().replace(/\bp\((\d+(?:\.\d+)?)\)/g, 'p$1');
  return t.match(/[\p{L}\p{N}]+(?:\.\d+)?[\p{L}]*/gu) ?? [];
});

const hasAny = (ws: readonly string[], set: ReadonlySet<string>): boolean => ws.some((w) => set.has(w));
const setOf = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/));

// ---------------------------------------------------------------------------------------------
// Statistics: p95, median, average, max, min

/** A statistic by name: 'p50' (median), 'p95', 'p99.9', 'mean', 'max', 'min'. */
export type Statistic = string;

const PERCENTILE = /^p(\d{1,2}(?:\.\d+)?)$/;
const ORDINAL = /^(\d{1,2}(?:\.\d+)?)(?:th|st|nd|rd)$/;

/** The statistics a label names ("P95 Latency", "95th percentile", "Avg", "p50 (Median)"), each once. */
function statisticsOf(ws: readonly string[]): Statistic[] {
  const found = new Set<Statistic>();
  ws.forEach((w, i) => {
    const p = PERCENTILE.exec(w) ?? ORDINAL.exec(w);
    // "3rd" is a rank unless "percentile" follows; "95th" alone is a percentile.
    if (p && (w.startsWith('p') || Number(p[1]) >= 50 || /^percentiles?$/.test(ws[i + 1] ?? ''))) {
      found.add(`p${Number(p[1])}`);
    } else if (w === 'median') found.add('p50');
    else if (/^(avg|average|mean)$/.test(w)) found.add('mean');
    else if (/^(max|maximum)$/.test(w)) found.add('max');
    else if (/^(min|minimum)$/.test(w)) found.add('min');
  });
  return [...found];
}

/** The one statistic a text names, if it names exactly one. */
function statisticOf(ws: readonly string[]): Statistic | undefined {
  const s = statisticsOf(ws);
  return s.length === 1 ? s[0] : undefined;
}

const NAMES: Record<string, string> = { p50: 'p50 (median)', mean: 'average', max: 'maximum', min: 'minimum' };

export const statisticName = (s: Statistic): string => NAMES[s] ?? s;

/** "an average", "a p95". */
export const aStatistic = (s: Statistic): string => `${/^[aeiou]/.test(statisticName(s)) ? 'an' : 'a'} ${statisticName(s)}`;

/** Position of a statistic in the order min ≤ percentiles ≤ max; the mean has none. */
function rank(s: Statistic): number | undefined {
  if (s === 'min') return 0;
  if (s === 'max') return 100;
  const p = PERCENTILE.exec(s);
  return p ? Number(p[1]) : undefined;
}

/** Whether `measured` is never below `named` (max ≥ p99 ≥ p95 ≥ p50 ≥ min), whatever the data. */
export function neverBelow(measured: Statistic, named: Statistic): boolean {
  const a = rank(measured);
  const b = rank(named);
  return a !== undefined && b !== undefined && a >= b;
}

// ---------------------------------------------------------------------------------------------
// Direction: is less better (latency, errors) or more (throughput, availability)?

export type Direction = 'upper' | 'lower';

const LESS_IS_BETTER = setOf(
  'latency latencies response time times ttfb lcp fcp tti inp error errors failure failures failed timeout timeouts ' +
    'cpu memory mem ram heap usage utilization utilisation size bundle loss drops dropped mttr rto rpo lag wait queue delay jitter ' +
    'overhead cost pause',
);
const MORE_IS_BETTER = setOf(
  'throughput rps qps tps availability uptime success successful hit hits apdex score coverage bandwidth capacity iops ops ' +
    'concurrency concurrent users sessions mtbf mttf goodput remaining headroom free available',
);

/** Version numbers compare by parts, not as decimals ("3.10" is after "3.9"). */
const VERSION = setOf('version versions release releases build builds v');

/** Lengths of a run or a window ("Test duration: 3 h, target 2 h"): more may be better, or less. */
const RUN_LENGTH = setOf('duration soak endurance period window retention interval length ttl age elapsed');

/** Metrics of speed, load and errors: what a claim about "performance" speaks for. */
const PERFORMANCE = setOf(
  'performance latency latencies response duration time times ttfb lcp fcp tti inp error errors failure failures timeout timeouts ' +
    'cpu memory mem ram heap throughput rps qps tps availability uptime users concurrency concurrent sessions load requests iops bandwidth',
);

export const isPerformanceMetric = (ws: readonly string[]): boolean => statisticsOf(ws).length > 0 || hasAny(ws, PERFORMANCE);

/** Whether words name a performance metric ("P99", "latency", "throughput", "error rate"). */
export const namesMetric = (ws: readonly string[]): boolean =>
  statisticsOf(ws).length > 0 || hasAny(ws, LESS_IS_BETTER) || hasAny(ws, MORE_IS_BETTER);

/** The direction a target bounds: from its qualifier ("< 200ms"), else from the metric's words and dimension. */
export function directionOf(target: Quantity, metricWords: readonly string[]): Direction | undefined {
  // A bare number ("3.10" against "3.9+") is judged only when the label names what it counts.
  if (hasAny(metricWords, VERSION) || (target.dimension === 'count' && !namesMetric(metricWords))) return undefined;
  if (target.qualifier === 'lt' || target.qualifier === 'le') return 'upper';
  if (target.qualifier === 'gt' || target.qualifier === 'ge' || target.qualifier === 'plus') return 'lower';
  if (target.qualifier === 'range' || hasAny(metricWords, RUN_LENGTH)) return undefined;
  const less = hasAny(metricWords, LESS_IS_BETTER);
  const more = hasAny(metricWords, MORE_IS_BETTER);
  if (less !== more) return less ? 'upper' : 'lower';
  if (less) return undefined;
  if (target.dimension === 'time') return 'upper';
  return target.dimension === 'rate' ? 'lower' : undefined;
}

/** Words that make a figure a change rather than a level. */
const CHANGE = setOf(
  'reduction reductions reduced reduce decrease decreased increase increased improvement improvements improved faster slower ' +
    'quicker less more lower higher fewer smaller larger bigger better worse gain gains saving savings speedup drop dropped ' +
    'growth delta change',
);

/** Whether the words around a comparison's figures ("50% reduction", "3x faster") make them changes. */
function isRelative(model: DocumentModel, places: Array<{ span: Span; quantities: Quantity[] }>): boolean {
  return places.some((p) => hasAny(words(textWithout(model, p.span, p.quantities)), CHANGE));
}

// ---------------------------------------------------------------------------------------------
// Verdicts

export type VerdictClass = 'pass' | 'fail' | 'warn' | 'unmeasured' | 'mixed' | 'none';

export interface Verdict {
  kind: VerdictClass;
  tokens: VerdictToken[];
}

/** "Exceeded" praises a goal or reports a breached limit: it takes its sense from the tokens beside it. */
const TWO_SIDED = /^exceed(?:s|ed)?$/i;

/** What a set of verdict tokens says: one of pass / fail / warn / unmeasured, mixed, or nothing. */
export function verdictOf(tokens: VerdictToken[]): Verdict {
  const plain = tokens.filter((t) => !TWO_SIDED.test(t.text));
  if (plain.length < tokens.length && plain.length === 0) return { kind: 'mixed', tokens };
  const kinds = new Set<VerdictKind>(plain.map((t) => t.kind));
  const judged = (['pass', 'fail', 'warn'] as const).filter((k) => kinds.has(k));
  let kind: VerdictClass = 'none';
  if (judged.length > 1) kind = 'mixed';
  else if (judged.length === 1) kind = kinds.has('unmeasured') || kinds.has('na') ? 'mixed' : judged[0];
  else if (kinds.has('unmeasured') || kinds.has('na')) kind = 'unmeasured';
  return { kind, tokens };
}

/** "not OK", "doesn't pass", "failed to meet all targets": a pass word under a negation. */
const NEGATION = /\b(?:not|no|never|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|cannot|can't|fails? to|failed to)\s+$/i;

/** The tokens as read in context: a negated pass word counts as a failure. */
export function inContext(model: DocumentModel, tokens: VerdictToken[]): VerdictToken[] {
  return tokens.map((t) =>
    t.kind === 'pass' && NEGATION.test(model.text.slice(Math.max(0, t.start - 16), t.start)) ? { ...t, kind: 'fail' } : t,
  );
}

/** Whether a token is a mark (✅, ⚠️, or a garbled one) rather than a word. */
export function isMark(model: DocumentModel, t: VerdictToken): boolean {
  return !/\p{L}/u.test(t.text) || runAt(model, t) !== undefined;
}

/** The span from the first to the last token. */
export function tokensSpan(tokens: VerdictToken[]): Span {
  return { start: Math.min(...tokens.map((t) => t.start)), end: Math.max(...tokens.map((t) => t.end)) };
}

/** The verdicts fixes write: a mark (empty to drop it) and a word. */
export const RELABEL: Record<'fail' | 'unmeasured' | 'noTarget', Relabel> = {
  fail: { mark: '❌', word: 'FAIL' },
  unmeasured: { mark: '⚠️', word: 'NOT MEASURED' },
  noTarget: { mark: '', word: 'NO TARGET' },
};

export interface Relabel {
  mark: string;
  word: string;
}

/** A token as the author meant it: a garbled mark ("âœ…") shows as its repair ("✅"). */
function display(model: DocumentModel, t: VerdictToken): string {
  return runAt(model, t)?.candidates[0]?.text ?? t.text;
}

/** The text of a span as the author meant it: garbled marks repaired, emphasis removed. */
export function readable(model: DocumentModel, s: Span): string {
  let out = '';
  let at = s.start;
  for (const run of runsIn(model, s)) {
    if (run.start < at || run.end > s.end) continue;
    out += model.text.slice(at, run.start) + (run.candidates[0]?.text ?? run.text);
    at = run.end;
  }
  return stripEmphasis(out + model.text.slice(at, s.end)).replace(/\s+/g, ' ').trim();
}

export const displayAll = (model: DocumentModel, tokens: VerdictToken[]): string => tokens.map((t) => display(model, t)).join(' ');

/** Drops `[start, end)` and the spaces after it (or before it, at the end of a cell). */
function removal(model: DocumentModel, start: number, end: number): TextEdit {
  let e = end;
  while (model.text[e] === ' ') e++;
  let s = start;
  if (e === end) while (s > 0 && model.text[s - 1] === ' ') s--;
  return { start: s, end: e, newText: '' };
}

/**
 * Edits that rewrite a verdict: each mark becomes the new mark, the first word the new word, and
 * further words go; with no word at all, the new word follows the last mark.
 */
function relabel(model: DocumentModel, tokens: VerdictToken[], to: Relabel): TextEdit[] {
  const edits: TextEdit[] = [];
  let wordDone = false;
  for (const t of tokens) {
    if (isMark(model, t)) {
      edits.push(to.mark ? { start: t.start, end: t.end, newText: to.mark } : removal(model, t.start, t.end));
    } else if (!wordDone) {
      edits.push({ start: t.start, end: t.end, newText: to.word });
      wordDone = true;
    } else {
      edits.push(removal(model, t.start, t.end));
    }
  }
  if (!wordDone && edits.length) {
    const last = tokens[tokens.length - 1];
    edits[edits.length - 1] = { start: last.start, end: last.end, newText: `${to.mark} ${to.word}`.trim() };
  }
  return edits;
}

/** Whether a span holds nothing but the tokens, emphasis and spaces: rewriting them rewrites it all. */
export function onlyTokens(model: DocumentModel, span: Span, tokens: VerdictToken[]): boolean {
  let rest = '';
  let at = span.start;
  for (const t of [...tokens].sort((a, b) => a.start - b.start)) {
    rest += model.text.slice(at, t.start);
    at = t.end;
  }
  rest += model.text.slice(at, span.end);
  return /^[\s*_`()]*$/.test(rest);
}

export function relabelFix(model: DocumentModel, tokens: VerdictToken[], to: Relabel, preferred = true): Fix {
  return { title: `Replace "${displayAll(model, tokens)}" with "${`${to.mark} ${to.word}`.trim()}"`, edits: relabel(model, tokens, to), isPreferred: preferred };
}

// ---------------------------------------------------------------------------------------------
// Comparisons: a measured figure, its target and its verdict

/** A measurement the report says is missing: "Not measured", "TBD", "N/A", "—", an empty cell. */
export interface Missing {
  kind: 'unmeasured' | 'na' | 'empty';
  span: Span;
  /** As written; '' for an empty cell. */
  text: string;
}

/** A missing figure for messages: "Not measured" in quotes, or "an empty cell". */
export const missingText = (m: Missing): string => (m.text ? `"${m.text}"` : 'an empty cell');

export interface Located {
  span: Span;
  /** Where it was read, for hovers: "Result column", "value", "key". */
  from: string;
}

export interface Comparison {
  origin: 'table' | 'line';
  /** The metric as labelled (row label or key), marks and emphasis removed. */
  label: string;
  labelSpan: Span;
  /** 0-based line. */
  line: number;
  span: Span;
  section?: Section;
  measured?: Quantity & Located;
  missing?: Missing;
  target?: Quantity & Located;
  /** A target stated as absent: "N/A", "—", an empty Target cell. */
  targetMissing?: Missing;
  verdict: Verdict;
  /** Where the verdict is written, for hovers: "Status column", "row"; '' on a line of its own. */
  verdictFrom: string;
  /** The verdict speaks for this figure: a line's own mark or word, a value cell's mark, a column headed "Status". */
  verdictTrusted: boolean;
  /** The Status cell, or the value, holding the verdict. */
  verdictSpan: Span;
  /** Words naming the metric (label, column headers), for its direction and its subject. */
  metricWords: readonly string[];
  /** The figures are changes ("50% reduction", "3x faster"), not levels: their direction is unknown. */
  relative: boolean;
  /** The statistic the measured figure is, from its column header or its own text. */
  measuredStat?: StatisticPlace;
  /** The statistic the label or the target names. */
  namedStat?: StatisticPlace;
  table?: Table;
  row?: TableRow;
  layout?: TableLayout;
}

// Tables ---------------------------------------------------------------------------------------

export interface TableLayout {
  measured: number;
  target?: number;
  status?: number;
  /** The status column is headed as one ("Status", "Verdict"), not only filled with marks ("In CI?"). */
  statusByHeader: boolean;
}

const TARGET_HEADER = setOf(
  'target targets goal goals threshold thresholds sla slas slo slos budget budgets limit limits objective objectives ' +
    'requirement requirements required spec specification criteria criterion expected acceptance',
);
const STATUS_HEADER = setOf('status verdict outcome pass fail met ok assessment rating grade state check');
const PRIMARY_TARGET = setOf('target targets goal goals sla slas slo slos objective objectives requirement requirements');
const NOT_MEASURED_HEADER = setOf(
  'notes note comments comment remarks details description evidence source owner priority improvement improvements change ' +
    'changes delta diff difference gain reduction increase decrease vs before previous old original initial action actions',
);
const MEASURED_HEADER = setOf('actual actuals measured result results observed value values achieved current after baseline');

const cellsOf = (table: Table, i: number): Fragment[] =>
  table.rows.map((r) => r.cells[i]).filter((c): c is Fragment => c !== undefined && c.plain !== '');

const isVerdictOnly = (cells: Fragment[]): boolean =>
  cells.length > 0 && cells.every((c) => c.verdicts.length > 0 && c.quantities.length === 0);

const holdsFigures = (model: DocumentModel, cells: Fragment[]): boolean =>
  cells.length > 0 && cells.filter((c) => c.quantities.length > 0 || missingKind(model, c) !== undefined).length * 2 >= cells.length;

/** Which column holds the measurement, which the target, which the verdict; undefined when unclear. */
function layoutOf(model: DocumentModel, table: Table): TableLayout | undefined {
  const headerWords = table.header.map((h) => words(cleanText(model, h.span)));
  const targets: number[] = [];
  const statuses: number[] = [];
  const measured: number[] = [];
  const byHeader = (ws: readonly string[]) => ws.length > 0 && ws.every((w) => STATUS_HEADER.has(w));
  headerWords.forEach((ws, i) => {
    if (i === 0) return;
    const cells = cellsOf(table, i);
    if (hasAny(ws, TARGET_HEADER) && !hasAny(ws, MEASURED_HEADER)) targets.push(i);
    else if (byHeader(ws) || isVerdictOnly(cells)) statuses.push(i);
    else if (!hasAny(ws, NOT_MEASURED_HEADER) && holdsFigures(model, cells)) measured.push(i);
  });
  const target = targets.length <= 1 ? targets[0] : only(targets.filter((i) => hasAny(headerWords[i], PRIMARY_TARGET)));
  if (targets.length > 1 && target === undefined) return undefined;
  const named = target === undefined ? undefined : statisticOf(words(cleanText(model, table.header[target].span)));
  const m = pickMeasured(measured, headerWords, named);
  if (m === undefined) return undefined;
  const status = statuses.length === 1 ? statuses[0] : undefined;
  return { measured: m, target, status, statusByHeader: status !== undefined && byHeader(headerWords[status]) };
}

function only<T>(xs: T[]): T | undefined {
  return xs.length === 1 ? xs[0] : undefined;
}

/** Several columns of figures: the one a header calls the measurement, or the one with the target's statistic. */
function pickMeasured(columns: number[], headerWords: (readonly string[])[], named: Statistic | undefined): number | undefined {
  if (columns.length <= 1) return columns[0];
  const preferred = only(columns.filter((i) => hasAny(headerWords[i], MEASURED_HEADER)));
  if (preferred !== undefined) return preferred;
  return named ? only(columns.filter((i) => statisticOf(headerWords[i]) === named)) : undefined;
}

/**
 * What a fragment that states no figure says: nothing at all (empty, a dash), "not applicable", or
 * "not measured (yet)": its verdicts are all of those kinds and the first opens it.
 */
function missingKind(model: DocumentModel, f: Fragment): Missing['kind'] | undefined {
  const t = cleanText(model, f.span);
  if (t === '' || /^[-–—?]+$/.test(t)) return 'empty';
  const [first] = f.verdicts;
  const gaps = f.verdicts.every((v) => v.kind === 'unmeasured' || v.kind === 'na');
  if (!first || !gaps || cleanText(model, { start: f.span.start, end: first.start }) !== '') return undefined;
  return first.kind === 'na' ? 'na' : 'unmeasured';
}

function missingIn(model: DocumentModel, cell: Fragment): Missing | undefined {
  if (cell.quantities.length) return undefined;
  const kind = missingKind(model, cell);
  return kind && { kind, span: cell.span, text: cell.plain };
}

const header = (model: DocumentModel, table: Table, i: number | undefined): string =>
  i === undefined || !table.header[i] ? '' : cleanText(model, table.header[i].span);

function tableComparisons(model: DocumentModel, table: Table): Comparison[] {
  const layout = layoutOf(model, table);
  if (!layout) return [];
  const out: Comparison[] = [];
  for (const row of table.rows) {
    const c = rowComparison(model, table, layout, row);
    if (c) out.push(c);
  }
  return out;
}

function rowComparison(model: DocumentModel, table: Table, layout: TableLayout, row: TableRow): Comparison | undefined {
  const labelCell = row.cells[0];
  const valueCell: Fragment | undefined = row.cells[layout.measured];
  if (!labelCell || !valueCell) return undefined;
  const mHeader = header(model, table, layout.measured);
  const tHeader = header(model, table, layout.target);
  const label = cleanText(model, labelCell.span);
  const targetCell = layout.target === undefined ? undefined : row.cells[layout.target];
  const target = targetCell ? targetIn(targetCell) : bareThreshold(labelCell.quantities);
  const metricWords = [...words(label), ...words(mHeader), ...words(tHeader)];
  const measured = measuredIn(valueCell, target);
  const missing = missingIn(model, valueCell);
  const statusCell = layout.status === undefined ? undefined : row.cells[layout.status];
  const tokens = statusCell
    ? statusCell.verdicts
    : [...labelCell.verdicts.filter((t) => isMark(model, t)), ...(missing ? [] : valueCell.verdicts)];
  const namedPlaces: Place[] = [{ span: labelCell.span, quantities: labelCell.quantities, from: 'row label' }];
  if (targetCell && layout.target !== undefined) {
    namedPlaces.push({ span: targetCell.span, quantities: targetCell.quantities, from: `${tHeader} cell` });
    namedPlaces.push({ span: table.header[layout.target].span, quantities: [], from: `${tHeader} column` });
  }
  const named = namedStatistic(model, namedPlaces);
  const measuredStat = namedStatistic(model, [
    { span: table.header[layout.measured].span, quantities: [], from: `${mHeader} column` },
    { span: valueCell.span, quantities: valueCell.quantities, from: `${mHeader} cell` },
  ]);
  const relative = isRelative(model, [labelCell, valueCell, ...(targetCell ? [targetCell] : [])]);
  return {
    origin: 'table',
    relative,
    label,
    labelSpan: labelCell.span,
    line: row.line,
    span: row.span,
    section: table.section,
    measured: measured && { ...measured, span: spanOf(measured), from: `${mHeader} column` },
    missing,
    target: target && { ...target, span: spanOf(target), from: targetCell ? `${tHeader} column` : 'row label' },
    targetMissing: targetCell ? missingIn(model, targetCell) : undefined,
    verdict: verdictOf(inContext(model, tokens)),
    verdictFrom: statusCell ? `${header(model, table, layout.status)} column` : 'row',
    // A column only filled with marks ("In CI?", "Supported") may judge something else than the figure.
    verdictTrusted: !statusCell || layout.statusByHeader || layout.target !== undefined,
    verdictSpan: statusCell ? statusCell.span : valueCell.span,
    metricWords,
    measuredStat: measuredStat === 'conflict' ? undefined : measuredStat,
    namedStat: named === 'conflict' ? undefined : named,
    table,
    row,
    layout,
  };
}

const spanOf = (q: { start: number; end: number }): Span => ({ start: q.start, end: q.end });

/** A target cell's threshold: its one quantity, or its one bound among several ("> 4.5 / 5"). */
function targetIn(cell: Fragment): Quantity | undefined {
  const qs = cell.quantities.filter((q) => !q.signed);
  return qs.length === 1 ? qs[0] : bareThreshold(qs);
}

const isBound = (q: Quantity): boolean => ['lt', 'le', 'gt', 'ge'].includes(q.qualifier);

function bareThreshold(qs: Quantity[]): Quantity | undefined {
  return only(qs.filter((q) => isBound(q) && !q.signed));
}

/** The measured figure in a cell: its one quantity of the target's dimension (any, without a target). */
function measuredIn(cell: Fragment, target: Quantity | undefined): Quantity | undefined {
  const qs = cell.quantities.filter((q) => !q.signed && (!target || q.dimension === target.dimension));
  return only(qs);
}

/** A stretch of text that may name a statistic, and where it sits (for hovers). */
interface Place {
  span: Span;
  /** Quantities in the span, left out when reading its words. */
  quantities: Quantity[];
  from: string;
}

type StatisticPlace = { stat: Statistic } & Located;

/**
 * The statistic named by the first of several places that names one ("P95 Latency", "Target P50");
 * 'conflict' when two places name different ones.
 */
function namedStatistic(model: DocumentModel, places: Place[]): StatisticPlace | 'conflict' | undefined {
  let found: StatisticPlace | undefined;
  for (const { span, quantities, from } of places) {
    const stat = statisticOf(words(textWithout(model, span, quantities)));
    if (!stat) continue;
    if (found && found.stat !== stat) return 'conflict';
    found ??= { stat, span, from };
  }
  return found;
}

// "Key: value" lines ----------------------------------------------------------------------------

const TARGET_WORD = '(?:target|goal|threshold|sla|slo|budget|limit|objective|requirement|required|spec|criteria)s?';
/**
 * "target: 500ms", "target (p95) < 200ms", "vs target < 200 ms", "SLA = 99.9%". Tested on text whose
 * white space is collapsed: its three `\s*` would otherwise split a long run every way.
 */
const TARGET_BEFORE = new RegExp(`\\b${TARGET_WORD}\\s*(?:\\([^()]*\\))?\\s*(?:[:=]|is|of|at)?\\s*$`, 'i');
/** "3ms vs 5ms target". */
const TARGET_AFTER = new RegExp(`^\\s*${TARGET_WORD}\\b`, 'i');
/** "387ms vs < 200ms": a bound after "vs". */
const VERSUS_BEFORE = /\b(?:vs\.?|versus)\s*$/i;
/** "target: N/A", "SLA: —": a target stated as absent (`(?:\s*[:=])?\s*`: no two stars over one run of spaces). */
const TARGET_ABSENT = new RegExp(`\\b${TARGET_WORD}(?:\\s*[:=])?\\s*(n/a|none|tbd|—|–)(?![\\p{L}\\p{N}])`, 'iu');
/** A key that ends by introducing a target: "Monitor error rates (target". */
const KEY_ENDS_WITH_TARGET = new RegExp(`\\b${TARGET_WORD}\\s*$`, 'i');

function isTargetInValue(model: DocumentModel, kv: KeyValue, q: Quantity, previousEnd: number): boolean {
  const before = model.text.slice(previousEnd, q.start);
  const after = model.text.slice(q.end, Math.min(kv.value.span.end, q.end + 16));
  if (TARGET_BEFORE.test(before.replace(/\s+/g, ' ')) || TARGET_AFTER.test(after)) return true;
  if (isBound(q) && VERSUS_BEFORE.test(before)) return true;
  return previousEnd === kv.value.span.start && KEY_ENDS_WITH_TARGET.test(sliceOf(model, kv.keySpan));
}

/** Verdict words used as nouns ("success rate", "failed requests") are labels, not verdicts. */
function isNounUse(model: DocumentModel, t: VerdictToken): boolean {
  return /^ [a-z]/.test(model.text.slice(t.end, t.end + 2)) && /\p{L}/u.test(t.text);
}

function lineComparison(model: DocumentModel, kv: KeyValue): Comparison | undefined {
  const keyText = sliceOf(model, kv.keySpan);
  const keyQs = quantitiesAt(keyText, kv.keySpan.start);
  const keyBound = keyQs.length === 1 && isBound(keyQs[0]) ? keyQs[0] : undefined;
  if (keyQs.length > 0 && !keyBound) return undefined;
  const valueQs = kv.value.quantities.filter((q) => !q.signed);
  const targets: Quantity[] = keyBound ? [keyBound] : [];
  const others: Quantity[] = [];
  let previousEnd = kv.value.span.start;
  for (const q of valueQs) {
    (isTargetInValue(model, kv, q, previousEnd) ? targets : others).push(q);
    previousEnd = q.end;
  }
  if (targets.length > 1) return undefined;
  const target = targets[0];
  // "TBD (est. 200ms)": a value that opens by saying there is no figure has none.
  const missing = leadingMissing(model, kv.value);
  const measured = missing ? undefined : only(others.filter((q) => !target || q.dimension === target.dimension));
  const absent = TARGET_ABSENT.exec(kv.value.text);
  const targetMissing: Missing | undefined =
    absent && !target ? { kind: 'na', span: absentSpan(kv.value, absent), text: absent[1] } : undefined;
  const keyMarks = kv.line.verdicts.filter((t) => t.end <= kv.keySpan.end && isMark(model, t));
  const valueTokens = kv.value.verdicts.filter(
    (t) => !isNounUse(model, t) && !(missing && t.start === missing.span.start) && !(targetMissing && overlapsSpan(t, targetMissing.span)),
  );
  const label = labelOfKey(model, kv, keyBound);
  const metricWords = words(label);
  const measuredText = target && !keyBound ? { start: kv.value.span.start, end: target.start } : kv.value.span;
  const measuredStat = namedStatistic(model, [{ span: measuredText, quantities: valueQs, from: 'value' }]);
  const named = namedStatistic(model, [{ span: kv.keySpan, quantities: keyQs, from: 'key' }]);
  const relative = isRelative(model, [
    { span: kv.keySpan, quantities: keyQs },
    { span: kv.value.span, quantities: valueQs },
  ]);
  return {
    origin: 'line',
    relative,
    label,
    labelSpan: kv.keySpan,
    line: kv.line.line,
    span: kv.line.span,
    section: kv.line.section,
    measured: measured && { ...measured, span: spanOf(measured), from: 'value' },
    missing,
    target: target && { ...target, span: spanOf(target), from: target === keyBound ? 'key' : 'value' },
    targetMissing,
    verdict: verdictOf(inContext(model, [...keyMarks, ...valueTokens])),
    verdictFrom: '',
    verdictTrusted: true,
    verdictSpan: kv.value.span,
    metricWords,
    measuredStat: measuredStat === 'conflict' ? undefined : measuredStat,
    namedStat: named === 'conflict' ? undefined : named,
  };
}

const overlapsSpan = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function absentSpan(value: Fragment, m: RegExpExecArray): Span {
  const start = value.span.start + m.index + m[0].length - m[1].length;
  return { start, end: start + m[1].length };
}

/** "Not measured", "TBD (needs load tool)", "—": a value that opens by saying there is no figure. */
function leadingMissing(model: DocumentModel, value: Fragment): Missing | undefined {
  const first = value.verdicts[0];
  const leads = first && cleanText(model, { start: value.span.start, end: first.start }) === '';
  if (leads && (first.kind === 'unmeasured' || first.kind === 'na')) {
    return { kind: first.kind === 'na' ? 'na' : 'unmeasured', span: { start: first.start, end: first.end }, text: first.text };
  }
  // Only a dash: a value is never empty, and a lone mark ("✅") is a verdict, not a gap.
  const dash = value.verdicts.length === 0 && missingKind(model, value) === 'empty';
  return dash ? { kind: 'empty', span: value.span, text: value.plain } : undefined;
}

/** The key without marks, emphasis and a threshold it states ("⚠️ Error rate < 0.1%" → "Error rate"). */
function labelOfKey(model: DocumentModel, kv: KeyValue, threshold: Quantity | undefined): string {
  const end = threshold ? threshold.start : kv.keySpan.end;
  const text = cleanText(model, { start: kv.keySpan.start, end });
  return trimKeyEnd(text.replace(/^[^\p{L}\p{N}]+/u, '')).trim();
}

/** `.replace(/[\s(:=,-]+$/u, '')` by hand: a pattern anchored at the end is retried from every character of a run. */
function trimKeyEnd(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s(:=,-]/.test(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Whether a row or line is a comparison: a target with a figure or a missing one, a figure with an absent target, or a missing figure. */
function isComparison(c: Comparison): boolean {
  if (c.target) return c.measured !== undefined || c.missing !== undefined;
  return c.targetMissing !== undefined ? c.measured !== undefined : c.missing !== undefined;
}

const cache = new WeakMap<DocumentModel, Comparison[]>();

/** Every comparison the document states, in document order. Code blocks quote; they are left out. */
export function comparisons(model: DocumentModel): Comparison[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const out = [
    ...model.tables.flatMap((t) => tableComparisons(model, t)),
    ...model.keyValues
      .filter((kv) => kv.line.kind !== 'code' && kv.line.kind !== 'heading')
      .map((kv) => lineComparison(model, kv))
      .filter((c): c is Comparison => c !== undefined),
  ]
    .filter(isComparison)
    .sort((a, b) => a.span.start - b.span.start);
  cache.set(model, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Re-evaluating a comparison

export interface Evaluation {
  outcome: 'met' | 'missed' | 'unknown';
  direction?: Direction;
  /** The threshold in the base unit. */
  threshold?: number;
}

/** A printed target is a definition: its nominal value, widened only for units read two ways (MB). */
function thresholdOf(target: Quantity, direction: Direction): number {
  if (isBound(target) || target.qualifier === 'plus') return direction === 'upper' ? target.high : target.low;
  if (target.qualifier === 'approx' || target.ambiguousUnit) return direction === 'upper' ? target.high : target.low;
  return target.value;
}

/**
 * Met when some value the measurement's printing allows satisfies the target, missed when none
 * does ("~14ms" is 12.1–15.9 ms; "<1ms" is 0–1 ms; "500+" has no upper end), unknown without a
 * comparable pair or a direction.
 */
const evaluations = new WeakMap<Comparison, Evaluation>();

export function evaluate(c: Comparison): Evaluation {
  let e = evaluations.get(c);
  if (!e) evaluations.set(c, (e = evaluateOnce(c)));
  return e;
}

function evaluateOnce(c: Comparison): Evaluation {
  const { measured: m, target: t } = c;
  if (!m || !t || m.dimension !== t.dimension || m.signed || t.signed || c.relative) return { outcome: 'unknown' };
  const direction = directionOf(t, c.metricWords);
  if (!direction) return { outcome: 'unknown' };
  const threshold = thresholdOf(t, direction);
  const strict = t.qualifier === 'lt' || t.qualifier === 'gt';
  const missed =
    direction === 'upper' ? (strict ? m.low >= threshold : m.low > threshold) : strict ? m.high <= threshold : m.high < threshold;
  return { outcome: missed ? 'missed' : 'met', direction, threshold };
}

// ---------------------------------------------------------------------------------------------
// Messages and hovers

const BASE_UNIT: Record<Dimension, string> = { time: 'ms', bytes: 'B', rate: '/s', percent: '%', cpu: 'm', bitrate: 'bit/s', count: '' };

/** A quantity as written, qualifier and unit included ("< 200 ms"). */
export const shown = (q: Quantity): string => q.text.trim();

/** A base-unit number in the unit `like` was written in ("2,000 ms" for a threshold read from "2s"). */
export function inUnitOf(n: number, like: Quantity): string {
  const unit = like.sourceUnit || BASE_UNIT[like.dimension];
  const v = like.sourceUnit ? convert(n, like.unit, like.sourceUnit) ?? n : n;
  const number = formatNumber(v, Math.max(like.decimals + 2, 3));
  if (!unit) return number;
  return /^[%/]/.test(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

export function intervalText(q: Quantity): string {
  if (!Number.isFinite(q.high)) return `at least ${inUnitOf(q.low, q)}`;
  if (q.low === q.high) return inUnitOf(q.low, q);
  return `${inUnitOf(q.low, q)} – ${inUnitOf(q.high, q)}`;
}

const where = (model: DocumentModel, l: Located): string => `${l.from}, line ${lineNo(model, l.span.start)}`;

/** The evidence chain of a comparison, as hover lines. */
export function evidenceLines(model: DocumentModel, c: Comparison, e?: Evaluation): string[] {
  const lines: string[] = [];
  if (c.measured) {
    const spread = c.measured.low === c.measured.high ? '' : ` (its printing allows ${intervalText(c.measured)})`;
    lines.push(`- **Value**: \`${shown(c.measured)}\`${spread}: ${where(model, c.measured)}`);
  } else if (c.missing) {
    lines.push(`- **Value**: ${missingText(c.missing)}: line ${lineNo(model, c.missing.span.start)}`);
  }
  if (c.target) lines.push(`- **Target**: \`${shown(c.target)}\`: ${where(model, c.target)}`);
  else if (c.targetMissing) lines.push(`- **Target**: ${missingText(c.targetMissing)}: line ${lineNo(model, c.targetMissing.span.start)}`);
  if (e?.threshold !== undefined && c.measured && c.target) {
    const op = e.direction === 'upper' ? (c.target.qualifier === 'lt' ? '<' : '≤') : c.target.qualifier === 'gt' ? '>' : '≥';
    lines.push(`- **Comparison**: value ${op} ${inUnitOf(e.threshold, c.measured)}? ${e.outcome === 'met' ? 'yes' : 'no'}`);
  }
  if (c.verdict.tokens.length) {
    const from = c.verdictFrom ? `${c.verdictFrom}, ` : '';
    lines.push(`- **Verdict**: "${displayAll(model, c.verdict.tokens)}": ${from}line ${c.line + 1}`);
  }
  return lines;
}

export const related = (span: Span, message: string): RelatedLocation => ({ span, message });

// ---------------------------------------------------------------------------------------------
// Sections and summaries

interface Outline {
  /** The one top-level heading that titles the whole document: not a section of its own. */
  title?: Section;
  /** Where the first heading below the title starts: the title block ends there. */
  bodyStart: number;
}

const outlineCache = new WeakMap<DocumentModel, Outline>();

function outlineOf(model: DocumentModel): Outline {
  let outline = outlineCache.get(model);
  if (!outline) {
    const top = model.sections.filter((x) => !x.parent);
    const title = top.length === 1 ? top[0] : undefined;
    const first = model.sections.find((x) => x !== title);
    outline = { title, bodyStart: first ? first.headingSpan.start : model.text.length };
    outlineCache.set(model, outline);
  }
  return outline;
}

const isDocumentTitle = (model: DocumentModel, s: Section): boolean => outlineOf(model).title === s;

const SUMMARY_TITLE =
  /\b(summary|conclusions?|recommendations?|verdict|assessment|overview|tl;?dr|status|sign[- ]?off|go\/no[- ]go|final|readiness|outcome|decision)\b/i;

/** Sections of goals and plans: what they say will be, not what was found. */
const PLANNING_TITLE =
  /\b(success (?:criteria|metrics)|acceptance criteria|definition of done|goals?|objectives?|roadmap|next steps|plans?|planned|planning|future|to ?do|requirements|template)\b/i;

const titled = (model: DocumentModel, s: Section | undefined, re: RegExp): boolean => {
  for (let x = s; x && !isDocumentTitle(model, x); x = x.parent) if (re.test(cleanText(model, x.headingSpan))) return true;
  return false;
};

/** Whether a section, or one of its ancestors below the document title, is a summary. */
export const inSummarySection = (model: DocumentModel, s: Section | undefined): boolean => titled(model, s, SUMMARY_TITLE);

/** Whether a section, or one of its ancestors, states goals or plans. */
export const inPlanningSection = (model: DocumentModel, s: Section | undefined): boolean => titled(model, s, PLANNING_TITLE);

/** Whether the top-level section holding `s` is a summary (its word then covers the whole report). */
export const inTopSummary = (model: DocumentModel, s: Section | undefined): boolean => {
  const top = topSection(model, s);
  return top !== undefined && SUMMARY_TITLE.test(cleanText(model, top.headingSpan));
};

/** Lines before the first heading below the document title: the title block. */
export function inTitleBlock(model: DocumentModel, line: TextLine): boolean {
  return (!line.section || isDocumentTitle(model, line.section)) && line.span.start < outlineOf(model).bodyStart;
}

/** The top-level section holding `s` (below the document title). */
export function topSection(model: DocumentModel, s: Section | undefined): Section | undefined {
  let x = s;
  while (x?.parent && !isDocumentTitle(model, x.parent)) x = x.parent;
  return x && !isDocumentTitle(model, x) ? x : undefined;
}

// ---------------------------------------------------------------------------------------------
// Labelled figures: every figure with the statistic its label names, for checking a statistic

export interface LabelledFigure {
  q: Quantity;
  stat: Statistic;
  /** Words that say what was measured ("health", "checkout"), generic metric words left out. */
  subject: readonly string[];
  span: Span;
  /** The label as shown in messages. */
  label: string;
}

const GENERIC = setOf(
  'latency latencies response responses time times duration request requests req per endpoint endpoints api get post put patch ' +
    'delete head http https the a an of for and in on at to with by from test tests testing result results value values actual ' +
    'measured observed target targets total overall metric metrics performance local run runs ms sec secs second seconds ' +
    'percentile percentiles avg average mean median max maximum min minimum',
);

export function subjectOf(ws: readonly string[]): string[] {
  return ws.filter((w) => w.length >= 3 && !GENERIC.has(w) && !/^\d/.test(w) && statisticsOf([w]).length === 0);
}

/** The lead line of the block a line belongs to ("Health Endpoint (100 requests):"), for keys that name no subject. */
const lineIndex = new WeakMap<DocumentModel, Map<TextLine, number>>();

function leadOf(model: DocumentModel, line: TextLine): TextLine | undefined {
  let index = lineIndex.get(model);
  if (!index) lineIndex.set(model, (index = new Map(model.textLines.map((l, i) => [l, i]))));
  const i = index.get(line) ?? -1;
  let lead: TextLine | undefined;
  for (let k = i - 1; k >= 0; k--) {
    const prev = model.textLines[k];
    if (prev.line !== model.textLines[k + 1].line - 1 || prev.section !== line.section || prev.kind === 'heading') break;
    lead = prev;
  }
  return lead && /:\s*$/.test(lead.plain) ? lead : undefined;
}

const labelledCache = new WeakMap<DocumentModel, LabelledFigure[]>();

/** Every measured figure whose label names a statistic: key/value lines (code blocks too) and table cells. */
export function labelledFigures(model: DocumentModel): LabelledFigure[] {
  const cached = labelledCache.get(model);
  if (cached) return cached;
  const out: LabelledFigure[] = [];
  for (const kv of model.keyValues) {
    if (kv.line.kind === 'heading') continue;
    const qs = kv.line.kind === 'code' ? quantitiesAt(kv.value.text, kv.value.span.start) : kv.value.quantities;
    const [q] = qs;
    if (!q || q.signed || KEY_ENDS_WITH_TARGET.test(sliceOf(model, kv.keySpan))) continue;
    const keyWords = words(cleanText(model, kv.keySpan));
    if (keyWords.some((w) => TARGET_HEADER.has(w))) continue;
    const stat = statisticOf(keyWords) ?? statisticOf(words(textWithout(model, kv.value.span, qs)));
    if (!stat) continue;
    const lead = leadOf(model, kv.line);
    const subject = subjectOf(keyWords).length ? subjectOf(keyWords) : subjectOf(words(lead ? cleanText(model, lead.span) : ''));
    out.push({ q, stat, subject, span: spanOf(q), label: cleanText(model, kv.keySpan) });
  }
  // A loop, not push(...): a table's rows can outnumber the arguments a call may take.
  for (const table of model.tables) for (const f of tableFigures(model, table)) out.push(f);
  labelledCache.set(model, out);
  return out;
}

/** The figures of every column but the label and the targets, each with its column's or its own statistic. */
function tableFigures(model: DocumentModel, table: Table): LabelledFigure[] {
  const out: LabelledFigure[] = [];
  table.header.forEach((h, i) => {
    const columnWords = words(cleanText(model, h.span));
    if (i === 0 || hasAny(columnWords, TARGET_HEADER)) return;
    for (const row of table.rows) {
      const cell = row.cells[i];
      const q = cell && only(cell.quantities);
      if (!q || q.signed) continue;
      const stat = statisticOf(columnWords) ?? statisticOf(words(textWithout(model, cell.span, cell.quantities)));
      const label = row.cells[0] ? cleanText(model, row.cells[0].span) : '';
      if (stat) out.push({ q, stat, subject: subjectOf(words(label)), span: spanOf(q), label: `${label} (${header(model, table, i)})` });
    }
  });
  return out;
}

/** Whether two quantities print the same figure: same dimension, same nominal value. */
export function sameFigure(a: Quantity, b: Quantity): boolean {
  return a.dimension === b.dimension && Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}
