// What the arithmetic rules share: interval arithmetic on quantities, labelled figures read from
// key/value lines and table cells, the scopes a test's figures live in, and message formatting.
// Every helper reads the document model; none looks at one report's wording.
import type { Finding, RelatedLocation, Span } from '../core/types';
import { memoize } from '../core/memo';
import { sectionAt, type DocumentModel, type Fragment, type Section, type Table, type TableRow, type TextLine } from '../model/document';
import { formatNumber, quantitiesAt } from '../model/quantity';
import type { Quantity } from '../model/quantity-types';
import { stripEmphasis } from '../model/verdicts';
import { textWithoutRuns } from './claims-support';

// ---------------------------------------------------------------------------------------------
// Intervals

export interface Interval {
  low: number;
  high: number;
}

export const span = (q: { start: number; end: number }): Span => ({ start: q.start, end: q.end });

/** Whether two intervals share no point: the only ground for an arithmetic finding. */
export const disjoint = (a: Interval, b: Interval): boolean => a.low > b.high || b.low > a.high;

/** a / b for non-negative a and positive b; undefined when b may be zero. */
export function divide(a: Interval, b: Interval): Interval | undefined {
  if (!(b.low > 0) || a.low < 0) return undefined;
  return { low: a.low / b.high, high: a.high / b.low };
}

export function sum(parts: Interval[]): Interval {
  return parts.reduce((s, p) => ({ low: s.low + p.low, high: s.high + p.high }), { low: 0, high: 0 });
}

export const scale = (a: Interval, k: number): Interval =>
  k >= 0 ? { low: a.low * k, high: a.high * k } : { low: a.high * k, high: a.low * k };

/** Base units per printed unit ("3 minutes": 60,000 ms per minute), in the unit's decimal reading. */
export const perPrinted = (q: Quantity): number => (q.sourceValue ? q.value / q.sourceValue : 1);

/**
 * A quantity's interval in the unit it was printed in: "1.2GB" is 1.15–1.25 GB whichever GB the
 * author meant, so two figures printed in the same unit compare without that ambiguity.
 */
export function printed(q: Quantity): Interval {
  const k = perPrinted(q);
  const binaryPower = q.ambiguousUnit ? 'KMGTP'.indexOf(q.sourceUnit.charAt(0).toUpperCase()) + 1 : 0;
  return { low: q.low / k, high: q.high / (k * 1.024 ** binaryPower) };
}

/** Whether a quantity states a value (not only a bound with an open end). */
export const isBounded = (q: Quantity): boolean => Number.isFinite(q.low) && Number.isFinite(q.high);

// ---------------------------------------------------------------------------------------------
// Words

/** Lower-case ASCII words of a label; garbled characters and marks drop out. Remembered (see memo.ts), so shared: read-only. */
export const words = memoize((text: string): readonly string[] => stripEmphasis(text).toLowerCase().match(/[a-z0-9]+(?:\.[0-9]+)?[a-z]*/g) ?? []);

export const hasWord = (ws: readonly string[], re: RegExp): boolean => ws.some((w) => re.test(w));

/** Labels that mark a figure as a goal rather than a measurement. */
export const TARGET_WORD = /^(targets?|goals?|thresholds?|slas?|slos?|budgets?|limits?|objectives?|expected|required|requirements?|spec|criteria|criterion|acceptable|allowed|max_allowed)$/;
/** Labels of figures that were not measured: plans, projections, estimates. */
export const PLANNED_WORD = /^(projected|projections?|forecasts?|estimated?|estimates?|planned|plans?|theoretical|hypothetical|assumed|simulated|expected|potential|goals?)$/;

/** Section titles of summaries: their figures restate the body's. */
const SUMMARY_TITLE = /\b(summary|key results|key findings|key metrics|highlights|overview|tl;?dr|at a glance|conclusions?|executive)\b/i;
/** Section titles whose key/value figures are goals or projections, not measurements. */
const PLANNING_TITLE = /\b(targets?|goals?|objectives?|requirements?|criteria|sla|slo|thresholds?|budgets?|projections?|projected|forecasts?|capacity planning|growth|roadmap|recommendations?|next steps|future|plan|planned)\b/i;

// ---------------------------------------------------------------------------------------------
// Sections and blocks

const titleCache = new WeakMap<DocumentModel, Section | null>();

/** The one top-level heading that titles the whole document: it is no scope of its own. */
export function isDocumentTitle(model: DocumentModel, section: Section): boolean {
  let title = titleCache.get(model);
  if (title === undefined) {
    const top = model.sections.filter((s) => !s.parent);
    const depth = Math.min(...model.sections.map((s) => s.depth));
    title = top.length === 1 && top[0].depth === depth ? top[0] : null;
    titleCache.set(model, title);
  }
  return section === title;
}

/** A section and its ancestors, innermost first, without the document's title. */
export function scopeChain(model: DocumentModel, section: Section | undefined): Section[] {
  const chain: Section[] = [];
  for (let s = section; s && !isDocumentTitle(model, s); s = s.parent) chain.push(s);
  return chain;
}

export const contains = (outer: Span, inner: Span | number): boolean =>
  typeof inner === 'number' ? outer.start <= inner && inner < outer.end : outer.start <= inner.start && inner.end <= outer.end;

/** Whether a figure at `offset` is in a summary: a summary section, or the lines before the first section. */
export function isSummaryAt(model: DocumentModel, section: Section | undefined, offset: number): boolean {
  const chain = scopeChain(model, section);
  if (chain.length === 0) return model.sections.some((s) => s.headingSpan.start > offset && !isDocumentTitle(model, s));
  return chain.some((s) => SUMMARY_TITLE.test(s.title));
}

export const isPlanningSection = (model: DocumentModel, section: Section | undefined): boolean =>
  scopeChain(model, section).some((s) => PLANNING_TITLE.test(s.title));

/** Lines that follow each other with no blank line, in one section: a list, a fenced block, a paragraph. */
export interface Block {
  lines: TextLine[];
  span: Span;
}

const blockCache = new WeakMap<DocumentModel, Map<number, Block>>();

/** The blocks of the document, by each of their lines. */
function blocksByLine(model: DocumentModel): Map<number, Block> {
  const cached = blockCache.get(model);
  if (cached) return cached;
  const byLine = new Map<number, Block>();
  let current: TextLine[] = [];
  const flush = () => {
    if (current.length) {
      const block = { lines: current, span: { start: current[0].span.start, end: current[current.length - 1].span.end } };
      for (const l of current) byLine.set(l.line, block);
    }
    current = [];
  };
  for (const line of model.textLines) {
    const last = current[current.length - 1];
    if (!last || line.line !== last.line + 1 || line.section !== last.section || line.kind === 'heading') flush();
    current.push(line);
    if (line.kind === 'heading') flush();
  }
  flush();
  blockCache.set(model, byLine);
  return byLine;
}

export const blockOf = (model: DocumentModel, line: TextLine): Block | undefined => blocksByLine(model).get(line.line);

// ---------------------------------------------------------------------------------------------
// Labelled figures: key/value lines, and the rows of tables with one measured column

export interface Entry {
  /** The key (a table row's label), emphasis and garbled marks removed. */
  key: string;
  keyWords: readonly string[];
  keySpan: Span;
  value: Fragment;
  /** The value's quantities (re-read inside code blocks, where the model leaves them out). */
  quantities: Quantity[];
  /** Quantities written in the key itself ("Error rate < 0.1%": a threshold). */
  keyQuantities: Quantity[];
  /** The line, or for a table row a line standing for it. */
  line: TextLine;
  /** The lines the entry is listed with: its block of lines, or its table. */
  block: Span;
  /** For a table row: its table, and the header of the value's column ("Result", "Average Latency"). */
  table?: Table;
  header?: string;
}

const entryCache = new WeakMap<DocumentModel, Entry[]>();

/** The text of `s` without mis-decoded runs ("âœ…"), which are no words of the label. */
export function cleanText(model: DocumentModel, s: Span): string {
  return stripEmphasis(textWithoutRuns(model, s)).trim();
}

const isCpuLabel = (ws: readonly string[]): boolean => ws.some((w) => /^(cpu|cpus|vcpu|cores?|millicores?)$/.test(w));

function keyValueEntries(model: DocumentModel): Entry[] {
  return model.keyValues.map((kv): Entry => {
    const key = cleanText(model, kv.keySpan);
    const keyWords = words(key);
    const cpu = isCpuLabel(keyWords);
    const quantities = kv.line.kind === 'code' ? quantitiesAt(kv.value.text, kv.value.span.start, { cpuContext: cpu }) : kv.value.quantities;
    const keyText = model.text.slice(kv.keySpan.start, kv.keySpan.end);
    const block = blockOf(model, kv.line)?.span ?? kv.line.span;
    return { key, keyWords, keySpan: kv.keySpan, value: kv.value, quantities, keyQuantities: quantitiesAt(keyText, kv.keySpan.start, { cpuContext: cpu }), line: kv.line, block };
  });
}

/** "| Total Requests | 2,145 |": each row of a table with one measured column is a key and its value. */
function tableEntries(model: DocumentModel, table: Table): Entry[] {
  const columns = columnRoles(model, table).flatMap((r, i) => (r === 'measured' ? [i] : []));
  if (columns.length !== 1) return [];
  const [col] = columns;
  const header = headerText(model, table, col);
  return table.rows.flatMap((row): Entry[] => {
    const [label, value] = [row.cells[0], row.cells[col]];
    if (!label || !value) return [];
    const key = cleanText(model, label.span);
    const line: TextLine = { ...value, line: row.line, kind: 'table', section: table.section };
    return [{ key, keyWords: words(key), keySpan: label.span, value, quantities: value.quantities, keyQuantities: label.quantities, line, block: table.span, table, header }];
  });
}

export function entries(model: DocumentModel): Entry[] {
  const cached = entryCache.get(model);
  if (cached) return cached;
  const out = [...keyValueEntries(model), ...model.tables.flatMap((t) => tableEntries(model, t))];
  entryCache.set(model, out);
  return out;
}

const bySectionCache = new WeakMap<DocumentModel, Map<Section | undefined, Entry[]>>();

/** The key/value entries of one section (its own lines, not its subsections'), in document order. */
export function entriesIn(model: DocumentModel, section: Section | undefined): Entry[] {
  let bySection = bySectionCache.get(model);
  if (!bySection) {
    bySection = new Map();
    for (const x of entries(model)) if (x.line.kind !== 'table') pushTo(bySection, x.line.section, x);
    bySectionCache.set(model, bySection);
  }
  return bySection.get(section) ?? [];
}

/** Appends to a list in a map (a copy per item would make building the map quadratic). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byBlockCache = new WeakMap<DocumentModel, Map<Span, Entry[]>>();

/** The entries listed with `e`: its block of lines or its table, `e` included. */
export function entriesWith(model: DocumentModel, e: Entry): Entry[] {
  let byBlock = byBlockCache.get(model);
  if (!byBlock) {
    byBlock = new Map();
    for (const x of entries(model)) pushTo(byBlock, x.block, x);
    byBlockCache.set(model, byBlock);
  }
  return byBlock.get(e.block) ?? [e];
}

/** Whether a quantity of a value is a goal: it follows "target", "SLA", "limit" ... in the value. */
export function isTargetInValue(model: DocumentModel, value: Fragment, q: Quantity): boolean {
  const before = model.text.slice(value.span.start, q.start);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
  return hasWord(words(clause), TARGET_WORD);
}

/** The value's measured quantities: those not introduced as targets. */
const measuredCache = new WeakMap<Entry, Quantity[]>();

export function measured(model: DocumentModel, e: Entry): Quantity[] {
  let found = measuredCache.get(e);
  if (!found) measuredCache.set(e, (found = e.quantities.filter((q) => !isTargetInValue(model, e.value, q))));
  return found;
}

/**
 * Whether an entry states a goal, a plan or a projection rather than a measurement. A table row
 * is judged by its columns (the measured one is not the target one), a listed figure also by
 * its section ("Targets", "Projections").
 */
export function isGoalEntry(model: DocumentModel, e: Entry): boolean {
  const valueWords = words(e.value.plain);
  return (
    hasWord(e.keyWords, TARGET_WORD) ||
    hasWord(e.keyWords, PLANNED_WORD) ||
    hasWord(valueWords, PLANNED_WORD) ||
    (e.line.kind !== 'table' && isPlanningSection(model, e.line.section))
  );
}

// ---------------------------------------------------------------------------------------------
// Tables

export type ColumnRole = 'label' | 'target' | 'status' | 'change' | 'before' | 'after' | 'measured';

const STATUS_HEADER = /^(status|verdict|notes?|comments?|remarks?|pass|fail|ok|evidence|source|owner|priority)$/;
const CHANGE_HEADER = /^(change|changes|improvement|improvements|delta|diff|difference|gain|reduction|increase|decrease|speedup|speed|vs)$/;
const BEFORE_HEADER = /^(before|previous|prev|old|original|initial|baseline|was)$/;
const AFTER_HEADER = /^(after|current|new|now|optimized|optimised|latest|final|is)$/;

/** The role of each column, judged by its header; 'before' and 'after' only when both are present. */
export function columnRoles(model: DocumentModel, table: Table): ColumnRole[] {
  const roles = table.header.map((cell, i): ColumnRole => {
    if (i === 0) return 'label';
    const ws = words(cleanText(model, cell.span));
    if (hasWord(ws, TARGET_WORD) || hasWord(ws, PLANNED_WORD)) return 'target';
    if (hasWord(ws, CHANGE_HEADER) || /[Δ±]/.test(cell.plain)) return 'change';
    if (ws.length > 0 && ws.every((w) => STATUS_HEADER.test(w))) return 'status';
    if (hasWord(ws, BEFORE_HEADER)) return 'before';
    if (hasWord(ws, AFTER_HEADER)) return 'after';
    return 'measured';
  });
  const paired = roles.includes('before') && roles.includes('after');
  return paired ? roles : roles.map((r) => (r === 'before' || r === 'after' ? 'measured' : r));
}

export const headerText = (model: DocumentModel, table: Table, i: number): string =>
  table.header[i] ? cleanText(model, table.header[i].span) : '';

export const rowLabel = (model: DocumentModel, row: TableRow): string => (row.cells[0] ? cleanText(model, row.cells[0].span) : '');

// ---------------------------------------------------------------------------------------------
// Nouns: what a count or a rate counts

export type NounClass = 'requests' | 'iterations' | 'transactions' | 'queries' | 'operations' | 'messages' | 'users' | 'other';

const NOUNS: Array<[NounClass, RegExp]> = [
  ['requests', /^(requests?|reqs?|http_reqs|calls|hits|samples|rps|rpm)$/],
  ['iterations', /^(iterations?|iters?)$/],
  ['transactions', /^(transactions?|tx|txns?|tps)$/],
  ['queries', /^(quer(y|ies)|qps)$/],
  ['operations', /^(ops?|operations?|writes|reads)$/],
  ['messages', /^(messages?|msgs?|events)$/],
  ['users', /^(users?|vus?)$/],
];

/** The class of the first counted noun among `ws`, if any. */
export function nounClass(ws: readonly string[]): NounClass | undefined {
  for (const w of ws) for (const [cls, re] of NOUNS) if (re.test(w)) return cls;
  return undefined;
}

/** What a quantity counts, from its unit ("50,000 requests", "1,234 req/s"); undefined for bare figures. */
export function unitNoun(q: Quantity): NounClass | undefined {
  const ws = words(q.sourceUnit.replace(/\/.*$|\s+per\s+.*$/i, ''));
  if (ws.length === 0) return /^(rps|rpm|tps|qps)$/i.test(q.sourceUnit) ? nounClass([q.sourceUnit.toLowerCase()]) : undefined;
  return nounClass(ws) ?? 'other';
}

// ---------------------------------------------------------------------------------------------
// Statistics: p95, median, average, min, max

export type Statistic = { kind: 'percentile'; p: number } | { kind: 'min' | 'max' | 'mean' };

const PERCENTILE = /^p(\d{1,2}(?:\.\d+)?)$/;
const ORDINAL = /^(\d{1,2}(?:\.\d+)?)(th|st|nd|rd)$/;

/** The statistics a label names ("p95 Latency", "95th percentile", "Avg Response Time"). */
export function statisticsOf(ws: readonly string[]): Statistic[] {
  const found: Statistic[] = [];
  // "p50 (Median)", "p95 (95th)": one statistic written twice counts once.
  const add = (s: Statistic) => {
    if (!found.some((f) => statisticName(f) === statisticName(s))) found.push(s);
  };
  ws.forEach((w, i) => {
    const ordinal = ORDINAL.exec(w);
    // "95th" alone is a percentile; "1st", "3rd" only before "percentile".
    const p = PERCENTILE.exec(w) ?? (ordinal && (Number(ordinal[1]) >= 50 || /^percentiles?$/.test(ws[i + 1] ?? '')) ? ordinal : null);
    if (p) add({ kind: 'percentile', p: Number(p[1]) });
    else if (w === 'median' || w === 'med') add({ kind: 'percentile', p: 50 });
    else if (/^(avg|average|mean)$/.test(w)) add({ kind: 'mean' });
    else if (/^(min|minimum)$/.test(w)) add({ kind: 'min' });
    else if (/^(max|maximum)$/.test(w)) add({ kind: 'max' });
  });
  return found;
}

/**
 * A label's words with statistics spelled the usual ways made one word: "p(95)" (k6), "95% Line"
 * (JMeter), "95%ile", and a label that is only "95%" (Locust), all read "p95".
 */
export const statisticWords = memoize((text: string): readonly string[] => {
  const t = text
    .replace(/\bp\((\d+(?:\.\d+)?)\)/gi, 'p$1')
    .replace(/(?<![\d.])(\d{1,2}(?:\.\d+)?)\s*%\s*(?:line|ile|percentile|pct)\b/gi, 'p$1')
    .replace(/^\s*(\d{1,2}(?:\.\d+)?)\s*%\s*$/, 'p$1');
  return words(t);
});

export const isStatisticWord = (w: string): boolean =>
  PERCENTILE.test(w) || ORDINAL.test(w) || /^(median|med|avg|average|mean|min|minimum|max|maximum|percentile|percentiles)$/.test(w);

export function statisticName(s: Statistic): string {
  return s.kind === 'percentile' ? (s.p === 50 ? 'p50' : `p${s.p}`) : s.kind === 'mean' ? 'average' : s.kind;
}

// ---------------------------------------------------------------------------------------------
// Messages

/** A number for a message: three significant digits, thousands separated ("26", "1,234", "0.019"). */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return formatNumber(n);
  const abs = Math.abs(n);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs || 1)));
  return formatNumber(n, decimals);
}

/** An interval for a hover, its ends to two decimals so that half-units show ("44,999.5–55,000.5"). */
export function fmtInterval(i: Interval): string {
  const end = (n: number) => (Math.abs(n) >= 1 ? formatNumber(n, 2) : fmt(n));
  if (!Number.isFinite(i.high)) return `at least ${end(i.low)}`;
  return i.low === i.high ? end(i.low) : `${end(i.low)}–${end(i.high)}`;
}

/** How many times larger a is than b, for messages ("47×"). */
export const ratio = (a: number, b: number): string => `${fmt(a / b)}×`;

/** 1-based line of an offset, for messages. */
export const lineOf = (model: DocumentModel, offset: number): number => model.lines.positionAt(offset).line + 1;

export const related = (q: { start: number; end: number }, message: string): RelatedLocation => ({ span: span(q), message });

export function finding(ruleId: string, at: Span, message: string, hover: string[], rel: RelatedLocation[], extra: Partial<Finding> = {}): Finding {
  return { ruleId, span: at, message, related: rel, hover: [message, '', ...hover].join('\n'), ...extra };
}

/** A printed figure's text the way its quantity was written, e.g. "~50,000 requests". */
export const quoted = (q: Quantity): string => q.text.trim();

/** The number `value` printed like `like` (its decimals and thousands separators), for fixes. */
export function printedLike(value: number, like: Quantity): string {
  const grouped = /\d,\d{3}/.test(like.text);
  const s = value.toFixed(like.decimals);
  if (!grouped) return s;
  const [int, frac] = s.split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

/** The span of a quantity's digits (qualifier and unit left out), for fixes that replace the number only. */
export function numberSpan(model: DocumentModel, q: Quantity): Span | undefined {
  const m = /[-+−]?\d[\d,.\u00a0 ]*\d|\d/.exec(model.text.slice(q.start, q.end));
  return m ? { start: q.start + m.index, end: q.start + m.index + m[0].trimEnd().length } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Where a figure's evidence is

export type Reading<T> = T | 'ambiguous' | undefined;

/** The sections (the document's title aside) that hold at least one of the offsets. */
export function sectionsHolding(model: DocumentModel, offsets: number[]): Section[] {
  const found = new Set<Section>();
  for (const offset of offsets) for (const s of scopeChain(model, sectionAt(model.sections, offset))) found.add(s);
  return model.sections.filter((s) => found.has(s));
}

/**
 * The evidence a figure is checked against, read by `read` over a scope: the figure's own section,
 * then each enclosing one, up to the first that holds it all; a scope holding two candidates for
 * one operand is ambiguous and ends the search. A summary figure that finds nothing around it
 * is checked against the one section of the document that holds such evidence, if there is one
 * (`operands`: where the candidate operands are, so that only the sections holding them are read).
 */
export function evidenceFor<T>(
  model: DocumentModel,
  section: Section | undefined,
  offset: number,
  read: (scope: Span) => Reading<T>,
  operands: number[],
): { value: T; scope: Section } | undefined {
  for (const s of scopeChain(model, section)) {
    const r = read(s.span);
    if (r === 'ambiguous') return undefined;
    if (r !== undefined) return { value: r, scope: s };
  }
  if (!isSummaryAt(model, section, offset)) return undefined;
  const found: { value: T; scope: Section }[] = [];
  for (const s of sectionsHolding(model, operands)) {
    if (contains(s.span, offset)) continue;
    const r = read(s.span);
    if (r !== undefined && r !== 'ambiguous') found.push({ value: r, scope: s });
  }
  const innermost = found.filter((f) => !found.some((g) => g !== f && contains(f.scope.span, g.scope.span)));
  return innermost.length === 1 ? innermost[0] : undefined;
}

/** The single candidate in a scope, 'ambiguous' for several that disagree, undefined for none. */
export function single<T extends { q: Quantity }>(candidates: T[]): Reading<T> {
  if (candidates.length === 0) return undefined;
  const [first] = candidates;
  return candidates.every((c) => c.q.low === first.q.low && c.q.high === first.q.high) ? first : 'ambiguous';
}

// ---------------------------------------------------------------------------------------------
// Parts of a stated total: "Total Requests: 2,145" / "Failed: 40 (1.9%)"

/** Keys that count an outcome of the requests in a total: the parts a total splits into. */
export const OUTCOME = /^(success|successes|successful|succeeded|passed|pass|ok|completed|failed|failures?|fail|errors?|errored|skipped|timeouts?|dropped|aborted|cancelled|canceled|rejected)$/;

export interface Share {
  entry: Entry;
  part: Quantity;
  /** The percentage printed right after the part, "(1.9%)". */
  percent: Quantity;
  total: { entry: Entry; q: Quantity };
  /** part / total × 100, as the printing allows. */
  recomputed: Interval;
  nominal: number;
}

/**
 * The one "Total ...: n" count of requests (iterations, queries...) in the entry's block, other than
 * the entry itself; a bare "Total" counts what its block counts. "Total users: 50" is no total of
 * requests.
 */
export function blockTotal(model: DocumentModel, e: Entry): { entry: Entry; q: Quantity } | undefined {
  const found = blockTotals(model, entriesWith(model, e)).filter((t) => t.entry !== e);
  return found.length === 1 ? found[0] : undefined;
}

const totalsCache = new WeakMap<Entry[], Array<{ entry: Entry; q: Quantity }>>();

/** The counted totals of a block, read once per block rather than once per entry of it. */
function blockTotals(model: DocumentModel, block: Entry[]): Array<{ entry: Entry; q: Quantity }> {
  let found = totalsCache.get(block);
  if (found) return found;
  found = block.flatMap((t) => {
    if (!t.keyWords.includes('total')) return [];
    const [q] = measured(model, t);
    if (q?.dimension !== 'count' || !isBounded(q) || q.value <= 0) return [];
    const noun = unitNoun(q) ?? nounClass(t.keyWords);
    const counted = noun ? noun !== 'users' && noun !== 'other' : t.keyWords.length === 1;
    return counted ? [{ entry: t, q }] : [];
  });
  totalsCache.set(block, found);
  return found;
}

/** "Failed: 40 (1.9%)" in a block with "Total Requests: 2,145": a count and its stated share of the total. */
export function shareOf(model: DocumentModel, e: Entry): Share | undefined {
  const [part, percent] = measured(model, e);
  if (part?.dimension !== 'count' || percent?.dimension !== 'percent' || part.signed || percent.signed) return undefined;
  // "(1.9%)" must follow the count directly, and not be a share "of" something else.
  // `/^\s*[([]?\s*$/` on the trimmed text: its two stars would split a long run of spaces every way.
  if (!/^[([]?$/.test(model.text.slice(part.end, percent.start).trim())) return undefined;
  if (/^\s*(of|from)\b/i.test(model.text.slice(percent.end, percent.end + 8))) return undefined;
  const total = blockTotal(model, e);
  if (!total || !isBounded(part) || part.value > total.q.value) return undefined;
  const recomputed = divide(part, total.q);
  return recomputed && { entry: e, part, percent, total, recomputed: scale(recomputed, 100), nominal: (part.value / total.q.value) * 100 };
}
