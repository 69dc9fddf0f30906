// Verdict tokens: the words and marks with which a report judges a result.
// A general vocabulary of report verdicts, not any one report's wording.

export type VerdictKind =
  | 'pass' // PASS, ✅, Excellent, Within target, Verified, Approved
  | 'fail' // FAIL, ❌, Not met, Missed
  | 'warn' // WARNING, ⚠️, Needs attention, At risk
  | 'unmeasured' // Not measured, Not tested, TBD, Pending, Planned, Scheduled
  | 'na'; // N/A, Not applicable

export interface VerdictToken {
  kind: VerdictKind;
  /** The token as written. */
  text: string;
  start: number;
  end: number;
}

const WORDS: Record<VerdictKind, string[]> = {
  pass: [
    'pass', 'passed', 'passes', 'passing', 'ok', 'okay', 'excellent', 'good', 'great', 'healthy',
    'within targets?', 'within (?:the )?(?:sla|slo|budget|limits?|thresholds?)', 'on target',
    'meets?(?: all)?(?: [\\p{L}-]+)? (?:requirements|targets?|criteria|slas?|slos?)',
    'target met', 'met', 'verified', 'validated', 'approved', 'certified', 'compliant',
    'production[- ]ready', 'ready for production', 'go for launch', 'go', 'success(?:ful)?', 'achieved',
  ],
  fail: [
    'fail', 'failed', 'fails', 'failing', 'not met', 'missed', 'no[- ]go', 'not ready', 'rejected', 'blocked',
    'exceeded', 'breached', 'violated', 'non[- ]compliant',
  ],
  warn: [
    'warning', 'warn', 'needs? attention', 'at risk', 'degraded', 'marginal', 'caution', 'borderline',
  ],
  unmeasured: [
    'not measured', 'not tested', 'untested', 'unmeasured', 'not run', 'not yet (?:measured|tested|run)',
    'tbd', 'tbc', 'to be (?:measured|tested|determined|confirmed)', 'pending', 'planned', 'scheduled',
    'not available', 'unknown', 'not verified', 'unverified',
  ],
  na: ['n/a', 'n\\.a\\.', 'not applicable'],
};

const MARKS: Record<VerdictKind, string[]> = {
  pass: ['✅', '✔️', '✔', '☑️', '☑', '🟢'],
  fail: ['❌', '✖️', '✖', '✗', '✘', '🔴', '⛔'],
  warn: ['⚠️', '⚠', '🟡', '🟠'],
  unmeasured: [],
  na: [],
};

const KIND_OF = new Map<string, VerdictKind>();
const alternatives: { kind: VerdictKind; source: string; order: number }[] = [];
for (const kind of Object.keys(WORDS) as VerdictKind[]) {
  // Sorted by the length each had as a named group, so which of two alternatives wins is unchanged.
  for (const w of WORDS[kind]) alternatives.push({ kind, source: w, order: `(?<${kind}${alternatives.length}>${w})`.length });
  for (const m of MARKS[kind]) {
    KIND_OF.set(m, kind);
  }
}
// Longest alternatives first so "not measured" wins over "measured" and "not met" over "met".
alternatives.sort((a, b) => b.order - a.order);
const wordPattern = alternatives.map((a) => a.source).join('|');
/**
 * Each alternative alone, to classify a match: the first that matches all of it is the one the
 * pattern took (an earlier one matching the same text would have been taken). Cheaper than capture
 * groups, which cost on every match; the answers are cached, as reports repeat a few verdicts.
 */
const WHOLE = alternatives.map((a) => ({ kind: a.kind, re: new RegExp(`^(?:${a.source})$`, 'iu') }));
const KIND_OF_WORD = new Map<string, VerdictKind>();
const markPattern = [...KIND_OF.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
const VERDICT_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_/-])(?:${wordPattern})(?![\\p{L}\\p{N}_/-])|(?:${markPattern})`,
  'giu',
);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function kindOfMatch(m: RegExpExecArray): VerdictKind {
  const mark = KIND_OF.get(m[0]);
  if (mark) return mark;
  const known = KIND_OF_WORD.get(m[0]);
  if (known) return known;
  const kind = WHOLE.find((w) => w.re.test(m[0]))?.kind;
  if (!kind) throw new Error(`unclassified verdict token ${m[0]}`);
  if (KIND_OF_WORD.size >= 1000) KIND_OF_WORD.clear(); // bounded, whatever the text
  KIND_OF_WORD.set(m[0], kind);
  return kind;
}

/** Every verdict token in `text`; offsets are shifted by `base`. */
export function findVerdicts(text: string, base = 0): VerdictToken[] {
  const out: VerdictToken[] = [];
  VERDICT_RE.lastIndex = 0;
  for (let m = VERDICT_RE.exec(text); m; m = VERDICT_RE.exec(text)) {
    out.push({ kind: kindOfMatch(m), text: m[0], start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

/** A cell or value that states no measurement at all: empty, a dash, or an unmeasured / N/A verdict alone. */
export function isNoMeasurement(text: string): boolean {
  const t = stripEmphasis(text).trim();
  if (t === '' || /^[-–—?]+$/.test(t)) return true;
  const v = findVerdicts(t);
  return v.length > 0 && v.every((x) => x.kind === 'unmeasured' || x.kind === 'na') && v[0].start === 0;
}

/** Markdown emphasis and code markers, which never change what a cell says. */
export function stripEmphasis(text: string): string {
  if (!/[*_`]/.test(text)) return text; // most text has no marker: skip the costlier pattern
  return text.replace(/\*\*|__|(?<![\p{L}\p{N}])[*_](?![\s*_])|(?<=\S)[*_](?![\p{L}\p{N}])|`/gu, '');
}
