// verdict-contradicts-figures: a comparison re-evaluated from its own figures: a pass whose value
// misses its target, or a missed threshold labelled a warning rather than a failure.
import type { Finding } from '../core/types';
import type { DocumentModel } from '../model/document';
import {
  cleanText,
  comparisons,
  displayAll,
  evaluate,
  evidenceLines,
  intervalText,
  inUnitOf,
  onlyTokens,
  related,
  RELABEL,
  relabelFix,
  shown,
  tokensSpan,
  type Comparison,
  type Evaluation,
} from './claims-support';
import type { Rule } from './rule';

const ID = 'verdict-contradicts-figures';

function why(c: Comparison, e: Evaluation): string {
  const m = c.measured!;
  const bound = inUnitOf(e.threshold!, m);
  const side = e.direction === 'upper' ? 'above' : 'below';
  const allowed = m.low === m.high ? shown(m) : `every value its printing allows (${intervalText(m)})`;
  return `${allowed} is ${side} ${bound}`;
}

/** A warning that says the target was missed ("⚠️ Below target") is honest, not a mislabel. */
const MISS_STATED = /\b(below|above|under|over|short of|outside|behind|miss(?:es|ed)?|exceed(?:s|ed)?|not (?:yet )?(?:met|achieved|reached))\b/i;

function statesMiss(model: DocumentModel, c: Comparison): boolean {
  const at = c.layout?.status !== undefined ? c.row?.cells[c.layout.status]?.span : { start: c.labelSpan.end, end: c.span.end };
  return at !== undefined && MISS_STATED.test(cleanText(model, at));
}

function finding(model: DocumentModel, c: Comparison, e: Evaluation): Finding | undefined {
  const pass = c.verdict.kind === 'pass';
  if (!pass && (c.verdict.kind !== 'warn' || statesMiss(model, c))) return undefined;
  const verdict = displayAll(model, c.verdict.tokens);
  const figures = `${c.label}: ${shown(c.measured!)} vs target ${shown(c.target!)}`;
  const message = pass
    ? `${figures}: not met, but marked "${verdict}".`
    : `${figures}: threshold missed, but labelled "${verdict}" rather than FAIL.`;
  const fix = relabelFix(model, c.verdict.tokens, RELABEL.fail);
  const certain = pass && c.origin === 'table' && onlyTokens(model, c.verdictSpan, c.verdict.tokens);
  return {
    ruleId: ID,
    span: tokensSpan(c.verdict.tokens),
    message,
    ...(pass ? {} : { severity: 'warning' as const }),
    related: [related(c.measured!.span, `Measured: ${shown(c.measured!)}`), related(c.target!.span, `Target: ${shown(c.target!)}`)],
    hover: [message, '', ...evidenceLines(model, c, e), `- **Why**: ${why(c, e)}.`].join('\n'),
    // A warning band may be deliberate, and words beside the verdict may need rewording: then it is only offered.
    ...(certain ? { fix } : { suggestions: [{ ...fix, isPreferred: false }] }),
  };
}

export const verdictContradictsFigures: Rule = {
  meta: {
    id: ID,
    category: 'claims',
    defaultSeverity: 'error',
    description: 'A verdict its own figures contradict: a pass that misses its target, or a missed threshold labelled a warning.',
    appliesTo: 'reports',
  },
  check(model) {
    const out: Finding[] = [];
    for (const c of comparisons(model)) {
      const e = evaluate(c);
      const f = e.outcome === 'missed' ? finding(model, c, e) : undefined;
      if (f) out.push(f);
    }
    return out;
  },
};
