// First stage of the quantity parser: find the printed numbers, read their digits and units,
// and drop every number that is part of something else (identifiers, versions, dates, times,
// addresses, list markers). A hand-written scanner, so every character is looked at a bounded
// number of times; the few regular expressions only ever run on short windows.
import { MILLICORES, continuesWord, isAlnum, isSpace, isWordChar, unitAfter, type UnitDef } from './quantity-units';

/** A number as printed, with its sign and unit: not yet joined into ranges or qualified. */
export interface Atom {
  /** Start of the number, its sign included. */
  start: number;
  /** End of the unit and of a "+" suffix. */
  end: number;
  /** The printed number in the source unit, signed. */
  value: number;
  decimals: number;
  signed: boolean;
  unit?: UnitDef;
  sourceUnit: string;
  /** "500+": a lower bound. */
  plus: boolean;
  /** Joined to the previous atom with no space: "5-10", "5ms–10ms" ('dash'), "15/25" ('slash'). */
  link?: 'dash' | 'slash';
  /** Where a qualifier of this atom may begin: text before belongs to earlier tokens. */
  floor: number;
}

/** Digit groups joined by ',' '.' or a thousands space, e.g. "1,234.5" or "1 234". */
interface Part {
  start: number;
  end: number;
  groups: string[];
  seps: string[];
}

/** Parts joined without spaces by ':', '/', '-', '–' or '->', e.g. "2026-01-18", "15/25". */
interface Compound {
  start: number;
  end: number;
  parts: Part[];
  joints: string[];
}

interface PrintedNumber {
  start: number;
  end: number;
  value: number;
  decimals: number;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isHexDigit = (c: string | undefined): boolean => c !== undefined && /[0-9a-fA-F]/.test(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/** Characters after which a '+' or '-' is a sign rather than a hyphen. */
const SIGN_OPENERS = '([{|=:,;~≈∼<>≤≥⩽⩾*_"\'“‘';
/** A number right after one of these is a reference, an amount of money or an entity: not a quantity. */
const REJECT_AFTER = '#$€£¥@&\\^§.';
const KEYCAP = new Set(['\uFE0F', '\u20E3']);

function digitsEnd(text: string, i: number): number {
  while (isDigit(text[i])) i++;
  return i;
}

/** "1 234": a space (or NBSP, narrow NBSP, thin space) followed by exactly three digits. */
const isSpaceGroup = (text: string, j: number): boolean =>
  isSpace(text[j]) &&
  text[j] !== '\t' &&
  isDigit(text[j + 1]) &&
  isDigit(text[j + 2]) &&
  isDigit(text[j + 3]) &&
  !isDigit(text[j + 4]);

function readPart(text: string, start: number): Part {
  let j = digitsEnd(text, start);
  const first = text.slice(start, j);
  const part: Part = { start, end: j, groups: [first], seps: [] };
  // Space grouping: only after a first group of 1-3 digits, with one kind of space throughout.
  let spaceSep = first.length <= 3 && first[0] !== '0' ? text[j] : undefined;
  for (;;) {
    const c = text[j];
    if ((c === '.' || c === ',') && isDigit(text[j + 1])) {
      const end = digitsEnd(text, j + 1);
      part.seps.push(c);
      part.groups.push(text.slice(j + 1, end));
      spaceSep = undefined;
      j = end;
    } else if (c === spaceSep && isSpaceGroup(text, j)) {
      part.seps.push(c);
      part.groups.push(text.slice(j + 1, j + 4));
      j += 4;
    } else break;
    part.end = j;
  }
  return part;
}

function jointAt(text: string, j: number): string | undefined {
  const joint = text.startsWith('->', j) ? '->' : ':/-–'.includes(text[j] ?? '_') ? text[j] : undefined;
  return joint !== undefined && isDigit(text[j + joint.length]) ? joint : undefined;
}

function readCompound(text: string, start: number): Compound {
  const parts = [readPart(text, start)];
  const joints: string[] = [];
  for (let joint = jointAt(text, parts[0].end); joint; joint = jointAt(text, parts[parts.length - 1].end)) {
    joints.push(joint);
    parts.push(readPart(text, parts[parts.length - 1].end + joint.length));
  }
  return { start, end: parts[parts.length - 1].end, parts, joints };
}

/** "1,234" / "1.234,5" / "1 234": groups of three after a first group of one to three digits. */
const isThousands = (groups: string[]): boolean =>
  groups.length >= 2 && groups[0].length <= 3 && groups[0][0] !== '0' && groups.slice(1).every((g) => g.length === 3);

function printed(part: Part, intGroups: string[], fraction = ''): PrintedNumber {
  const value = Number(`${intGroups.join('')}.${fraction}0`);
  return { start: part.start, end: part.end, value, decimals: fraction.length };
}

/** A comma list "1,2,3": one number per group. */
function listOf(part: Part): PrintedNumber[] | undefined {
  if (part.groups.some((g) => g.length > 1 && g[0] === '0')) return undefined;
  let at = part.start;
  return part.groups.map((g) => {
    const n = { start: at, end: at + g.length, value: Number(g), decimals: 0 };
    at += g.length + 1;
    return n;
  });
}

/**
 * The number(s) a part prints. English first: "1,234" is 1234 and "1.234" is 1.234; a decimal
 * comma only when the English reading is impossible ("1,5", "0,25", "1.234,5", "1 234,5").
 * Two or more dots and no comma is a version or an address, never a number.
 */
function readNumbers(part: Part): PrintedNumber[] | undefined {
  const { groups, seps } = part;
  const last = groups[groups.length - 1];
  const body = groups.slice(0, -1);
  if (seps.length === 0) return [printed(part, groups)];
  const spaces = seps.filter((s) => s !== '.' && s !== ',').length;
  if (spaces > 0) {
    if (spaces === seps.length) return [printed(part, groups)];
    return spaces === seps.length - 1 ? [printed(part, body, last)] : undefined;
  }
  const dots = seps.filter((s) => s === '.').length;
  const commas = seps.length - dots;
  if (dots === 0) {
    if (isThousands(groups)) return [printed(part, groups)];
    return commas === 1 ? [printed(part, body, last)] : listOf(part);
  }
  if (commas === 0) return dots === 1 ? [printed(part, body, last)] : undefined;
  const decimalSep = seps[seps.length - 1];
  const englishOrLocale = seps.slice(0, -1).every((s) => s !== decimalSep) && isThousands(body);
  return englishOrLocale ? [printed(part, body, last)] : undefined;
}

/** Digit strings of 16 digits and more are identifiers, not figures (and not exact as doubles). */
const MAX_FIGURE = 1e15;

/** The numbers of a compound: one, a comma list, a pair joined by '-' or '/', or none. */
function compoundNumbers(c: Compound): { numbers: PrintedNumber[]; link?: 'dash' | 'slash' } | undefined {
  const read = joinedNumbers(c);
  return read?.numbers.every((n) => n.value < MAX_FIGURE) ? read : undefined;
}

function joinedNumbers(c: Compound): { numbers: PrintedNumber[]; link?: 'dash' | 'slash' } | undefined {
  if (c.joints.length === 0) {
    const numbers = readNumbers(c.parts[0]);
    return numbers && { numbers };
  }
  const [joint] = c.joints;
  if (c.joints.length > 1 || joint === ':' || joint === '->') return undefined;
  const first = readNumbers(c.parts[0]);
  const second = readNumbers(c.parts[1]);
  if (first?.length !== 1 || second?.length !== 1) return undefined;
  const numbers = [first[0], second[0]];
  if (joint === '/') return { numbers, link: 'slash' };
  // "2026-01": a year and a month, not a range.
  const [month] = c.parts[1].groups;
  return month.length > 1 && month[0] === '0' ? undefined : { numbers, link: 'dash' };
}

interface Left {
  start: number;
  signed: boolean;
  negative: boolean;
  link?: 'dash' | 'slash';
  /** After "host:" or "image:" with no space: a port or a tag unless a unit follows. */
  afterIdentColon?: boolean;
}

/** What precedes the digits at `n`: a sign, a joint to the previous atom, or a reason to reject. */
function leftOf(text: string, n: number, lastAtomEnd: number): Left | undefined {
  const ok: Left = { start: n, signed: false, negative: false };
  const p = text[n - 1];
  const q = text[n - 2];
  if (p === undefined) return ok;
  if (lastAtomEnd === n - 1 && (p === '-' || p === '–')) return { ...ok, link: 'dash' };
  if (lastAtomEnd === n - 1 && p === '/') return { ...ok, link: 'slash' };
  if (p === '-' || p === '+' || p === '\u2212') {
    const opens = q === undefined || /\s/.test(q) || SIGN_OPENERS.includes(q);
    return opens ? { start: n - 1, signed: true, negative: p !== '+' } : undefined;
  }
  // "3x512MB": the second operand of a multiplication; "k6", "x86", "P50": identifiers.
  if (p === 'x' || p === 'X') return isDigit(q) ? ok : undefined;
  // "_5ms_" is emphasis, "lot_code2" an identifier.
  if (p === '_') return isAlnum(q) ? undefined : ok;
  if (isWordChar(p) || REJECT_AFTER.includes(p)) return undefined;
  if (p === '/' || p === '(') return isWordChar(q) ? undefined : ok; // HTTP/2, p(95)
  if (p === ':' && (isDigit(q) || q === ':')) return undefined; // 23:32, fe80::1
  if (p === ':' && isWordChar(q)) return { ...ok, afterIdentColon: true };
  return ok;
}

interface Right {
  end: number;
  unit?: UnitDef;
  sourceUnit: string;
  plus: boolean;
}

const isPlusAt = (text: string, i: number): boolean =>
  text[i] === '+' && !isDigit(text[i + 1]) && text[i + 1] !== '+' && !isWordChar(text[i + 1]);

const CPU = '(?:v?cpus?|cores?|millicores?)(?!\\p{L})';
/** "cpu: 100m", "CPU request/limit: 250m", "cpu=100m": the CPU word, then at most two words. */
const CPU_BEFORE = new RegExp(`(?<!\\p{L})${CPU}([^\\d\\n,;.]{0,20})$`, 'iu');
/** "100m CPU", "250m of CPU". */
const CPU_AFTER = new RegExp(`^[ \\u00a0]?(?:of[ \\u00a0])?${CPU}`, 'iu');
/** "100m/500m", "100m-500m", "100m to 500m": a second figure right after one in millicores. */
const CPU_CHAIN = /^[ \u00a0]?(?:[/,–-]|to)?[ \u00a0]?$/;

function cpuWordBefore(text: string, start: number): boolean {
  const gap = CPU_BEFORE.exec(text.slice(Math.max(0, start - 32), start))?.[1];
  return gap !== undefined && (gap.match(/\p{L}+/gu)?.length ?? 0) <= 2;
}

/** Whether "100m" at [start, end) means millicores (else minutes): a CPU word right next to it. */
function isCpuContext(text: string, start: number, end: number, state: ScanState): boolean {
  return (
    state.cpuContext ||
    cpuWordBefore(text, start) ||
    CPU_AFTER.test(text.slice(end, end + 16)) ||
    (start - state.lastCpuEnd <= 4 && CPU_CHAIN.test(text.slice(state.lastCpuEnd, start)))
  );
}

/** What follows the digits ending at `e`: a unit, a "+", nothing, or a reason to reject. */
function rightOf(text: string, e: number, start: number, state: ScanState): Right | undefined {
  if (KEYCAP.has(text[e] ?? '')) return undefined; // 1️⃣
  const plus = isPlusAt(text, e);
  const pos = plus ? e + 1 : e;
  const unit = unitAfter(text, pos);
  if (unit) {
    const cpu = unit.source === 'm' && isCpuContext(text, start, unit.end, state);
    const trailingPlus = !plus && isPlusAt(text, unit.end);
    const def = cpu ? MILLICORES : unit.def;
    return { end: unit.end + (trailingPlus ? 1 : 0), unit: def, sourceUnit: unit.source, plus: plus || trailingPlus };
  }
  const bare: Right = { end: pos, sourceUnit: '', plus };
  if (plus) return bare;
  const c = text[pos];
  const next = text[pos + 1];
  // "2x faster", "3x 100m", "1920x1080": a multiplier, not a unit; "5xx" is a status class.
  if (c === 'x' || c === 'X') return isWordChar(next) && !isDigit(next) ? undefined : bare;
  if (c === '_') return continuesWord(text, pos) ? undefined : bare;
  if (isWordChar(c) || c === '%') return undefined; // "2nd", "10k", "95%ile"
  if ((c === '.' || c === '-' || c === '/') && isLetter(next)) return undefined; // "18.x", "8-alpine", "5432/tcp"
  return bare;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** "January 18", "Jan. 2026", "January 18, 2026": the number ends a date. */
const AFTER_MONTH = new RegExp(`(?<!\\p{L})${MONTH}\\.?(?:[ \\u00a0]\\d{1,2}(?:st|nd|rd|th)?,?)?[ \\u00a0]$`, 'u');
/** "18 Jan 2026". */
const BEFORE_MONTH = new RegExp(`^[ \\u00a0]${MONTH}(?!\\p{L})`, 'u');
/** "Q1 2026", "H2 2025", "FY 2026". */
const AFTER_PERIOD = /(?<![\p{L}\p{N}_])(?:Q[1-4]|H[12]|FY)[ \u00a0]$/u;
const CLOCK_SUFFIX = /^[ \u00a0]?[ap]\.?m\.?(?!\p{L})/iu;
/** Standards, protocols and status codes: "SOC 2", "ISO 27001", "PCI DSS 4.0", "HTTP 503". */
const STANDARD = /(?<![\p{L}\p{N}_])(?:SOC|ISO|IEC|PCI|DSS|RFC|CVE|NIST|HTTPS?|TLS|SSL|SHA|UTF)[ \u00a0]$/u;
/** Labels that number things rather than measure them: "Section 4", "Tier 1", "status 503". */
const LABEL =
  /(?<![\p{L}\p{N}_])(?:section|sec\.|table|figure|fig\.|appendix|chapter|phase|stage|sprint|tier|level|step|version|release|build|issue|ticket|status|code|port|pid|no\.)[ \u00a0]$/iu;
/** Capitalised only: "Run 3" numbers a run, "run 500 iterations" measures. */
const CAPITAL_LABEL = /(?<![\p{L}\p{N}_])(?:Run|Test|Trial|Day|Week|Case|Scenario|Attempt)[ \u00a0]$/u;

/** Whether only white space, quote marks and heading hashes stand between a line start and `i`. */
export function linePrefix(text: string, i: number): { atLineStart: boolean; lineStart: number; heading: boolean } {
  let k = i - 1;
  let heading = false;
  for (; k >= 0 && ' \t>#'.includes(text[k]); k--) heading ||= text[k] === '#';
  return { atLineStart: k < 0 || text[k] === '\n' || text[k] === '\r', lineStart: k + 1, heading };
}

/** "1. Setup", "2) Run", "### 1. CI/CD", "## 2.1 Results", "1.1 Scope": numbering, not measuring. */
function isNumbering(text: string, start: number, end: number): boolean {
  const { atLineStart, heading } = linePrefix(text, start);
  if (!atLineStart) return false;
  const c = text[end];
  const next = text[end + 1];
  const marker = (c === '.' || c === ')') && (next === undefined || /\s/.test(next));
  return marker || (heading && /\s/.test(c ?? '')) || (c === ' ' && /\p{Lu}/u.test(next ?? ''));
}

/** Whether the context says the number is a date, a time of day, a label or numbering. */
function isContextual(text: string, start: number, end: number, bare: boolean): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 12);
  if (AFTER_MONTH.test(before) || AFTER_PERIOD.test(before) || BEFORE_MONTH.test(after)) return true;
  if (STANDARD.test(before)) return true;
  const label = LABEL.test(before) || CAPITAL_LABEL.test(before);
  return bare && (label || CLOCK_SUFFIX.test(after) || isNumbering(text, start, end));
}

function hexEnd(text: string, i: number): number | undefined {
  if (text[i] !== '0' || (text[i + 1] !== 'x' && text[i + 1] !== 'X') || !isHexDigit(text[i + 2])) return undefined;
  let j = i + 2;
  while (isHexDigit(text[j])) j++;
  return j;
}

interface ScanState {
  consumed: number;
  lastAtomEnd: number;
  /** End of the last atom in millicores ("100m", not "2 cores"). */
  lastCpuEnd: number;
  cpuContext: boolean;
}

/** The atoms of one compound, or undefined when it is not a quantity. */
function atomsOf(text: string, c: Compound, state: ScanState): Atom[] | undefined {
  const left = leftOf(text, c.start, state.lastAtomEnd);
  const read = left && compoundNumbers(c);
  if (!left || !read) return undefined;
  const right = rightOf(text, c.end, left.start, state);
  if (!right) return undefined;
  const bare = right.unit === undefined;
  if ((left.afterIdentColon && bare) || isContextual(text, left.start, c.end, bare)) return undefined;
  const { numbers } = read;
  return numbers.map((n, i): Atom => {
    const first = i === 0;
    const last = i === numbers.length - 1;
    const sign = first && left.negative ? -1 : 1;
    return {
      start: first ? left.start : n.start,
      end: last ? right.end : n.end,
      value: sign * n.value,
      decimals: n.decimals,
      signed: first && left.signed,
      unit: last ? right.unit : undefined,
      sourceUnit: last ? right.sourceUnit : '',
      plus: last && right.plus,
      link: first ? left.link : read.link,
      floor: first ? state.consumed : numbers[i - 1].end,
    };
  });
}

/** Every number in `text` that may be a quantity, in order. */
export function scanAtoms(text: string, cpuContext: boolean): Atom[] {
  const atoms: Atom[] = [];
  const state: ScanState = { consumed: 0, lastAtomEnd: -1, lastCpuEnd: -Infinity, cpuContext };
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const hex = hexEnd(text, i);
    if (hex !== undefined) {
      i = state.consumed = hex;
      continue;
    }
    const compound = readCompound(text, i);
    const found = atomsOf(text, compound, state);
    if (found) {
      for (const atom of found) atoms.push(atom); // a list may be too long to spread
      const last = found[found.length - 1];
      state.lastAtomEnd = last.end;
      if (last.unit === MILLICORES) state.lastCpuEnd = last.end;
    }
    i = state.consumed = Math.max(compound.end, state.lastAtomEnd);
  }
  return atoms;
}
