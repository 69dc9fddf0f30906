// What findMojibake reports.

export interface MojibakeCandidate {
  /** The repair: the characters the garbled run stood for. */
  text: string;
  /** Bytes put back where the code page had dropped one. */
  insertedBytes: number;
  /** Its code points, named: "U+1F3AF DIRECT HIT". */
  codePoints: string;
}

export interface MojibakeRun {
  /** UTF-16 offsets of the garbled run in the text. */
  start: number;
  end: number;
  /** The garbled run as it stands. */
  text: string;
  /** Code page the UTF-8 bytes went through: 'windows-1254', or 'windows-1252 twice' for double decoding. */
  decoder: string;
  /** The UTF-8 bytes recovered (without the dropped ones). */
  bytes: number[];
  /** Best first; exactly one when nothing was lost. */
  candidates: MojibakeCandidate[];
  /** True when one repair is the only plausible one. */
  certain: boolean;
  /** How many bytes were lost on the way (0 when none). */
  droppedBytes: number;
}
