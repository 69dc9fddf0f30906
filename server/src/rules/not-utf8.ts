// not-utf8: a file whose bytes are not UTF-8 at all (raw Windows-1252, Mac Roman, ...): one clear
// finding naming the likely encoding, instead of noise on every accented character.
import { isUtf8 } from 'node:buffer';
import { detectLegacyEncoding } from '../encoding';
import type { Rule } from './rule';

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates), or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1];
    if (length >= 3) {
      // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
      const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      if (second < lo || second > hi) return i;
    }
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

export const notUtf8: Rule = {
  meta: {
    id: 'not-utf8',
    category: 'encoding',
    defaultSeverity: 'error',
    description: 'The file is not valid UTF-8; names the encoding it most likely is.',
    appliesTo: 'all',
    readsBytes: true,
  },
  check(_model, { bytes }) {
    if (!bytes) return [];
    const at = firstInvalidUtf8Byte(bytes);
    if (at < 0) return [];
    const guess = detectLegacyEncoding(bytes);
    const likely = guess ? `It is most likely ${guess.encoding}.` : 'Its encoding could not be told.';
    const how = guess
      ? `Reopen it as ${guess.encoding} (VS Code: "Reopen with Encoding") and save it as UTF-8, or convert it: iconv -f ${guess.encoding} -t UTF-8.`
      : 'Reopen it with its original encoding and save it as UTF-8.';
    return [
      {
        ruleId: 'not-utf8',
        // At the very start: the first line's extent depends on how the bytes were decoded.
        span: { start: 0, end: 0 },
        message: `The file is not valid UTF-8 (byte 0x${bytes[at].toString(16).toUpperCase()} at offset ${at}). ${likely} ${how}`,
      },
    ];
  },
};
