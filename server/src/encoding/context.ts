// The surroundings a run is judged in: the words it touches, and one character beyond them.
import { charInfo } from './chars';

/** How far the surroundings of a run reach: over the adjacent word, one character past it. */
const CONTEXT = 24;

/** Code points before `start` (nearest last): the letters of the word there and the character before them. */
export function lookBack(text: string, start: number): { cps: number[]; units: number } {
  const cps: number[] = [];
  let i = start;
  while (i > 0 && cps.length < CONTEXT) {
    const low = text.charCodeAt(i - 1);
    i -= low >= 0xdc00 && low <= 0xdfff && i >= 2 ? 2 : 1;
    const cp = text.codePointAt(i)!;
    cps.push(cp);
    if (!charInfo(cp).letter) break;
  }
  return { cps: cps.reverse(), units: start - i };
}

/** Code points from `end` on: the letters of the word there and the character after them. */
export function lookAhead(text: string, end: number): { cps: number[]; units: number } {
  const cps: number[] = [];
  let i = end;
  while (i < text.length && cps.length < CONTEXT) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    cps.push(cp);
    if (!charInfo(cp).letter) break;
  }
  return { cps, units: i - end };
}

export function context(text: string, start: number, end: number): { before: number[]; after: number[] } {
  return { before: lookBack(text, start).cps, after: lookAhead(text, end).cps };
}
