// The second layer of text decoded wrongly twice. The outer repair leaves characters that are, in
// turn, the image of UTF-8 under some code page; where the outer layer lost bytes, each outer
// sequence may have been one of several characters, standing for different inner bytes. Which of
// Á Í Ï Ð Ý a damaged "Ã" was only the character it forms with the bytes after it can tell, so the
// choices are weighed by what the inner layer reads as, never by the outer characters themselves.
import type { CodePage } from './codepages';
import { rankReadings } from './ranking';
import { BEAM, product, sequenceReadings, stepScore, unchain, type Chain, type Reading, type Sequence } from './repair';
import { isContinuation, sequenceLength } from './utf8';

export interface InnerReading extends Reading {
  /** The inner UTF-8 bytes this reading was recovered from, without the lost ones. */
  readonly bytes: readonly number[];
  /** The inner sequences, one per code point. */
  readonly sequences: readonly Sequence[];
}

/** One way an outer sequence may have read: the byte it stands for under the inner page. */
interface Option {
  readonly byte: number;
  readonly inserted: number;
}

/** An inner sequence that can begin at some position and end before `end`, with its readings. */
interface Segment {
  readonly end: number;
  /** Two bytes or more present: a lone lead on its own says nothing for mojibake. */
  readonly whole: boolean;
  readonly readings: readonly InnerReading[];
}

/** Byte combinations tried per inner sequence. */
const MAX_COMBOS = 64;
/** Each byte put back costs more than any difference in likelihood: the fewest inserted rank first. */
const INSERTED_COST = 8;

/** The readings of an inner sequence of `length` over the positions `from..to` of `options`. */
function segmentReadings(options: readonly Option[][], from: number, to: number, length: number, page: CodePage): InnerReading[] {
  const lists = [options[from].filter((o) => sequenceLength(o.byte) === length)];
  for (let p = from + 1; p < to; p++) lists.push(options[p].filter((o) => isContinuation(o.byte)));
  const best = new Map<number, InnerReading>();
  for (const combo of product(lists, MAX_COMBOS)) {
    const sequence = { bytes: combo.map((o) => o.byte), length };
    const lost = combo.reduce((sum, o) => sum + o.inserted, 0);
    for (const r of sequenceReadings(sequence, to - from === length ? [] : page.undefinedBytes)) {
      const inserted = r.inserted + lost;
      const known = best.get(r.cps[0]);
      if (!known || inserted < known.inserted) best.set(r.cps[0], { cps: r.cps, inserted, bytes: sequence.bytes, sequences: [sequence] });
    }
  }
  return [...best.values()];
}

/** A partial inner reading; `whole`: some sequence in it has two bytes or more. */
interface Partial extends Chain<InnerReading> {
  whole: boolean;
}

/**
 * The readings of `outer` (the characters each outer sequence can have been) as a second layer of
 * UTF-8 under `page`, best first; none when the outer characters cannot all be that layer's bytes.
 * The inner layer may be cut into sequences in several ways (a damaged outer sequence may stand
 * for a lead byte or for a continuation byte): a beam runs over the positions, as combineReadings
 * runs over sequences.
 */
export function innerReadings(outer: readonly (readonly Reading[])[], page: CodePage, before: number[], after: number[]): InnerReading[] {
  const n = outer.length;
  const options: Option[][] = [];
  for (const readings of outer) {
    const mine = new Map<number, number>();
    for (const r of readings) {
      const byte = page.byteOf.get(r.cps[0]);
      if (byte === undefined || !(isContinuation(byte) || sequenceLength(byte) > 0)) continue;
      if (!mine.has(byte) || r.inserted < mine.get(byte)!) mine.set(byte, r.inserted);
    }
    if (mine.size === 0) return [];
    options.push([...mine].map(([byte, inserted]) => ({ byte, inserted })));
  }
  // The inner sequences that can begin at each position, by the rules `shapes` follows.
  const segments: Segment[][] = options.map(() => []);
  for (let i = 0; i < n; i++) {
    for (const length of new Set(options[i].map((o) => sequenceLength(o.byte)).filter((l) => l > 0))) {
      for (let j = i + 1; j <= Math.min(n, i + length); j++) {
        if (j > i + 1 && !options[j - 1].some((o) => isContinuation(o.byte))) break;
        const complete = j - i === length;
        if (!complete && !(page.undefinedBytes.length > 0 && (j - i >= 2 || length === 2))) continue;
        const readings = segmentReadings(options, i, j, length, page);
        if (readings.length) segments[i].push({ end: j, whole: j - i >= 2, readings });
      }
    }
  }
  const beams: Partial[][] = options.map(() => []);
  beams[0] = [{ inserted: 0, whole: false, score: 0 }];
  const done: Partial[] = [];
  for (let i = 0; i < n; i++) {
    const beam = beams[i].sort((a, b) => b.score - a.score).slice(0, BEAM);
    for (const p of beam) {
      const last = p.step?.cps[0];
      for (const s of segments[i]) {
        for (const r of s.readings) {
          const score = p.score + stepScore(last, r.cps[0]) - INSERTED_COST * r.inserted;
          const next: Partial = { step: r, previous: p, inserted: p.inserted + r.inserted, whole: p.whole || s.whole, score };
          (s.end === n ? done : beams[s.end]).push(next);
        }
      }
    }
  }
  const readings = done
    .filter((p) => p.whole)
    .sort((a, b) => b.score - a.score)
    .slice(0, BEAM)
    .map((p): InnerReading => {
      const chain = unchain(p);
      return { cps: chain.flatMap((r) => r.cps), bytes: chain.flatMap((r) => r.bytes), sequences: chain.flatMap((r) => r.sequences), inserted: p.inserted };
    });
  return rankReadings(readings, before, after);
}
