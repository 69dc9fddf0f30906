// Remembering pure functions of text across analyses: an edit leaves most lines of a document as
// they were, and the document-wide rules read every line again, so what they derive from one
// line's text is worth keeping. Bounded by two generations: when the newer holds `size` entries it
// becomes the older, and the older is dropped, so the most recently used survive without bookkeeping
// on every hit.

export function memoize<A extends string[], T>(f: (...texts: A) => T, size = 20_000): (...texts: A) => T {
  let older = new Map<string, T>();
  let newer = new Map<string, T>();
  return (...texts) => {
    // Each text with its length first: no two argument lists share a key.
    const key = texts.map((t) => `${t.length}:${t}`).join('');
    let value = newer.get(key);
    if (value !== undefined) return value;
    value = older.get(key) ?? f(...texts);
    if (newer.size >= size) {
      older = newer;
      newer = new Map();
    }
    newer.set(key, value);
    return value;
  };
}
