// Markdown -> document model, through remark-parse and GitHub's tables (mdast with offsets), one
// block at a time (see markdown-blocks.ts): each block's lines, headings and tables are read with
// offsets relative to the block, and placed in the document when the model is put together.
import type { Nodes, Root, Table as MdTable } from 'mdast';
import type { Span } from '../core/types';
import type { DocumentModel, Fragment, KeyValue, LineKind, Section, Table, TableRow, TextLine } from './document';
import { sectionAt } from './document';
import { fragment, isCpuCell, pieces, trimSpan } from './fragment';
import { keyValueOf } from './keyvalue';
import { BlockCache, readBlocks } from './markdown-blocks';
import { LineIndex } from './lines';
import { stripEmphasis } from './verdicts';

type Built = Omit<DocumentModel, 'text' | 'format' | 'lines' | 'mojibake' | 'looksLikeReport'>;

interface Heading {
  depth: number;
  span: Span;
  title: string;
}

/** What one block holds, at offsets and lines relative to the block; sections are the document's. */
export interface BlockFacts {
  headings: Heading[];
  textLines: Omit<TextLine, 'section'>[];
  /** Key/value pairs, each with the index of its line in `textLines`. */
  keyValues: (Omit<KeyValue, 'line'> & { lineIndex: number })[];
  tables: Omit<Table, 'section'>[];
  codeSpans: Span[];
  comments: Span[];
}

export type MarkdownCache = BlockCache<BlockFacts>;
export const markdownCache = (options: { whole?: boolean } = {}): MarkdownCache => new BlockCache<BlockFacts>(options);

/**
 * Without a cache (one analysis of a text, as in the CLI) the document is parsed whole: cutting it
 * into blocks pays off only when an edit later re-parses a few of them, and one parse of a whole
 * report costs about 15% less CPU than parsing its blocks one by one.
 */
export function buildMarkdownModel(text: string, lines: LineIndex, cache = markdownCache({ whole: true })): Built {
  const blocks = readBlocks(text, lines.starts, readBlock, cache);
  const headings: Heading[] = [];
  const codeSpans: Span[] = [];
  const comments: Span[] = [];
  for (const { start, facts } of blocks) {
    for (const h of facts.headings) headings.push({ ...h, span: shiftSpan(h.span, start) });
    for (const s of facts.codeSpans) codeSpans.push(shiftSpan(s, start));
    for (const s of facts.comments) comments.push(shiftSpan(s, start));
  }
  const sections = buildSections(headings, text.length);
  const textLines: TextLine[] = [];
  const keyValues: KeyValue[] = [];
  const tables: Table[] = [];
  for (const { start, line, facts } of blocks) {
    const placed = facts.textLines.map((t): TextLine => {
      const f = shiftFragment(t, start);
      return { ...f, line: t.line + line, kind: t.kind, section: sectionAt(sections, f.span.start) };
    });
    for (const t of placed) textLines.push(t);
    for (const kv of facts.keyValues) {
      keyValues.push({ key: kv.key, keySpan: shiftSpan(kv.keySpan, start), value: shiftFragment(kv.value, start), line: placed[kv.lineIndex] });
    }
    for (const t of facts.tables) {
      const span = shiftSpan(t.span, start);
      const row = (r: TableRow): TableRow => ({ cells: r.cells.map((c) => shiftFragment(c, start)), span: shiftSpan(r.span, start), line: r.line + line });
      tables.push({ span, header: t.header.map((c) => shiftFragment(c, start)), rows: t.rows.map(row), section: sectionAt(sections, span.start) });
    }
  }
  return { sections, tables, textLines, keyValues, codeSpans, comments };
}

const shiftSpan = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

/** A copy of a block's fragment at document offsets (a copy always: the model's fragments are its own). */
function shiftFragment<F extends Fragment>(f: F, by: number): F {
  return {
    ...f,
    span: shiftSpan(f.span, by),
    quantities: f.quantities.map((q) => ({ ...q, start: q.start + by, end: q.end + by })),
    verdicts: f.verdicts.map((v) => ({ ...v, start: v.start + by, end: v.end + by })),
  };
}

/** One block's facts from its own text and syntax tree. */
function readBlock(text: string, root: Root): BlockFacts {
  const lines = new LineIndex(text);
  const lineKinds: (LineKind | undefined)[] = new Array(lines.lineCount);
  const headings: Heading[] = [];
  const mdTables: MdTable[] = [];
  const codeSpans: Span[] = [];
  const comments: Span[] = [];

  const mark = (node: Nodes, kind: LineKind) => {
    const p = node.position;
    if (!p) return;
    for (let l = p.start.line - 1; l <= p.end.line - 1; l++) lineKinds[l] ??= kind;
  };
  const spanOf = (node: Nodes): Span => ({ start: node.position!.start.offset!, end: node.position!.end.offset! });

  const visit = (node: Nodes, context: LineKind) => {
    switch (node.type) {
      case 'heading':
        headings.push({ depth: node.depth, span: spanOf(node), title: stripEmphasis(textOf(text, node)).trim() });
        mark(node, 'heading');
        break;
      case 'table':
        mdTables.push(node);
        mark(node, 'table');
        return;
      case 'code':
        codeSpans.push(spanOf(node));
        mark(node, 'code');
        return;
      case 'inlineCode':
        codeSpans.push(spanOf(node));
        return;
      case 'html':
        if (/^<!--/.test(node.value)) comments.push(spanOf(node));
        mark(node, 'html');
        return;
      case 'thematicBreak':
        mark(node, 'thematic');
        return;
      case 'list':
      case 'blockquote':
        mark(node, node.type === 'list' ? 'list' : 'quote');
        break;
      case 'paragraph':
        mark(node, context);
        break;
    }
    if ('children' in node) {
      const inner: LineKind = node.type === 'list' ? 'list' : node.type === 'blockquote' ? 'quote' : context;
      for (const child of node.children) visit(child as Nodes, inner);
    }
  };
  for (const child of root.children) visit(child, 'paragraph');
  codeSpans.sort((a, b) => a.start - b.start); // fragment() searches them

  const textLines: BlockFacts['textLines'] = [];
  const keyValues: BlockFacts['keyValues'] = [];
  for (let l = 0; l < lines.lineCount; l++) {
    const kind = lineKinds[l];
    if (!kind || kind === 'table' || kind === 'html' || kind === 'thematic') continue;
    const content = lineContent(text, lines.starts[l], lines.lineEnd(l), kind);
    if (content.start >= content.end) continue;
    if (kind === 'code' && /^\s*(```|~~~)/.test(text.slice(content.start, content.end))) continue;
    for (const piece of pieces(text, content)) {
      const line = { ...fragment(text, piece.start, piece.end, kind === 'code' ? [] : codeSpans), line: l, kind };
      const kv = kind === 'heading' ? undefined : keyValueOf(text, line, codeSpans);
      if (kv) keyValues.push({ key: kv.key, keySpan: kv.keySpan, value: kv.value, lineIndex: textLines.length });
      textLines.push(line);
    }
  }
  const tables = mdTables.map((t) => buildTable(text, t, lines, codeSpans));
  return { headings, textLines, keyValues, tables, codeSpans, comments };
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/**
 * A heading's source without its opening and closing hashes: what .replace(/^#+\s*|\s*#+\s*$/g, '')
 * leaves, found by hand because the pattern retries its `\s*` / `#+` from every character of a run.
 */
function textOf(text: string, node: Nodes): string {
  const p = node.position!;
  let start = p.start.offset!;
  let end = p.end.offset!;
  if (text[start] === '#') {
    while (text[start] === '#' && start < end) start++;
    while (start < end && isSpace(text[start])) start++;
  }
  let e = end;
  while (e > start && isSpace(text[e - 1])) e--;
  if (e > start && text[e - 1] === '#') {
    while (e > start && text[e - 1] === '#') e--;
    while (e > start && isSpace(text[e - 1])) e--;
    end = e;
  }
  return text.slice(start, end);
}

/** A line's content without list, quote and heading markers. */
function lineContent(text: string, start: number, end: number, kind: LineKind): Span {
  const line = text.slice(start, end);
  const marker = kind === 'heading'
    ? /^\s*#{1,6}\s*/.exec(line)
    : /^(?:\s*>)*\s*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?/.exec(line);
  return trimSpan(text, start + (marker ? marker[0].length : 0), end);
}

export function buildSections(headings: { depth: number; span: Span; title: string }[], length: number): Section[] {
  const sections: Section[] = [];
  const stack: Section[] = [];
  headings.forEach((h, index) => {
    // A section ends where the next heading of the same or a higher level starts: the one that pops it.
    while (stack.length && stack[stack.length - 1].depth >= h.depth) stack.pop()!.span.end = h.span.start;
    const parent = stack[stack.length - 1];
    const s: Section = {
      index,
      title: h.title,
      depth: h.depth,
      headingSpan: h.span,
      span: { start: h.span.start, end: length },
      parent,
      path: [...(parent?.path ?? []), h.title],
    };
    sections.push(s);
    stack.push(s);
  });
  return sections;
}

function buildTable(text: string, node: MdTable, lines: LineIndex, codeSpans: Span[]): Omit<Table, 'section'> {
  const cellSpan = (cell: MdTable['children'][number]['children'][number]): Span => {
    const p = cell.position!;
    let start = p.start.offset!;
    let end = p.end.offset!;
    if (text[start] === '|') start++;
    if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
    return trimSpan(text, start, end);
  };
  const headerSpans = node.children[0]?.children.map(cellSpan) ?? [];
  const headerText = headerSpans.map((s) => text.slice(s.start, s.end));
  const rows = node.children.map((row) => {
    const spans = row.children.map(cellSpan);
    const label = spans[0] && text.slice(spans[0].start, spans[0].end);
    return {
      cells: spans.map((s, i) => fragment(text, s.start, s.end, codeSpans, { cpuContext: isCpuCell(headerText[i], label) })),
      span: { start: row.position!.start.offset!, end: row.position!.end.offset! },
      line: lines.positionAt(row.position!.start.offset!).line,
    };
  });
  const span = { start: node.position!.start.offset!, end: node.position!.end.offset! };
  return { span, header: rows[0]?.cells ?? [], rows: rows.slice(1) };
}
