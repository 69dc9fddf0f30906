// Unicode emoji data (emojibase-data): which emoji sequences are fully qualified, and their names.
import unicodeNames from 'emojibase-data/meta/unicode-names.json';

const VS16 = '\uFE0F';
const ZWJ = '\u200D';
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;

function fromHex(hexcode: string): string {
  return String.fromCodePoint(...hexcode.split('-').map((h) => parseInt(h, 16)));
}

/** Names of single code points, keyed by code point. */
const NAMES = new Map<number, string>();
/** Every fully-qualified emoji sequence (UTS #51): a text-default character carries U+FE0F. */
const FULLY_QUALIFIED = new Set<string>();

for (const [hexcode, name] of Object.entries(unicodeNames as Record<string, string>)) {
  const text = fromHex(hexcode);
  if (hexcode.includes('-')) {
    FULLY_QUALIFIED.add(text);
  } else {
    NAMES.set(text.codePointAt(0)!, name);
    FULLY_QUALIFIED.add(EMOJI_PRESENTATION.test(text) ? text : text + VS16);
  }
}

export function emojiName(cp: number): string | undefined {
  return NAMES.get(cp);
}

/** A code point that is an emoji on its own (not only a component such as U+FE0F or a skin tone). */
export function isEmoji(cp: number): boolean {
  return NAMES.has(cp) && !(cp >= 0x1f3fb && cp <= 0x1f3ff);
}

export function isFullyQualified(sequence: string): boolean {
  return FULLY_QUALIFIED.has(sequence);
}

interface EmojiSpan {
  start: number;
  end: number;
  qualified: boolean;
  /** A variation selector with no emoji before it. */
  invalid: boolean;
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

const MODIFIER_OR_SELECTOR = /^[\u{1F3FB}-\u{1F3FF}\uFE0F\uFE0E\u20E3]$/u;

/**
 * The emoji sequences in `text` (base, selectors, skin tones, ZWJ-joined parts), each marked fully
 * qualified or not. A U+FE0F that follows no emoji is reported as an invalid span of its own.
 */
export function emojiSpans(text: string): EmojiSpan[] {
  const spans: EmojiSpan[] = [];
  const cps = [...text];
  let offset = 0;
  for (let i = 0; i < cps.length; ) {
    const cp = cps[i].codePointAt(0)!;
    const start = offset;
    if (!isEmoji(cp) && cps[i] !== VS16) {
      offset += cps[i++].length;
      continue;
    }
    let j = i + 1;
    if (isRegionalIndicator(cp) && j < cps.length && isRegionalIndicator(cps[j].codePointAt(0)!)) j++;
    for (;;) {
      while (j < cps.length && MODIFIER_OR_SELECTOR.test(cps[j])) j++;
      if (j + 1 < cps.length && cps[j] === ZWJ && isEmoji(cps[j + 1].codePointAt(0)!)) j += 2;
      else break;
    }
    const sequence = cps.slice(i, j).join('');
    offset += sequence.length;
    spans.push({ start, end: offset, qualified: isEmoji(cp) && isFullyQualified(sequence), invalid: !isEmoji(cp) });
    i = j;
  }
  return spans;
}
