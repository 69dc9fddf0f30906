// Plain text -> document model, read tolerantly: reports copied from web pages have bare-line
// headings, "Key: value" lines and tables whose columns are separated by tabs, pipes or runs of spaces.
import type { Span } from '../core/types';
import type { DocumentModel, KeyValue, Section, Table, TableRow, TextLine } from './document';
import { sectionAt } from './document';
import { fragment, isCpuCell, pieces, trimSpan } from './fragment';
import { keyValueOf } from './keyvalue';
import type { LineIndex } from './lines';
import { buildSections } from './markdown';

type Built = Omit<DocumentModel, 'text' | 'format' | 'lines' | 'mojibake' | 'looksLikeReport'>;

const UNDERLINE = /^\s*(=+|-+)\s*$/;

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/**
 * The column separators of a line, [start, end) each, as /\t+| {2,}|\s*\|\s*\/g finds them, in
 * linear time: the pattern's `\s*\|` rescans a run of white space from each of its characters.
 */
function separators(line: string): [number, number][] {
  const out: [number, number][] = [];
  let runEnd = -1; // end of the run of white space the last scan went through
  for (let p = 0; p < line.length; ) {
    const c = line[p];
    let end = p;
    if (c === '\t') {
      while (line[end] === '\t') end++;
    } else if (c === ' ' && line[p + 1] === ' ') {
      while (line[end] === ' ') end++;
    } else if (c === '|' || isSpace(c)) {
      if (runEnd <= p) for (runEnd = p; isSpace(line[runEnd]); ) runEnd++;
      if (line[runEnd] === '|') for (end = runEnd + 1; isSpace(line[end]); ) end++;
    }
    if (end > p) {
      out.push([p, end]);
      p = end;
    } else {
      p++;
    }
  }
  return out;
}

/** The text between the column separators of a line, as splitting it at them gives it. */
function splitColumns(line: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const [start, end] of separators(line)) {
    out.push(line.slice(from, start));
    from = end;
  }
  out.push(line.slice(from));
  return out;
}

export function buildPlainTextModel(text: string, lines: LineIndex): Built {
  const n = lines.lineCount;
  const raw = (l: number) => (l >= 0 && l < n ? lines.lineText(l) : '');
  const blank = (l: number) => raw(l).trim() === '';

  const headings: { depth: number; span: Span; title: string; line: number }[] = [];
  const underlines = new Set<number>();
  for (let l = 0; l < n; l++) {
    const t = raw(l).trim();
    if (!t || UNDERLINE.test(t)) continue;
    const under = UNDERLINE.exec(raw(l + 1));
    const depth = under && under[1].length >= 3 ? (under[1][0] === '=' ? 1 : 2) : headingDepthByShape(t, blank(l - 1), raw(l + 1));
    if (depth === undefined) continue;
    if (under && under[1].length >= 3) underlines.add(l + 1);
    const span = trimSpan(text, lines.starts[l], lines.lineEnd(l));
    headings.push({ depth, span, title: t, line: l });
  }
  const sections = buildSections(headings, text.length);
  const headingLines = new Set(headings.map((h) => h.line));

  const tables: Table[] = [];
  const tableLines = new Set<number>();
  for (let l = 0; l < n; ) {
    const cols = columnsOf(raw(l));
    let end = l + 1;
    while (cols.length >= 2 && end < n && columnsOf(raw(end)).length === cols.length) end++;
    if (cols.length >= 2 && end - l >= 2 && !headingLines.has(l)) {
      tables.push(buildTable(text, lines, l, end, sections));
      for (let k = l; k < end; k++) tableLines.add(k);
      l = end;
    } else {
      l++;
    }
  }

  const textLines: TextLine[] = [];
  for (let l = 0; l < n; l++) {
    if (tableLines.has(l) || underlines.has(l) || blank(l)) continue;
    const kind = headingLines.has(l) ? 'heading' : /^[-*•]\s/.test(raw(l).trim()) ? 'list' : 'paragraph';
    for (const piece of pieces(text, trimSpan(text, lines.starts[l], lines.lineEnd(l)))) {
      textLines.push({ ...fragment(text, piece.start, piece.end), line: l, kind, section: sectionAt(sections, piece.start) });
    }
  }
  const keyValues: KeyValue[] = [];
  for (const line of textLines) {
    const kv = line.kind === 'heading' ? undefined : keyValueOf(text, line, []);
    if (kv) keyValues.push({ ...kv, line });
  }
  return { sections, tables, textLines, keyValues, codeSpans: [], comments: findComments(text) };
}

/** A bare line that reads as a heading: short, no closing punctuation, set apart, capitalised or numbered. */
function headingDepthByShape(line: string, blankBefore: boolean, next: string): number | undefined {
  if (!blankBefore || line.length > 70 || /[.,;:!?]$/.test(line) || !/\p{L}/u.test(line)) return undefined;
  // Table rows, "Key: value" lines and lines of figures are content, not headings.
  if (columnsOf(line).length >= 2 || /:\s*\S/.test(line) || /\d\s*(%|ms|s)\b/.test(line)) return undefined;
  const numbered = /^(\d+(?:\.\d+)*)\.?\s+\p{Lu}/u.exec(line);
  if (numbered) return numbered[1].split('.').length;
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase()) return 1;
  const words = line.split(/\s+/);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised >= Math.ceil(words.length / 2) && words.length <= 8 && next.trim() !== '' ? 2 : undefined;
}

function columnsOf(line: string): string[] {
  const t = line.trim();
  if (!t) return [];
  return splitColumns(t.replace(/^\|/, '').replace(/\|$/, '')).filter((c) => c !== '');
}

/** The spans of a row's cells: the text between column separators, trimmed, empty ones dropped. */
function cellSpans(text: string, start: number, lineText: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const [sepStart, sepEnd] of separators(lineText)) {
    spans.push(trimSpan(text, start + from, start + sepStart));
    from = sepEnd;
  }
  spans.push(trimSpan(text, start + from, start + lineText.length));
  return spans.filter((s) => s.start < s.end);
}

function buildTable(text: string, lines: LineIndex, first: number, end: number, sections: Section[]): Table {
  const rows: TableRow[] = [];
  let headerText: string[] = [];
  for (let l = first; l < end; l++) {
    const spans = cellSpans(text, lines.starts[l], lines.lineText(l));
    const cellText = spans.map((s) => text.slice(s.start, s.end));
    if (l === first) headerText = cellText;
    const cells = spans.map((s, i) => fragment(text, s.start, s.end, [], { cpuContext: isCpuCell(headerText[i], cellText[0]) }));
    rows.push({ cells, span: { start: lines.starts[l], end: lines.lineEnd(l) }, line: l });
  }
  const span = { start: rows[0].span.start, end: rows[rows.length - 1].span.end };
  return { span, header: rows[0].cells, rows: rows.slice(1), section: sectionAt(sections, span.start) };
}

function findComments(text: string): Span[] {
  const out: Span[] = [];
  for (let start = text.indexOf('<!--'); start >= 0; start = text.indexOf('<!--', start + 4)) {
    const close = text.indexOf('-->', start + 4);
    if (close < 0) break;
    out.push({ start, end: close + 3 });
    start = close;
  }
  return out;
}
