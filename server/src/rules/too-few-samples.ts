// too-few-samples: a statistic that the data behind it cannot carry. A percentile from fewer
// samples than it needs (with n samples, p99 is simply the largest one when n < 100), a rate
// measured over a few seconds, and consistency "across runs" claimed for a report that shows one run.
import type { Finding, Span } from '../core/types';
import type { DocumentModel, Fragment, Section, TextLine } from '../model/document';
import { formatNumber, quantitiesAt, quantitiesIn } from '../model/quantity';
import type { Quantity } from '../model/quantity-types';
import { findFacts, isPlanningSection, isUnmeasured, labelRules, norm, readable } from './methodology-support';
import type { Rule } from './rule';

const ID = 'too-few-samples';

/** p90 and above: the levels whose sample needs outgrow what reports state ("p99", "99.9th percentile"). */
const PERCENTILE = /\b[pP](9\d(?:\.\d{1,3})?)\b|\b(9\d(?:\.\d{1,3})?)(?:st|nd|rd|th)?[ -]percentile\b/;
const TARGET_WORD = /\b(targets?|goals?|thresholds?|slas?|slos?|budgets?|limits?|objectives?|expected|required|requirements?|criteria|allowed)\b/i;
const SAMPLE_KEY =
  /^(?:(?:total|successful|completed|number of|measured|http) )?(?:requests|reqs|samples|iterations|http reqs|calls|transactions|measurements|data points|observations)(?: sent| made| total| per endpoint| per scenario| per test)?$/;
const SAMPLE_UNIT = /^(?:requests?|reqs?|iterations?|iters)$/i;
const SAMPLE_NOUN = /^\s+(?:samples|measurements|data points|observations)\b/i;
const NON_RESULT_COLUMN = /\b(targets?|goals?|thresholds?|slas?|slos?|budgets?|limits?|expected|required|requirements?|criteria|status|notes?)\b/i;
/** Counts of failures, warm-up or smoke requests are not the samples behind a percentile. */
const NOT_SAMPLES = /\b(fail\w*|errors?|timeouts?|timed out|reject\w*|dropp\w*|[45]xx|retr\w*|warm\w*|smoke|sanity|probes?)\b/i;
const COUNT_COLUMN = /^(?:requests|reqs|samples|count|n|calls|iterations|total requests|sample size|# ?requests)$/;

/** A rate over this window or less says little about what the system sustains. */
const SHORT_WINDOW_MS = 10_000;
/** "in 5 s intervals": the sampling step, not the window. */
const GRANULARITY = /^[\s-]*(?:intervals?|buckets?|granularity|resolution|steps?|scrapes?|samples?|sampling)\b/i;
/** "reached 500 req/s in 5 s": how fast load rose, not how long it was measured. */
const RAMP = /\b(ramp\w*|reach\w*|scal\w*|climb\w*|grow\w*|increas\w*|rose|rising)\b/i;
const PEAK_WORD = /\b(peak|burst|max(?:imum)?|spike|best)\b/i;

/** Samples a percentile level needs before it is more than the largest sample: p99 → 100. */
const needed = (level: number): number => Math.ceil(100 / (100 - level) - 1e-9);

interface Text {
  text: string;
  /** Offset of `text` in the document. */
  base: number;
  span: Span;
  section?: Section;
  line: number;
  /** Quantities of `text`, offsets into the document. */
  quantities: Quantity[];
}

function textOf(f: Fragment, line: number, section: Section | undefined): Text {
  const quantities = quantitiesAt(f.text, f.span.start);
  return { text: f.text, base: f.span.start, span: f.span, section, line, quantities };
}

/** Every line and cell outside plans, as text with its quantities (code blocks included). */
function texts(model: DocumentModel): Text[] {
  const out: Text[] = [];
  for (const l of model.textLines) if (l.kind !== 'heading' && !isPlanningSection(model, l.section)) out.push(textOf(l, l.line, l.section));
  for (const t of model.tables) {
    if (isPlanningSection(model, t.section)) continue;
    for (const r of t.rows) for (const c of r.cells) out.push(textOf(c, r.line, t.section));
  }
  return out;
}

/** Whether a quantity is stated as a target in its text ("p99 < 500ms", "target: 2s"). */
function isTarget(t: Text, q: Quantity): boolean {
  const before = t.text.slice(0, q.start - t.base);
  return TARGET_WORD.test(before) || q.qualifier === 'lt' || q.qualifier === 'le';
}

// ---------------------------------------------------------------------------------------------
// Percentiles

interface Percentile {
  level: number;
  token: string;
  value: Quantity;
  span: Span;
  section?: Section;
  line: number;
}

interface Count {
  n: Quantity;
  span: Span;
  line: number;
}

function percentileIn(t: Text): Percentile | undefined {
  const m = PERCENTILE.exec(t.text);
  if (!m || isUnmeasured(t.text)) return undefined;
  const value = t.quantities.find((q) => q.dimension === 'time' && !isTarget(t, q));
  if (!value) return undefined;
  return { level: Number(m[1] ?? m[2]), token: m[0], value, span: t.span, section: t.section, line: t.line };
}

/** Request or sample counts: "Total Requests: 2,145", "(100 requests)", "over 10,000 samples". */
function countsIn(t: Text): Count[] {
  const key = /^\s*(?:[-*+]\s+)?\**([^:*]{1,60}?)\**\s*:/.exec(t.text);
  const keyed = key && SAMPLE_KEY.test(norm(key[1]));
  return t.quantities
    .filter((q) => q.dimension === 'count' && !isTarget(t, q))
    .filter((q) => {
      const after = t.text.slice(q.end - t.base);
      const near = t.text.slice(Math.max(0, q.start - t.base - 24), q.end - t.base + 24);
      if (/^\s*(?:per|\/|each)\b/i.test(after) || NOT_SAMPLES.test(near)) return false;
      return SAMPLE_UNIT.test(q.sourceUnit) || SAMPLE_NOUN.test(after) || (keyed && q.sourceUnit === '' && q.start - t.base > key[0].length - 1);
    })
    .map((n) => ({ n, span: t.span, line: t.line }));
}

function percentileFindings(model: DocumentModel, all: Text[]): Finding[] {
  const out: Finding[] = [];
  const bySection = new Map<Section, Count[]>();
  for (const t of all) {
    if (!t.section) continue;
    const counts = bySection.get(t.section);
    if (counts) counts.push(...countsIn(t));
    else bySection.set(t.section, countsIn(t));
  }
  const rowCounts = tableRowCounts(model);
  const implied = impliedSamples(model, all);
  const observed = [...all.map(percentileIn), ...tablePercentiles(model)].filter((p): p is Percentile => p !== undefined);
  const seen = new Set<number>();
  for (const p of observed) {
    if (!p.section || seen.has(p.span.start)) continue;
    seen.add(p.span.start);
    const counts = rowCounts.get(p.line) ?? bySection.get(p.section) ?? [];
    if (!counts.length) continue;
    const most = counts.reduce((a, b) => (b.n.high > a.n.high ? b : a));
    const need = needed(p.level);
    if (most.n.high >= need || (implied.get(p.section) ?? 0) >= need) continue;
    out.push({
      ruleId: ID,
      span: p.span,
      message:
        `${p.token} ${p.value.text} comes from ${most.n.text}${/\p{L}/u.test(most.n.text) ? '' : ' samples'} (line ${most.line + 1}): ` +
        `a ${formatNumber(p.level)}th percentile needs at least ${formatNumber(need, 0)}, and with fewer it is just the largest sample.`,
      related: [{ span: most.span, message: `sample count: ${most.n.text}` }],
    });
  }
  return out;
}

/** Requests a section's rate and test duration imply: when they are stated, the count may be another one's. */
function impliedSamples(model: DocumentModel, all: Text[]): Map<Section, number> {
  const longest = new Map<Section, number>();
  // The first text line of each line number, found once rather than per fact.
  const firstOnLine = new Map<number, TextLine>();
  for (const l of model.textLines) if (!firstOnLine.has(l.line)) firstOnLine.set(l.line, l);
  for (const f of findFacts(model)) {
    const section = firstOnLine.get(f.line)?.section;
    const ms = Math.max(0, ...quantitiesIn(f.value).filter((q) => q.dimension === 'time').map((q) => q.high));
    if (f.element === 'duration' && section) longest.set(section, Math.max(longest.get(section) ?? 0, ms));
  }
  const out = new Map<Section, number>();
  for (const t of all) {
    if (!t.section || !longest.has(t.section)) continue;
    for (const q of t.quantities) {
      if (q.dimension === 'rate' && !isTarget(t, q)) out.set(t.section, Math.max(out.get(t.section) ?? 0, (q.high * longest.get(t.section)!) / 1000));
    }
  }
  return out;
}

/** Percentiles in tables: the row label or the column header names the level, a result cell holds it. */
function tablePercentiles(model: DocumentModel): Percentile[] {
  const out: Percentile[] = [];
  for (const table of model.tables) {
    if (isPlanningSection(model, table.section)) continue;
    const headers = table.header.map((h) => h.plain);
    for (const row of table.rows) {
      const rowToken = PERCENTILE.exec(row.cells[0]?.plain ?? '');
      row.cells.forEach((cell, i) => {
        const token = i > 0 && !NON_RESULT_COLUMN.test(headers[i] ?? '') ? (PERCENTILE.exec(headers[i] ?? '') ?? rowToken) : null;
        if (!token || isUnmeasured(cell.plain)) return;
        const value = cell.quantities.find((q) => q.dimension === 'time' && q.qualifier !== 'lt' && q.qualifier !== 'le');
        if (value) out.push({ level: Number(token[1] ?? token[2]), token: token[0], value, span: cell.span, section: table.section, line: row.line });
      });
    }
  }
  return out;
}

/** Per-row counts of tables with a count column ("| Endpoint | Requests | p99 |"), by line. */
function tableRowCounts(model: DocumentModel): Map<number, Count[]> {
  const out = new Map<number, Count[]>();
  for (const table of model.tables) {
    const col = table.header.findIndex((h) => COUNT_COLUMN.test(norm(h.plain)));
    if (col < 0) continue;
    for (const row of table.rows) {
      const cell = row.cells[col];
      const n = cell?.quantities.find((q) => q.dimension === 'count');
      if (cell && n) out.set(row.line, [{ n, span: cell.span, line: row.line }]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rates from a few seconds

/** "1,000 req/s (5s burst)", "800 req/s over 3 s", "a 5-second burst of 1,000 req/s". */
function shortWindowOf(t: Text, rate: Quantity): Quantity | undefined {
  for (const w of t.quantities) {
    if (w.dimension !== 'time' || w.value > SHORT_WINDOW_MS || w.qualifier === 'lt' || w.qualifier === 'le') continue;
    if (w.qualifier === 'gt' && !/^over\b/i.test(w.text)) continue;
    const after = t.text.slice(rate.end - t.base, w.start - t.base);
    const before = t.text.slice(w.end - t.base, rate.start - t.base);
    if (GRANULARITY.test(t.text.slice(w.end - t.base)) || RAMP.test(t.text.slice(0, rate.start - t.base))) continue;
    const over = /^over\b/i.test(w.text) && /^\(?$/.test(after.trim());
    if (w.start >= rate.end && (over || /^\s*(?:\(\s*|(?:over|during|for|across)\s+(?:an?\s+|the\s+)?)$/i.test(after))) return w;
    if (w.end <= rate.start && /^[\s-]*(?:burst|window|spike|peak|sample|test|run)\s+(?:of|at)\s+$/i.test(before)) return w;
  }
  return undefined;
}

/** A test that lasted a few seconds, stated under a duration label in a section. */
function shortTests(model: DocumentModel): Map<Section, { q: Quantity; line: number; span: Span }> {
  const out = new Map<Section, { q: Quantity; line: number; span: Span }>();
  for (const kv of model.keyValues) {
    const section = kv.line.section;
    if (!section || !labelRules(readable(model, kv.keySpan)).some((r) => r.element === 'duration')) continue;
    const qs = quantitiesIn(kv.value.text).filter((q) => q.dimension === 'time');
    const q = qs[0];
    if (qs.length === 1 && q.value >= 1000 && q.value <= SHORT_WINDOW_MS && q.qualifier !== 'lt' && q.qualifier !== 'le') {
      out.set(section, { q, line: kv.line.line, span: kv.line.span });
    }
  }
  return out;
}

function rateFindings(model: DocumentModel, all: Text[]): Finding[] {
  const out: Finding[] = [];
  const tests = shortTests(model);
  for (const t of all) {
    if (isUnmeasured(t.text)) continue;
    for (const rate of t.quantities) {
      if (rate.dimension !== 'rate' || isTarget(t, rate)) continue;
      const window = shortWindowOf(t, rate);
      const test = window ? undefined : t.section && tests.get(t.section);
      const w = window ?? test?.q;
      if (!w) continue;
      const labelled = PEAK_WORD.test(t.text);
      out.push({
        ruleId: ID,
        span: { start: rate.start, end: rate.end },
        severity: labelled ? 'info' : 'warning',
        message:
          `${rate.text} is measured over ${w.text.replace(/^over\s+/i, '')}${test ? ` (line ${test.line + 1})` : ''}: a rate from a few seconds shows a ${labelled ? 'burst' : 'moment'}, ` +
          `not what the system sustains; measure it over minutes of steady load.`,
        ...(test ? { related: [{ span: test.span, message: `test duration: ${test.q.text}` }] } : {}),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One run presented as repeatable

const CONSISTENCY =
  /\b(?:consistent|stable|repeatable|reproducible|similar|identical|comparable)\b[^.;]{0,40}?\b(?:across|between|over)\s+(?:all\s+|multiple\s+|several\s+|repeated\s+|the\s+|different\s+|successive\s+|consecutive\s+)?(?:test\s+)?(?:runs|iterations|executions|repetitions|trials)\b|\bresults?\s+(?:were|are|was)\s+(?:repeatable|reproducible)\b/i;
const PER_RUN = /\brun\s*(?:#\s*)?[2-9]\b|\b(?:second|2nd|third|3rd|fourth|4th|fifth|5th)\s+(?:test\s+)?run\b|\brun\s+\d+\s+of\s+\d+\b/i;
const SPREAD = /\b(?:std\.?\s?dev|stdev|standard deviation|variance|coefficient of variation|confidence interval|cv)\b|±|\+\/-/i;
const RUN_HEADER = /^(?:runs?|iterations?|attempts?|trials?)\b/i;
const RUN_LABEL = /^(?:run|iteration|attempt|trial)\s*#?\s*\d+$/i;
const NUMBER = /\b(\d+|two|three|four|five|six|seven|eight|nine|ten|twice|thrice)\b/i;

/** Whether the report shows more than one run: a run count, per-run results or a spread. */
function showsRuns(model: DocumentModel): boolean {
  const many = findFacts(model).some((f) => f.element === 'runs' && NUMBER.test(f.value) && !/^(?:1|one)$/i.test(NUMBER.exec(f.value)![1]));
  const perRunTable = model.tables.some(
    (t) => t.rows.length >= 2 && (RUN_HEADER.test(t.header[0]?.plain ?? '') || t.rows.filter((r) => RUN_LABEL.test(r.cells[0]?.plain ?? '')).length >= 2),
  );
  return many || perRunTable || PER_RUN.test(model.text) || SPREAD.test(model.text);
}

function consistencyFindings(model: DocumentModel): Finding[] {
  const claims = model.textLines.filter((l) => CONSISTENCY.test(l.plain) && !isPlanningSection(model, l.section) && !NUMBER.test(CONSISTENCY.exec(l.plain)![0]));
  if (!claims.length || showsRuns(model)) return [];
  return claims.map((l) => ({
    ruleId: ID,
    span: l.span,
    message: `"${CONSISTENCY.exec(l.plain)![0]}", but the report shows one run: no number of runs, no per-run results, no spread between them.`,
  }));
}

export const tooFewSamples: Rule = {
  meta: {
    id: ID,
    category: 'methodology',
    defaultSeverity: 'warning',
    description: 'Statistics the data cannot carry: percentiles from too few samples, rates from a few seconds, consistency claimed from one run.',
    appliesTo: 'reports',
  },
  check(model) {
    const all = texts(model);
    return [...percentileFindings(model, all), ...rateFindings(model, all), ...consistencyFindings(model)];
  },
};
