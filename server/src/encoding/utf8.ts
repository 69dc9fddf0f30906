// The shape of UTF-8 (RFC 3629): which bytes lead, how many follow, and the ranges that rule out
// overlong forms, surrogates and code points past U+10FFFF.

/** Length of the sequence a lead byte opens, or 0 for a continuation or never-valid byte. */
export function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

export function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

/** Whether `byte` may stand at `index` (1-based after the lead) of the sequence `lead` opens. */
export function fitsAt(lead: number, index: number, byte: number): boolean {
  if (index !== 1) return isContinuation(byte);
  const lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  return byte >= lo && byte <= hi;
}

/** Code point of a complete, valid sequence. */
export function decodeSequence(bytes: readonly number[]): number {
  const [lead, ...rest] = bytes;
  let cp = lead & (bytes.length === 2 ? 0x1f : bytes.length === 3 ? 0x0f : 0x07);
  for (const b of rest) cp = (cp << 6) | (b & 0x3f);
  return cp;
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The string of `cps`, built in slices: spreading a long run into String.fromCodePoint overflows the stack. */
export function fromCodePoints(cps: readonly number[]): string {
  const SLICE = 4096;
  if (cps.length <= SLICE) return String.fromCodePoint(...cps);
  const parts: string[] = [];
  for (let i = 0; i < cps.length; i += SLICE) parts.push(String.fromCodePoint(...cps.slice(i, i + SLICE)));
  return parts.join('');
}
