// growth-mismatch: a stated compounding growth rate ("30% growth per quarter") against the series
// it introduces ("Month 3: 600 req/s, Month 6: 800 req/s, ..."), from the current value when the
// report states one.
import type { Finding } from '../core/types';
import type { DocumentModel, TextLine } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import {
  contains,
  entries,
  entriesIn,
  finding,
  fmt,
  fmtInterval,
  hasWord,
  isBounded,
  lineOf,
  measured,
  perPrinted,
  quoted,
  related,
  scopeChain,
  span,
  words,
  type Entry,
  type Interval,
} from './arithmetic-support';
import type { Rule } from './rule';

const ID = 'growth-mismatch';

/** Length of each period, in months. */
const PERIOD_MONTHS: Record<string, number> = {
  day: 12 / 365.25, daily: 12 / 365.25, dod: 12 / 365.25,
  week: (7 * 12) / 365.25, weekly: (7 * 12) / 365.25, wow: (7 * 12) / 365.25,
  month: 1, monthly: 1, mom: 1,
  quarter: 3, quarterly: 3, qoq: 3, q: 3,
  year: 12, yearly: 12, annual: 12, annually: 12, yoy: 12, yr: 12,
};
const PERIOD = '(day|week|month|quarter|year)';
/** "30% growth/quarter", "30% per month", "30% QoQ", "30% quarterly growth". */
const RATE_AFTER = new RegExp(`^\\s*(?:growth|increase|more|up|compound(?:ed|ing)?)?\\s*(?:/|per|a|each|every)\\s*${PERIOD}\\b|^\\s*(qoq|mom|yoy|wow|dod)\\b|^\\s*(daily|weekly|monthly|quarterly|annual|yearly)\\b`, 'i');
/** "quarterly growth of 30%", "monthly growth: 30%". */
const RATE_BEFORE = /\b(daily|weekly|monthly|quarterly|annual|yearly)\s+(?:growth|increase)(?:\s+(?:rate|of|at))?\s*[:=]?\s*$/i;
const CURRENT = /^(current|currently|today|now|baseline|existing|present)$/;

interface Growth {
  q: Quantity;
  /** Months per compounding period. */
  months: number;
  line: TextLine;
}

function growthIn(line: TextLine, text: string): Growth | undefined {
  for (const q of line.quantities) {
    if (q.dimension !== 'percent' || !isBounded(q)) continue;
    const after = RATE_AFTER.exec(text.slice(q.end, q.end + 40));
    const before = RATE_BEFORE.exec(text.slice(Math.max(line.span.start, q.start - 40), q.start));
    const word = (after?.slice(1).find(Boolean) ?? before?.[1])?.toLowerCase();
    if (word) return { q, months: PERIOD_MONTHS[word], line };
  }
  return undefined;
}

interface Item {
  entry: Entry;
  q: Quantity;
  /** Months from now. */
  at: number;
}

/** "Month 3", "Q2", "Year 1": the months from now a series item stands at; 0 for "Current". */
function periodOf(ws: readonly string[]): number | undefined {
  if (ws.length === 1 && CURRENT.test(ws[0])) return 0;
  const q = /^q([1-4])$/.exec(ws[0] ?? '');
  if (q) return Number(q[1]) * 3;
  const unit = PERIOD_MONTHS[ws[0] ?? ''];
  return unit !== undefined && ws.length >= 2 && /^\d+$/.test(ws[1]) ? Number(ws[1]) * unit : undefined;
}

/** The period-labelled entries right after the growth statement, in its section. */
function seriesAfter(model: DocumentModel, g: Growth, stop: number): Item[] {
  const items: Item[] = [];
  for (const e of entriesIn(model, g.line.section)) {
    if (e.line.line <= g.line.line || e.line.span.start >= stop) continue;
    const at = periodOf(e.keyWords);
    const [q] = measured(model, e);
    if (at === undefined || !q || !isBounded(q)) {
      if (items.length) break;
      continue;
    }
    if (items.length && (q.dimension !== items[0].q.dimension || q.unit !== items[0].q.unit)) break;
    items.push({ entry: e, q, at });
  }
  return items.every((i) => grows(i.q)) ? items : [];
}

/** Resources are provisioned in whole units ("4 pods", "7 nodes"): they step, they do not compound. */
const PROVISIONED = /^(pods?|replicas?|nodes?|instances?|servers?|workers?|threads?|connections?|vms?|hosts?|cores?|shards?)$/;

/** Whether a figure can follow a compounding rate: traffic, data, users; not counts of provisioned units. */
function grows(q: Quantity): boolean {
  if (q.dimension === 'cpu' || q.dimension === 'time' || q.dimension === 'percent') return false;
  if (q.dimension !== 'count') return true;
  return q.sourceUnit ? !hasWord(words(q.sourceUnit), PROVISIONED) : q.value >= 100;
}

interface Base {
  q: Quantity;
  label: string;
}

/** A per-second figure whose unit sits in its key: "Requests/sec: 500". */
const RATE_KEY = /(\/\s*(s|sec|second)\b|\bper\s+(second|sec)\b|\b(rps|qps|tps)\b)/i;

/**
 * The current values stated before the projection, in its chapter (the document when the
 * projection is a chapter of its own): figures under a "current" key or section.
 */
const currentCache = new WeakMap<DocumentModel, Entry[]>();

/** Entries under a "current" key or section: "Current throughput", "### Current Capacity". */
function currentEntries(model: DocumentModel): Entry[] {
  let found = currentCache.get(model);
  if (!found) {
    const isCurrent = (e: Entry) => hasWord(e.keyWords, CURRENT) || scopeChain(model, e.line.section).some((s) => hasWord(words(s.title), CURRENT));
    currentCache.set(model, (found = entries(model).filter(isCurrent)));
  }
  return found;
}

function currentValues(model: DocumentModel, g: Growth, like: Quantity): Base[] {
  const chapter = scopeChain(model, g.line.section)[1]?.span ?? { start: 0, end: model.text.length };
  const out: Base[] = [];
  for (const e of currentEntries(model)) {
    if (!contains(chapter, e.line.span) || e.line.span.start >= g.line.span.start) continue;
    const [q] = measured(model, e);
    if (!q || !isBounded(q)) continue;
    const sameUnit = q.dimension === like.dimension && q.unit === like.unit;
    const rateInKey = like.dimension === 'rate' && q.dimension === 'count' && !q.sourceUnit && RATE_KEY.test(e.key);
    if (sameUnit || rateInKey) out.push({ q, label: e.key });
  }
  return out;
}

/** The rounding a series' printing shows: printed in round hundreds, each value may be ±50. */
function tolerance(items: Item[]): number {
  const decimals = Math.max(...items.map((i) => i.q.decimals));
  if (decimals > 0) return 0.5 * 10 ** -decimals;
  let step = 1;
  while (step < 1e6 && items.every((i) => i.q.sourceValue % (step * 10) === 0)) step *= 10;
  return step / 2;
}

const factorOf = (g: Growth): Interval => ({ low: 1 + g.q.low / 100, high: 1 + g.q.high / 100 });

function powered(base: Interval, f: Interval, exponent: number): Interval {
  const a = [base.low * f.low ** exponent, base.high * f.high ** exponent, base.low * f.high ** exponent, base.high * f.low ** exponent];
  return { low: Math.min(...a), high: Math.max(...a) };
}

/** The interval a series value allows, in base units: its printing, or the series' rounding. */
function allowed(i: Item, tol: number): Interval {
  const k = perPrinted(i.q);
  return { low: Math.min(i.q.low, (i.q.sourceValue - tol) * k), high: Math.max(i.q.high, (i.q.sourceValue + tol) * k) };
}

/** The first item that growth from `base` cannot reach, if any. */
function firstMiss(items: Item[], base: Interval, g: Growth, tol: number): Item | undefined {
  return items.find((i) => {
    const p = powered(base, factorOf(g), i.at / g.months);
    const a = allowed(i, tol);
    return p.low > a.high || p.high < a.low;
  });
}

/** Whether some starting value grows into every item, with a growth factor within the stated one. */
function anyStartFits(items: Item[], g: Growth, tol: number): boolean {
  const f = factorOf(g);
  for (let k = 0; k <= 40; k++) {
    const factor = f.low + ((f.high - f.low) * k) / 40;
    const starts = items.map((i) => {
      const a = allowed(i, tol);
      const grown = factor ** (i.at / g.months);
      return { low: a.low / grown, high: a.high / grown };
    });
    if (Math.max(...starts.map((s) => s.low)) <= Math.min(...starts.map((s) => s.high))) return true;
  }
  return false;
}

/** "+20%, +33%, +25%": the growth from each value to the next. */
const steps = (values: number[]): string =>
  values
    .slice(1)
    .map((v, k) => {
      const pct = (v / values[k] - 1) * 100;
      return `${pct >= 0 ? '+' : ''}${fmt(pct)}%`;
    })
    .join(', ');

function check(model: DocumentModel, g: Growth, items: Item[]): Finding | undefined {
  const tol = tolerance(items);
  const unit = items[0].q.sourceUnit;
  const rate = `${quoted(g.q)} growth per ${g.months === 3 ? 'quarter' : g.months === 1 ? 'month' : g.months === 12 ? 'year' : `${fmt(g.months)} months`}`;
  const stated = items.map((i) => fmt(i.q.sourceValue)).join(', ');
  const rel = items.map((i) => related(i.q, `series value (${i.entry.key})`));
  const first = items[0].at === 0 ? items[0] : undefined;
  const bases = first ? [{ q: first.q, label: first.entry.key }] : currentValues(model, g, items[0].q);
  const series = first ? items.slice(1) : items;
  if (series.length === 0) return undefined;
  if (bases.length === 0) {
    if (series.length < 3 || anyStartFits(series, g, tol)) return undefined;
    const message = `${rate}, but the series it introduces (${stated}) grows ${steps(series.map((i) => i.q.value))} per step: no starting value and no rounding fit it.`;
    const hover = [`- Each value may be off by ±${fmt(tol)} (the rounding its printing shows).`, `- Growth factor per period: ${fmtInterval(factorOf(g))}.`];
    return finding(ID, span(g.q), message, hover, rel);
  }
  const misses = bases.map((b) => ({ b, miss: firstMiss(series, b.q, g, tol) }));
  if (misses.some((m) => !m.miss)) return undefined;
  // Report against the base closest to where the series starts.
  const start = series[0].q.value / factorOf(g).low ** (series[0].at / g.months);
  const { label, q: b } = misses.reduce((x, y) => (Math.abs(y.b.q.value - start) < Math.abs(x.b.q.value - start) ? y : x)).b;
  const k = perPrinted(series[0].q);
  const projected = series.map((i) => fmt((b.value * (1 + g.q.value / 100) ** (i.at / g.months)) / k)).join(', ');
  const message =
    `${rate} from the current ${quoted(b)} (${label}, line ${lineOf(model, b.start)}) gives ${projected}${unit ? ` ${unit}` : ''}, ` +
    `but the series states ${stated} (${steps([b, ...series.map((i) => i.q)].map((q) => q.value))} per step).`;
  const hover = [
    `- Starting value: ${quoted(b)} (line ${lineOf(model, b.start)}), stated as current.`,
    `- Each series value may be off by ±${fmt(tol)} (the rounding its printing shows).`,
    ...misses.map((m) => `- From ${quoted(m.b.q)} (${m.b.label}): ${m.miss!.entry.key} cannot be ${quoted(m.miss!.q)}.`),
  ];
  return finding(ID, span(g.q), message, hover, [related(b, 'current value the growth starts from'), ...rel]);
}

export const growthMismatch: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: 'A stated compounding growth rate that the series it introduces does not follow.',
    appliesTo: 'reports',
  },
  check(model) {
    const growths = model.textLines.flatMap((l) => growthIn(l, model.text) ?? []);
    return growths.flatMap((g, i) => {
      const stop = growths[i + 1]?.line.span.start ?? Infinity;
      const items = seriesAfter(model, g, stop);
      return items.length >= 2 ? (check(model, g, items) ?? []) : [];
    });
  },
};
