// The claims rules on the shared seed reports: every `must` of category claims in expected.json
// is found (a claims finding starts on a line in its range), and none starts in a `clean` range.
// Findings in `may` ranges, and findings no range lists, are reported as test diagnostics.
import { describeSeeds, listFindings } from '../seeds';

describeSeeds('claims', listFindings);
