// Remembering pure functions of text across analyses: an edit leaves most lines of a document as
// they were, and the document-wide rules read every line again, so what they derive from one
// line's text is worth keeping. What is kept is what the latest two analyses used (the one running
// and the one before it): an editor re-analysing one document finds every unchanged line, and a
// server with many documents open, or a CLI run over many files, holds no more than two of them.

let analysis = 0;

/** Called as an analysis begins: what neither it nor the one before uses is let go. */
export function beginAnalysis(): void {
  analysis++;
}

class Generations<T> {
  private older = new Map<string, T>();
  private newer = new Map<string, T>();
  private current = analysis;
  /** `size`: a bound for a single analysis of a huge document, past which the older entries go. */
  constructor(private readonly size: number) {}

  /** The value kept for `key` (one from the analysis before is kept on for this one), or undefined. */
  find(key: string): T | undefined {
    if (this.current !== analysis) {
      this.older = this.current === analysis - 1 ? this.newer : new Map();
      this.newer = new Map();
      this.current = analysis;
    }
    const value = this.newer.get(key);
    if (value !== undefined) return value;
    const old = this.older.get(key);
    return old === undefined ? undefined : this.keep(key, old);
  }

  keep(key: string, value: T): T {
    if (this.newer.size >= this.size) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(key, value);
    return value;
  }
}

/** A function of one text, remembered. The text is the key: V8 keeps a string's hash, so an unchanged line's text is found without being read again. */
export function memoize<T>(f: (text: string) => T, size = 50_000): (text: string) => T {
  const cache = new Generations<T>(size);
  return (text) => cache.find(text) ?? cache.keep(text, f(text));
}

/** A function of two texts, remembered; the first goes into the key with its length, so no two pairs share one. */
export function memoize2<T>(f: (a: string, b: string) => T, size = 50_000): (a: string, b: string) => T {
  const cache = new Generations<T>(size);
  return (a, b) => {
    const key = `${a.length}:${a}${b}`;
    return cache.find(key) ?? cache.keep(key, f(a, b));
  };
}
