// Offsets <-> line/character, with the same line breaks as LSP (\n, \r\n and a lone \r).

export interface Position {
  /** 0-based */
  line: number;
  /** 0-based, UTF-16 code units */
  character: number;
}

export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a 0-based line, without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  private eolStyle?: string;

  /** The line break style the text mostly uses, for inserting new lines (counted once: fixes ask per finding). */
  get eol(): string {
    if (this.eolStyle === undefined) {
      const crlf = this.text.split('\r\n').length - 1;
      const lf = this.text.split('\n').length - 1 - crlf;
      this.eolStyle = crlf > lf ? '\r\n' : '\n';
    }
    return this.eolStyle;
  }
}
