// The typed document model that rules query: sections, tables, key/value pairs, text lines,
// verdict tokens and quantities, each with exact ranges. Built from Markdown (mdast) or from
// plain text read tolerantly; rules never look at raw text for structure.
import type { Span } from '../core/types';
import { LineIndex } from './lines';
import type { Quantity } from './quantity-types';
import { findVerdicts, type VerdictToken } from './verdicts';
import { findMojibake, type MojibakeRun } from '../encoding';
import { buildMarkdownModel, type MarkdownCache } from './markdown';
import { buildPlainTextModel } from './plaintext';
import { detectFormat } from './format';

export interface Section {
  index: number;
  /** Heading text, emphasis removed. */
  title: string;
  /** 1 for "#", 2 for "##"...; plain-text headings get 1 (underlined with =) or 2. */
  depth: number;
  headingSpan: Span;
  /** From the heading to the start of the next heading of the same or a higher level. */
  span: Span;
  parent?: Section;
  /** Titles from the outermost section to this one. */
  path: string[];
}

/** Facts found in a stretch of source text: where it is, and the quantities and verdicts in it. */
export interface Fragment {
  /** The source text, Markdown markers included (offsets below point into the document). */
  text: string;
  /** The text with emphasis and code markers removed, for reading and matching. */
  plain: string;
  span: Span;
  quantities: Quantity[];
  verdicts: VerdictToken[];
}

export type Cell = Fragment;

export interface TableRow {
  cells: Cell[];
  span: Span;
  /** 0-based line of the row. */
  line: number;
}

export interface Table {
  span: Span;
  header: Cell[];
  rows: TableRow[];
  section?: Section;
}

export type LineKind = 'heading' | 'paragraph' | 'list' | 'code' | 'quote' | 'html' | 'table' | 'thematic';

export interface TextLine extends Fragment {
  /** 0-based line number. */
  line: number;
  kind: LineKind;
  section?: Section;
}

export interface KeyValue {
  /** The key with emphasis removed: "Total Requests". */
  key: string;
  keySpan: Span;
  value: Fragment;
  line: TextLine;
}

export interface DocumentModel {
  text: string;
  format: 'markdown' | 'plaintext';
  lines: LineIndex;
  sections: Section[];
  tables: Table[];
  /** Every line outside tables that has content, with its kind and section. */
  textLines: TextLine[];
  keyValues: KeyValue[];
  /** Inline code and code blocks: verdicts there are quoted, not claimed. */
  codeSpans: Span[];
  /** HTML comments (suppression directives live here). */
  comments: Span[];
  /** Mis-decoded runs ("âœ…"): found once, used by the encoding rule and to read verdict marks. */
  mojibake: MojibakeRun[];
  /** True when the document has measured figures and verdicts, i.e. looks like a report. */
  looksLikeReport: boolean;
}

/**
 * The model of a text. `cache` carries what an earlier version of the same document parsed (the
 * editor keeps one per document): the model is the same with or without it, only built sooner
 * after an edit. Without one, the text is parsed whole.
 */
export function buildModel(text: string, cache?: MarkdownCache): DocumentModel {
  const format = detectFormat(text);
  const lines = new LineIndex(text);
  const model = format === 'markdown' ? buildMarkdownModel(text, lines, cache) : buildPlainTextModel(text, lines);
  const mojibake = findMojibake(text);
  if (mojibake.length) readGarbledVerdicts(model, mojibake);
  return { ...model, text, format, lines, mojibake, looksLikeReport: looksLikeReport(model) };
}

/**
 * A verdict mark that was mis-decoded ("âœ…" for ✅) still states a verdict: the report's author
 * and its readers meant the mark. Each fragment gets a token spanning the garbled run.
 */
function readGarbledVerdicts(model: Pick<DocumentModel, 'tables' | 'textLines' | 'keyValues'>, runs: MojibakeRun[]): void {
  const fragments: Fragment[] = [
    ...model.tables.flatMap((t) => [t.header, ...t.rows.map((r) => r.cells)].flat()),
    ...model.textLines,
    ...model.keyValues.map((kv) => kv.value),
  ];
  // Runs by start, so each fragment finds its own by a binary search rather than a pass over all.
  const byStart = runs.length > 1 ? [...runs].sort((a, b) => a.start - b.start) : runs;
  for (const f of fragments) {
    const inside: MojibakeRun[] = [];
    for (let i = firstAtOrAfter(byStart, f.span.start); i < byStart.length && byStart[i].start <= f.span.end; i++) {
      if (byStart[i].end <= f.span.end) inside.push(byStart[i]);
    }
    if (!inside.length) continue;
    for (const run of inside) {
      const meant = findVerdicts(run.candidates[0]?.text ?? '');
      if (meant.length) f.verdicts.push({ kind: meant[0].kind, text: run.text, start: run.start, end: run.end });
    }
    f.verdicts.sort((a, b) => a.start - b.start);
  }
}

/** The index of the first of `items` (sorted by start) that starts at or after `offset`. */
function firstAtOrAfter(items: { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The innermost section containing an offset. Sections are in document order and nest (see
 * buildSections): the sections containing the offset are the last one starting at or before it
 * and its ancestors, so a binary search and a walk up find it without a pass over all sections.
 */
export function sectionAt(sections: Section[], offset: number): Section | undefined {
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].span.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  for (let s: Section | undefined = sections[lo - 1]; s; s = s.parent) if (offset < s.span.end) return s;
  return undefined;
}

const MEASURED = new Set(['time', 'rate', 'bitrate', 'bytes', 'percent']);

function looksLikeReport(model: Pick<DocumentModel, 'tables' | 'textLines'>): boolean {
  let measured = 0;
  let verdicts = 0;
  const count = (f: Fragment) => {
    measured += f.quantities.filter((q) => MEASURED.has(q.dimension)).length;
    verdicts += f.verdicts.length;
  };
  for (const t of model.tables) for (const r of [t.header, ...t.rows.map((r) => r.cells)]) r.forEach(count);
  model.textLines.forEach(count);
  return measured >= 3 || (measured >= 1 && verdicts >= 2);
}
