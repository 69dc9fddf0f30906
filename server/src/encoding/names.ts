// Unicode character names for what repairs produce: emoji from the emoji data, accented Latin
// letters composed from their decomposition, names derived by rule (CJK ideographs, Hangul
// syllables, variation selectors), and a short table of the punctuation and symbols reports use.
// Anything else is shown by code point alone rather than with a guessed name.
import { emojiName } from './emoji';

/** Names (Unicode 15) of the non-emoji punctuation and symbols legacy code pages carry. */
const SYMBOLS: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE', 0x00a1: 'INVERTED EXCLAMATION MARK', 0x00a2: 'CENT SIGN', 0x00a3: 'POUND SIGN',
  0x00a4: 'CURRENCY SIGN', 0x00a5: 'YEN SIGN', 0x00a6: 'BROKEN BAR', 0x00a7: 'SECTION SIGN', 0x00a8: 'DIAERESIS',
  0x00aa: 'FEMININE ORDINAL INDICATOR', 0x00ab: 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK', 0x00ac: 'NOT SIGN',
  0x00ad: 'SOFT HYPHEN', 0x00af: 'MACRON', 0x00b0: 'DEGREE SIGN', 0x00b1: 'PLUS-MINUS SIGN',
  0x00b2: 'SUPERSCRIPT TWO', 0x00b3: 'SUPERSCRIPT THREE', 0x00b4: 'ACUTE ACCENT', 0x00b5: 'MICRO SIGN',
  0x00b6: 'PILCROW SIGN', 0x00b7: 'MIDDLE DOT', 0x00b8: 'CEDILLA', 0x00b9: 'SUPERSCRIPT ONE',
  0x00ba: 'MASCULINE ORDINAL INDICATOR', 0x00bb: 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK',
  0x00bc: 'VULGAR FRACTION ONE QUARTER', 0x00bd: 'VULGAR FRACTION ONE HALF', 0x00be: 'VULGAR FRACTION THREE QUARTERS',
  0x00bf: 'INVERTED QUESTION MARK', 0x00d7: 'MULTIPLICATION SIGN', 0x00f7: 'DIVISION SIGN',
  0x0192: 'LATIN SMALL LETTER F WITH HOOK', 0x02c6: 'MODIFIER LETTER CIRCUMFLEX ACCENT', 0x02c7: 'CARON',
  0x02d8: 'BREVE', 0x02d9: 'DOT ABOVE', 0x02db: 'OGONEK', 0x02dc: 'SMALL TILDE', 0x02dd: 'DOUBLE ACUTE ACCENT',
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x2010: 'HYPHEN', 0x2011: 'NON-BREAKING HYPHEN',
  0x2012: 'FIGURE DASH', 0x2013: 'EN DASH', 0x2014: 'EM DASH', 0x2015: 'HORIZONTAL BAR',
  0x2018: 'LEFT SINGLE QUOTATION MARK', 0x2019: 'RIGHT SINGLE QUOTATION MARK', 0x201a: 'SINGLE LOW-9 QUOTATION MARK',
  0x201c: 'LEFT DOUBLE QUOTATION MARK', 0x201d: 'RIGHT DOUBLE QUOTATION MARK', 0x201e: 'DOUBLE LOW-9 QUOTATION MARK',
  0x2020: 'DAGGER', 0x2021: 'DOUBLE DAGGER', 0x2022: 'BULLET', 0x2026: 'HORIZONTAL ELLIPSIS',
  0x202f: 'NARROW NO-BREAK SPACE', 0x2030: 'PER MILLE SIGN', 0x2032: 'PRIME', 0x2033: 'DOUBLE PRIME',
  0x2039: 'SINGLE LEFT-POINTING ANGLE QUOTATION MARK', 0x203a: 'SINGLE RIGHT-POINTING ANGLE QUOTATION MARK',
  0x20ac: 'EURO SIGN', 0x20b9: 'INDIAN RUPEE SIGN', 0x20bd: 'RUBLE SIGN', 0x20ba: 'TURKISH LIRA SIGN',
  0x2116: 'NUMERO SIGN', 0x2190: 'LEFTWARDS ARROW', 0x2191: 'UPWARDS ARROW', 0x2192: 'RIGHTWARDS ARROW',
  0x2193: 'DOWNWARDS ARROW', 0x21d2: 'RIGHTWARDS DOUBLE ARROW', 0x2212: 'MINUS SIGN', 0x221a: 'SQUARE ROOT',
  0x221e: 'INFINITY', 0x2248: 'ALMOST EQUAL TO', 0x2260: 'NOT EQUAL TO', 0x2264: 'LESS-THAN OR EQUAL TO',
  0x2265: 'GREATER-THAN OR EQUAL TO', 0x2500: 'BOX DRAWINGS LIGHT HORIZONTAL', 0x2502: 'BOX DRAWINGS LIGHT VERTICAL',
  0x2588: 'FULL BLOCK', 0x25a0: 'BLACK SQUARE', 0x2713: 'CHECK MARK', 0x2717: 'BALLOT X', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** Letters without a decomposition that accented names are built on. */
const BASE_LETTERS: Record<string, string> = {
  'Æ': 'AE', 'æ': 'AE', 'Ø': 'O WITH STROKE', 'ø': 'O WITH STROKE', 'Ð': 'ETH', 'ð': 'ETH', 'Þ': 'THORN',
  'þ': 'THORN', 'ß': 'SHARP S', 'Œ': 'LIGATURE OE', 'œ': 'LIGATURE OE', 'Đ': 'D WITH STROKE', 'đ': 'D WITH STROKE',
  'Ł': 'L WITH STROKE', 'ł': 'L WITH STROKE', 'ı': 'DOTLESS I', 'Ħ': 'H WITH STROKE', 'ħ': 'H WITH STROKE',
  'Ŋ': 'ENG', 'ŋ': 'ENG', 'Ŧ': 'T WITH STROKE', 'ŧ': 'T WITH STROKE',
};

const MARKS: Record<number, string> = {
  0x0300: 'GRAVE', 0x0301: 'ACUTE', 0x0302: 'CIRCUMFLEX', 0x0303: 'TILDE', 0x0304: 'MACRON', 0x0306: 'BREVE',
  0x0307: 'DOT ABOVE', 0x0308: 'DIAERESIS', 0x0309: 'HOOK ABOVE', 0x030a: 'RING ABOVE', 0x030b: 'DOUBLE ACUTE',
  0x030c: 'CARON', 0x031b: 'HORN', 0x0323: 'DOT BELOW', 0x0326: 'COMMA BELOW', 0x0327: 'CEDILLA', 0x0328: 'OGONEK',
};

function latinName(cp: number): string | undefined {
  const c = String.fromCodePoint(cp);
  if (c.normalize('NFC') !== c) return undefined; // a compatibility twin (KELVIN SIGN) has a name of its own
  const [base, ...marks] = [...c.normalize('NFD')];
  const letter = /^[A-Za-z]$/.test(base) ? base.toUpperCase() : BASE_LETTERS[base];
  // Names order several marks by their own rule, not NFD's: name only single-mark letters.
  if (!letter || marks.length > 1) return undefined;
  const mark = marks.length ? MARKS[marks[0].codePointAt(0)!] : '';
  if (mark === undefined) return undefined;
  const form = letter.startsWith('LIGATURE') ? letter : `LETTER ${letter}`;
  const joiner = letter.includes(' WITH ') ? ' AND ' : ' WITH ';
  return `LATIN ${base === base.toLowerCase() ? 'SMALL' : 'CAPITAL'} ${form}${mark ? joiner + mark : ''}`;
}

// Unicode 15, chapter 3.12: Hangul syllable names are composed from jamo short names.
const LEADS = 'G GG N D DD R M B BB S SS  J JJ C K T P H'.split(' ');
const VOWELS = 'A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I'.split(' ');
const TAILS = ' G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H'.split(' ');

function ruleName(cp: number): string | undefined {
  const hex = cp.toString(16).toUpperCase();
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df)) {
    return `CJK UNIFIED IDEOGRAPH-${hex}`;
  }
  if (cp >= 0xac00 && cp <= 0xd7a3) {
    const s = cp - 0xac00;
    return `HANGUL SYLLABLE ${LEADS[Math.floor(s / 588)]}${VOWELS[Math.floor((s % 588) / 28)]}${TAILS[s % 28]}`;
  }
  if (cp >= 0xfe00 && cp <= 0xfe0f) return `VARIATION SELECTOR-${cp - 0xfe00 + 1}`;
  if (cp >= 0xe0100 && cp <= 0xe01ef) return `VARIATION SELECTOR-${cp - 0xe0100 + 17}`;
  return undefined;
}

/** Name of a code point, when known. */
function characterName(cp: number): string | undefined {
  return emojiName(cp) ?? SYMBOLS[cp] ?? ruleName(cp) ?? latinName(cp);
}

/** Descriptions already given: a long repaired run names the same few characters over and over. */
const described = new Map<number, string>();

/** "U+2705 WHITE HEAVY CHECK MARK", or "U+XXXX" when the name is not known here. */
export function describeCodePoint(cp: number): string {
  let description = described.get(cp);
  if (description === undefined) {
    const label = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    const name = characterName(cp);
    description = name ? `${label} ${name}` : label;
    if (described.size >= 8192) described.clear();
    described.set(cp, description);
  }
  return description;
}
