// planned-as-done: a test that has not run ("24-hour stability test (scheduled)", "5,000 users
// (planned)") listed among the methods or results as if it had: with a pass mark it reads as done
// (warning); in the methodology it widens what the figures seem to rest on (info).
import type { Finding, Span } from '../core/types';
import type { DocumentModel, Section } from '../model/document';
import { findVerdicts, type VerdictToken } from '../model/verdicts';
import { RESULTS_TITLE, isMethodologySection, isPlanningSection, readable, scopeChain, titleOf } from './methodology-support';
import type { Rule } from './rule';

const ID = 'planned-as-done';

const PLANNED_VERDICT = /^(?:planned|scheduled|pending)$/i;
const PLANNED_PHRASE = /\b(?:not yet (?:run|executed|performed|conducted)|to be (?:run|executed|performed|conducted)|upcoming|will be (?:run|executed|performed|conducted))\b/i;
/** What a test is: its kind, its load, or a figure. */
const TEST_WORD = /\b(tests?|testing|runs?|soak|stability|endurance|stress|spike|load|benchmark\w*|users|vus|concurren\w*)\b/i;
/** Marks (✅, or a garbled one) and explicit pass words; not "ok" or "go", which say other things too. */
const PASS_MARK = /^[^a-z]+$|^(?:pass(?:ed)?|verified|validated|achieved)$/i;
/** Advice says what should happen; it presents nothing as done. */
const ADVICE = /\b(should|could|consider|recommend\w*|next steps?|todo)\b/i;

interface Item {
  text: string;
  span: Span;
  section?: Section;
  verdicts: VerdictToken[];
}

function items(model: DocumentModel): Item[] {
  const out: Item[] = model.textLines
    .filter((l) => l.kind !== 'heading')
    .map((l) => ({ text: readable(model, l.span), span: l.span, section: l.section, verdicts: l.verdicts }));
  for (const t of model.tables) {
    for (const r of t.rows) {
      out.push({ text: r.cells.map((c) => readable(model, c.span)).join(' | '), span: r.span, section: t.section, verdicts: r.cells.flatMap((c) => c.verdicts) });
    }
  }
  return out;
}

function plannedToken(item: Item): string | undefined {
  const verdict = item.verdicts.find((v) => v.kind === 'unmeasured' && PLANNED_VERDICT.test(v.text));
  return verdict?.text ?? PLANNED_PHRASE.exec(item.text)?.[0];
}

/** A pass mark on the item itself or on the heading it is listed under. */
function passMark(model: DocumentModel, item: Item): boolean {
  const heading = item.section ? findVerdicts(model.text.slice(item.section.headingSpan.start, item.section.headingSpan.end)) : [];
  return [...item.verdicts, ...heading].some((v) => v.kind === 'pass' && PASS_MARK.test(v.text));
}

export const plannedAsDone: Rule = {
  meta: {
    id: ID,
    category: 'methodology',
    defaultSeverity: 'warning',
    description: 'Tests that are planned or scheduled, listed among the methods or results as if they had run.',
    appliesTo: 'reports',
  },
  check(model) {
    const out: Finding[] = [];
    for (const item of items(model)) {
      const token = plannedToken(item);
      if (!token || !TEST_WORD.test(item.text) || ADVICE.test(item.text) || isPlanningSection(model, item.section)) continue;
      const passed = passMark(model, item);
      const chain = scopeChain(model, item.section);
      const method = chain.find((s) => isMethodologySection(model, s));
      const results = chain.some((s) => RESULTS_TITLE.test(titleOf(model, s)));
      if (!method && !(passed && results)) continue;
      const where = method ? `the methodology ("${titleOf(model, method)}")` : 'the results';
      const quoted = item.text.length > 80 ? `${item.text.slice(0, 79).trimEnd()}…` : item.text;
      out.push({
        ruleId: ID,
        span: item.span,
        severity: passed ? 'warning' : 'info',
        message: passed
          ? `"${quoted}" is ${token.toLowerCase()}, yet carries a pass mark: a test that has not run passes nothing.`
          : `"${quoted}" is ${token.toLowerCase()}, yet listed in ${where}: the figures do not rest on it; move it to a plan, or report its results.`,
      });
    }
    return out;
  },
};
