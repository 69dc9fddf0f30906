// Markdown or plain text, decided by content: reports arrive as .txt files that hold Markdown,
// and as plain text copied from web pages.

// Each repeated part is followed by something it cannot match, so no pattern backtracks more than
// linearly on a line (e.g. `[ \t]*\|?[ \t]*` would try every split of a run of spaces).
const SIGNALS: ((text: string) => boolean)[] = [
  (t) => /^#{1,6}[ \t]+\S/m.test(t), // ATX heading
  (t) => /^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+(?:\|[ \t]*)?$/m.test(t), // table delimiter row
  (t) => /^[ \t]*(```|~~~)/m.test(t), // fence
  (t) => /\*\*[^*\n]+\*\*/.test(t), // strong emphasis
  (t) => /^[ \t]*[-*+][ \t]+\S/m.test(t), // bullet list
  hasLink, // link
];

const isSpace = (c: string): boolean => /\s/.test(c);

/**
 * Whether `text` has a link, as /\[[^\]\n]+\]\([^)\s]+\)/ finds it, in linear time: the regular
 * expression retries from every "[" of a run and rescans the same text each time.
 */
function hasLink(text: string): boolean {
  let urlFrom = -1; // the last scan for the end of a URL started here...
  let urlEnd = -1; // ...and stopped here (at ")", white space or the end)
  for (let i = text.indexOf('['); i >= 0; ) {
    // Every "[" before the first "]" or line break after it shares that "]" and its URL.
    let close = i + 1;
    while (close < text.length && text[close] !== ']' && text[close] !== '\n') close++;
    if (close > i + 1 && text[close] === ']' && text[close + 1] === '(') {
      const from = close + 2;
      if (!(urlFrom <= from && from <= urlEnd)) {
        urlFrom = from;
        urlEnd = from;
        while (urlEnd < text.length && text[urlEnd] !== ')' && !isSpace(text[urlEnd])) urlEnd++;
      }
      if (urlEnd > from && text[urlEnd] === ')') return true;
    }
    if (close >= text.length) break;
    i = text.indexOf('[', close);
  }
  return false;
}

export function detectFormat(text: string): 'markdown' | 'plaintext' {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const found = SIGNALS.map((signal) => signal(sample));
  const score = found.filter(Boolean).length;
  // A heading, a table or a fence alone is decisive; the weaker signals need company.
  const strong = found.slice(0, 3).some(Boolean);
  return strong || score >= 2 ? 'markdown' : 'plaintext';
}
