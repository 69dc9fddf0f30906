// Making mojibake on purpose: what UTF-8 text becomes when read through a legacy code page, and
// where each garbled stretch sits. The tests and the benchmark garble clean text with it and check
// that findMojibake finds and repairs every stretch.
import { codePage, type CodePage } from './codepages';
import { utf8Bytes } from './utf8';

export interface GarbleOptions {
  /** How many times the text went through UTF-8 and back out through the code page (1 or 2). */
  times?: number;
  /** Bytes the code page lacks: shown as C1 controls (as WHATWG decoders do) or dropped by the transport. */
  undefinedBytes?: 'c1' | 'drop';
}

export interface GarbledSpan {
  /** UTF-16 offsets of the garbled stretch in the garbled text. */
  start: number;
  end: number;
  /** What it was before. */
  original: string;
  /** Bytes the transport dropped on the way. */
  lostBytes: number;
}

function page(name: string): CodePage {
  const found = codePage(name);
  if (!found) throw new Error(`unknown code page ${name}`);
  return found;
}

function once(text: string, codepage: CodePage, drop: boolean): { text: string; lost: number } {
  let out = '';
  let lost = 0;
  for (const b of utf8Bytes(text)) {
    const c = b < 0x80 ? String.fromCharCode(b) : codepage.chars[b - 0x80];
    if (c) out += c;
    else if (drop) lost++;
    else out += String.fromCharCode(b);
  }
  return { text: out, lost };
}

function garbleCounting(text: string, codepage: CodePage, options: GarbleOptions): { text: string; lost: number } {
  let out = { text, lost: 0 };
  for (let i = 0; i < (options.times ?? 1); i++) {
    const next = once(out.text, codepage, options.undefinedBytes === 'drop');
    out = { text: next.text, lost: out.lost + next.lost };
  }
  return out;
}

/** `text` encoded as UTF-8 and decoded through the code page named `codepage`. */
export function garble(text: string, codepage: string, options: GarbleOptions = {}): string {
  return garbleCounting(text, page(codepage), options).text;
}

/** Garbles a line and tells where each stretch of non-ASCII characters ended up (ASCII survives as it is). */
export function garbleLine(text: string, codepage: string, options: GarbleOptions = {}): { text: string; spans: GarbledSpan[] } {
  const cp = page(codepage);
  const spans: GarbledSpan[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/[^\x00-\x7f]+/g)) {
    out += text.slice(last, m.index);
    const garbled = garbleCounting(m[0], cp, options);
    spans.push({ start: out.length, end: out.length + garbled.text.length, original: m[0], lostBytes: garbled.lost });
    out += garbled.text;
    last = m.index + m[0].length;
  }
  return { text: out + text.slice(last), spans };
}
