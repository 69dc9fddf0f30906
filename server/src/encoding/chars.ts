// What kind of character a code point is, and how common it is in real text: the vocabulary the
// plausibility score and the candidate ranking speak in. Derived from Unicode properties.
import { LEGACY_REPERTOIRE } from './codepages';
import { isEmoji } from './emoji';

type Kind =
  | 'upper'
  | 'lower'
  | 'letter' // caseless: CJK, Hebrew, Arabic, modifier letters, ...
  | 'mark'
  | 'digit'
  | 'number' // superscripts, fractions, roman numerals
  | 'open'
  | 'close'
  | 'dash'
  | 'punct'
  | 'math'
  | 'currency'
  | 'modifier' // spacing diacritics: ¨ ´ ¸ ˆ ˜
  | 'symbol'
  | 'space'
  | 'control'
  | 'format'
  | 'private'
  | 'unassigned';

export interface CharInfo {
  readonly kind: Kind;
  /** Upper, lower or caseless letter. */
  readonly letter: boolean;
  /** Script ('' for characters of Common or Inherited script, 'rare' for minor and historic scripts). */
  readonly script: string;
  /**
   * 0: never in text (unassigned, private use, controls, noncharacters); 1: rare (archaic scripts,
   * stray marks, historic symbol blocks); 2: assigned and ordinary; 3: everyday (a legacy code page
   * holds it, a major script's core block, the common symbol blocks, emoji).
   */
  readonly commonness: 0 | 1 | 2 | 3;
}

const KINDS: [RegExp, Kind][] = [
  [/\p{Lu}|\p{Lt}/u, 'upper'],
  [/\p{Ll}/u, 'lower'],
  [/\p{L}/u, 'letter'],
  [/\p{M}/u, 'mark'],
  [/\p{Nd}/u, 'digit'],
  [/\p{N}/u, 'number'],
  [/\p{Ps}|\p{Pi}/u, 'open'],
  [/\p{Pe}|\p{Pf}/u, 'close'],
  [/\p{Pd}/u, 'dash'],
  [/\p{P}/u, 'punct'],
  [/\p{Sm}/u, 'math'],
  [/\p{Sc}/u, 'currency'],
  [/\p{Sk}/u, 'modifier'],
  [/\p{So}/u, 'symbol'],
  [/\p{Z}/u, 'space'],
  [/\p{Cc}/u, 'control'],
  [/\p{Cf}/u, 'format'],
  [/\p{Co}/u, 'private'],
];

/** Scripts with a script of their own in everyday text; letters of any other script count as rare. */
const MAJOR_SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Devanagari', 'Bengali',
  'Gurmukhi', 'Gujarati', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Myanmar',
  'Khmer', 'Ethiopic', 'Hangul', 'Hiragana', 'Katakana', 'Han', 'Tibetan', 'Oriya',
].map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

const SHARED_SCRIPT = /\p{Script=Common}|\p{Script=Inherited}/u;

/** Blocks whose every assigned character is everyday text (first, last code point). */
const EVERYDAY_BLOCKS: [number, number][] = [
  [0x00a0, 0x017f], // Latin-1 Supplement, Latin Extended-A
  [0x0386, 0x03ce], // Greek letters
  [0x0400, 0x045f], // Cyrillic core
  [0x0490, 0x0491], // Ukrainian ghe
  [0x05d0, 0x05ea], // Hebrew letters
  [0x0620, 0x064a], // Arabic letters
  [0x0660, 0x0669], // Arabic-Indic digits
  [0x0e01, 0x0e5b], // Thai
  [0x0900, 0x097f], // Devanagari
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2010, 0x205e], // General Punctuation
  [0x2070, 0x209f], // Superscripts and Subscripts
  [0x20a0, 0x20c0], // Currency Symbols
  [0x2100, 0x23ff], // Letterlike, Number Forms, Arrows, Mathematical Operators, Miscellaneous Technical
  [0x2460, 0x27bf], // Enclosed Alphanumerics, Box Drawing, Blocks, Geometric Shapes, Miscellaneous Symbols, Dingbats
  [0x2b00, 0x2bff], // Miscellaneous Symbols and Arrows
  [0x3000, 0x30ff], // CJK Symbols and Punctuation, Hiragana, Katakana
  [0xff01, 0xff9f], // Fullwidth and halfwidth forms
];

/** Decodes rows `first..last` of a 94×94 East Asian character set through a platform decoder. */
function rows(label: string, first: number, last: number): Set<number> {
  const bytes: number[] = [];
  for (let row = first; row <= last; row++) for (let cell = 1; cell <= 94; cell++) bytes.push(0xa0 + row, 0xa0 + cell);
  return new Set(Array.from(new TextDecoder(label).decode(Uint8Array.from(bytes)), (c) => c.codePointAt(0)!));
}

/**
 * The everyday ideographs and syllables: level 1 of GB 2312 (3,755 hanzi) and of JIS X 0208
 * (2,965 kanji), and the 2,350 Hangul syllables of KS X 1001, which those standards chose by
 * frequency of use.
 */
const COMMON_HAN = new Set([...rows('gbk', 16, 55), ...rows('euc-jp', 16, 47)]);
const COMMON_HANGUL = rows('euc-kr', 16, 40);

/** Format characters that belong in text: soft hyphen, zero-width (non-)joiner, direction marks. */
const USEFUL_FORMAT = new Set([0x00ad, 0x200c, 0x200d, 0x200e, 0x200f]);

function isNoncharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

/** Micro sign and ordinal indicators: unit prefixes and number suffixes, not letters of words. */
const LETTER_SYMBOLS = new Set([0xb5, 0xaa, 0xba]);
/** Parts of emoji sequences: keycap, skin tones, tags. */
function isEmojiComponent(cp: number): boolean {
  return cp === 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f);
}

function classify(cp: number): CharInfo {
  const c = String.fromCodePoint(cp);
  if (LETTER_SYMBOLS.has(cp)) return { kind: 'symbol', letter: false, script: '', commonness: 3 };
  if (isNoncharacter(cp) || cp === 0xfffd || (cp >= 0xd800 && cp <= 0xdfff)) {
    return { kind: 'unassigned', letter: false, script: '', commonness: 0 };
  }
  const kind = KINDS.find(([re]) => re.test(c))?.[1] ?? 'unassigned';
  if (kind === 'unassigned' || kind === 'private' || (kind === 'control' && cp >= 0x80)) {
    return { kind, letter: false, script: '', commonness: 0 };
  }
  const script = SHARED_SCRIPT.test(c) ? '' : (MAJOR_SCRIPTS.find(([, re]) => re.test(c))?.[0] ?? 'rare');
  let commonness: CharInfo['commonness'] = 2;
  if (script === 'Han' || script === 'Hangul') {
    commonness = COMMON_HAN.has(cp) || COMMON_HANGUL.has(cp) ? 3 : 2;
  } else if (
    LEGACY_REPERTOIRE.has(cp) ||
    isEmoji(cp) ||
    isEmojiComponent(cp) ||
    (EVERYDAY_BLOCKS.some(([lo, hi]) => cp >= lo && cp <= hi) && kind !== 'format') ||
    cp === 0xfe0f ||
    cp < 0x80
  ) {
    commonness = 3;
  } else if (
    script === 'rare' ||
    kind === 'mark' ||
    (kind === 'format' && !USEFUL_FORMAT.has(cp)) ||
    (cp >= 0x10000 && !(cp >= 0x20000 && cp <= 0x3ffff)) // astral non-emoji: historic scripts and symbol sets
  ) {
    commonness = 1;
  }
  return { kind, letter: isLetterKind(kind), script, commonness };
}

const bmp: (CharInfo | undefined)[] = new Array(0x10000);
const astral = new Map<number, CharInfo>();

export function charInfo(cp: number): CharInfo {
  if (cp < 0x10000) return (bmp[cp] ??= classify(cp));
  let info = astral.get(cp);
  if (!info) {
    info = classify(cp);
    astral.set(cp, info);
  }
  return info;
}

export function isLetterKind(kind: Kind): boolean {
  return kind === 'upper' || kind === 'lower' || kind === 'letter';
}
