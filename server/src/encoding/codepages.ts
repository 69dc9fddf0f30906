// Single-byte legacy code pages: what each byte 0x80–0xFF turns into, and back.
// Built at load time from the platform's decoders, not typed in, except CP437 (absent from WHATWG).

export interface CodePage {
  /** Label as iconv and WHATWG spell it. */
  readonly name: string;
  /** Character of byte 0x80 + i ('' where the code page leaves the byte undefined). */
  readonly chars: readonly string[];
  /** UTF-16 code unit → byte, for every byte ≥ 0x80; an undefined byte is reached through its C1 stand-in. */
  readonly byteOf: ReadonlyMap<number, number>;
  /** Bytes with no character: a transport drops them, or shows them as C1 controls (as WHATWG decoders do). */
  readonly undefinedBytes: readonly number[];
}

const HIGH_BYTES = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);

function isC1OrReplacement(c: string): boolean {
  const u = c.charCodeAt(0);
  return (u >= 0x80 && u <= 0x9f) || u === 0xfffd;
}

function build(name: string, high: readonly string[]): CodePage {
  if (high.length !== 128) throw new Error(`${name}: expected 128 characters, got ${high.length}`);
  const chars: string[] = [];
  const byteOf = new Map<number, number>();
  const undefinedBytes: number[] = [];
  high.forEach((c, i) => {
    const byte = 0x80 + i;
    if (isC1OrReplacement(c)) {
      chars.push('');
      undefinedBytes.push(byte);
      byteOf.set(byte, byte); // the C1 control a WHATWG decoder leaves in its place
    } else {
      chars.push(c);
      byteOf.set(c.charCodeAt(0), byte);
    }
  });
  return { name, chars, byteOf, undefinedBytes };
}

function fromPlatform(label: string): CodePage {
  // `stream: true` forces the ICU path: Node 20's one-shot windows-1252 fast path decodes as Latin-1.
  const text = new TextDecoder(label).decode(HIGH_BYTES, { stream: true });
  const chars = [...text];
  if (label === 'windows-1252' && chars[0] !== '\u20ac') throw new Error('windows-1252 decoder maps 0x80 wrongly');
  return build(label, chars);
}

/** ISO-8859-1 proper: every byte is the code point of the same value, so 0x80–0x9F are C1 controls. */
function latin1(): CodePage {
  const chars = Array.from(HIGH_BYTES, (b) => String.fromCharCode(b));
  const byteOf = new Map(Array.from(HIGH_BYTES, (b) => [b, b] as const));
  return { name: 'iso-8859-1', chars, byteOf, undefinedBytes: [] };
}

/**
 * IBM PC code page 437, bytes 0x80–0xFF, per the Unicode Consortium's mapping
 * (MAPPINGS/VENDORS/MICSFT/PC/CP437.TXT). WHATWG has no decoder for it.
 */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** In order of preference when several code pages read a run the same way. */
export const CODE_PAGES: readonly CodePage[] = [
  fromPlatform('windows-1252'),
  fromPlatform('windows-1254'),
  latin1(),
  fromPlatform('windows-1250'),
  fromPlatform('windows-1251'),
  fromPlatform('macintosh'),
  build('cp437', [...CP437_HIGH]),
];

/** Characters some legacy code page can hold: the repertoire everyday Western and Cyrillic text is written in. */
export const LEGACY_REPERTOIRE: ReadonlySet<number> = new Set(
  CODE_PAGES.flatMap((page) => page.chars.filter((c) => c !== '' && !isC1OrReplacement(c)).map((c) => c.codePointAt(0)!)),
);

export function codePage(name: string): CodePage | undefined {
  return CODE_PAGES.find((page) => page.name === name);
}

/** Decodes bytes through a code page; undefined bytes become their C1 stand-ins. */
export function decodeWith(page: CodePage, bytes: Iterable<number>): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : page.chars[b - 0x80] || String.fromCharCode(b);
  return out;
}
