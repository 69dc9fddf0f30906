// pass-without-measurement: a pass verdict beside a result that says there is no figure
// ("Not measured", "TBD", "—", an empty cell).
import type { Finding } from '../core/types';
import type { DocumentModel } from '../model/document';
import {
  comparisons,
  displayAll,
  evidenceLines,
  lineNo,
  missingText,
  namesMetric,
  onlyTokens,
  related,
  RELABEL,
  relabelFix,
  shown,
  tokensSpan,
  type Comparison,
} from './claims-support';
import type { Rule } from './rule';

const ID = 'pass-without-measurement';

/** A pass beside a missing figure; "N/A" counts only against a stated target (else the metric may not apply). */
function applies(model: DocumentModel, c: Comparison): boolean {
  if (!c.missing || c.verdict.kind !== 'pass' || !c.verdictTrusted) return false;
  // "✅ Loaded" beside "Not measured" may judge something else than the missing figure.
  if (c.layout?.status !== undefined && !onlyTokens(model, c.verdictSpan, c.verdict.tokens)) return false;
  if (c.missing.kind === 'na' && !c.target) return false;
  // A line with no target must at least name a metric: "✅ Deployment: scheduled" is a plan, not a result.
  return c.origin === 'table' || c.target !== undefined || namesMetric(c.metricWords);
}

function finding(model: DocumentModel, c: Comparison): Finding {
  const missing = c.missing!;
  const verdict = displayAll(model, c.verdict.tokens);
  const against = c.target ? ` against target ${shown(c.target)}` : '';
  const message = `${c.label}: no measurement (${missingText(missing)})${against}, yet marked "${verdict}".`;
  const rel = [related(missing.span, `No figure here: ${missingText(missing)}`)];
  if (c.target) rel.push(related(c.target.span, `The target that was not checked: ${shown(c.target)}`));
  return {
    ruleId: ID,
    span: tokensSpan(c.verdict.tokens),
    message,
    related: rel,
    hover: [
      message,
      '',
      ...evidenceLines(model, c),
      `- **Why**: a pass needs a figure that meets the target; line ${lineNo(model, missing.span.start)} says there is none.`,
    ].join('\n'),
    // A line's mark sits in its key, where rewriting may need rewording: there it is only offered.
    ...(c.origin === 'table'
      ? { fix: relabelFix(model, c.verdict.tokens, RELABEL.unmeasured) }
      : { suggestions: [relabelFix(model, c.verdict.tokens, RELABEL.unmeasured, false)] }),
  };
}

export const passWithoutMeasurement: Rule = {
  meta: {
    id: ID,
    category: 'claims',
    defaultSeverity: 'error',
    description: 'A pass verdict beside a result that is "Not measured", "TBD", "N/A", "—" or empty.',
    appliesTo: 'reports',
  },
  check(model) {
    return comparisons(model)
      .filter((c) => applies(model, c))
      .map((c) => finding(model, c));
  },
};
