// metric-conflict: one metric stated with two values that cannot both hold: the error rate of the
// summary against the one the test measured, a p95 in the summary against the body's. A metric is
// its name, its statistic and its scope (endpoint, component): two endpoints' p95 never compare.
import type { Finding, Span } from '../core/types';
import type { DocumentModel, Section } from '../model/document';
import type { Quantity } from '../model/quantity-types';
import {
  columnRoles,
  disjoint,
  entries,
  finding,
  fmt,
  fmtInterval,
  hasWord,
  isGoalEntry,
  isStatisticWord,
  isSummaryAt,
  lineOf,
  measured,
  nounClass,
  related,
  shareOf,
  span,
  statisticName,
  statisticsOf,
  unitNoun,
  words,
  type Entry,
  type Share,
} from './arithmetic-support';
import { requestCounts, testDurations } from './throughput-mismatch';
import type { Rule } from './rule';

const ID = 'metric-conflict';

const ERROR = /^(error|errors|failure|failures|failed|fail|failing)$/;
const LATENCY = /^(latency|latencies|response|rtt)$/;
/** Errors that are not the share of failed requests. */
const NOT_ERROR_RATE = /^(budget|budgets|codes?|types?|handling|messages?|logs?|pages?|injection|recovery|tracking|alerts?|scenarios?|modes?)$/;
/** Words that name no scope: the metric's own words, and the way reports label measured values. */
const GENERIC =
  /^(rate|ratio|percentage|pct|percent|overall|total|http|api|request|requests|req|reqs|time|times|the|of|in|on|at|for|all|measured|actual|observed|result|results|value|values|baseline|current|metric|achieved|local|test|tests|load|run|server|service|system|app|application)$/;

interface Statement {
  metric: string;
  /** The words that scope the metric: an endpoint, a component ("GET /health", "database"). */
  scope: string;
  label: string;
  q: Quantity;
  section?: Section;
  summary: boolean;
  /** The counts the figure is recomputed from, when the report gives them. */
  share?: Share;
  /** A row of a table of measurements against targets, in a section with no test of its own: it restates. */
  restates: boolean;
}

function metricOf(ws: readonly string[], q: Quantity): { metric: string; scope: string } | undefined {
  const scopeOf = (drop: RegExp) =>
    ws.filter((w) => !drop.test(w) && !GENERIC.test(w) && !isStatisticWord(w) && !/^\d/.test(w)).sort().join(' ');
  if (q.dimension === 'percent' && hasWord(ws, ERROR) && !hasWord(ws, NOT_ERROR_RATE)) {
    return { metric: 'error rate', scope: scopeOf(ERROR) };
  }
  const stats = statisticsOf(ws);
  if (q.dimension === 'time' && hasWord(ws, LATENCY) && stats.length === 1) {
    return { metric: `${statisticName(stats[0])} response time`, scope: scopeOf(LATENCY) };
  }
  return undefined;
}

function statements(model: DocumentModel): Statement[] {
  const out: Statement[] = [];
  for (const e of entries(model)) {
    const ws = [...e.keyWords, ...words(e.header ?? '')];
    // Only error rates and latencies are metrics here (see metricOf): most entries end at this test.
    if ((!hasWord(ws, ERROR) && !hasWord(ws, LATENCY)) || isGoalEntry(model, e)) continue;
    // A figure in the key is a threshold ("Error rate < 0.1%: WARNING (1.9%)"); the value holds the measurement.
    for (const q of measured(model, e)) {
      const m = metricOf(ws, q);
      if (!m) continue;
      const share = shareOf(model, e);
      const section = e.line.section;
      out.push({ ...m, label: e.key, q, section, summary: isSummaryAt(model, section, q.start), share: share?.percent === q ? share : undefined, restates: restates(model, e) });
      break;
    }
  }
  return out;
}

/** Whether a table row restates a measurement: its table sets it against targets, its section runs no test. */
function restates(model: DocumentModel, e: Entry): boolean {
  if (!e.table || !columnRoles(model, e.table).includes('target')) return false;
  const scope = e.line.section?.span ?? e.block;
  return requestCounts(model, scope).length === 0 && testDurations(model, scope).length === 0;
}

/**
 * Whether no two statements are disjoint (`list.every((a) => list.every((b) => !disjoint(a.q, b.q)))`):
 * intervals overlap pairwise when the largest low is not above the smallest high, found in one pass.
 */
function agree(list: Statement[]): boolean {
  let low = -Infinity;
  let high = Infinity;
  for (const s of list) {
    if (s.q.low > low) low = s.q.low;
    if (s.q.high < high) high = s.q.high;
  }
  return !(low > high);
}

/**
 * The statements the others are judged against: those the report's own counts back (a share of
 * failed requests), else the body's statements when they all agree. Summaries restate the body.
 */
function reference(group: Statement[]): { refs: Statement[]; judged: Statement[] } | undefined {
  const backed = group.filter((s) => s.share && !disjoint(s.share.recomputed, s.q));
  // Other tests' figures may differ from the backed one: only summaries and restating tables are judged.
  const isBacked = new Set(backed);
  if (backed.length) return agree(backed) ? { refs: backed, judged: group.filter((s) => !isBacked.has(s) && (s.summary || s.restates)) } : undefined;
  const body = group.filter((s) => !s.summary);
  return body.length && agree(body) ? { refs: body, judged: group.filter((s) => s.summary) } : undefined;
}

function describe(model: DocumentModel, s: Statement): string {
  const where = `line ${lineOf(model, s.q.start)}`;
  if (!s.share) return `${s.label} ${s.q.text} (${where})`;
  const noun = unitNoun(s.share.total.q) ?? nounClass(s.share.total.entry.keyWords);
  return `${s.label}: ${s.share.part.text} of ${s.share.total.q.text}${noun ? ` ${noun}` : ''} = ${fmt(s.share.nominal)}% (${where})`;
}

function conflict(model: DocumentModel, s: Statement, refs: Statement[]): Finding {
  const [ref] = refs;
  const message = `${s.label} ${s.q.text}${s.summary ? ' in the summary' : ''}, but ${describe(model, ref)}: the ${s.metric} cannot be both.`;
  const hover = [
    `- Here: ${s.q.text}, i.e. ${fmtInterval(s.q)}${s.q.unit}.`,
    ...refs.map((r) => `- ${describe(model, r)}: ${fmtInterval(r.share?.recomputed ?? r.q)}${r.q.unit}.`),
    `- Compared as the same metric: ${s.metric}${s.scope ? ` of ${s.scope}` : ''}, read from the labels.`,
  ];
  const rel: Span[] = [];
  const notes: string[] = [];
  for (const r of refs) {
    rel.push(span(r.q));
    notes.push(`the ${s.metric} stated here`);
    if (r.share) {
      rel.push(span(r.share.part), span(r.share.total.q));
      notes.push(`count behind it (${r.label})`, `total behind it (${r.share.total.entry.key})`);
    }
  }
  return finding(ID, span(s.q), message, hover, rel.map((x, i) => related(x, notes[i])));
}

export const metricConflict: Rule = {
  meta: {
    id: ID,
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: 'One metric (same name, statistic and scope) stated with two values that cannot both be true.',
    appliesTo: 'reports',
  },
  check(model) {
    const groups = new Map<string, Statement[]>();
    for (const s of statements(model)) {
      const key = `${s.metric}|${s.scope}`;
      const group = groups.get(key);
      if (group) group.push(s);
      else groups.set(key, [s]);
    }
    const out: Finding[] = [];
    for (const group of groups.values()) {
      const r = reference(group);
      if (!r) continue;
      for (const s of r.judged) if (r.refs.every((x) => disjoint(x.share?.recomputed ?? x.q, s.q))) out.push(conflict(model, s, r.refs));
    }
    return out;
  },
};
