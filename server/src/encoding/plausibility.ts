// How unlike real text a stretch of characters is. Mojibake leaves tell-tale neighbours: a capital
// after a lowercase letter inside a word ("StraÃŸe"), a symbol glued to a letter ("Ã©", "Â°"),
// letters of two alphabets side by side ("cafГ©"), C1 controls, private-use characters. Real text
// in any language rarely does; its repair does not.
import { languagesWriting } from './alphabets';
import { charInfo, isLetterKind, type CharInfo } from './chars';

const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc]);
/** ¡ ¿ open a phrase, § ¶ head a reference, ‰ follows figures, • heads an item: none of them ends a word. */
const NOT_AFTER_A_LETTER = new Set([0xa1, 0xbf, 0xa7, 0xb6, 0x2030, 0x2022]);
/** ™ ® † ‡ do follow words: "Java™", "Smith†". */
const AFTER_A_WORD = new Set([0x2122, 0xae, 0x2020, 0x2021]);
/** German and Czech close quotations with “ ‘ right after the last letter. */
const CLOSING_LOW_QUOTES = new Set([0x201c, 0x2018]);
/** Superscript and subscript digits follow letters in units and formulas: m², H₂O. */
function isScriptDigit(cp: number): boolean {
  return cp === 0xb9 || cp === 0xb2 || cp === 0xb3 || (cp >= 0x2070 && cp <= 0x2089);
}

const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
/** Emoji drawn as pictures sit right against words ("Done✅"); text-style ones such as © ™ do not. */
function isPictograph(cp: number): boolean {
  return EMOJI_PRESENTATION.test(String.fromCodePoint(cp));
}
function isArrow(cp: number): boolean {
  return (cp >= 0x2190 && cp <= 0x21ff) || (cp >= 0x27f0 && cp <= 0x27ff) || (cp >= 0x2900 && cp <= 0x297f);
}

/** Degree and micro signs lead into units: °C, µs. */
const UNIT_PREFIXES = new Set([0xb0, 0xb5]);
/** Box drawing and block elements join only each other, spaces and ASCII punctuation: "├── src", "[██░░]". */
function isBoxDrawing(cp: number): boolean {
  return cp >= 0x2500 && cp <= 0x259f;
}
const MIDDLE_DOT = 0xb7; // Catalan l·l

/** Alphabets whose letters do not mix inside a word. */
const ALPHABETIC = new Set(['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Hebrew', 'Arabic']);
/** Scripts written without spaces between words, whose characters follow one another freely. */
const UNSPACED = new Set(['Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Lao', 'Khmer', 'Myanmar']);

function eastAsian(cp: number, info: CharInfo): boolean {
  return UNSPACED.has(info.script) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);
}

function scriptClash(a: CharInfo, b: CharInfo): number {
  if (!a.script || !b.script || a.script === b.script) return 0;
  if (a.script === 'rare' || b.script === 'rare') return 2;
  if (UNSPACED.has(a.script) && UNSPACED.has(b.script)) return 0;
  // Greek next to Latin is only half as odd: µs, Δt, λmax.
  if ((a.script === 'Latin' && b.script === 'Greek') || (a.script === 'Greek' && b.script === 'Latin')) return 1;
  return ALPHABETIC.has(a.script) || ALPHABETIC.has(b.script) ? 2 : 0;
}

function afterLetter(cp: number, info: CharInfo): number {
  switch (info.kind) {
    case 'number':
      return isScriptDigit(cp) ? 0 : 1.5;
    case 'punct':
      return NOT_AFTER_A_LETTER.has(cp) ? 1.5 : 0;
    case 'open':
      return CLOSING_LOW_QUOTES.has(cp) ? 0.5 : 1.5;
    case 'math':
    case 'currency':
      return 1.5;
    case 'modifier':
      return 2;
    case 'symbol':
      return AFTER_A_WORD.has(cp) ? 0.3 : isPictograph(cp) ? 0 : 1.5;
    default:
      return 0;
  }
}

function beforeLetter(cp: number, info: CharInfo, letter: number): number {
  const foreign = letter >= 0x80;
  switch (info.kind) {
    case 'punct':
      return cp < 0x80 || cp === 0xa1 || cp === 0xbf || cp === MIDDLE_DOT ? 0 : 1;
    case 'close':
      return APOSTROPHES.has(cp) ? 0 : 1;
    case 'math':
    case 'currency':
      return foreign ? 1.5 : 0.5;
    case 'number':
      return isScriptDigit(cp) ? 0.5 : 1.5;
    case 'modifier':
      return 2;
    case 'symbol':
      if (isPictograph(cp)) return 0;
      return foreign ? 1.5 : UNIT_PREFIXES.has(cp) ? 0 : 1;
    default:
      return 0;
  }
}

/** Oddness of character `b` right after `a`. */
export function pairCost(a: number, b: number): number {
  const x = charInfo(a);
  const y = charInfo(b);
  if (isBoxDrawing(a) !== isBoxDrawing(b)) {
    const other = isBoxDrawing(a) ? b : a;
    if (!(other < 0x80 && !/[A-Za-z0-9]/.test(String.fromCharCode(other))) && charInfo(other).kind !== 'space') return 1.5;
  }
  const xLetter = isLetterKind(x.kind);
  const yLetter = isLetterKind(y.kind);
  const clash = scriptClash(x, y);
  if (clash) return clash;
  // Writing without spaces glues punctuation straight to words: 結果：平均, で、目標.
  if (eastAsian(a, x) || eastAsian(b, y)) return 0;
  if (xLetter && yLetter) return x.kind === 'lower' && y.kind === 'upper' && (a >= 0x80 || b >= 0x80) ? 1.5 : 0;
  if (xLetter) return afterLetter(b, y);
  if (yLetter) return beforeLetter(a, x, b);
  if (x.kind === 'modifier' || y.kind === 'modifier') return 1;
  // An operator takes a number or a name, not another odd character glued to it: "¬±", "√©".
  if (x.kind === 'math' && !isArrow(a) && b >= 0x80 && y.kind !== 'space' && !isScriptDigit(b)) return 1.5;
  // Symbols from one block go together (──┐, ★☆, …”); from unrelated blocks ("×‘×“") they do not.
  const marks = (k: string) => k !== 'space' && k !== 'digit' && k !== 'control';
  if (a >= 0x80 && b >= 0x80 && marks(x.kind) && marks(y.kind) && a >> 7 !== b >> 7 && !isPictograph(a) && !isPictograph(b)) return 0.5;
  return 0;
}

const CHAR_COST = [3, 2, 0.5, 0] as const;

function charCost(cps: readonly number[], i: number): number {
  const info = charInfo(cps[i]);
  // Invisible format characters (soft hyphen, joiners) are rare in plain text outside emoji, and
  // a soft hyphen anywhere but inside a word is pointless.
  const format = info.kind === 'format' && cps[i] !== 0x200d ? (isLetterAt(cps, i - 1) && isLetterAt(cps, i + 1) ? 1 : 2) : 0;
  return CHAR_COST[info.commonness] + format;
}

/** Accented Latin and Cyrillic letters that are words on their own, in either case. */
const ONE_LETTER_WORDS = new Set([...'ÀÁÉÈÓÒÚÖØÔàáéèóòùöåøôАВИКОСУЯІЙЗавиксуяоійз'].map((c) => c.codePointAt(0)!));
/** Characters that may sit between two letters of a word: apostrophes, dashes, Catalan's middle dot. */
const INSIDE_WORDS = new Set([0x2019, 0x2bc, 0xb7, 0x2010, 0x2011, 0x2013, 0x2014]);

function isLetterAt(cps: readonly number[], i: number): boolean {
  return i >= 0 && i < cps.length && charInfo(cps[i]).letter;
}

/** Letter or apostrophe: what continues a word (н’є, l’homme). */
function inWordAt(cps: readonly number[], i: number): boolean {
  return isLetterAt(cps, i) || (i >= 0 && i < cps.length && APOSTROPHES.has(cps[i]));
}

/** A letter with no letter on either side that is no word on its own: "3 Ã— 512", "âŒ". */
function strayLetter(cps: readonly number[], i: number): boolean {
  const info = charInfo(cps[i]);
  return (
    cps[i] >= 0x80 &&
    info.letter &&
    ALPHABETIC.has(info.script) &&
    info.script !== 'Greek' && // single Greek letters are the variables of technical text: λ, σ, Δt
    !ONE_LETTER_WORDS.has(cps[i]) &&
    !inWordAt(cps, i - 1) &&
    !inWordAt(cps, i + 1)
  );
}

/** A symbol or quotation mark wedged between two letters: "PÅ™ipraveno", "REVISIÃ“N". */
function wedged(cps: readonly number[], i: number): boolean {
  const info = charInfo(cps[i]);
  return cps[i] >= 0x80 && !isLetterKind(info.kind) && info.kind !== 'mark' && info.kind !== 'space' && !INSIDE_WORDS.has(cps[i]) && isLetterAt(cps, i - 1) && isLetterAt(cps, i + 1);
}

/** Whether the accented Latin or the Cyrillic letters of `cps[from..to)` fit no single alphabet. */
function mixedAlphabets(cps: readonly number[], from: number, to: number): boolean {
  const letters: string[] = [];
  for (let i = from; i < to; i++) {
    const info = charInfo(cps[i]);
    if (cps[i] >= 0x80 && (info.script === 'Latin' || info.script === 'Cyrillic') && isLetterKind(info.kind)) {
      letters.push(String.fromCodePoint(cps[i]).toLowerCase());
    }
  }
  return letters.length > 1 && languagesWriting(letters).length === 0;
}

/**
 * Oddness of `cps[from..to)` in its surroundings: the characters' own rarity, every neighbouring
 * pair that touches the stretch, letters standing alone, symbols wedged into words, and accented
 * letters from different alphabets. The surroundings should reach over the words on either side.
 */
export function weirdness(cps: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += charCost(cps, i) + (strayLetter(cps, i) || wedged(cps, i) ? 1.5 : 0);
  for (let i = Math.max(from - 1, 0); i < Math.min(to, cps.length - 1); i++) total += pairCost(cps[i], cps[i + 1]);
  return total + (mixedAlphabets(cps, from, to) ? 1.5 : 0);
}
