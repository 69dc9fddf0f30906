// The characters a garbled UTF-8 sequence can have been. Complete sequences have one reading;
// a sequence whose continuation byte was lost (the code page had no character for it) has one
// per way of putting an undefined byte back.
import { charInfo } from './chars';
import { LEGACY_REPERTOIRE } from './codepages';
import { likelihood } from './frequency';
import { pairCost } from './plausibility';
import { decodeSequence, fitsAt } from './utf8';

/** One UTF-8 sequence as it survives in the garbled text. */
export interface Sequence {
  /** Lead byte and the continuation bytes still there. */
  readonly bytes: readonly number[];
  /** Length the lead byte announces. */
  readonly length: number;
}

export interface Reading {
  readonly cps: readonly number[];
  readonly inserted: number;
}

/** Ways to choose `k` of the slots `from..to` (the positions after the lead byte). */
function choose(k: number, from: number, to: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let i = from; i <= to - k + 1; i++) for (const rest of choose(k - 1, i + 1, to)) out.push([i, ...rest]);
  return out;
}

function fill(seq: Sequence, gaps: readonly number[], values: readonly number[]): number[] | undefined {
  const full = [seq.bytes[0]];
  let present = 1;
  let gap = 0;
  for (let slot = 1; slot < seq.length; slot++) {
    const byte = gaps[gap] === slot ? values[gap++] : seq.bytes[present++];
    if (!fitsAt(full[0], slot, byte)) return undefined;
    full.push(byte);
  }
  return full;
}

/** Every way to pick one item of each list, in order; at most `limit` of them. */
export function product<T>(lists: readonly (readonly T[])[], limit = Infinity): T[][] {
  let out: T[][] = [[]];
  for (const list of lists) {
    out = out.flatMap((prefix) => list.map((item) => [...prefix, item]));
    if (out.length > limit) out.length = limit;
  }
  return out;
}

/**
 * A reading may be ordinary text, or a character that only a second repair reads on: a C1 control
 * a decoder left for an undefined byte, or a code page's own oddity such as Mac Roman's Apple logo.
 */
function readable(cp: number): boolean {
  return charInfo(cp).commonness >= 2 || (cp >= 0x80 && cp <= 0x9f) || LEGACY_REPERTOIRE.has(cp);
}

/**
 * Every code point `seq` can decode to with its missing bytes drawn from `fillers`, leaving out
 * characters that are rare or never seen in text (a mojibake reading must be ordinary text).
 */
export function sequenceReadings(seq: Sequence, fillers: readonly number[]): readonly Reading[] {
  const missing = seq.length - seq.bytes.length;
  if (missing === 0) {
    if (!fitsAt(seq.bytes[0], 1, seq.bytes[1])) return [];
    const cp = decodeSequence(seq.bytes);
    return readable(cp) ? [{ cps: [cp], inserted: 0 }] : [];
  }
  const key = `${seq.length}:${seq.bytes.join(',')}:${fillers.join(',')}`;
  let readings = damaged.get(key);
  if (!readings) {
    readings = fillGaps(seq, fillers, missing);
    if (damaged.size >= 8192) damaged.clear();
    damaged.set(key, readings);
  }
  return readings;
}

/** Readings of damaged sequences, which recur: a handful of lead and continuation bytes cover most text. */
const damaged = new Map<string, readonly Reading[]>();

function fillGaps(seq: Sequence, fillers: readonly number[], missing: number): Reading[] {
  const seen = new Set<number>();
  const readings: Reading[] = [];
  for (const gaps of choose(missing, 1, seq.length - 1)) {
    for (const values of product(Array.from({ length: missing }, () => fillers))) {
      const full = fill(seq, gaps, values);
      if (!full) continue;
      const cp = decodeSequence(full);
      if (seen.has(cp) || !readable(cp)) continue;
      seen.add(cp);
      readings.push({ cps: [cp], inserted: missing });
    }
  }
  return readings;
}

/** Readings kept while combining the sequences of a long damaged run (a box-drawing line that lost bytes). */
export const BEAM = 64;

/** A partial reading as a chain back to its first step: extending it copies nothing. */
export interface Chain<T> {
  step?: T;
  previous?: Chain<T>;
  inserted: number;
  score: number;
}

/** The steps of a chain, first to last. */
export function unchain<T>(last: Chain<T>): T[] {
  const steps: T[] = [];
  for (let at: Chain<T> | undefined = last; at?.step; at = at.previous) steps.push(at.step);
  return steps.reverse();
}

/** What `cp` adds to a reading after `last`: how common it is, less how oddly it follows. */
export function stepScore(last: number | undefined, cp: number): number {
  return likelihood(cp) - (last === undefined ? 0 : pairCost(last, cp));
}

/**
 * The readings of a run, one reading per sequence in order. When there are too many, a beam keeps
 * those whose characters are commonest and sit best next to each other.
 */
export function combineReadings(perSequence: readonly (readonly Reading[])[]): readonly Reading[] {
  let beam: Chain<Reading>[] = [{ inserted: 0, score: 0 }];
  for (const options of perSequence) {
    const next: Chain<Reading>[] = [];
    for (const p of beam) {
      const last = p.step?.cps[p.step.cps.length - 1];
      for (const option of options) {
        next.push({ step: option, previous: p, inserted: p.inserted + option.inserted, score: p.score + stepScore(last, option.cps[0]) });
      }
    }
    if (next.length > BEAM) next.sort((a, b) => b.score - a.score).length = BEAM;
    beam = next;
  }
  return beam.map((p) => ({ cps: unchain(p).flatMap((r) => r.cps), inserted: p.inserted }));
}
