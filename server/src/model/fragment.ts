// Turning a stretch of source into a Fragment: its quantities and verdicts, at document offsets.
import type { Span } from '../core/types';
import type { Fragment } from './document';
import { parseQuantities, type ParseOptions } from './quantity';
import { findVerdicts, stripEmphasis } from './verdicts';

export function fragment(text: string, start: number, end: number, codeSpans: Span[] = [], options: ParseOptions = {}): Fragment {
  const source = text.slice(start, end);
  // Called for every line and cell: no copies or filters when nothing can be in code.
  let quantities = parseQuantities(source, options);
  for (const q of quantities) {
    q.start += start;
    q.end += start;
  }
  let verdicts = findVerdicts(source, start);
  if (codeSpans.length) {
    quantities = quantities.filter((q) => !within(codeSpans, q.start, q.end));
    verdicts = verdicts.filter((v) => !within(codeSpans, v.start, v.end));
  }
  return { text: source, plain: stripEmphasis(source).trim(), span: { start, end }, quantities, verdicts };
}

/** Whether [s, e) lies inside one of `spans` (sorted by start, not overlapping): a binary search. */
function within(spans: Span[], s: number, e: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= s) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && e <= spans[hi].end;
}

/** Longer lines are read a piece at a time (see `pieces`); reports' lines are far shorter. */
export const MAX_PIECE = 2000;

/**
 * A line as the spans the rules read: the line itself, or for a line over MAX_PIECE characters
 * (a paragraph without line breaks, a minified export) pieces of at most that length, cut after a
 * sentence where one ends nearby, else at white space. Rules relate figures within a piece, so a
 * megabyte-long line costs what its sentences cost instead of the square of its figures.
 */
export function pieces(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let { start } = span;
  while (span.end - start > MAX_PIECE) {
    const window = text.slice(start, start + MAX_PIECE);
    const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '), window.lastIndexOf('! '), window.lastIndexOf('? '));
    const space = window.lastIndexOf(' ');
    let cut = sentence > MAX_PIECE / 2 ? sentence + 1 : space > MAX_PIECE / 2 ? space : MAX_PIECE;
    if (cut === MAX_PIECE && /[\uDC00-\uDFFF]/.test(text[start + cut])) cut--; // keep surrogate pairs whole
    const piece = trimSpan(text, start, start + cut);
    if (piece.start < piece.end) out.push(piece);
    start += cut;
  }
  const last = trimSpan(text, start, span.end);
  if (last.start < last.end || out.length === 0) out.push(last);
  return out;
}

/** The span of `text[start, end)` without leading and trailing white space. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

const CPU = /\b(?:v?cpus?|cores?|millicores?)\b/i;

/** Whether a table cell's figures are CPU amounts ("100m" millicores), judged by its column and row labels. */
export function isCpuCell(headerText: string | undefined, rowLabel: string | undefined): boolean {
  return CPU.test(headerText ?? '') || CPU.test(rowLabel ?? '');
}
