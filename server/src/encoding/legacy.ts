// Naming the encoding of a file that is not UTF-8 at all: decode it through each legacy code page
// and keep the reading that looks most like real text in some language.
import { isUtf8 } from 'node:buffer';
import { languagesWriting } from './alphabets';
import { charInfo } from './chars';
import { CODE_PAGES, decodeWith } from './codepages';
import { letterShare } from './frequency';
import { weirdness } from './plausibility';

/** ISO-8859-1 is left out: WHATWG and editors read it as windows-1252, which it is a subset of. */
const CANDIDATES = CODE_PAGES.filter((page) => page.name !== 'iso-8859-1');
/** Enough text to tell code pages apart; more only costs time. */
const SAMPLE_BYTES = 256 * 1024;
const APOSTROPHES_AND_DOTS = new Set([0x2019, 0xb7]);

/** Plausibility of a decoding: each word whose letters one alphabet holds counts for it, oddities against. */
function score(text: string): number {
  let total = 0;
  for (const token of text.split(/\s+/)) {
    if (!/[^\x00-\x7f]/.test(token)) continue;
    const cps = Array.from(token, (c) => c.codePointAt(0)!);
    // Words: letters and what joins them; each is judged by the alphabet its letters come from.
    for (const word of token.split(/[^\p{L}\p{M}'’]+/u)) {
      const letters = Array.from(word.toLowerCase()).filter((c) => c.codePointAt(0)! >= 0x80 && /\p{Script=Latin}|\p{Script=Cyrillic}/u.test(c));
      // ASCII letters are Latin: a word that also holds Cyrillic ones ("Grцяe") mixes alphabets.
      const mixed = /[a-z]/i.test(word) && /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}'’]/u.test(word);
      if (letters.length) total += languagesWriting(letters).length && !mixed ? 1 : -2;
    }
    cps.forEach((cp, i) => {
      if (cp < 0x80) return;
      // Letters count by how often their alphabet's languages use them (ı ş ğ beat ý þ ð).
      if (charInfo(cp).letter) total += Math.log10(letterShare(cp) + 1e-4) + 2;
      // A symbol inside a word ("wy³¹czony") is a letter of another code page.
      const inside = /[A-Za-z]/.test(token.slice(0, i)) && /[A-Za-z]/.test(String.fromCodePoint(...cps.slice(i + 1)));
      if (inside && !charInfo(cp).letter && !APOSTROPHES_AND_DOTS.has(cp)) total -= 2;
    });
    total -= weirdness(cps, 0, cps.length) / 2;
  }
  return total;
}

/**
 * The legacy encoding a file that is not valid UTF-8 was most likely written in, with a confidence
 * in [0, 1]; undefined when the bytes are UTF-8 (or plain ASCII) after all.
 */
export function detectLegacyEncoding(bytes: Uint8Array): { encoding: string; confidence: number } | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', confidence: 1 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', confidence: 1 };
  if (isUtf8(bytes) || !bytes.some((b) => b >= 0x80)) return undefined;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // Pages that read the sample alike are one reading, named after the commoner page.
  const readings = new Map<string, string>();
  for (const page of CANDIDATES) {
    const text = decodeWith(page, sample);
    if (!readings.has(text)) readings.set(text, page.name);
  }
  const scored = [...readings].map(([text, encoding]) => ({ encoding, score: score(text) }));
  const best = Math.max(...scored.map((s) => s.score));
  // Scores are log-likelihood-like: the best page's share of their softmax is its confidence.
  const weights = scored.map((s) => Math.exp(s.score - best));
  const sum = weights.reduce((a, b) => a + b, 0);
  const winner = scored.findIndex((s) => s.score === best);
  return { encoding: scored[winner].encoding, confidence: Number((weights[winner] / sum).toFixed(3)) };
}
