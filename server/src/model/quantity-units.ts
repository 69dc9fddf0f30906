// The units the quantity parser knows, as reports spell them, each with its factor to the base
// unit of its dimension (see quantity-types.ts). Symbols are case-sensitive (ms ≠ Ms, m ≠ M,
// B ≠ b); words are matched case-insensitively (Seconds, RPS, Users).
import type { Dimension } from './quantity-types';

export interface UnitDef {
  dimension: Dimension;
  /** The canonical unit of the dimension: what `Quantity.unit` holds. */
  unit: string;
  /** Base units per source unit; for MB, GB, ... the decimal reading (1000^n). */
  factor: number;
  /** The binary reading of an ambiguous unit (1024^n), when it differs from `factor`. */
  factorMax?: number;
  /** Only when attached to the number ("5us", "5m"): spaced, "us" and "m" are prose. */
  attachedOnly?: boolean;
}

export interface UnitMatch {
  def: UnitDef;
  /** The unit as written. */
  source: string;
  end: number;
}

const CANONICAL: Record<Dimension, string> = {
  time: 'ms',
  bytes: 'B',
  rate: '/s',
  percent: '%',
  cpu: 'm',
  bitrate: 'bit/s',
  count: '',
};

const unitOf = (dimension: Dimension, factor: number, factorMax?: number): UnitDef =>
  factorMax === undefined || factorMax === factor
    ? { dimension, unit: CANONICAL[dimension], factor }
    : { dimension, unit: CANONICAL[dimension], factor, factorMax };

export const COUNT: UnitDef = unitOf('count', 1);
const MINUTES: UnitDef = { ...unitOf('time', 60_000), attachedOnly: true };
export const MILLICORES: UnitDef = { ...unitOf('cpu', 1), attachedOnly: true };

/** Case-sensitive symbols. */
const SYMBOLS = new Map<string, UnitDef>();
/** Lower-cased words. */
const WORDS = new Map<string, UnitDef>();

function add(map: Map<string, UnitDef>, names: string[], def: UnitDef): void {
  for (const name of names) map.set(map === WORDS ? name.toLowerCase() : name, def);
}

// Time (base: ms). "m" is minutes unless the caller finds a CPU context (then millicores).
add(SYMBOLS, ['ns'], unitOf('time', 1e-6));
add(SYMBOLS, ['µs', 'μs'], unitOf('time', 1e-3));
add(SYMBOLS, ['us'], { ...unitOf('time', 1e-3), attachedOnly: true });
add(SYMBOLS, ['ms'], unitOf('time', 1));
add(SYMBOLS, ['s'], unitOf('time', 1000));
add(SYMBOLS, ['m'], MINUTES);
add(SYMBOLS, ['h'], unitOf('time', 3_600_000));
add(WORDS, ['nanosecond', 'nanoseconds'], unitOf('time', 1e-6));
add(WORDS, ['microsecond', 'microseconds'], unitOf('time', 1e-3));
add(WORDS, ['msec', 'msecs', 'millisecond', 'milliseconds'], unitOf('time', 1));
add(WORDS, ['sec', 'secs', 'second', 'seconds'], unitOf('time', 1000));
add(WORDS, ['min', 'mins', 'minute', 'minutes'], unitOf('time', 60_000));
add(WORDS, ['hr', 'hrs', 'hour', 'hours'], unitOf('time', 3_600_000));
add(WORDS, ['day', 'days'], unitOf('time', 86_400_000));

// Bytes (base: B). KB/MB/GB/TB/PB are read both ways; kB is decimal, KiB and Ki binary.
const DECIMAL_PREFIXES = ['K', 'M', 'G', 'T', 'P'];
add(SYMBOLS, ['B'], unitOf('bytes', 1));
add(WORDS, ['byte', 'bytes'], unitOf('bytes', 1));
add(SYMBOLS, ['kB'], unitOf('bytes', 1e3));
DECIMAL_PREFIXES.forEach((p, i) => {
  const n = i + 1;
  add(SYMBOLS, [`${p}B`, `${p.toLowerCase()}b`], unitOf('bytes', 1000 ** n, 1024 ** n));
  add(SYMBOLS, [`${p}iB`, ...(p === 'P' ? [] : [`${p}i`])], unitOf('bytes', 1024 ** n));
});

// Bit rates (base: bit/s), byte rates included (×8).
add(SYMBOLS, ['bps', 'bit/s'], unitOf('bitrate', 1));
const BIT_PREFIXES: Array<[string, number]> = [['k', 1e3], ['K', 1e3], ['M', 1e6], ['G', 1e9], ['T', 1e12]];
for (const [p, factor] of BIT_PREFIXES) add(SYMBOLS, [`${p}bps`, `${p}bit/s`], unitOf('bitrate', factor));
add(SYMBOLS, ['B/s'], unitOf('bitrate', 8));
add(SYMBOLS, ['kB/s'], unitOf('bitrate', 8e3));
DECIMAL_PREFIXES.slice(0, 4).forEach((p, i) => {
  const n = i + 1;
  add(SYMBOLS, [`${p}B/s`], unitOf('bitrate', 8 * 1000 ** n, 8 * 1024 ** n));
  add(SYMBOLS, [`${p}iB/s`], unitOf('bitrate', 8 * 1024 ** n));
});

// Percent.
add(SYMBOLS, ['%'], unitOf('percent', 1));
add(WORDS, ['percent', 'per cent', 'pct'], unitOf('percent', 1));

// CPU (base: millicores). "cores" is a CPU amount, so "2 cores" compares with "500m".
add(WORDS, ['millicore', 'millicores'], unitOf('cpu', 1));
add(WORDS, ['core', 'cores', 'vcpu', 'vcpus', 'cpu', 'cpus'], unitOf('cpu', 1000));

// Counted nouns (dimension count, no unit).
const NOUNS = [
  'user', 'users', 'vu', 'vus', 'request', 'requests', 'req', 'reqs', 'connection', 'connections',
  'conns', 'pod', 'pods', 'replica', 'replicas', 'error', 'errors', 'run', 'runs', 'iteration',
  'iterations', 'iters', 'query', 'queries', 'test', 'tests', 'node', 'nodes', 'instance', 'instances',
  'thread', 'threads', 'worker', 'workers',
];
const ADJECTIVES = ['virtual', 'concurrent', 'parallel', 'active'];
add(WORDS, NOUNS, COUNT);
add(WORDS, ADJECTIVES.flatMap((a) => NOUNS.map((n) => `${a} ${n}`)), COUNT);

// Rates (base: per second): "req/s", "requests per second", "/min", "RPS", "rpm", ...
const RATE_NOUNS = [
  '', 'req', 'reqs', 'request', 'requests', 'op', 'ops', 'operations', 'query', 'queries', 'tx', 'txn',
  'txns', 'transactions', 'msg', 'msgs', 'messages', 'events', 'calls', 'iterations', 'iters', 'writes',
  'reads', 'hits', 'jobs', 'users', 'errors', 'connections',
];
const PER: Array<[string[], number]> = [
  [['s', 'sec', 'second'], 1],
  [['min', 'minute'], 1 / 60],
  [['h', 'hr', 'hour'], 1 / 3600],
];
for (const [denominators, factor] of PER) {
  const def = unitOf('rate', factor);
  for (const noun of RATE_NOUNS) {
    add(WORDS, denominators.map((d) => `${noun}/${d}`), def);
    add(WORDS, denominators.filter((d) => d.length > 1).map((d) => `${noun} per ${d}`.trim()), def);
  }
}
add(WORDS, ['rps', 'tps', 'qps'], unitOf('rate', 1));
add(WORDS, ['rpm'], unitOf('rate', 1 / 60));

// Longest spelling first, so "ms" wins over "m" and "MB/s" over "MB".
const LENGTHS = [...new Set([...SYMBOLS.keys(), ...WORDS.keys()].map((k) => k.length))].sort((a, b) => b - a);
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const ALNUM = /[\p{L}\p{N}]/u;
const UNIT_START = /[\p{L}%/]/u;
const SPACE = new Set([' ', '\t', '\u00a0', '\u202f', '\u2009']);

export const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);
export const isAlnum = (c: string | undefined): boolean => c !== undefined && ALNUM.test(c);
export const isSpace = (c: string | undefined): boolean => c !== undefined && SPACE.has(c);

/** Whether a word goes on at `i`; underscores only when a letter or digit follows ("5ms__" closes emphasis). */
export function continuesWord(text: string, i: number): boolean {
  let j = i;
  while (text[j] === '_' && j < i + 3) j++;
  return isAlnum(text[j]);
}

/** The unit written exactly at `pos` and ending at a word boundary, longest spelling first. */
function unitAt(text: string, pos: number, wordsOnly: boolean): UnitMatch | undefined {
  if (!UNIT_START.test(text[pos] ?? '')) return undefined;
  for (const length of LENGTHS) {
    const end = pos + length;
    if (end > text.length || continuesWord(text, end)) continue;
    const source = text.slice(pos, end);
    const def = (wordsOnly ? undefined : SYMBOLS.get(source)) ?? WORDS.get(source.toLowerCase());
    if (def) return { def, source, end };
  }
  return undefined;
}

/**
 * The unit following a number that ends at `pos`: attached ("142ms"), after one space
 * ("142 ms"), or hyphenated as an adjective ("5-minute", "10-user").
 */
export function unitAfter(text: string, pos: number): UnitMatch | undefined {
  const attached = unitAt(text, pos, false);
  if (attached) return attached;
  if (text[pos] === '-') return unitAt(text, pos + 1, true);
  if (!isSpace(text[pos])) return undefined;
  const spaced = unitAt(text, pos + 1, false);
  return spaced && !spaced.def.attachedOnly ? spaced : undefined;
}

/** Every unit a name can mean, canonical names included ('m' is both minutes and millicores). */
export function unitsNamed(name: string): UnitDef[] {
  const named = [SYMBOLS.get(name), WORDS.get(name.toLowerCase())];
  if (name === 'm') named.push(MILLICORES);
  if (name === '') named.push(COUNT);
  return named.filter((d): d is UnitDef => d !== undefined);
}
