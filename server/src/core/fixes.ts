// Applying fixes: only the bytes each edit names change; a fix whose edits overlap one already
// taken waits for the next pass; applying again changes nothing.
import type { Fix, TextEdit } from './types';

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Edits that start at the same point also conflict: which goes first would be arbitrary.
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/** Applies every fix that does not collide with an earlier one (by position); all edits of a fix or none. */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: Fix[] } {
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  for (const fix of ordered) {
    const valid = fix.edits.every((e) => e.start >= 0 && e.start <= e.end && e.end <= text.length);
    const changes = fix.edits.some((e) => text.slice(e.start, e.end) !== e.newText);
    if (!valid || !changes || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
    applied.push(fix);
  }
  taken.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of taken) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied };
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.start));
}
