// A Markdown document read as a run of independent blocks, each parsed on its own and remembered by
// its text, so that after an edit only the blocks the edit touched are parsed again.
//
// Where blocks may be cut: before a line that starts in column 0 after a blank line. CommonMark
// closes every open container there (a list item or block quote needs indentation or a marker to
// go on after a blank line, and a new list item at column 0 only adds an item to a list, which the
// model reads the same), except a fenced code block or an HTML block of kinds 1-5, which run until
// their closing line. So each cut is checked on the parse of the block before it: if that block ends
// inside an unclosed fence or such an HTML block, it grows past the line that closes it. Inline parsing never
// crosses a blank line, and link definitions (which do reach across blocks) change only links, which
// the model does not read.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes, Root } from 'mdast';
import { limitNesting } from './nesting';

// Only what the model reads is parsed. Of GitHub's extensions, tables: autolinks, footnotes,
// strikethrough and task lists change no line's kind, and cost parse time (autolink literals
// also recurse once per nesting level). Emphasis ("attention") is left unparsed too: the model
// reads no emphasis node (only code, HTML and block positions, which emphasis never changes), and
// micromark resolves emphasis in time quadratic in the delimiter runs of a paragraph.
const parser = unified()
  .data('micromarkExtensions', [{ disable: { null: ['attention'] } }, gfmTable()])
  .data('fromMarkdownExtensions', [gfmTableFromMarkdown()])
  .use(remarkParse);

/** One block of the document: where it starts, and what `read` made of its text alone. */
export interface Block<Facts> {
  /** Offset and 0-based line of the block's first character in the document. */
  start: number;
  line: number;
  facts: Facts;
}

interface Entry<Facts> {
  facts: Facts;
  /** When the block ends inside a construct that only a later line closes: what that line matches. */
  closer?: RegExp;
}

/** Turns one block's text (offsets and lines relative to it) and its syntax tree into facts. */
export type ReadBlock<Facts> = (text: string, root: Root) => Facts;

/**
 * Remembers the facts of each block by its text. One per document in the editor: an edit then
 * costs the blocks it touched. Entries not used by the latest read are dropped, so the memory
 * held is that of one version of the document.
 */
export class BlockCache<Facts> {
  /** `whole`: read the document as one block: for a text analysed once, with no edit to come (and the tests' reference). */
  constructor(readonly options: { whole?: boolean } = {}) {}

  private entries = new Map<string, Entry<Facts>>();
  private next = new Map<string, Entry<Facts>>();
  /** Blocks parsed by the latest read (the rest came from the cache): for the tests. */
  parsed = 0;

  lookup(text: string, read: () => Entry<Facts>) {
    let entry = this.next.get(text) ?? this.entries.get(text);
    if (!entry) {
      entry = read();
      this.parsed++;
    }
    this.next.set(text, entry);
    return entry;
  }

  /** Called after a read: what it did not use is forgotten. */
  settle(): void {
    this.entries = this.next;
  }

  begin(): void {
    this.parsed = 0;
    this.next = new Map();
  }
}

/** The document's blocks, each read by `read` from its own parse (or from the cache). */
export function readBlocks<Facts>(text: string, lineStarts: number[], read: ReadBlock<Facts>, cache: BlockCache<Facts>): Block<Facts>[] {
  cache.begin();
  const cuts = cache.options.whole ? [0] : cutPoints(text, lineStarts);
  const blocks: Block<Facts>[] = [];
  for (let i = 0; i < cuts.length; ) {
    // While the block's parse ends inside an unclosed construct, grow it to the cut after the line
    // that closes the construct (or to the end). From the second growth on, at least double it: once
    // an edit breaks a fence, every later fence pairs up anew, and growing past one pair at a time
    // would parse the rest of the document once per fence.
    let j = i + 1;
    for (let grown = 0; ; grown++) {
      const start = lineStarts[cuts[i]];
      const end = j < cuts.length ? lineStarts[cuts[j]] : text.length;
      const source = text.slice(start, end);
      // The parser drops one BOM at the start of its input, and counts offsets from after it.
      const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
      const entry = cache.lookup(source, () => {
        const root = parser.parse(limitNesting(source)) as Root;
        const parsed = source.slice(bom);
        return { facts: read(parsed, root), closer: openConstruct(parsed, root) };
      });
      if (entry.closer && j < cuts.length) {
        entry.closer.lastIndex = end;
        const closed = entry.closer.exec(text);
        const after = closed ? closed.index + closed[0].length : text.length;
        const twice = grown > 0 ? Math.min(cuts.length, i + 2 * (j - i)) : j;
        while (j < cuts.length && lineStarts[cuts[j]] < after) j++; // `after` is past `end`: j grows
        j = Math.max(j, twice);
        continue;
      }
      blocks.push({ start: start + bom, line: cuts[i], facts: entry.facts });
      break;
    }
    i = j;
  }
  cache.settle();
  return blocks;
}

/** Lines (0-based) before which the document may be cut: line 0, and column-0 lines after a blank line. */
function cutPoints(text: string, lineStarts: number[]): number[] {
  const cuts = [0];
  let previousBlank = false;
  for (let l = 0; l < lineStarts.length; l++) {
    const c = text.charCodeAt(lineStarts[l]);
    const lineEnd = l + 1 < lineStarts.length ? lineStarts[l + 1] : text.length;
    const blank = isBlank(text, lineStarts[l], lineEnd);
    // (Nor before U+FEFF, which the parser would drop at the start of a block but not inside one.)
    if (l > 0 && previousBlank && !blank && c !== 32 && c !== 9 && c !== 0xfeff) cuts.push(l);
    previousBlank = blank;
  }
  return cuts;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// HTML blocks that a blank line does not end (CommonMark kinds 1-5), with what ends each.
const HTML_UNTIL_CLOSED: [RegExp, string][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, '</(?:script|pre|style|textarea)>'],
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '\\?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, '\\]\\]>'],
];

/** Any character: the construct is closed by the next block's first line, which must be read with it. */
const NEXT_BLOCK = /[^]/g;

/**
 * When the text's parse ends inside a fenced code block or an HTML block still open: a pattern for
 * the line that closes it (searched from where the text ends). Undefined when nothing is open.
 * One at the top level runs until its closing line; one inside a list item or block quote is closed
 * by the next block's column-0 line, but where it ends (before or after the blank lines) only that
 * line decides.
 */
function openConstruct(text: string, root: Root): RegExp | undefined {
  let node: Nodes | undefined = root.children[root.children.length - 1];
  for (let depth = 0; node?.position; depth++) {
    const closer = closerOf(text.slice(node.position.start.offset!, node.position.end.offset!), node);
    if (closer) return depth === 0 ? closer : NEXT_BLOCK;
    node = 'children' in node ? node.children[node.children.length - 1] : undefined;
  }
  return undefined;
}

/** For an unclosed fenced code block or HTML block of kinds 1-5: what its closing line matches. */
function closerOf(source: string, node: Nodes): RegExp | undefined {
  if (node.type === 'code') {
    const fence = FENCE.exec(source);
    if (!fence) return undefined; // indented code: ended by any less indented line
    const lines = source.split(/\r\n?|\n/);
    const closing = lines.length > 1 ? /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]) : null;
    if (closing && closing[1][0] === fence[1][0] && closing[1].length >= fence[1].length) return undefined;
    return new RegExp(`^ {0,3}${fence[1][0]}{${fence[1].length},}[ \\t]*$`, 'gm');
  }
  if (node.type === 'html') {
    for (const [opens, closes] of HTML_UNTIL_CLOSED) {
      const start = opens.exec(source);
      if (start) return new RegExp(closes, 'i').test(source.slice(start[0].length)) ? undefined : new RegExp(closes, 'gi');
    }
  }
  return undefined;
}
