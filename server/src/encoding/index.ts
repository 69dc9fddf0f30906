// Encoding checks: mojibake inside UTF-8 text, and files that are not UTF-8 at all.
export { findMojibake } from './detect';
export { detectLegacyEncoding } from './legacy';
export { describeCodePoint } from './names';
export { garble, garbleLine, type GarbledSpan, type GarbleOptions } from './simulate';
export { CODE_PAGES } from './codepages';
export type { MojibakeCandidate, MojibakeRun } from './types';
