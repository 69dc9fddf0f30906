// production-controls-off: a verdict about production while the report says its results were
// measured with a production control switched off, bypassed or replaced (authentication, TLS, a
// WAF, rate limiting, persistence, a real dependency) or with caches primed by hand.
import type { Finding, Span } from '../core/types';
import type { DocumentModel, TextLine } from '../model/document';
import type { VerdictToken } from '../model/verdicts';
import { cleanText, inContext, inPlanningSection, inSummarySection, inTitleBlock, lineNo, readable, related, verdictOf } from './claims-support';
import type { Rule } from './rule';

const ID = 'production-controls-off';

/** Controls whose absence makes a system look faster or sturdier than it is in production. */
const CONTROLS: Array<[string, RegExp]> = [
  ['authentication', /\b(auth|authn|authz|authentication|authori[sz]ation|jwt|oauth|api[- ]keys?)\b/i],
  ['TLS', /\b(tls|ssl|https|mtls)\b/i],
  ['the WAF', /\b(waf|web application firewall)\b/i],
  ['rate limiting', /\b(rate[- ]?limit(?:s|ing|er)?|throttl(?:e|es|ing))\b/i],
  ['persistence', /\b(persistence|fsync|aof|wal|durability|journaling)\b/i],
];
/** Switched off, in so many words. */
const OFF = /\b(disabled|deactivated|turned off|switched off|bypassed|skipped|removed|stripped)\b/i;
/** "without TLS", "with auth off", "no authentication". */
const ABSENT_BEFORE = /\b(without|no)\s+$/i;
const OFF_AFTER = /^\s+(off|disabled)\b/i;
/** Real dependencies replaced by stand-ins. */
const MOCKED =
  /\b(mock(?:ed)?|stub(?:bed)?|fake)\s+(payments?|database|db|backend|apis?|services?|dependenc(?:y|ies)|upstreams?|gateway|providers?)\b|\b(payments?|database|db|backend|apis?|services?|dependenc(?:y|ies)|upstreams?|gateway|providers?)\s+(?:was|were|is|are)\s+(mocked|stubbed|faked)\b/i;
/** Caches filled by hand before the run: the measured hit ratio and latency are the author's, not the traffic's. */
const PRIMED = /\b(cache|caches)\b[^.;]{0,30}\b(pre-?warmed|primed|pre-?populated|pre-?loaded|warmed up (?:manually|by hand))\b|\b(manually|hand-)\s*(?:warmed|primed)\s+caches?\b/i;
/** The sentence is about the performance measurement (unit tests mock dependencies by design). */
const ABOUT_TEST = /\b(load|perf|performance|stress|soak|benchmark(?:s|ing|ed)?|k6|jmeter|locust|gatling|wrk|artillery|latency|throughput)\b/i;
/** Conditions, intentions and negations: "should not be disabled", "if TLS is off", "never bypassed". */
const NOT_A_FACT =
  /\b(not|never|no longer|should|must|will|would|could|can|cannot|if|unless|ensure|verify|make sure|recommend(?:ed|s)?|todo|plan(?:ned)?|next)\b|n't\b/i;
/** Verdicts about production. */
const PRODUCTION_VERDICT = /\b(production|prod|launch|deploy(?:ment)?|go)\b|\bready\b/i;

interface Caveat {
  line: TextLine;
  what: string;
}

/** The control a sentence says was off during the measurement, if it says so plainly. */
function controlOff(text: string): string | undefined {
  for (const sentence of text.split(/(?<=[.;!?])\s+/)) {
    if (!ABOUT_TEST.test(sentence) || NOT_A_FACT.test(sentence)) continue;
    if (PRIMED.test(sentence)) return 'caches primed by hand';
    if (MOCKED.test(sentence)) return 'a mocked dependency';
    for (const [name, re] of CONTROLS) {
      const m = re.exec(sentence);
      if (m && isOff(sentence, m.index, m.index + m[0].length)) return `${name} off`;
    }
  }
  return undefined;
}

/** "auth disabled", "with TLS off", "without rate limiting", "disabled authentication". */
function isOff(sentence: string, start: number, end: number): boolean {
  if (ABSENT_BEFORE.test(sentence.slice(0, start)) || OFF_AFTER.test(sentence.slice(end))) return true;
  const near = sentence.slice(Math.max(0, start - 30), end + 30);
  return OFF.test(near);
}

function caveats(model: DocumentModel): Caveat[] {
  const out: Caveat[] = [];
  for (const line of model.textLines) {
    if (line.kind === 'code' || line.kind === 'heading' || !ABOUT_TEST.test(line.text) || inPlanningSection(model, line.section)) continue;
    const what = controlOff(cleanText(model, line.span));
    if (what) out.push({ line, what });
  }
  return out;
}

/** The report's first verdict about production, in its title block or a summary. */
function productionVerdict(model: DocumentModel): { tokens: VerdictToken[]; line: TextLine } | undefined {
  for (const line of model.textLines) {
    if (line.kind === 'code' || line.kind === 'heading') continue;
    if (!inTitleBlock(model, line) && !inSummarySection(model, line.section)) continue;
    const tokens = inContext(model, line.verdicts);
    const about = tokens.filter((t) => t.kind === 'pass' && PRODUCTION_VERDICT.test(t.text));
    if (about.length && verdictOf(tokens).kind === 'pass') return { tokens: about, line };
  }
  return undefined;
}

const spanOf = (tokens: VerdictToken[]): Span => ({ start: tokens[0].start, end: tokens[tokens.length - 1].end });

export const productionControlsOff: Rule = {
  meta: {
    id: ID,
    category: 'claims',
    defaultSeverity: 'warning',
    description: 'A verdict about production while the results were measured with a production control off (auth, TLS, WAF, rate limiting, persistence, mocks).',
    appliesTo: 'reports',
  },
  check(model) {
    const found = caveats(model);
    const verdict = found.length ? productionVerdict(model) : undefined;
    if (!verdict) return [];
    const span = spanOf(verdict.tokens);
    const claim = readable(model, span);
    const listed = found.map((c) => `${c.what} (line ${c.line.line + 1})`).join(', ');
    const message = `"${claim}", but the results were measured with ${listed}: they show a configuration production will not run.`;
    const finding: Finding = {
      ruleId: ID,
      span,
      message,
      related: found.map((c) => related(c.line.span, `Measured with ${c.what}: "${cleanText(model, c.line.span)}"`)),
      hover: [
        message,
        '',
        `- **Verdict**: "${claim}", line ${lineNo(model, span.start)}`,
        ...found.map((c) => `- **Measured with ${c.what}**: line ${c.line.line + 1}`),
        '- **Why**: without the control the system does less work per request (no handshakes, token checks, fsyncs, calls to real dependencies), so its figures flatter production.',
      ].join('\n'),
    };
    return [finding];
  },
};
