// pass-without-target: a pass verdict on a figure whose target is "N/A", "—" or empty: a verdict with no criterion.
import type { Finding } from '../core/types';
import type { DocumentModel } from '../model/document';
import { comparisons, displayAll, evidenceLines, missingText, related, RELABEL, relabelFix, shown, tokensSpan, type Comparison } from './claims-support';
import type { Rule } from './rule';

const ID = 'pass-without-target';

const applies = (c: Comparison): boolean =>
  c.targetMissing !== undefined && c.measured !== undefined && c.verdict.kind === 'pass' && c.verdictTrusted;

function finding(model: DocumentModel, c: Comparison): Finding {
  const absent = c.targetMissing!;
  const verdict = displayAll(model, c.verdict.tokens);
  const against = absent.text ? `target "${absent.text}"` : 'no target (an empty cell)';
  const message = `${c.label}: ${shown(c.measured!)} marked "${verdict}" against ${against}: a verdict with no criterion.`;
  return {
    ruleId: ID,
    span: tokensSpan(c.verdict.tokens),
    message,
    related: [related(absent.span, `No target here: ${missingText(absent)}`), related(c.measured!.span, `The figure judged: ${shown(c.measured!)}`)],
    hover: [
      message,
      '',
      ...evidenceLines(model, c),
      '- **Why**: with no target, nothing says what this figure had to be; the verdict is an opinion. State the target, or drop the verdict.',
    ].join('\n'),
    suggestions: [relabelFix(model, c.verdict.tokens, RELABEL.noTarget, false)],
  };
}

export const passWithoutTarget: Rule = {
  meta: {
    id: ID,
    category: 'claims',
    defaultSeverity: 'warning',
    description: 'A pass verdict on a figure whose target is "N/A", "—" or missing: a verdict with no criterion.',
    appliesTo: 'reports',
  },
  check(model) {
    return comparisons(model).filter(applies).map((c) => finding(model, c));
  },
};
