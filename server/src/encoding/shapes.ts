// Where a code page's image of UTF-8 lies in a text: stretches of consecutive sequences, each
// with the characters it can have been, and how much their very shape says for mojibake.
import { charInfo } from './chars';
import type { CodePage } from './codepages';
import { sequenceReadings, type Reading, type Sequence } from './repair';
import { isContinuation, sequenceLength } from './utf8';

/** A stretch of a code page's image of UTF-8: consecutive sequences, each with its possible readings. */
export interface Shape {
  start: number;
  end: number;
  sequences: Sequence[];
  readings: (readonly Reading[])[];
}

/** Byte of every UTF-16 code unit under a page (-1: none), as a table rather than a map lookup per character. */
const byteTables = new WeakMap<CodePage, Int16Array>();

function byteTable(page: CodePage): Int16Array {
  let table = byteTables.get(page);
  if (!table) {
    table = new Int16Array(0x10000).fill(-1);
    for (const [unit, byte] of page.byteOf) table[unit] = byte;
    byteTables.set(page, table);
  }
  return table;
}

/** sequenceLength and isContinuation of every byte, looked up in the loop over characters. */
const LENGTHS = Uint8Array.from({ length: 256 }, (_, b) => sequenceLength(b));
const CONTINUATION = Uint8Array.from({ length: 256 }, (_, b) => (isContinuation(b) ? 1 : 0));

/** A sequence and its readings under a page. */
interface Cut {
  sequence: Sequence;
  readings: readonly Reading[];
}

/**
 * Sequences met before under each page, keyed by length and bytes: a long garbled run repeats a
 * few, and judging them anew (and allocating them anew) for every occurrence is most of its cost.
 */
const CUT_LIMIT = 1 << 16;
const knownCuts = new WeakMap<CodePage, Map<number, Cut>>();

function cutsOf(page: CodePage): Map<number, Cut> {
  let cuts = knownCuts.get(page);
  if (!cuts) knownCuts.set(page, (cuts = new Map()));
  return cuts;
}

/**
 * Cuts `text[from..to)` into shapes under `page`. A sequence may lack continuation bytes only
 * where the page has undefined bytes to have lost. A two-byte lead that lost its one continuation
 * byte counts only next to other sequences: on its own ("NÃO", "ÃREA") it is indistinguishable
 * from real text. Shapes share the Sequence objects and reading lists of equal sequences.
 */
export function shapes(text: string, from: number, to: number, page: CodePage): Shape[] {
  const out: Shape[] = [];
  let current: Shape | undefined;
  const table = byteTable(page);
  const cuts = cutsOf(page);
  for (let i = from; i < to; ) {
    const lead = table[text.charCodeAt(i)];
    const length = lead < 0 ? 0 : LENGTHS[lead];
    let j = i + 1;
    while (length && j < to && j - i < length) {
      const byte = table[text.charCodeAt(j)];
      if (byte < 0 || !CONTINUATION[byte]) break;
      j++;
    }
    const complete = j - i === length;
    const lone = length === 2 && j - i === 1;
    const usable = length > 0 && (j - i >= 2 || lone) && (complete || page.undefinedBytes.length > 0);
    let cut: Cut | undefined;
    if (usable) {
      // Length and up to four bytes of 0x80–0xFF: unique, and well within a safe integer.
      let key = length;
      for (let k = i; k < j; k++) key = key * 256 + table[text.charCodeAt(k)];
      cut = cuts.get(key);
      if (!cut) {
        const bytes: number[] = [];
        for (let k = i; k < j; k++) bytes.push(table[text.charCodeAt(k)]);
        const sequence = { bytes, length };
        cut = { sequence, readings: sequenceReadings(sequence, complete ? [] : page.undefinedBytes) };
        if (cuts.size >= CUT_LIMIT) cuts.clear();
        cuts.set(key, cut);
      }
    }
    if (!cut || cut.readings.length === 0) {
      current = undefined;
      i++;
      continue;
    }
    if (!current) {
      current = { start: i, end: i, sequences: [], readings: [] };
      out.push(current);
    }
    current.sequences.push(cut.sequence);
    current.readings.push(cut.readings);
    current.end = j;
    i = j;
  }
  return out.filter((shape) => shape.sequences.some((s) => s.bytes.length >= 2));
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc]);
const ORDINAL_INDICATORS = new Set([0xaa, 0xba]);

/** Letters of one script (and apostrophes), no capital after a small letter: what a word of real text is made of. */
function wordLike(text: string): boolean {
  let script: string | undefined;
  let lower = false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (APOSTROPHES.has(u)) continue;
    const info = charInfo(u);
    if (!info.letter || !info.script || ORDINAL_INDICATORS.has(u)) return false;
    if ((script !== undefined && info.script !== script) || (lower && info.kind === 'upper')) return false;
    script = info.script;
    lower = info.kind === 'lower';
  }
  return true;
}

/**
 * A complete 3- or 4-byte sequence seldom forms by chance, unless its characters are letters that
 * read as a word (Ukrainian "ділі" is a valid image of two CJK characters). A damaged one is
 * weaker, and says nothing when all it yields is a letter (Serbian „и“ would read as one CJK
 * character with a byte put back).
 */
export function shapeEvidence(text: string, shape: Shape, reading: readonly number[]): number {
  let evidence = 0;
  let at = shape.start;
  let cp = 0;
  for (const s of shape.sequences) {
    const chars = text.slice(at, at + s.bytes.length);
    at += s.bytes.length;
    const missing = s.length - s.bytes.length;
    const decoded = reading[cp++];
    const formed = s.length === 4 ? 3 : s.length === 3 ? 2.5 : 0;
    const counts = !wordLike(chars) && !(missing > 0 && decoded !== undefined && charInfo(decoded).letter);
    evidence += (counts ? formed : 0) - 1.5 * missing;
  }
  return evidence;
}
