// littles-law: a test with N concurrent users and a mean response time R completes at most N / R
// requests per second (Little's law, L = λW, with L ≤ N). Think time only lowers the rate, so the
// bound holds with or without it.
import type { Finding, Span } from '../core/types';
import type { DocumentModel, Section } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import {
  contains,
  entries,
  evidenceFor,
  finding,
  fmt,
  fmtInterval,
  hasWord,
  isBounded,
  isGoalEntry,
  isPlanningSection,
  lineOf,
  measured,
  PLANNED_WORD,
  quoted,
  related,
  sectionsHolding,
  single,
  span,
  unitNoun,
  words,
  type Reading,
} from './arithmetic-support';
import type { Rule } from './rule';
import { checkThroughput, counted, rateUnit, runRateIn, throughputClaims, timesOff, type RunRate } from './throughput-mismatch';

const ID = 'littles-law';

interface Concurrency {
  /** The most users the test ran at once, as the printing allows. */
  max: number;
  /** The figure that states it. */
  q: Quantity;
}

interface Bound {
  users: Concurrency;
  mean: Quantity;
  /** Requests per second the test could complete at most. */
  limit: number;
  nominal: number;
}

const USERS_KEY = /^(users?|vus?|concurrency|concurrent|clients?)$/;

const usersCache = new WeakMap<DocumentModel, Quantity[]>();
const meanCache = new WeakMap<DocumentModel, Quantity[]>();

/** Every user count the document states: "10 users", "Ramp up to 10 users", "Peak Users: 200 concurrent". */
function userCounts(model: DocumentModel): Quantity[] {
  const cached = usersCache.get(model);
  if (cached) return cached;
  const found = new Map<number, Quantity>();
  for (const line of model.textLines) {
    if (isPlanningSection(model, line.section) || hasWord(words(line.plain), PLANNED_WORD)) continue;
    for (const q of line.quantities) if (q.dimension === 'count' && unitNoun(q) === 'users') found.set(q.start, q);
  }
  for (const e of entries(model)) {
    if (!hasWord(e.keyWords, USERS_KEY) || isGoalEntry(model, e)) continue;
    const [q] = measured(model, e);
    if (q?.dimension === 'count' && (!q.sourceUnit || unitNoun(q) === 'users')) found.set(q.start, q);
  }
  const all = [...found.values()];
  usersCache.set(model, all);
  return all;
}

/** The most users a scope's test ran at once. */
function concurrencyIn(model: DocumentModel, scope: Span): Reading<Concurrency> {
  const all = userCounts(model).filter((q) => contains(scope, q.start));
  if (all.length === 0) return undefined;
  // "200+ users" has no upper end: the rate it allows has none either.
  if (all.some((q) => !isBounded(q))) return 'ambiguous';
  const top = all.reduce((a, b) => (b.high > a.high ? b : a));
  return { max: top.high, q: top };
}

const MEAN = /^(avg|average|mean)$/;
const RESPONSE = /^(response|latency|latencies|rtt|request)$/;
/** The words a mean response time of the whole test may have; any other ("checkout", "GET /a") scopes it to a part. */
const WHOLE_TEST = /^(avg|average|mean|response|responses|latency|latencies|rtt|request|requests|req|time|times|http|api|overall|all|total|ms|s|value|result|measured|actual)$/;

/** Every mean response time of a whole test: "Avg Response Time: 120ms", a table row "Average latency". */
function meanResponses(model: DocumentModel): Quantity[] {
  const cached = meanCache.get(model);
  if (cached) return cached;
  const found = entries(model).flatMap((e): Quantity[] => {
    const ws = [...e.keyWords, ...words(e.header ?? '')];
    // A slower part's mean would make the bound too low.
    if (!hasWord(ws, MEAN) || !hasWord(ws, RESPONSE) || !ws.every((w) => WHOLE_TEST.test(w)) || isGoalEntry(model, e)) return [];
    const [q] = measured(model, e);
    return q?.dimension === 'time' && isBounded(q) && q.low > 0 ? [q] : [];
  });
  meanCache.set(model, found);
  return found;
}

const meanResponseIn = (model: DocumentModel, scope: Span): Reading<{ q: Quantity }> =>
  single(meanResponses(model).flatMap((q) => (contains(scope, q.start) ? [{ q }] : [])));

function boundIn(model: DocumentModel, scope: Span): Reading<Bound> {
  const users = concurrencyIn(model, scope);
  const mean = meanResponseIn(model, scope);
  if (users === 'ambiguous' || mean === 'ambiguous') return 'ambiguous';
  if (!users || !mean) return undefined;
  return {
    users,
    mean: mean.q,
    limit: users.max / (mean.q.low / 1000),
    nominal: users.q.sourceValue / (mean.q.value / 1000),
  };
}

/** "10 users", "Virtual users: 20" as "20 users". */
const usersText = (q: Quantity): string => (q.sourceUnit ? quoted(q) : `${quoted(q)} users`);

function evidence(model: DocumentModel, b: Bound): { hover: string[]; related: ReturnType<typeof related>[] } {
  return {
    hover: [
      `- Concurrency: at most ${fmt(b.users.max)} users (${quoted(b.users.q)}, line ${lineOf(model, b.users.q.start)}).`,
      `- Mean response time: ${quoted(b.mean)} (line ${lineOf(model, b.mean.start)}), at least ${fmt(b.mean.low)} ms as printed.`,
      `- Little's law: throughput = users in flight ÷ time in system ≤ ${fmt(b.users.max)} / ${fmt(b.mean.low / 1000)} s = ${fmt(b.limit)} req/s.`,
      '- Think time between requests only lowers the rate, so the bound holds whether or not the test had any.',
    ],
    related: [related(b.users.q, 'concurrent users of the test'), related(b.mean, 'mean response time of the test')],
  };
}

function checkClaim(model: DocumentModel, q: Quantity, label: string, section: Section | undefined): Finding | undefined {
  const operands = [...userCounts(model), ...meanResponses(model)].map((x) => x.start);
  const found = evidenceFor(model, section, q.start, (scope) => boundIn(model, scope), operands);
  if (!found || q.low <= found.value.limit) return undefined;
  const b = found.value;
  const message =
    `${label} ${quoted(q)} exceeds what the test can complete: ${usersText(b.users.q)} at ${quoted(b.mean)} mean response time ` +
    `allow at most ${fmt(b.users.q.sourceValue)} / ${fmt(b.mean.value / 1000)} s = ${fmt(b.nominal)} req/s (Little's law); ` +
    `the stated figure is ${timesOff(q, b.nominal)}.`;
  const e = evidence(model, b);
  return finding(ID, span(q), message, [...e.hover, `- Stated: ${quoted(q)} (${fmtInterval(q)} req/s).`], e.related);
}

/** A test whose own count ÷ duration is above what its users and response time allow. */
function checkRun(model: DocumentModel, b: Bound, run: RunRate): Finding | undefined {
  if (run.rate.low <= b.limit) return undefined;
  const unit = rateUnit(run.count.noun);
  const message =
    `${counted(run.count)} in ${quoted(run.duration.q)} is ${fmt(run.nominal)} ${unit}, more than ${usersText(b.users.q)} at ` +
    `${quoted(b.mean)} mean response time can complete: at most ${fmt(b.nominal)} req/s (Little's law).`;
  const e = evidence(model, b);
  const hover = [...e.hover, `- The run's own average: ${fmtInterval(run.rate)} ${unit}.`];
  return finding(ID, span(run.count.q), message, hover, [...e.related, related(run.duration.q, 'duration of the test')]);
}

/** Innermost sections that state a whole test: users, mean response time, request count and duration. */
function runs(model: DocumentModel): { bound: Bound; run: RunRate }[] {
  const complete = sectionsHolding(model, meanResponses(model).map((q) => q.start)).flatMap((s) => {
    const bound = boundIn(model, s.span);
    const run = runRateIn(model, s.span, undefined);
    return bound && bound !== 'ambiguous' && run && run !== 'ambiguous' ? [{ s, bound, run }] : [];
  });
  return complete.filter((c) => !complete.some((d) => d !== c && contains(c.s.span, d.s.span)));
}

export const littlesLaw: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: "A throughput above what the test's concurrent users and mean response time allow (Little's law).",
    appliesTo: 'reports',
  },
  check(model) {
    const out: Finding[] = [];
    for (const c of throughputClaims(model)) {
      // The run's measured rate is the stronger evidence: throughput-mismatch reports the figure then.
      if (checkThroughput(model, c)) continue;
      const f = checkClaim(model, c.q, c.label, c.section);
      if (f) out.push(f);
    }
    for (const { bound, run } of runs(model)) {
      const f = checkRun(model, bound, run);
      if (f) out.push(f);
    }
    return out;
  },
};
