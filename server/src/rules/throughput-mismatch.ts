// throughput-mismatch: a stated throughput against the test's own request count ÷ its duration.
import type { Finding, Span } from '../core/types';
import type { DocumentModel, Section } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import {
  contains,
  disjoint,
  divide,
  entries,
  evidenceFor,
  finding,
  fmt,
  fmtInterval,
  hasWord,
  isBounded,
  isGoalEntry,
  lineOf,
  measured,
  nounClass,
  quoted,
  related,
  single,
  span,
  unitNoun,
  words,
  type Interval,
  type NounClass,
} from './arithmetic-support';
import type { Rule } from './rule';

const ID = 'throughput-mismatch';

/** A rate quoted for the steady phase of a ramped test can exceed the whole run's average, by this factor at most. */
export const STEADY_PHASE_ALLOWANCE = 2;

export interface ThroughputClaim {
  q: Quantity;
  label: string;
  /** "per pod", "per user": a share of the test's total, so only a figure above it can be judged. */
  share: boolean;
  noun?: NounClass;
  section?: Section;
}

/** Figures that are not the run's average rate: peaks, capacities, limits. */
const NOT_AVERAGE = /^(peak|max|maximum|burst|bursts|spike|capacity|min|minimum|ceiling|headroom|theoretical|top|best)$/;
/** Keys that name a throughput: "Throughput", "RPS", "Request rate", "http_reqs". */
const THROUGHPUT = /^(throughput|rps|tps|qps|rate|http_reqs|iterations)$/;
/** An endpoint's or operation's own rate is a part of the total, not the test's throughput. */
const ENDPOINT = /(^|\s)(GET|POST|PUT|PATCH|DELETE|HEAD)\s|\//;
const PER_SHARE = /\bper[ -](pod|instance|node|replica|server|host|user|vu|worker|thread|core|cpu|connection|container|process|client)\b/i;

/** Every measured throughput the document states under a throughput key ("Throughput: 1,234 req/s"). */
export function throughputClaims(model: DocumentModel): ThroughputClaim[] {
  return entries(model).flatMap((e): ThroughputClaim[] => {
    const q = measured(model, e).find((x) => x.dimension === 'rate');
    if (!q || isGoalEntry(model, e) || !hasWord(e.keyWords, THROUGHPUT) || ENDPOINT.test(e.key)) return [];
    const context = `${e.key} ${e.header ?? ''} ${e.value.plain}`;
    if (hasWord(words(context), NOT_AVERAGE)) return [];
    return [{ q, label: e.key, share: PER_SHARE.test(context), noun: unitNoun(q) ?? nounClass(e.keyWords), section: e.line.section }];
  });
}

export interface Operand {
  q: Quantity;
  noun?: NounClass;
}

/** Keys of counts that are not the test's total: outcomes, averages, concurrency. */
const NOT_TOTAL =
  /^(failed|failures?|errors?|successful|success|succeeded|passed|ok|dropped|timeouts?|retries|retried|rejected|skipped|per|avg|average|mean|median|rate|max|min|peak|concurrent|concurrency|users?|vus?|connections?|threads?|pods?|replicas?|instances?|nodes?|workers?|unique)$/;

const countCache = new WeakMap<DocumentModel, Operand[]>();
const durationCache = new WeakMap<DocumentModel, Operand[]>();

function cached(cache: WeakMap<DocumentModel, Operand[]>, model: DocumentModel, find: () => Operand[]): Operand[] {
  let found = cache.get(model);
  if (!found) cache.set(model, (found = find()));
  return found;
}

/** The test's total request (iteration, query...) counts stated in a scope. */
export function requestCounts(model: DocumentModel, scope: Span): Operand[] {
  const all = cached(countCache, model, () =>
    entries(model).flatMap((e): Operand[] => {
      if (hasWord(e.keyWords, NOT_TOTAL) || isGoalEntry(model, e)) return [];
      const [q] = measured(model, e);
      if (!q || q.dimension !== 'count' || q.signed || !isBounded(q)) return [];
      const noun = unitNoun(q) ?? nounClass(e.keyWords);
      return noun && noun !== 'users' && noun !== 'other' ? [{ q, noun }] : [];
    }),
  );
  return all.filter((c) => contains(scope, c.q.start));
}

const DURATION = /^(duration|elapsed|runtime)$/;
const NOT_TEST_DURATION =
  /^(ramp|rampup|warm|warmup|cool|cooldown|think|timeout|interval|window|retention|request|requests|response|span|query|avg|average|mean|median|max|min|p\d+|burst|downtime|outage|incident|maintenance|recovery|restore|backup|migration|rollout|sleep|pause|step|stage|phase|per|session|token|cache|ttl|job|build|deploy|deployment)$/;

/** The test's durations stated in a scope ("Duration: 32 minutes"). */
export function testDurations(model: DocumentModel, scope: Span): Operand[] {
  const all = cached(durationCache, model, () =>
    entries(model).flatMap((e): Operand[] => {
      if (!hasWord(e.keyWords, DURATION) || hasWord(e.keyWords, NOT_TEST_DURATION) || isGoalEntry(model, e)) return [];
      const [q] = measured(model, e);
      return q?.dimension === 'time' && isBounded(q) && q.low >= 1000 ? [{ q }] : [];
    }),
  );
  return all.filter((d) => contains(scope, d.q.start));
}

const compatible = (a: NounClass | undefined, b: NounClass | undefined): boolean => !a || !b || a === b;

export interface RunRate {
  count: Operand;
  duration: Operand;
  /** Requests per second over the whole run, as the printing allows. */
  rate: Interval;
  nominal: number;
}

/** The run's average rate, count ÷ duration, for figures counting `noun`, read in a scope. */
export function runRateIn(model: DocumentModel, scope: Span, noun: NounClass | undefined): RunRate | 'ambiguous' | undefined {
  const count = single(requestCounts(model, scope).filter((c) => compatible(c.noun, noun)));
  const duration = single(testDurations(model, scope));
  if (count === 'ambiguous' || duration === 'ambiguous') return 'ambiguous';
  if (!count || !duration) return undefined;
  const rate = divide(count.q, { low: duration.q.low / 1000, high: duration.q.high / 1000 });
  return rate && { count, duration, rate, nominal: count.q.value / (duration.q.value / 1000) };
}

/** A count as printed, with its noun when the printing left it to the key ("2,145 requests"). */
export const counted = (o: Operand): string => (o.q.sourceUnit || !o.noun ? quoted(o.q) : `${quoted(o.q)} ${o.noun}`);

/** "47× higher", "at least 42× higher", "3.1× lower": how far a stated figure is from a recomputed one. */
export function timesOff(stated: Quantity, recomputed: number): string {
  const point = stated.qualifier === 'exact' || stated.qualifier === 'approx';
  const higher = stated.low > recomputed;
  const factor = higher ? stated.low / recomputed : recomputed / stated.high;
  const shown = point ? (higher ? stated.value / recomputed : recomputed / stated.value) : factor;
  return `${point ? '' : 'at least '}${shown >= 10 ? Math.round(shown) : fmt(shown)}× ${higher ? 'higher' : 'lower'}`;
}

const WHOLE: Span = { start: 0, end: Infinity };

/** Where the request counts and durations of the document are. */
export const runOperands = (model: DocumentModel): number[] =>
  [...requestCounts(model, WHOLE), ...testDurations(model, WHOLE)].map((o) => o.q.start);

export function rateUnit(noun: NounClass | undefined): string {
  const names: Partial<Record<NounClass, string>> = {
    requests: 'req/s',
    iterations: 'iterations/s',
    transactions: 'tx/s',
    queries: 'queries/s',
    operations: 'ops/s',
    messages: 'msg/s',
  };
  return (noun && names[noun]) ?? '/s';
}

/** The finding for a throughput that the run's count and duration contradict, if they do. */
export function checkThroughput(model: DocumentModel, c: ThroughputClaim): Finding | undefined {
  const evidence = evidenceFor(model, c.section, c.q.start, (scope) => runRateIn(model, scope, c.noun), runOperands(model));
  if (!evidence) return undefined;
  const { count, duration, rate, nominal } = evidence.value;
  const allowed: Interval = { low: c.share ? 0 : rate.low, high: rate.high * STEADY_PHASE_ALLOWANCE };
  if (!disjoint(c.q, allowed)) return undefined;
  const unit = rateUnit(c.noun ?? count.noun);
  const message =
    `${c.label} ${quoted(c.q)}, but ${counted(count)} / ${quoted(duration.q)} (${fmt(duration.q.value / 1000)} s) = ` +
    `${fmt(nominal)} ${unit}: the stated figure is ${timesOff(c.q, nominal)}.`;
  const hover = [
    `- ${quoted(count.q)} (line ${lineOf(model, count.q.start)}) is ${fmtInterval(count.q)} as printed.`,
    `- ${quoted(duration.q)} (line ${lineOf(model, duration.q.start)}) is ${fmtInterval({ low: duration.q.low / 1000, high: duration.q.high / 1000 })} s.`,
    `- The run's average rate is therefore ${fmtInterval(rate)} ${unit}.`,
    `- A rate quoted for the steady phase of a ramped test may exceed that average, up to ${STEADY_PHASE_ALLOWANCE}× (${fmt(allowed.high)} ${unit}) is allowed.`,
    c.share ? '- The figure is a share ("per pod", "per user"), so only a figure above the total is impossible.' : '',
    `- Stated: ${quoted(c.q)} (${fmtInterval(c.q)} ${unit}).`,
  ].filter(Boolean);
  return finding(ID, span(c.q), message, hover, [
    related(count.q, `request count of the test (${evidence.scope.title})`),
    related(duration.q, 'duration of the test'),
  ]);
}

export const throughputMismatch: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: "A stated throughput that the test's own request count ÷ its duration cannot give.",
    appliesTo: 'reports',
  },
  check(model) {
    return throughputClaims(model).flatMap((c) => checkThroughput(model, c) ?? []);
  },
};
