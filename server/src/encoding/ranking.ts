// Ordering the readings of a run that lost bytes: a fully-qualified emoji sequence first (with its
// U+FE0F where the run had one), then the fewest bytes put back, then the likeliest characters.
import { emojiSpans } from './emoji';
import { likelihood } from './frequency';
import { weirdness } from './plausibility';
import type { Reading } from './repair';
import { fromCodePoints } from './utf8';

interface Ranked<T> {
  reading: T;
  emoji: number;
  likelihood: number;
}

/** Orders equally likely readings the same way every time. */
function lexical(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * How well a reading forms emoji: the more code points fully-qualified sequences cover, and the
 * fewer sequences they take (one 👩‍💻 rather than 👩 and 💻 around a stray character), the better;
 * 0 without emoji or with only unqualified ones (⚠ with no U+FE0F); -1 for a U+FE0F or a
 * variation selector that follows no emoji.
 */
function emojiFit(text: string): number {
  const spans = emojiSpans(text);
  if (spans.some((s) => s.invalid)) return -1;
  const qualified = spans.filter((s) => s.qualified);
  const covered = qualified.reduce((sum, s) => sum + [...text.slice(s.start, s.end)].length, 0);
  return covered * 16 - qualified.length;
}

/** The readings, best first, judged in their surroundings (`before`/`after`: neighbouring code points). */
export function rankReadings<T extends Reading>(readings: readonly T[], before: number[], after: number[]): T[] {
  const ranked: Ranked<T>[] = readings.map((reading) => {
    const cps = [...before, ...reading.cps, ...after];
    const prior = reading.cps.reduce((sum, cp) => sum + likelihood(cp), 0);
    const fit = prior - weirdness(cps, before.length, before.length + reading.cps.length);
    return { reading, emoji: emojiFit(fromCodePoints(reading.cps)), likelihood: fit };
  });
  ranked.sort(
    (a, b) =>
      b.emoji - a.emoji ||
      a.reading.inserted - b.reading.inserted ||
      b.likelihood - a.likelihood ||
      lexical(a.reading.cps, b.reading.cps),
  );
  return ranked.map((r) => r.reading);
}
