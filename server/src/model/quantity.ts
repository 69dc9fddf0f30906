// The quantity parser: every figure a report prints, with its unit, its qualifier and the
// interval its printing implies, normalised to the base unit of its dimension.
//
//   "142ms"  → [141.5, 142.5] ms       half a unit of the last printed digit either side
//   "2s"     → [1500, 2500] ms         (trailing zeros, as in "2,000", are not read as rounding)
//   "~14ms"  → [12.1, 15.9] ms         approximate: ±10% of the value on top of the rounding
//   "<5ms"   → [0, 5] ms               upper bounds start at 0, or at -∞ for signed deltas
//   "500+"   → [500, ∞)                lower bounds ("over", "≥", "at least") are open above
//   "1.2GB"  → [1.15e9, 1.25·1024³] B  MB/GB/TB are read both as 1000ⁿ and 1024ⁿ
//   "5–10ms" → [4.5, 10.5] ms          ranges; the unit written once applies to both ends
//
// Numbers that name rather than measure (P99, k6, v0.48.0, 2026-01-18, 23:32, 127.0.0.1,
// "1." list markers, SOC 2, 0x8E, 5xx) are not quantities: see quantity-scan.ts.
import type { Qualifier, Quantity } from './quantity-types';
import { memoize } from '../core/memo';
import { linePrefix, scanAtoms, type Atom } from './quantity-scan';
import { COUNT, unitsNamed, type UnitDef } from './quantity-units';

export interface ParseOptions {
  /** The text is about CPU (a table column "CPU request"): "100m" is millicores, not minutes. */
  cpuContext?: boolean;
}

/** An approximate figure ("~14ms", "about 50") may be off by this share of its value. */
const APPROX_SPREAD = 0.1;

/** What may precede a number: a qualifier, or a word that shapes a range ("between", "from"). */
type Prefix = Extract<Qualifier, 'approx' | 'lt' | 'le' | 'gt' | 'ge'> | 'between' | 'from';

interface PrefixMatch {
  kind: Prefix;
  start: number;
}

const WORD_PREFIXES: Array<[Prefix, string[]]> = [
  ['approx', ['approximately', 'approx.', 'approx', 'about', 'around', 'roughly', 'circa', 'ca.']],
  ['lt', ['less than', 'fewer than', 'under', 'below']],
  ['le', ['at most', 'no more than', 'not more than', 'up to', 'within', 'maximum', 'max.', 'max']],
  ['gt', ['more than', 'greater than', 'over', 'above']],
  ['ge', ['at least', 'no less than', 'not less than', 'minimum', 'min.', 'min']],
  ['between', ['between']],
  ['from', ['from']],
];
const SYMBOL_PREFIXES: Array<[Prefix, string[]]> = [
  ['approx', ['~', '≈', '∼']],
  ['lt', ['<', '&lt;']],
  ['le', ['≤', '⩽', '<=', '&le;']],
  ['gt', ['>', '&gt;']],
  ['ge', ['≥', '⩾', '>=', '&ge;']],
];

const PREFIX_KIND = new Map<string, Prefix>();
for (const [kind, spellings] of [...WORD_PREFIXES, ...SYMBOL_PREFIXES]) {
  for (const s of spellings) PREFIX_KIND.set(s, kind);
}
const alternation = (table: Array<[Prefix, string[]]>): string =>
  table
    .flatMap(([, spellings]) => spellings)
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
const WORD_PREFIX = new RegExp(`(?<![\\p{L}\\p{N}_])(${alternation(WORD_PREFIXES)})[ \\u00a0]$`, 'iu');
const SYMBOL_PREFIX = new RegExp(`(${alternation(SYMBOL_PREFIXES)})[ \\u00a0]?$`, 'u');
/** "<br>5ms": the '>' closes an HTML tag. */
const OPEN_TAG = /<\/?[A-Za-z][^<>]*$/;

/** Whether a '~' or '>' just before a number is Markdown or HTML rather than a qualifier. */
function isMarkup(text: string, symbolStart: number, symbol: string, floor: number): boolean {
  const before = text[symbolStart - 1];
  if (symbol === '~') return before === '~'; // ~~strikethrough~~
  if (symbol !== '>') return false;
  if (before !== undefined && '-="\'/'.includes(before)) return true; // ->, =>, <br/>, <a href="…">
  return OPEN_TAG.test(text.slice(floor, symbolStart)) || isQuoteMarker(text, symbolStart);
}

/**
 * "> " opening a line after the first: a Markdown quote. Callers pass line and cell content with
 * its markers already stripped, so a '>' leading the text itself is a comparison ("> 99.9%").
 */
function isQuoteMarker(text: string, i: number): boolean {
  const { atLineStart, lineStart } = linePrefix(text, i);
  return atLineStart && lineStart > 0 && /\s/.test(text[i + 1] ?? '');
}

/** The qualifier or range word written just before an atom, after the previous token. */
function prefixOf(text: string, a: Atom): PrefixMatch | undefined {
  const from = Math.max(a.floor, a.start - 24);
  const before = text.slice(from, a.start);
  const symbol = SYMBOL_PREFIX.exec(before);
  if (symbol) {
    const start = from + symbol.index;
    if (isMarkup(text, start, symbol[1], from)) return undefined;
    return { kind: PREFIX_KIND.get(symbol[1]) as Prefix, start };
  }
  const word = WORD_PREFIX.exec(before);
  return word ? { kind: PREFIX_KIND.get(word[1].toLowerCase()) as Prefix, start: from + word.index } : undefined;
}

/** `x` rounded to 12 significant digits, so 99.8 - 0.05 reads 99.75 (toPrecision is slow). */
function tidy(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const digits = 11 - Math.floor(Math.log10(Math.abs(x)));
  return digits >= 0 ? Math.round(x * 10 ** digits) / 10 ** digits : Math.round(x / 10 ** -digits) * 10 ** -digits;
}

/** [low, high] of source-unit bounds in the base unit, under both readings of an ambiguous unit. */
function scaled(low: number, high: number, unit: UnitDef): [number, number] {
  const binary = unit.factorMax ?? unit.factor;
  return [Math.min(low * unit.factor, low * binary), Math.max(high * unit.factor, high * binary)];
}

/** The interval a printed number implies: half a unit of its last digit either side. */
function printedInterval(a: Atom, unit: UnitDef, approx: boolean): [number, number] {
  const spread = 0.5 * 10 ** -a.decimals + (approx ? APPROX_SPREAD * Math.abs(a.value) : 0);
  return scaled(a.value - spread, a.value + spread, unit);
}

function boundedInterval(a: Atom, unit: UnitDef, qualifier: Qualifier): [number, number] {
  const [atLeast, atMost] = scaled(a.value, a.value, unit);
  switch (qualifier) {
    case 'lt':
    case 'le':
      return [a.signed || a.value < 0 ? -Infinity : 0, atMost];
    case 'gt':
    case 'ge':
    case 'plus':
      return [atLeast, Infinity];
    default:
      return printedInterval(a, unit, qualifier === 'approx');
  }
}

const isBound = (kind: Prefix | undefined): kind is Extract<Prefix, Qualifier> =>
  kind !== undefined && kind !== 'between' && kind !== 'from';

function quantity(
  text: string,
  start: number,
  end: number,
  fields: Omit<Quantity, 'text' | 'start' | 'end' | 'unit' | 'dimension'>,
  unit: UnitDef,
  signed: boolean,
): Quantity {
  const q: Quantity = {
    text: text.slice(start, end),
    start,
    end,
    ...fields,
    value: tidy(fields.value),
    low: tidy(fields.low),
    high: tidy(fields.high),
    dimension: unit.dimension,
    unit: unit.unit,
  };
  if (signed) q.signed = true;
  return q;
}

function single(text: string, a: Atom, prefix: PrefixMatch | undefined): Quantity {
  const unit = a.unit ?? COUNT;
  const qualifier: Qualifier = a.plus ? 'plus' : isBound(prefix?.kind) ? prefix.kind : 'exact';
  const start = prefix && qualifier === prefix.kind ? prefix.start : a.start;
  const [low, high] = boundedInterval(a, unit, qualifier);
  const fields = {
    value: a.value * unit.factor,
    low,
    high,
    qualifier,
    sourceUnit: a.sourceUnit,
    sourceValue: a.value,
    decimals: a.decimals,
    ...(unit.factorMax ? { ambiguousUnit: true } : {}),
  };
  return quantity(text, start, a.end, fields, unit, a.signed);
}

/** "5-10ms", "5 – 10 ms", "5 to 10 ms", "between 5 and 10 ms": the range's dash or words. */
const DASH_GAP = /^(?:[ \t\u00a0]*–[ \t\u00a0]*|[ \t\u00a0]+-[ \t\u00a0]+)$/;
const TO_GAP = /^[ \t\u00a0]+to[ \t\u00a0]+$/i;
const AND_GAP = /^[ \t\u00a0]+and[ \t\u00a0]+$/i;

function isRangeGap(text: string, a: Atom, b: Atom, prefix: PrefixMatch | undefined): boolean {
  if (b.link === 'dash') return true;
  if (b.link || b.start - a.end > 8) return false;
  const gap = text.slice(a.end, b.start);
  // "from 120ms to 80ms" is a change between two figures, not a range.
  if (TO_GAP.test(gap)) return prefix?.kind !== 'from';
  return DASH_GAP.test(gap) || (AND_GAP.test(gap) && prefix?.kind === 'between');
}

/** Whether `a` and `b` form one range: joined by a dash or words, same dimension, low ≤ high. */
function isRange(text: string, a: Atom, b: Atom, prefix: PrefixMatch | undefined): boolean {
  if (a.plus || b.plus || !isRangeGap(text, a, b, prefix)) return false;
  if (a.unit && (!b.unit || a.unit.dimension !== b.unit.dimension)) return false;
  const unit = b.unit ?? COUNT;
  return a.value * (a.unit ?? unit).factor <= b.value * unit.factor;
}

function range(text: string, a: Atom, b: Atom, prefix: PrefixMatch | undefined): Quantity {
  const unit = b.unit ?? COUNT;
  const aUnit = a.unit ?? unit;
  const approx = prefix?.kind === 'approx';
  const [low] = printedInterval(a, aUnit, approx);
  const [, high] = printedInterval(b, unit, approx);
  const value = (a.value * aUnit.factor + b.value * unit.factor) / 2;
  const start = prefix && (approx || prefix.kind === 'between') ? prefix.start : a.start;
  const fields = {
    value,
    low,
    high,
    qualifier: 'range' as const,
    sourceUnit: b.sourceUnit,
    sourceValue: tidy(value / unit.factor),
    decimals: Math.max(a.decimals, b.decimals),
    ...(aUnit.factorMax || unit.factorMax ? { ambiguousUnit: true } : {}),
  };
  return quantity(text, start, b.end, fields, unit, a.signed || b.signed);
}

/** Every quantity in `text`, in order, with offsets (UTF-16) into `text`. */
export function parseQuantities(text: string, options: ParseOptions = {}): Quantity[] {
  const atoms = scanAtoms(text, options.cpuContext ?? false);
  const quantities: Quantity[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    const b = atoms[i + 1] as Atom | undefined;
    const prefix = prefixOf(text, a);
    if (b && isRange(text, a, b, prefix)) {
      quantities.push(range(text, a, b, prefix));
      i++;
    } else if (b?.link === 'dash') {
      i++; // "2025-26", "10ms-5ms": neither a range nor two figures
    } else {
      quantities.push(single(text, a, prefix));
    }
  }
  return quantities;
}

const inPlain = memoize((text: string): readonly Quantity[] => parseQuantities(text));
const inCpu = memoize((text: string): readonly Quantity[] => parseQuantities(text, { cpuContext: true }));

/**
 * The quantities of `text`, remembered: the rules read the same lines again after every edit.
 * Shared between callers, so read-only (copy a quantity to move it to document offsets).
 */
export function quantitiesIn(text: string, options: ParseOptions = {}): readonly Quantity[] {
  return options.cpuContext ? inCpu(text) : inPlain(text);
}

/** The quantities of `text`, which starts at `offset` in the document, at document offsets: copies, the caller's own. */
export function quantitiesAt(text: string, offset: number, options: ParseOptions = {}): Quantity[] {
  return quantitiesIn(text, options).map((q) => ({ ...q, start: q.start + offset, end: q.end + offset }));
}

/** The quantity a whole string is ("~14ms", "< 5ms", "1,234 req/s"), white space aside. */
export function parseQuantity(text: string, options: ParseOptions = {}): Quantity | undefined {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  const [only, ...more] = parseQuantities(text, options);
  return only && more.length === 0 && only.start === start && only.end === end ? only : undefined;
}

const formatters = new Map<number, Intl.NumberFormat>();

/** A number for messages: "1,234", "26", "0.019", "1.9" (at most `maxDecimals` decimals). */
export function formatNumber(n: number, maxDecimals = 3): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  let format = formatters.get(maxDecimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals });
    formatters.set(maxDecimals, format);
  }
  const s = format.format(n);
  return s === '-0' ? '0' : s;
}

/**
 * `value` in `fromUnit` expressed in `toUnit` (any spelling the parser knows, or a canonical
 * unit: 'ms', 'B', '/s', '%', 'm', 'bit/s'); undefined across dimensions or for unknown units.
 * MB, GB, ... convert with their decimal reading.
 */
export function convert(value: number, fromUnit: string, toUnit: string): number | undefined {
  for (const from of unitsNamed(fromUnit)) {
    const to = unitsNamed(toUnit).find((u) => u.dimension === from.dimension);
    if (to) return tidy((value * from.factor) / to.factor);
  }
  return undefined;
}

/** Whether two intervals share at least one point. */
export function overlaps(a: { low: number; high: number }, b: { low: number; high: number }): boolean {
  return a.low <= b.high && b.low <= a.high;
}
