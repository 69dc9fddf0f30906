// summary-contradicts-results: a summary verdict (title block, executive summary, conclusion,
// "Overall", "Status", "within targets", "meets all requirements") that says pass while the
// comparisons it summarises missed their targets or were never measured.
import type { Finding, Fix, Span } from '../core/types';
import type { DocumentModel, KeyValue, TextLine } from '../model/document';
import type { VerdictToken } from '../model/verdicts';
import {
  cleanText,
  comparisons,
  evaluate,
  inContext,
  inPlanningSection,
  inSummarySection,
  inTopSummary,
  inTitleBlock,
  isPerformanceMetric,
  isMark,
  onlyTokens,
  readable,
  related,
  relabelFix,
  shown,
  subjectOf,
  tokensSpan,
  topSection,
  verdictOf,
  words,
  type Comparison,
  type Evaluation,
} from './claims-support';
import type { Rule } from './rule';

const ID = 'summary-contradicts-results';

/** Keys whose value is a verdict on the whole report. */
const SUMMARY_KEY =
  /^(status|overall|assessment|verdict|result|results|recommendation|recommendations|conclusion|readiness|decision|outcome|approval|summary|certification|blockers?)$/;
/** A verdict about every target at once: "within targets", "meets all requirements", "all SLAs met". */
const ALL_TARGETS = /\b(targets|requirements|criteria|slas|slos|thresholds|limits|all)\b|\bwithin (?:the )?(?:sla|slo|budget)\b/i;
/**
 * A summary that qualifies itself (exceptions, conditions, partial counts: "2 of 6 measured"),
 * negates itself, or speaks of the future ("will meet all targets") claims nothing to contradict.
 */
const QUALIFIED =
  /\b(except|excluding|exceptions?|but|however|although|though|apart from|other than|caveats?|partial|partially|once|unless|if|when|not|never|no longer|fails?|failed|should|would|will|could|may|might|must|expected|aims?|planned|pending)\b|n't\b|\b\d+\s+(?:of|out of)\s+\d+\b/i;
/** "Blockers: None": no blocker is a pass. */
const NO_BLOCKERS = /^(none|no blockers?|nothing|0)(?![\p{L}\p{N}])/iu;

interface Claim {
  tokens: VerdictToken[];
  /** The pass tokens the finding sits on. */
  span: Span;
  text: string;
  line: TextLine;
  /** Speaks for every target ("within targets"): a target left unmeasured contradicts it too. */
  allTargets: boolean;
  /** The value is the verdict ("Status: PASS"), so the verdict can be rewritten. */
  keyed: boolean;
  /** Where the summary's word reaches: the whole document, or its own top-level section. */
  scope: Span;
  /** A claim about performance ("Performance: within targets") speaks only for performance metrics. */
  performanceOnly: boolean;
}

const PERFORMANCE_TOPIC = /^(performance|latency|speed|throughput|load)$/;

/** Whether the words naming what a summary judges ("Basic performance", key "Performance") are about performance. */
const aboutPerformance = (ws: readonly string[]): boolean => ws.some((w) => PERFORMANCE_TOPIC.test(w));

/** "All performance targets were met": the pass word closes a phrase about every target. */
const ALL_BEFORE = /\ball\s+(?:[\p{L}-]+\s+){0,3}(?:targets|requirements|criteria|slas|slos|thresholds|goals|objectives|budgets)\s+(?:were\s+|are\s+|have\s+been\s+)?$/iu;

/** Tokens with "All targets met" read as one phrase speaking for every target. */
function withPhrases(model: DocumentModel, line: TextLine, tokens: VerdictToken[]): VerdictToken[] {
  return tokens.map((t) => {
    if (t.kind !== 'pass' || ALL_TARGETS.test(t.text)) return t;
    const before = model.text.slice(Math.max(line.span.start, t.start - 60), t.start);
    const m = ALL_BEFORE.exec(before);
    if (!m) return t;
    const start = t.start - before.length + m.index;
    return { ...t, start, text: model.text.slice(start, t.end) };
  });
}

/** Verdict words used as nouns ("success rate") are labels, unless they speak for every target. */
function isClaimToken(model: DocumentModel, t: VerdictToken): boolean {
  return ALL_TARGETS.test(t.text) || isMark(model, t) || !/^ [a-z]/.test(model.text.slice(t.end, t.end + 2));
}

/** A summary heads the report (title block, a top-level summary section) or only its own top-level section. */
function scopeOf(model: DocumentModel, line: TextLine): Span {
  const whole = { start: 0, end: model.text.length };
  if (inTitleBlock(model, line) || inTopSummary(model, line.section)) return whole;
  return topSection(model, line.section)?.span ?? whole;
}

function claim(model: DocumentModel, line: TextLine, tokens: VerdictToken[], keyed: boolean, topic: readonly string[]): Claim | undefined {
  const read = inContext(model, tokens);
  const pass = read.filter((t) => t.kind === 'pass');
  if (!pass.length || verdictOf(read).kind !== 'pass' || QUALIFIED.test(cleanText(model, line.span))) return undefined;
  // Success criteria and plans state goals, not findings.
  if (inPlanningSection(model, line.section)) return undefined;
  const span = tokensSpan(pass);
  return {
    tokens: pass,
    span,
    text: readable(model, span),
    line,
    allTargets: pass.some((t) => ALL_TARGETS.test(t.text)),
    keyed,
    scope: scopeOf(model, line),
    performanceOnly: aboutPerformance(topic),
  };
}

function keyClaim(model: DocumentModel, kv: KeyValue): Claim | undefined {
  const keyWords = words(cleanText(model, kv.keySpan));
  const summaryKey = keyWords.some((w) => SUMMARY_KEY.test(w));
  const inSummary = inTitleBlock(model, kv.line) || inSummarySection(model, kv.line.section);
  if (summaryKey && keyWords.some((w) => /^blockers?$/.test(w))) return noBlockers(model, kv, inSummary);
  const keyMarks = kv.line.verdicts.filter((t) => t.end <= kv.keySpan.end && isMark(model, t));
  const tokens = withPhrases(model, kv.line, [...keyMarks, ...kv.value.verdicts.filter((t) => isClaimToken(model, t))]);
  const c = claim(model, kv.line, tokens, true, keyWords);
  if (!c || !judgesResults(model, kv, c.tokens)) return undefined;
  // A figure in the value makes it one metric's verdict ("Response time: Excellent (150ms)").
  return (inSummary && summaryKey) || (c.allTargets && kv.value.quantities.length === 0) ? c : undefined;
}

/** An operation's outcome ("Deployment successful") is not a verdict on the results. */
const OPERATION_WORD = /^success(?:ful)?$/i;

/**
 * Whether a status judges the results: a verdict word ("PASS", "READY", "MEETS REQUIREMENTS"), or
 * marks alone; "✅ COMPLETE" or "✅ Deployed" mark work done, not targets met.
 */
function judgesResults(model: DocumentModel, kv: KeyValue, pass: VerdictToken[]): boolean {
  const verdictWords = pass.filter((t) => !isMark(model, t));
  if (verdictWords.length) return !verdictWords.every((t) => OPERATION_WORD.test(t.text));
  return onlyTokens(model, kv.value.span, kv.value.verdicts);
}

function noBlockers(model: DocumentModel, kv: KeyValue, inSummary: boolean): Claim | undefined {
  const m = NO_BLOCKERS.exec(kv.value.plain);
  if (!inSummary || !m || kv.value.verdicts.length || inPlanningSection(model, kv.line.section)) return undefined;
  const start = kv.value.span.start + kv.value.text.indexOf(m[1]);
  const span = { start, end: start + m[1].length };
  return {
    tokens: [],
    span,
    text: `${cleanText(model, kv.keySpan)}: ${m[1]}`,
    line: kv.line,
    allTargets: false,
    keyed: false,
    scope: scopeOf(model, kv.line),
    performanceOnly: false,
  };
}

/** A sentence or list item: only a verdict on every target makes it a summary; the finding sits on that phrase. */
function lineClaim(model: DocumentModel, line: TextLine): Claim | undefined {
  const tokens = withPhrases(model, line, line.verdicts.filter((t) => isClaimToken(model, t)));
  // One finding per line, on its first phrase about every target.
  const phrase = tokens.filter((t) => t.kind === 'pass' && ALL_TARGETS.test(t.text)).slice(0, 1);
  if (!phrase.length) return undefined;
  const topic = words(cleanText(model, { start: line.span.start, end: phrase[0].start }));
  const c = claim(model, line, tokens, false, topic);
  if (!c) return undefined;
  const span = tokensSpan(phrase);
  return { ...c, tokens: phrase, span, text: readable(model, span) };
}

function summaryClaims(model: DocumentModel): Claim[] {
  const keyed = new Set(model.keyValues.map((kv) => kv.line));
  const out: Claim[] = [];
  for (const kv of model.keyValues) {
    const c = kv.line.kind === 'code' || kv.line.kind === 'heading' ? undefined : keyClaim(model, kv);
    if (c) out.push(c);
  }
  for (const line of model.textLines) {
    if (keyed.has(line) || !['paragraph', 'list', 'quote'].includes(line.kind)) continue;
    const c = lineClaim(model, line);
    if (c) out.push(c);
  }
  return out;
}

// Gaps: what in the summary's scope contradicts it ------------------------------------------------

interface Gap {
  c: Comparison;
  e: Evaluation;
  kind: 'missed' | 'unmeasured';
}

const inside = (scope: Span, s: Span): boolean => scope.start <= s.start && s.end <= scope.end;

/** The same check restated (a summary table repeating a detail table) counts once. */
function identity(c: Comparison): string {
  const t = c.target!;
  const figure = c.measured ? `=${c.measured.value}` : `?${subjectOf(words(c.label)).join(' ')}`;
  return `${t.dimension}|${t.value}|${figure}`;
}

function gapOf(c: Comparison, e: Evaluation): Gap['kind'] | undefined {
  if (e.outcome === 'missed' || (c.verdict.kind === 'fail' && e.outcome !== 'met')) return 'missed';
  return c.missing && c.missing.kind !== 'na' ? 'unmeasured' : undefined;
}

/** A miss that a later or earlier check of the same metric against the same threshold met. */
function superseded(g: Gap, all: { c: Comparison; e: Evaluation }[]): boolean {
  const subject = subjectOf(words(g.c.label));
  const label = words(g.c.label).join(' ');
  return all.some(
    ({ c, e }) =>
      c !== g.c &&
      e.outcome === 'met' &&
      e.direction === g.e.direction &&
      e.threshold === g.e.threshold &&
      (subject.length ? subjectOf(words(c.label)).some((w) => subject.includes(w)) : words(c.label).join(' ') === label),
  );
}

interface Tally {
  gaps: Gap[];
  total: number;
}

function tally(model: DocumentModel, claim: Claim): Tally {
  const inScope = comparisons(model)
    .filter((c) => c.target && c.line !== claim.line.line && inside(claim.scope, c.span))
    .filter((c) => !claim.performanceOnly || isPerformanceMetric(c.metricWords))
    .map((c) => ({ c, e: evaluate(c) }));
  const seen = new Set<string>();
  const distinct = inScope.filter(({ c }) => {
    const id = identity(c);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const gaps: Gap[] = [];
  for (const { c, e } of distinct) {
    const kind = gapOf(c, e);
    if (!kind || (kind === 'unmeasured' && !claim.allTargets)) continue;
    const g = { c, e, kind };
    if (kind === 'unmeasured' || !superseded(g, inScope)) gaps.push(g);
  }
  return { gaps, total: distinct.length };
}

// Messages ------------------------------------------------------------------------------------------

const lines = (gs: Gap[]): string => `line${gs.length > 1 ? 's' : ''} ${gs.map((g) => g.c.line + 1).join(', ')}`;

/** "Error rate: 1.9% vs target < 0.1%", "P99: target < 50ms, marked as failed". */
function figures(g: Gap): string {
  const target = shown(g.c.target!);
  if (g.kind === 'unmeasured') return `${g.c.label}: not measured (target ${target})`;
  if (!g.c.measured || g.e.outcome !== 'missed') return `${g.c.label}: target ${target}, marked as failed`;
  return `${g.c.label}: ${shown(g.c.measured)} vs target ${target}`;
}

const describeGap = (g: Gap): string => (g.kind === 'missed' && g.e.outcome === 'missed' ? `${figures(g)}, missed` : figures(g));

function counted(n: number, total: number, what: string): string {
  return `${n} of ${total} stated targets ${n === 1 ? 'is' : 'are'} ${what}`;
}

function messageOf(claim: Claim, missed: Gap[], unmeasured: Gap[], total: number): string {
  const parts: string[] = [];
  if (missed.length === 1) {
    parts.push(`${counted(1, total, 'missed')} (${figures(missed[0])}, line ${missed[0].c.line + 1})`);
  } else if (missed.length) {
    parts.push(`${counted(missed.length, total, 'missed')} (${lines(missed)})`);
  }
  if (unmeasured.length) parts.push(`${counted(unmeasured.length, total, 'not measured')} (${lines(unmeasured)})`);
  return `"${claim.text}", but ${parts.join(', and ')}.`;
}

function suggestions(model: DocumentModel, claim: Claim, missed: number, unmeasured: number, total: number): Fix[] {
  if (missed === 0 && claim.allTargets) {
    const at = claim.span.end;
    const note = ` (${total - unmeasured} of ${total} targets measured)`;
    return [{ title: `Add "${note.trim()}"`, edits: [{ start: at, end: at, newText: note }] }];
  }
  if (missed > 0 && claim.keyed) {
    return [relabelFix(model, claim.tokens, { mark: '❌', word: `NOT MET (${missed} of ${total} targets missed)` }, false)];
  }
  return [];
}

function finding(model: DocumentModel, claim: Claim, t: Tally): Finding | undefined {
  const missed = t.gaps.filter((g) => g.kind === 'missed');
  const unmeasured = t.gaps.filter((g) => g.kind === 'unmeasured');
  if (!missed.length && !unmeasured.length) return undefined;
  const message = messageOf(claim, missed, unmeasured, t.total);
  const suggested = suggestions(model, claim, missed.length, unmeasured.length, t.total);
  return {
    ruleId: ID,
    span: claim.span,
    message,
    ...(missed.length ? {} : { severity: 'warning' as const }),
    related: t.gaps.map((g) => related(g.c.span, describeGap(g))),
    hover: [
      message,
      '',
      `- **Summary**: "${claim.text}", line ${claim.line.line + 1}`,
      `- **Checked against**: the ${t.total} distinct targets stated ${claim.scope.start === 0 && claim.scope.end === model.text.length ? 'in the report' : 'in its section'}`,
      ...t.gaps.map((g) => `- Line ${g.c.line + 1}: ${describeGap(g)}`),
    ].join('\n'),
    ...(suggested.length ? { suggestions: suggested } : {}),
  };
}

export const summaryContradictsResults: Rule = {
  meta: {
    id: ID,
    category: 'claims',
    defaultSeverity: 'error',
    description: 'A summary verdict (status, conclusion, "within targets") that the report\'s own results contradict.',
    appliesTo: 'reports',
  },
  check(model) {
    const out: Finding[] = [];
    for (const claim of summaryClaims(model)) {
      const f = finding(model, claim, tally(model, claim));
      if (f) out.push(f);
    }
    return out;
  },
};
