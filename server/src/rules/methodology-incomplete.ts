// methodology-incomplete: the report has a methodology section, but the report (there or anywhere
// else) leaves out elements a reader needs: which are required is the `required` option. The
// suggestion adds a placeholder for each missing element to that section.
import type { Finding } from '../core/types';
import {
  inventory,
  methodologyOptions,
  needsMethodology,
  methodologyState,
  placeholders,
  titleOf,
  type MethodologyOptions,
} from './methodology-support';
import { hoverList, methodologySectionEdit, related } from './methodology-missing';
import type { Rule } from './rule';

const ID = 'methodology-incomplete';

export const methodologyIncomplete: Rule<MethodologyOptions> = {
  meta: {
    id: ID,
    category: 'methodology',
    defaultSeverity: 'warning',
    description: 'A methodology section that leaves out required elements (by default tool and version, environment, hardware, duration, load profile, runs).',
    appliesTo: 'reports',
  },
  options: methodologyOptions,
  check(model, { options }) {
    if (!needsMethodology(model)) return [];
    const state = methodologyState(model, options);
    if (!state.section || state.missing.length === 0) return [];
    const title = titleOf(model, state.section);
    const pending = placeholders(model).filter((p) => state.missing.includes(p.element));
    const todo = pending.length ? ` (still TODO at line${pending.length > 1 ? 's' : ''} ${pending.map((p) => p.line + 1).join(', ')})` : '';
    const fix = methodologySectionEdit(model, options);
    const finding: Finding = {
      ruleId: ID,
      span: state.section.headingSpan,
      message: `Methodology "${title}" is incomplete${todo}; ${inventory(state, options.required)}.`,
      related: related(state, options.required),
      hover: [
        `**Incomplete methodology**: "${title}" and the rest of the report leave out what a reader needs to trust the figures.`,
        '',
        ...hoverList(state, options.required),
      ].join('\n'),
      ...(fix ? { suggestions: [fix] } : {}),
    };
    return [finding];
  },
};
