// Reading and writing report files without losing a byte: the BOM survives a --fix, line endings
// are never touched (fixes edit spans), and a file that is not UTF-8 is never written.
import * as fs from 'node:fs';
import { isUtf8 } from 'node:buffer';

export interface Source {
  text: string;
  bom: boolean;
  validUtf8: boolean;
}

export function readSource(bytes: Uint8Array): Source {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const validUtf8 = isUtf8(bytes);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  return { text, bom, validUtf8 };
}

export function writeSource(file: string, text: string, source: Source): void {
  if (!source.validUtf8) throw new Error(`refusing to write ${file}: it is not UTF-8`);
  fs.writeFileSync(file, (source.bom ? '\uFEFF' : '') + text, 'utf8');
}
