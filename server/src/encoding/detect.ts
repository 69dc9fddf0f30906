// Finding mojibake: runs of characters that are the image, under one legacy code page, of
// well-formed UTF-8 (perhaps short of bytes the code page could not show), and whose decoded
// reading is far more plausible than the text as it stands.
import { charInfo } from './chars';
import { CODE_PAGES, codePage, decodeWith, type CodePage } from './codepages';
import { context, lookAhead, lookBack } from './context';
import { describeCodePoint } from './names';
import { weirdness } from './plausibility';
import { rankReadings } from './ranking';
import { innerReadings } from './inner';
import { combineReadings, sequenceReadings, type Reading, type Sequence } from './repair';
import { shapeEvidence, shapes, type Shape } from './shapes';
import type { MojibakeRun } from './types';
import { fromCodePoints, sequenceLength } from './utf8';

/** Evidence a run needs: above what any single odd pair of real characters scores on its own. */
const THRESHOLD = 1.5;
/**
 * Evidence a run needs next to a run of the same code page (a gap of at most SUPPORT_GAP
 * non-letters between them): its repair need only read no worse than it stands. "Рє" (к) alone
 * is two Cyrillic letters; between "Р“РѕС‚РѕРІРЅРѕСЃС‚СЊ" and "РїСЂРѕРґ" it is mojibake too.
 */
const SUPPORTED_THRESHOLD = 0;
const SUPPORT_GAP = 3;
/**
 * A shape of more sequences than this (a whole line garbled without one ASCII character, or a
 * pathological input of megabytes) is judged in pieces of PIECE sequences, cut between sequences:
 * a repair never crosses a sequence boundary. The pieces' readings join into the shape's, and
 * their evidence adds up. Identical pieces, as long repeated runs have, are judged once.
 */
const LONG_SHAPE = 256;
const PIECE = 128;
/** Readings kept for a long shape: the best of every piece, then one piece's alternative at a time. */
const LONG_READINGS = 4;

interface Decoded extends Reading {
  /** The UTF-8 bytes this reading was recovered from, without the lost ones. */
  readonly bytes: readonly number[];
}

interface Interpretation {
  start: number;
  end: number;
  decoder: string;
  readings: Decoded[];
  evidence: number;
  order: number;
  before: number[];
  after: number[];
  /** The sequences the garbled characters stand for, under this code page. */
  sequences: readonly Sequence[];
}

/** How a shape reads under a code page: its readings, best first, and the evidence for the best. */
interface Judgement {
  decoder: string;
  readings: Decoded[];
  evidence: number;
}

function evidenceOf(garbled: readonly number[], decoded: readonly number[], before: readonly number[], after: readonly number[]): number {
  const g = [...before, ...garbled, ...after];
  const d = [...before, ...decoded, ...after];
  return weirdness(g, before.length, before.length + garbled.length) - weirdness(d, before.length, before.length + decoded.length);
}

const cps = (text: string): number[] => Array.from(text, (c) => c.codePointAt(0)!);

/**
 * Readings of text decoded wrongly twice: the outer sequences (each with the characters it can
 * have been) read, under the first page of `pages` that reads them whole, as a second layer of
 * UTF-8 that is ordinary text and more plausible than the middle layer by `threshold` (THRESHOLD:
 * far more; -Infinity on a line known to be decoded twice, where only the repair's own merit counts).
 */
function innerLayer(outer: readonly (readonly Reading[])[], before: number[], after: number[], pages: readonly CodePage[], threshold: number): { page: CodePage; readings: Decoded[] } | undefined {
  if (outer.length < 2) return undefined;
  for (const page of pages) {
    const readings = innerReadings(outer, page, before, after).filter((r) => r.cps.every((cp) => charInfo(cp).commonness >= 2));
    if (readings.length === 0) continue;
    // Evidence as for any shape: the characters of the middle layer against the best reading.
    const best = readings[0];
    const text = decodeWith(page, best.bytes);
    const shape: Shape = { start: 0, end: text.length, sequences: [...best.sequences], readings: [] };
    const evidence = shapeEvidence(text, shape, best.cps) + evidenceOf(cps(text), best.cps, before, after);
    if (evidence < threshold) continue;
    return { page, readings };
  }
  return undefined;
}

/** The name of a decoding through `inner`, then `outer`: 'windows-1252 twice', 'windows-1252, then macintosh'. */
function layeredName(inner: CodePage, outer: CodePage): string {
  return inner === outer ? `${outer.name} twice` : `${inner.name}, then ${outer.name}`;
}

const layerNames = new Map<string, { inner: CodePage; outer: CodePage } | undefined>();

/** The pages of a name layeredName made; undefined for a single page. */
function layersOf(decoder: string): { inner: CodePage; outer: CodePage } | undefined {
  if (!layerNames.has(decoder)) {
    const twice = /^(.+) twice$/.exec(decoder);
    const then = /^(.+), then (.+)$/.exec(decoder);
    const inner = codePage(twice?.[1] ?? then?.[1] ?? '');
    const outer = codePage(twice?.[1] ?? then?.[2] ?? '');
    layerNames.set(decoder, inner && outer ? { inner, outer } : undefined);
  }
  return layerNames.get(decoder);
}

/**
 * How `shape` reads under `page` between `before` and `after`, perhaps with a second layer of
 * mojibake under one of `inner` (one that reads better than the middle layer by `innerThreshold`).
 * Undefined when no reading is ordinary text; the evidence is not yet held to a threshold.
 */
function judge(text: string, shape: Shape, page: CodePage, before: number[], after: number[], inner: readonly CodePage[], innerThreshold = THRESHOLD): Judgement | undefined {
  const outer = rankReadings(combineReadings(shape.readings), before, after);
  const outerBytes = shape.sequences.flatMap((s) => s.bytes);
  let readings: Decoded[] = outer.map((r) => ({ ...r, bytes: outerBytes }));
  let decoder = page.name;
  // Twice-decoded text reads, once repaired, as mojibake again: repair it a second time.
  const layer = inner.length ? innerLayer(shape.readings, before, after, inner, innerThreshold) : undefined;
  if (layer) {
    readings = layer.readings;
    decoder = layeredName(layer.page, page);
  }
  readings = readings.filter((r) => r.cps.every((cp) => charInfo(cp).commonness >= 2));
  if (readings.length === 0) return undefined;
  const garbled = cps(text.slice(shape.start, shape.end));
  const evidence = shapeEvidence(text, shape, outer[0].cps) + evidenceOf(garbled, readings[0].cps, before, after);
  return { decoder, readings, evidence };
}

/**
 * Judgements by code page, surroundings and characters, which are all a judgement depends on: a
 * long garbled stretch repeats the same few shapes (and pieces of shapes) over and over.
 */
const JUDGED_LIMIT = 4096;
const judgements = new Map<string, Judgement | null>();

function judgeOnce(text: string, shape: Shape, page: CodePage, before: number[], after: number[], inner: readonly CodePage[] = CODE_PAGES, innerThreshold = THRESHOLD): Judgement | undefined {
  const layers = inner === CODE_PAGES ? '' : `/${inner.map((p) => p.name).join()}`;
  const key = `${page.name}${layers}/${innerThreshold}:${before.join()}:${after.join()}:${text.slice(shape.start, shape.end)}`;
  let judged = judgements.get(key);
  if (judged === undefined) {
    judged = judge(text, shape, page, before, after, inner, innerThreshold) ?? null;
    if (judgements.size >= JUDGED_LIMIT) judgements.clear();
    judgements.set(key, judged);
  }
  return judged ?? undefined;
}

/**
 * Where a second layer of mojibake may lie under a long shape read under `outer`: the pages under
 * which the characters it reads as (each sequence's first reading, a guess where bytes were lost)
 * form one whole shape, and before which sequences a piece may begin (1) so as to cut that layer
 * between its sequences too. When no page reads the guess whole, a piece begins where the
 * character opens a sequence under `outer` itself, the commonest page to have decoded twice.
 */
function innerCuts(shape: Shape, outer: CodePage): { pages: CodePage[]; allowed: Uint8Array } {
  const pages: CodePage[] = [];
  const n = shape.sequences.length;
  const allowed = new Uint8Array(n + 1).fill(1);
  const guess = fromCodePoints(shape.readings.map((r) => r[0].cps[0]));
  for (const page of CODE_PAGES) {
    const inner = shapes(guess, 0, guess.length, page);
    // A whole shape has no astral characters (no page has one): one character per outer sequence.
    if (inner.length !== 1 || inner[0].start !== 0 || inner[0].end !== guess.length) continue;
    pages.push(page);
    const starts = new Uint8Array(allowed.length);
    let at = 0;
    for (const s of inner[0].sequences) {
      starts[at] = 1;
      at += s.bytes.length;
    }
    starts[at] = 1;
    for (let k = 0; k < allowed.length; k++) allowed[k] &= starts[k];
  }
  if (pages.length === 0) {
    for (let k = 0; k < n; k++) {
      const byte = shape.readings[k].length === 1 ? outer.byteOf.get(shape.readings[k][0].cps[0]) : undefined;
      allowed[k] = byte !== undefined && sequenceLength(byte) > 0 ? 1 : 0;
    }
  }
  return { pages, allowed };
}

/**
 * A long shape judged in pieces of PIECE sequences, each in its own surroundings. A second layer
 * of mojibake is looked for under the page the whole shape could have (the first, as for a short
 * shape); pieces that still disagree on it are all read as one layer. Linear in the shape, where
 * judging it whole is not.
 */
function judgeLong(text: string, shape: Shape, page: CodePage): Judgement | undefined {
  const n = shape.sequences.length;
  const { pages, allowed } = innerCuts(shape, page);
  const pieces: Shape[] = [];
  for (let i = 0, at = shape.start; i < n; ) {
    // PIECE sequences, or up to twice as many to reach a cut the inner layer allows.
    let end = Math.min(n, i + PIECE);
    if (end < n) {
      let k = end;
      while (k < n && k < i + 2 * PIECE && !allowed[k]) k++;
      if (k === n || allowed[k]) end = k;
    }
    const sequences = shape.sequences.slice(i, end);
    const start = at;
    for (const s of sequences) at += s.bytes.length;
    pieces.push({ start, end: at, sequences, readings: shape.readings.slice(i, end) });
    i = end;
  }
  let parts: Judgement[] = [];
  for (const inner of [pages.length ? pages.slice(0, 1) : CODE_PAGES, []]) {
    parts = [];
    for (const piece of pieces) {
      const { before, after } = context(text, piece.start, piece.end);
      const judged = judgeOnce(text, piece, page, before, after, inner);
      if (!judged) return undefined;
      parts.push(judged);
    }
    if (parts.every((p) => p.decoder === parts[0].decoder)) break;
  }
  // The best reading of every piece, then each piece's next-best readings in turn.
  const choices: number[][] = [parts.map(() => 0)];
  for (let rank = 1, more = true; more && choices.length < LONG_READINGS; rank++) {
    more = false;
    for (let p = 0; p < parts.length && choices.length < LONG_READINGS; p++) {
      if (rank >= parts[p].readings.length) continue;
      more = true;
      const choice = parts.map(() => 0);
      choice[p] = rank;
      choices.push(choice);
    }
  }
  const readings = choices.map((choice): Decoded => {
    const cps: number[] = [];
    const bytes: number[] = [];
    let inserted = 0;
    choice.forEach((rank, p) => {
      const r = parts[p].readings[rank];
      for (const cp of r.cps) cps.push(cp);
      for (const b of r.bytes) bytes.push(b);
      inserted += r.inserted;
    });
    return { cps, bytes, inserted };
  });
  const evidence = parts.reduce((sum, p) => sum + p.evidence, 0);
  return { decoder: parts[0].decoder, readings, evidence };
}

function interpret(text: string, shape: Shape, page: CodePage, order: number): Interpretation | undefined {
  const { before, after } = context(text, shape.start, shape.end);
  const judged = shape.sequences.length > LONG_SHAPE ? judgeLong(text, shape, page) : judgeOnce(text, shape, page, before, after);
  if (!judged || judged.evidence < SUPPORTED_THRESHOLD) return undefined;
  const { decoder, readings, evidence } = judged;
  return { start: shape.start, end: shape.end, decoder, readings, evidence, order, before, after, sequences: shape.sequences };
}

/** A run as found in `text`, offsets relative to it. */
function toRun(text: string, found: Interpretation): MojibakeRun {
  const best = found.readings[0];
  const seen = new Set<string>();
  const candidates = [];
  for (const r of found.readings) {
    const repaired = fromCodePoints(r.cps);
    if (seen.has(repaired)) continue;
    seen.add(repaired);
    candidates.push({ text: repaired, insertedBytes: r.inserted, codePoints: r.cps.map(describeCodePoint).join(', ') });
  }
  return {
    start: found.start,
    end: found.end,
    text: text.slice(found.start, found.end),
    decoder: found.decoder,
    bytes: [...best.bytes],
    candidates,
    certain: candidates.length === 1,
    droppedBytes: best.inserted,
  };
}

/** Whether two cuts into sequences stand for the same bytes, cut alike. */
function sameBytes(a: readonly Sequence[], b: readonly Sequence[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const x = a[i].bytes;
    const y = b[i].bytes;
    if (x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  }
  return true;
}

/**
 * Folds into `kept` the readings of another code page that reads the same characters as the same
 * bytes but could have lost different ones ("â€" lost 0x9D in windows-1252, 0x9E in
 * windows-1254). The decoder named is the page of the best reading.
 */
function merge(kept: Interpretation, other: Interpretation): void {
  // Decoded once and decoded twice are different stories; two stories of the same depth are one.
  if (!sameBytes(kept.sequences, other.sequences) || kept.decoder.includes(' ') !== other.decoder.includes(' ')) return;
  const owner = new Map<string, string>();
  for (const i of [kept, other].sort((a, b) => a.order - b.order)) {
    for (const r of i.readings) if (!owner.has(r.cps.join())) owner.set(r.cps.join(), i.decoder);
  }
  const union = [...kept.readings, ...other.readings].filter((r, i, all) => all.findIndex((o) => o.cps.join() === r.cps.join()) === i);
  kept.readings = rankReadings(union, kept.before, kept.after);
  kept.decoder = owner.get(kept.readings[0].cps.join())!;
}

interface Found {
  /** Runs that stand on their own evidence. */
  runs: MojibakeRun[];
  /** Runs that count only next to a run of the same code page. */
  weak: MojibakeRun[];
}

/**
 * The explanations kept so far: the widest that do not overlap one kept before, same-span ones
 * merged. Fed in order of width, widest first.
 */
class Selection {
  readonly kept: Interpretation[] = [];
  private readonly bySpan = new Map<number, Interpretation>();
  /** Characters explained: an overlap test costs the width of the candidate, not the count of those kept. */
  private readonly covered: Uint8Array;

  constructor(
    private readonly size: number,
    taken: readonly Interpretation[] = [],
  ) {
    this.covered = new Uint8Array(size);
    for (const t of taken) this.covered.fill(1, t.start, t.end);
  }

  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.covered[i]) return true;
    return false;
  }

  add(found: Interpretation[]): void {
    // The widest explanation wins; among equals, the stronger one, then the commoner code page.
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.evidence - a.evidence || a.order - b.order);
    for (const f of found) {
      const span = f.start * (this.size + 1) + f.end;
      const same = this.bySpan.get(span);
      if (same) merge(same, f);
      else if (!this.overlaps(f.start, f.end)) {
        this.kept.push(f);
        this.bySpan.set(span, f);
        this.covered.fill(1, f.start, f.end);
      }
    }
  }

  inOrder(): Interpretation[] {
    return this.kept.sort((a, b) => a.start - b.start);
  }
}

/**
 * The mojibake runs of one stretch of non-ASCII characters, judged in its surroundings. Shapes are
 * judged widest first, and a shape that overlaps a wider strong run already kept is not judged at
 * all: it could be kept neither as a strong run nor as a weak one.
 */
function segmentRuns(text: string, from: number, to: number): Found {
  const all: { shape: Shape; page: CodePage; order: number }[] = [];
  CODE_PAGES.forEach((page, order) => {
    for (const shape of shapes(text, from, to, page)) all.push({ shape, page, order });
  });
  // Stable: among equally wide shapes, the commoner page's first, then in order of position.
  all.sort((a, b) => b.shape.end - b.shape.start - (a.shape.end - a.shape.start));
  const strong = new Selection(text.length);
  const weak: Interpretation[] = [];
  // Shapes judged, by span: a shape of another page with the same bytes is read alike.
  const judged = new Map<number, { shape: Shape; page: CodePage }[]>();
  // Pages that agree on these characters (and on the bytes they lack) read them alike: the
  // commoner page speaks for them.
  const alike = (a: Shape, pageA: CodePage, b: Shape, pageB: CodePage): boolean =>
    sameBytes(a.sequences, b.sequences) && (!a.sequences.some((s) => s.bytes.length < s.length) || pageA.undefinedBytes.join() === pageB.undefinedBytes.join());
  for (let i = 0; i < all.length; ) {
    const width = all[i].shape.end - all[i].shape.start;
    const found: Interpretation[] = [];
    for (; i < all.length && all[i].shape.end - all[i].shape.start === width; i++) {
      const { shape, page, order } = all[i];
      if (strong.overlaps(shape.start, shape.end)) continue;
      const span = shape.start * (text.length + 1) + shape.end;
      const earlier = judged.get(span) ?? [];
      if (earlier.some((e) => alike(e.shape, e.page, shape, page))) continue;
      judged.set(span, [...earlier, { shape, page }]);
      const interpretation = interpret(text, shape, page, order);
      if (interpretation) found.push(interpretation);
    }
    strong.add(found.filter((f) => f.evidence >= THRESHOLD));
    for (const f of found) if (f.evidence < THRESHOLD) weak.push(f);
  }
  const runs = strong.inOrder();
  const backing = new Selection(text.length, runs);
  backing.add(weak);
  return { runs: runs.map((t) => toRun(text, t)), weak: backing.inOrder().map((t) => toRun(text, t)) };
}

/** Reports repeat the same characters in the same surroundings ("- âœ… **PASS**"): judge each once. */
const CACHE_LIMIT = 4096;
/** Longer windows are not kept: their shapes are (see judgeOnce). */
const CACHE_WINDOW = 1 << 16;
const cache = new Map<string, Found>();

const NON_ASCII = /[^\x00-\x7f]+/g;

function shifted(run: MojibakeRun, offset: number): MojibakeRun {
  return { ...run, start: run.start + offset, end: run.end + offset, bytes: [...run.bytes], candidates: run.candidates.map((c) => ({ ...c })) };
}

/**
 * Whether `run` sits next to a run of its code page, with only a few non-letters between. `runs`
 * are in order and do not overlap: only the few ending or starting near `run` are looked at.
 */
function supported(text: string, run: MojibakeRun, runs: readonly MojibakeRun[]): boolean {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end < run.start - SUPPORT_GAP) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < runs.length && runs[i].start <= run.end + SUPPORT_GAP; i++) {
    const r = runs[i];
    if (r.decoder !== run.decoder) continue;
    const gap = r.end <= run.start ? text.slice(r.end, run.start) : r.start >= run.end ? text.slice(run.end, r.start) : undefined;
    if (gap !== undefined && gap.length <= SUPPORT_GAP && !/\p{L}/u.test(gap)) return true;
  }
  return false;
}

/** Nothing but ASCII, on one line. */
const ASCII_ON_A_LINE = /^[\x00-\x09\x0b-\x7f]*$/;

/**
 * Weak runs linked to a strong run of their code page by nothing but ASCII and other weak runs of
 * that page, on one line: a line that went through a code page went through it whole, so every
 * stretch of it that reads no worse repaired is mojibake too ("17 РёСЋРЅСЏ 2024 Рі." — г.). A line
 * of real text has no strong run, and any other non-ASCII text between breaks the chain.
 */
function chained(text: string, runs: readonly MojibakeRun[], weak: readonly MojibakeRun[]): Set<MojibakeRun> {
  const all = [...runs.map((r) => ({ r, strong: true })), ...weak.map((r) => ({ r, strong: false }))].sort((a, b) => a.r.start - b.r.start);
  const linked = (i: number, j: number) => all[i].r.decoder === all[j].r.decoder && all[i].r.end <= all[j].r.start && ASCII_ON_A_LINE.test(text.slice(all[i].r.end, all[j].r.start));
  const left = all.map(() => false);
  const right = all.map(() => false);
  for (let i = 1; i < all.length; i++) left[i] = linked(i - 1, i) && (all[i - 1].strong || left[i - 1]);
  for (let i = all.length - 2; i >= 0; i--) right[i] = linked(i, i + 1) && (all[i + 1].strong || right[i + 1]);
  return new Set(all.filter((x, i) => !x.strong && (left[i] || right[i])).map((x) => x.r));
}

/**
 * A run for the character at `at` when, under `page`, it opens a two-byte sequence and stands alone
 * (its continuation byte dropped): the characters it can have been, best first. None when no
 * reading is ordinary text that reads no worse than the character as it stands.
 */
function loneLead(text: string, at: number, page: CodePage): MojibakeRun | undefined {
  const lead = page.byteOf.get(text.charCodeAt(at));
  if (lead === undefined || sequenceLength(lead) !== 2) return undefined;
  const { before, after } = context(text, at, at + 1);
  const readings = sequenceReadings({ bytes: [lead], length: 2 }, page.undefinedBytes).filter((r) => charInfo(r.cps[0]).commonness >= 2);
  if (readings.length === 0) return undefined;
  const ranked = rankReadings(readings, before, after);
  if (evidenceOf([text.charCodeAt(at)], ranked[0].cps, before, after) < SUPPORTED_THRESHOLD) return undefined;
  const candidates = ranked.map((r) => ({ text: fromCodePoints(r.cps), insertedBytes: 1, codePoints: r.cps.map(describeCodePoint).join(', ') }));
  return { start: at, end: at + 1, text: text[at], decoder: page.name, bytes: [lead], candidates, certain: candidates.length === 1, droppedBytes: 1 };
}

/**
 * Lone leads (see loneLead) linked, by nothing but ASCII and other lone leads, to a run of a page
 * that drops bytes on the same line. On its own a lone "Ã" is real text ("NÃO"); in a line that
 * went through such a page it is what is left of a character ("ÃREA DE PRUEBAS: Ã‰XITO" — Á).
 */
function loneLeads(text: string, runs: readonly MojibakeRun[], singles: readonly number[]): MojibakeRun[] {
  // A run of two layers names no single page (page undefined): it is a run all the same, and breaks a chain.
  const all = [...runs.map((r) => ({ start: r.start, end: r.end, page: codePage(r.decoder), run: true })), ...singles.map((at) => ({ start: at, end: at + 1, page: undefined, run: false }))].sort((a, b) => a.start - b.start);
  const isRun = all.map((x) => x.run);
  const found = new Map<number, MojibakeRun>();
  const pass = (order: number[]) => {
    let page: CodePage | undefined;
    let last = -1;
    for (const i of order) {
      const x = all[i];
      const gap = last < 0 ? '' : last < i ? text.slice(all[last].end, x.start) : text.slice(x.end, all[last].start);
      if (last < 0 || !ASCII_ON_A_LINE.test(gap)) page = undefined;
      if (isRun[i]) page = x.page && x.page.undefinedBytes.length > 0 ? x.page : undefined;
      else if (page) {
        const run = found.get(x.start) ?? loneLead(text, x.start, page);
        if (run) found.set(x.start, run);
        else page = undefined;
      }
      last = i;
    }
  };
  pass(all.map((_, i) => i));
  pass(all.map((_, i) => all.length - 1 - i));
  return [...found.values()];
}

/**
 * `shape` read through `inner`, then `outer`, on a line known to have gone through both. There
 * the question is no longer whether the characters are mojibake, only how they read: the middle
 * layer need not read better than the outer one ("ГЉ" reads as well as "Ê"), and bytes lost count
 * against nothing; the repair need only read no worse than the text as it stands.
 */
function readThroughBoth(text: string, shape: Shape, inner: CodePage, outer: CodePage): MojibakeRun | undefined {
  if (shape.sequences.length > LONG_SHAPE) return undefined;
  const { before, after } = context(text, shape.start, shape.end);
  const judged = judgeOnce(text, shape, outer, before, after, [inner], -Infinity);
  if (!judged || judged.decoder !== layeredName(inner, outer)) return undefined;
  const { decoder, readings, evidence } = judged;
  if (evidenceOf(cps(text.slice(shape.start, shape.end)), readings[0].cps, before, after) < SUPPORTED_THRESHOLD) return undefined;
  return toRun(text, { start: shape.start, end: shape.end, decoder, readings, evidence, order: 0, before, after, sequences: shape.sequences });
}

/** Index of the first of `runs` (in order, not overlapping) that ends after `at`. */
function firstEndingAfter(runs: readonly MojibakeRun[], at: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const LINE_BREAK = /\r\n?|\n/g;

/** The lines (start → end, and the runs on it) that hold `runs` (in order), in one pass over the text. */
function linesOf(text: string, runs: readonly MojibakeRun[]): Map<number, { end: number; runs: MojibakeRun[] }> {
  const lines = new Map<number, { end: number; runs: MojibakeRun[] }>();
  let start = 0;
  let end = -1;
  let next = 0;
  for (const r of runs) {
    while (r.start > end) {
      if (end >= 0) start = next;
      LINE_BREAK.lastIndex = start;
      const m = LINE_BREAK.exec(text);
      end = m ? m.index : text.length;
      next = m ? m.index + m[0].length : text.length + 1;
    }
    const line = lines.get(start);
    if (line) line.runs.push(r);
    else lines.set(start, { end, runs: [r] });
  }
  return lines;
}

/**
 * A line decoded twice went through both code pages whole. On a line where strong runs read as two
 * layers (most of them as the same two), every stretch not read yet, or read as one layer, that is
 * the outer page's image of UTF-8 is read through both when that reads no worse than it stands
 * ("РІСљвЂ¦ PASS, 99Р’В·9%": "Р’В·" is "·", not "В·"; "ÃÂ·ÃÂ°" among words decoded twice is
 * "за"). One line can hold text garbled to different depths: a strong run of one layer gives way
 * only to a reading of two that is exact, no byte put back. Lines decoded once are left to
 * `chained`: real Cyrillic is windows-1251's image of UTF-8 too often ("Рі" in "Рівень") for a line
 * to vouch for every stretch on it. `found` is in order and does not overlap.
 */
function wholeLines(text: string, strong: readonly MojibakeRun[], found: MojibakeRun[]): MojibakeRun[] {
  const isStrong = new Set(strong);
  const layered = (r: MojibakeRun) => layersOf(r.decoder) !== undefined;
  const replaced = new Set<MojibakeRun>();
  const added: MojibakeRun[] = [];
  const stretches = new RegExp(NON_ASCII.source, 'g');
  for (const [start, line] of linesOf(text, strong.filter(layered))) {
    // Pages that show some characters alike can name one line's layers differently: the most runs speak for it.
    const counts = new Map<string, number>();
    for (const r of line.runs) counts.set(r.decoder, (counts.get(r.decoder) ?? 0) + 1);
    const { inner, outer } = layersOf([...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0])!;
    // Stretches of non-ASCII characters never cross a line break (CR and LF are ASCII).
    stretches.lastIndex = start;
    for (let m = stretches.exec(text); m && m.index < line.end; m = stretches.exec(text)) {
      const from = m.index;
      const to = from + m[0].length;
      let covered = from;
      for (let i = firstEndingAfter(found, from); i < found.length && found[i].start <= covered && covered < to && layered(found[i]); i++) covered = found[i].end;
      if (covered >= to) continue;
      for (const shape of shapes(text, from, to, outer)) {
        const inside: MojibakeRun[] = [];
        let blocked = false;
        for (let i = firstEndingAfter(found, shape.start); i < found.length && found[i].start < shape.end; i++) {
          const r = found[i];
          if (layered(r) || r.start < shape.start || r.end > shape.end) blocked = true;
          inside.push(r);
        }
        const run = blocked ? undefined : readThroughBoth(text, shape, inner, outer);
        // A strong run of one layer gives way only to a reading of two that puts no byte back.
        if (!run || (run.droppedBytes > 0 && inside.some((r) => isStrong.has(r)))) continue;
        for (const r of inside) replaced.add(r);
        added.push(run);
      }
    }
  }
  if (added.length === 0) return found;
  return [...found.filter((r) => !replaced.has(r)), ...added].sort((a, b) => a.start - b.start);
}

/** Every mojibake run in `text`, in order. Linear in the text; plain ASCII returns at once. */
export function findMojibake(text: string): MojibakeRun[] {
  if (!/[^\x00-\x7f]/.test(text)) return [];
  const runs: MojibakeRun[] = [];
  const weak: MojibakeRun[] = [];
  const singles: number[] = [];
  for (const m of text.matchAll(NON_ASCII)) {
    // Every image of a whole multi-byte sequence is two characters or more; one alone may be a lone lead.
    if (m[0].length < 2) {
      singles.push(m.index);
      continue;
    }
    const from = m.index;
    const to = from + m[0].length;
    // Only the stretch and the words around it matter: the same window is judged the same anywhere.
    const lo = from - lookBack(text, from).units;
    const window = text.slice(lo, to + lookAhead(text, to).units);
    const key = window.length <= CACHE_WINDOW ? `${from - lo}:${window}` : undefined;
    let found = key === undefined ? undefined : cache.get(key);
    if (!found) {
      found = segmentRuns(window, from - lo, to - lo);
      if (key !== undefined) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, found);
      }
    }
    for (const r of found.runs) runs.push(shifted(r, lo));
    for (const r of found.weak) weak.push(shifted(r, lo));
  }
  const linked = weak.length ? chained(text, runs, weak) : new Set<MojibakeRun>();
  const backed = weak.filter((w) => linked.has(w) || supported(text, w, runs));
  const found = wholeLines(text, runs, backed.length ? [...runs, ...backed].sort((a, b) => a.start - b.start) : runs);
  const lone = singles.length && found.length ? loneLeads(text, found, singles) : [];
  return lone.length ? [...found, ...lone].sort((a, b) => a.start - b.start) : found;
}
