// The Markdown parser's cost grows with the square of container depth (10,000 nested list items
// take half a minute), and tree transforms that recurse once per level overflow the stack. No report nests that deep, so before parsing, container markers past a depth no
// document needs are blanked to spaces: the text keeps its length, so every offset still points
// into the original, and the deep line reads as the content of the last container kept.

/** More container levels than any real document has, and far fewer than make the parser slow. */
export const MAX_CONTAINER_DEPTH = 64;
/**
 * Indentation wider than this nests no further: each list level indents at least two columns, and
 * the parser re-reads a line's indentation once per open container (25 levels of four columns is
 * more than any report has).
 */
const MAX_PREFIX_COLUMNS = 100;

/** The text with container markers beyond the limits blanked; the same string when none are. */
export function limitNesting(text: string): string {
  let out: string[] | undefined;
  let copied = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    // Lines end as the parser ends them: at \n, \r\n or a lone \r.
    let end = lineStart;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const blanks = deepMarkers(text, lineStart, end);
    if (blanks.length) {
      out ??= [];
      for (const [from, to] of blanks) {
        out.push(text.slice(copied, from), ' '.repeat(to - from));
        copied = to;
      }
    }
    lineStart = end + 1;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}

const isSpace = (c: string) => c === ' ' || c === '\t';

/** The [from, to) ranges of the markers in a line's container prefix that go past the limits. */
function deepMarkers(text: string, start: number, end: number): [number, number][] {
  const blanks: [number, number][] = [];
  let depth = 0;
  let column = 0;
  let i = start;
  while (i < end) {
    const c = text[i];
    if (isSpace(c)) {
      column += c === '\t' ? 4 - (column % 4) : 1;
      i++;
      continue;
    }
    // A marker: ">" (no space needed), or "-", "+", "*", "1." or "1)" followed by white space.
    let width = 0;
    if (c === '>') width = 1;
    else if ((c === '-' || c === '+' || c === '*') && (i + 1 === end || isSpace(text[i + 1]))) width = 1;
    else {
      let j = i;
      while (j < end && j - i < 9 && text[j] >= '0' && text[j] <= '9') j++;
      if (j > i && (text[j] === '.' || text[j] === ')') && (j + 1 === end || isSpace(text[j + 1]))) width = j + 1 - i;
    }
    if (width === 0) break; // the content starts
    depth++;
    if (depth > MAX_CONTAINER_DEPTH || column > MAX_PREFIX_COLUMNS) blanks.push([i, i + width]);
    column += width;
    i += width;
  }
  return blanks;
}
