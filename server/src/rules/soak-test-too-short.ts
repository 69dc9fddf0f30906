// soak-test-too-short: a test labelled "soak" or "endurance" whose stated duration is seconds or
// minutes: the label promises what the evidence cannot show.
import { z } from 'zod';
import type { Finding, Span } from '../core/types';
import type { DocumentModel, KeyValue, Section, TextLine } from '../model/document';
import { formatNumber } from '../model/quantity';
import type { Quantity } from '../model/quantity-types';
import type { VerdictToken } from '../model/verdicts';
import { cleanText, inContext, inPlanningSection, lineNo, related, sliceOf, verdictOf } from './claims-support';
import type { Rule } from './rule';

const ID = 'soak-test-too-short';

const options = z
  .strictObject({
    minimumMinutes: z
      .number()
      .positive()
      .default(60)
      .describe('A soak or endurance test shorter than this many minutes is reported.'),
  })
  .default({ minimumMinutes: 60 });
type Options = z.infer<typeof options>;

const SOAK = /\b(soak|endurance|longevity)\b/i;
/** Keys and headers that hold a test's length. */
const DURATION = /\b(duration|length|runtime|run time|elapsed|period|ran|lasted)\b/i;
/** A line that plans, recommends or sets a goal rather than reporting a run. */
const NOT_A_RUN =
  /\b(planned|plan|scheduled|pending|tbd|not yet|should|will|would|recommend(?:ed|s)?|consider|next|future|todo|target|goal|minimum|at least|required)\b/i;
/** Units a test's length is written in; seconds-long figures next to "soak" are taken only when they are the only time given. */
const LONG_UNIT = /^(m|min|mins|minutes?|h|hr|hrs|hours?|days?)$/i;

interface Soak {
  /** Where the label says "soak". */
  label: Span;
  labelText: string;
  duration: Quantity;
}

/** The one time quantity that is the run's length: the only one, or the only one in minutes or hours. */
function lengthOf(qs: Quantity[]): Quantity | undefined {
  const times = qs.filter((q) => q.dimension === 'time' && !q.signed && Number.isFinite(q.high));
  if (times.length === 1) return times[0];
  const long = times.filter((q) => LONG_UNIT.test(q.sourceUnit));
  return long.length === 1 ? long[0] : undefined;
}

const isRun = (model: DocumentModel, line: TextLine): boolean =>
  line.kind !== 'code' && line.kind !== 'heading' && !NOT_A_RUN.test(cleanText(model, line.span)) && !inPlanningSection(model, line.section);

/**
 * Whether the tokens pass the test: a short "soak" only misleads when it is offered as evidence
 * (engineers' notes such as "a clean 10-minute soak" claim nothing).
 */
const passes = (model: DocumentModel, tokens: VerdictToken[]): boolean => verdictOf(inContext(model, tokens)).kind === 'pass';

function soakSpan(model: DocumentModel, s: Span): Span {
  const m = SOAK.exec(sliceOf(model, s));
  return m ? { start: s.start + m.index, end: s.start + m.index + m[0].length } : s;
}

/** "- Soak test: 10 minutes at 200 RPS". */
function fromKey(model: DocumentModel, kv: KeyValue): Soak | undefined {
  if (!SOAK.test(sliceOf(model, kv.keySpan))) return undefined;
  const key = cleanText(model, kv.keySpan);
  if (!isRun(model, kv.line) || !passes(model, kv.line.verdicts)) return undefined;
  const duration = lengthOf(kv.value.quantities);
  return duration && { label: soakSpan(model, kv.keySpan), labelText: key, duration };
}

/** "## Soak Test" followed by "- Duration: 10 minutes". */
function fromSection(model: DocumentModel, kv: KeyValue): Soak | undefined {
  const section = soakSection(model, kv.line.section);
  if (!section || !DURATION.test(cleanText(model, kv.keySpan)) || !isRun(model, kv.line)) return undefined;
  if (!passes(model, verdictsIn(model, section.span))) return undefined;
  const duration = lengthOf(kv.value.quantities);
  return duration && { label: soakSpan(model, section.headingSpan), labelText: section.title, duration };
}

/** Every verdict token in a span, outside headings. */
function verdictsIn(model: DocumentModel, span: Span): VerdictToken[] {
  const inside = (x: { span: Span }) => x.span.start >= span.start && x.span.end <= span.end;
  return [
    ...model.textLines.filter((l) => l.kind !== 'heading' && inside(l)).flatMap((l) => l.verdicts),
    ...model.tables.filter(inside).flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => c.verdicts))),
  ];
}

function soakSection(model: DocumentModel, s: Section | undefined): Section | undefined {
  for (let x = s; x; x = x.parent) if (SOAK.test(cleanText(model, x.headingSpan))) return inPlanningSection(model, x) ? undefined : x;
  return undefined;
}

/** "| Soak | 10 min | ✅ |" under a "Duration" column. */
function fromTables(model: DocumentModel): Soak[] {
  const out: Soak[] = [];
  for (const table of model.tables) {
    const columns = table.header.flatMap((h, i) => (i > 0 && DURATION.test(cleanText(model, h.span)) ? [i] : []));
    if (columns.length !== 1) continue;
    for (const row of table.rows) {
      const label = row.cells[0];
      const cell = row.cells[columns[0]];
      if (!label || !cell || !SOAK.test(cleanText(model, label.span)) || NOT_A_RUN.test(cleanText(model, row.span))) continue;
      if (!passes(model, row.cells.flatMap((c) => c.verdicts))) continue;
      const duration = lengthOf(cell.quantities);
      if (duration) out.push({ label: soakSpan(model, label.span), labelText: cleanText(model, label.span), duration });
    }
  }
  return out;
}

/** "a 15-minute soak test", "the endurance run lasted 20 minutes". */
function fromSentence(model: DocumentModel, line: TextLine): Soak | undefined {
  if (!line.verdicts.length || !SOAK.test(line.text) || !isRun(model, line) || !passes(model, line.verdicts)) return undefined;
  for (const q of line.quantities) {
    if (q.dimension !== 'time' || !Number.isFinite(q.high)) continue;
    const after = /^[\s-]*(soak|endurance)\b/i.exec(model.text.slice(q.end, q.end + 14));
    if (after) {
      const start = q.end + after[0].length - after[1].length;
      return { label: { start, end: start + after[1].length }, labelText: after[1], duration: q };
    }
  }
  return undefined;
}

/** "15 minutes", "30 seconds": the length in words, however it was printed ("15-minute", "0.25h"). */
function spoken(q: Quantity): string {
  const [n, unit] = q.value < 60_000 ? [q.value / 1000, 'second'] : [q.value / 60_000, 'minute'];
  const shown = formatNumber(n, 1);
  return `${q.qualifier === 'approx' ? 'about ' : ''}${shown} ${unit}${shown === '1' ? '' : 's'}`;
}

function finding(model: DocumentModel, s: Soak, minimum: number): Finding {
  const message =
    `"${s.labelText}" lasted ${spoken(s.duration)}: a soak (endurance) test runs for hours, long enough for leaks, ` +
    `pool exhaustion and slow degradation to show; under ${minimum} minutes it is a load test.`;
  return {
    ruleId: ID,
    span: s.label,
    message,
    related: [related({ start: s.duration.start, end: s.duration.end }, `Duration: ${s.duration.text.trim()}`)],
    hover: [
      message,
      '',
      `- **Label**: "${s.labelText}", line ${lineNo(model, s.label.start)}`,
      `- **Duration**: \`${s.duration.text.trim()}\` (${spoken(s.duration)}), line ${lineNo(model, s.duration.start)}`,
      `- **Expected**: at least ${minimum} minutes (option \`minimumMinutes\`)`,
    ].join('\n'),
  };
}

export const soakTestTooShort: Rule<Options> = {
  meta: {
    id: ID,
    category: 'claims',
    defaultSeverity: 'warning',
    description: 'A test labelled soak or endurance that lasted seconds or minutes.',
    appliesTo: 'reports',
  },
  options,
  check(model, { options: { minimumMinutes } }) {
    const found: Soak[] = [...fromTables(model)];
    for (const kv of model.keyValues) {
      const s = fromKey(model, kv) ?? fromSection(model, kv);
      if (s) found.push(s);
    }
    const keyed = new Set(model.keyValues.map((kv) => kv.line));
    for (const line of model.textLines) {
      const s = keyed.has(line) ? undefined : fromSentence(model, line);
      if (s) found.push(s);
    }
    const limit = minimumMinutes * 60_000;
    const seen = new Set<number>();
    return found
      .filter((s) => s.duration.high < limit && !seen.has(s.duration.start) && seen.add(s.duration.start))
      .sort((a, b) => a.label.start - b.label.start)
      .map((s) => finding(model, s, minimumMinutes));
  },
};
