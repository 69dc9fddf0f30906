// "Key: value" lines, in every shape reports use: "**Total Requests**: 2,145", "**Date:** Jan 18",
// "- CPU Usage: 45%", "Duration:     32 minutes" inside a fence, "p95 (95th): 150ms".
import type { Span } from '../core/types';
import type { Fragment, KeyValue } from './document';
import { fragment, trimSpan } from './fragment';
import { stripEmphasis } from './verdicts';

const MAX_KEY_LENGTH = 60;
const MAX_KEY_WORDS = 8;

/** The colon that separates key and value: not in a URL, a clock time or a port. */
function separatorIndex(line: string): number {
  for (let i = 0; i < line.length && i <= MAX_KEY_LENGTH + 8; i++) {
    if (line[i] !== ':') continue;
    if (line.startsWith('//', i + 1)) return -1; // scheme of a URL
    if (/\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? '')) continue; // 23:32, 0.0.0.0:5433
    return i;
  }
  return -1;
}

/** The key and value of a line (a fragment of `text`), when it has that shape. */
export function keyValueOf(text: string, line: Fragment, codeSpans: Span[]): Omit<KeyValue, 'line'> | undefined {
  const src = line.text;
  const colon = separatorIndex(src);
  if (colon <= 0) return undefined;
  const keySpan = trimSpan(text, line.span.start, line.span.start + colon);
  const key = stripEmphasis(text.slice(keySpan.start, keySpan.end))
    .replace(/^(?:[-*+]|\d+[.)])\s+/, '')
    .trim();
  if (!key || key.length > MAX_KEY_LENGTH || !/\p{L}/u.test(key) || key.split(/\s+/).length > MAX_KEY_WORDS) {
    return undefined;
  }
  // Skip the closing emphasis of "**Key:** value" and the spaces after the colon.
  let valueStart = line.span.start + colon + 1;
  const closing = /^(\*\*|__|\*|_)/.exec(text.slice(valueStart, valueStart + 2));
  if (closing) valueStart += closing[1].length;
  const value = trimSpan(text, valueStart, line.span.end);
  if (value.start >= value.end) return undefined;
  return { key, keySpan, value: fragment(text, value.start, value.end, codeSpans) };
}
