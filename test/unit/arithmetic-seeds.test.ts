// The arithmetic rules on the shared seed reports: every `must` of category arithmetic in
// expected.json is found (a finding of that category starts on a line in its range), and none
// starts in a `clean` range. Findings in `may` ranges, and outside every range, are listed as test
// diagnostics.
import { describeSeeds, listFindings } from '../seeds';

describeSeeds('arithmetic', listFindings);
