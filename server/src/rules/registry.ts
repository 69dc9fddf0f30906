// Every rule, in the order they run. Adding a rule: its file, a line here, docs/rules/<id>.md, its tests.
import type { Rule } from './rule';
import { mojibake } from './mojibake';
import { notUtf8 } from './not-utf8';
import { passWithoutMeasurement } from './pass-without-measurement';
import { passWithoutTarget } from './pass-without-target';
import { verdictContradictsFigures } from './verdict-contradicts-figures';
import { summaryContradictsResults } from './summary-contradicts-results';
import { statisticMismatch } from './statistic-mismatch';
import { soakTestTooShort } from './soak-test-too-short';
import { productionControlsOff } from './production-controls-off';
import { throughputMismatch } from './throughput-mismatch';
import { littlesLaw } from './littles-law';
import { scoreMismatch } from './score-mismatch';
import { metricConflict } from './metric-conflict';
import { growthMismatch } from './growth-mismatch';
import { percentageMismatch } from './percentage-mismatch';
import { totalMismatch } from './total-mismatch';
import { percentileOrder } from './percentile-order';
import { changeMismatch } from './change-mismatch';
import { percentagePoints } from './percentage-points';
import { productMismatch } from './product-mismatch';
import { meanMismatch } from './mean-mismatch';
import { methodologyMissing } from './methodology-missing';
import { methodologyIncomplete } from './methodology-incomplete';
import { tooFewSamples } from './too-few-samples';
import { plannedAsDone } from './planned-as-done';

export const rules: Rule[] = [
  // encoding
  notUtf8,
  mojibake,
  // claims
  passWithoutMeasurement,
  passWithoutTarget,
  verdictContradictsFigures,
  summaryContradictsResults,
  statisticMismatch,
  soakTestTooShort,
  productionControlsOff,
  // arithmetic
  throughputMismatch,
  littlesLaw,
  scoreMismatch,
  metricConflict,
  growthMismatch,
  percentageMismatch,
  totalMismatch,
  percentileOrder,
  changeMismatch,
  percentagePoints,
  productMismatch,
  meanMismatch,
  // methodology
  methodologyMissing,
  methodologyIncomplete,
  tooFewSamples,
  plannedAsDone,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
