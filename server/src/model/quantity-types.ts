// The quantity parser's output: a number as printed, with the interval its printing implies.

export type Dimension =
  | 'time' // base unit: milliseconds
  | 'bytes' // base unit: bytes
  | 'rate' // base unit: per second (req/s, ops/s, RPS, ...)
  | 'percent' // base unit: percent (0..100)
  | 'cpu' // base unit: millicores
  | 'bitrate' // base unit: bits per second
  | 'count'; // a bare number, or a number with a counted noun unit (users, requests, pods)

export type Qualifier =
  | 'exact' // "142ms": interval from printed precision
  | 'approx' // "~14ms", "≈ 3", "about 50": widened interval
  | 'lt' // "<1%", "under 5ms"
  | 'le' // "≤ 5ms", "at most", "max"
  | 'gt' // "> 99%", "over"
  | 'ge' // "≥", "at least", "min"
  | 'plus' // "500+": a lower bound
  | 'range'; // "500-1,000", "5–10 ms"

export interface Quantity {
  /** Exact source text of the quantity, qualifier and unit included. */
  text: string;
  /** Offsets of `text` within the string given to the parser. */
  start: number;
  end: number;
  /** Nominal value in the dimension's base unit (for ranges: the midpoint). */
  value: number;
  /** The interval the printing implies, in the base unit: [low, high]. Infinity allowed for open bounds. */
  low: number;
  high: number;
  qualifier: Qualifier;
  dimension: Dimension;
  /** Canonical unit name in which `value` is expressed, e.g. 'ms', 'B', '/s', '%', 'm', 'bit/s', or '' for a bare count. */
  unit: string;
  /** The unit as written ('sec', 'RPS', 'Gi', 'requests/second', ...), '' when none. */
  sourceUnit: string;
  /** The number as printed, in the source unit (before normalisation), e.g. 1234 for "1,234 req/s"; for ranges the midpoint. */
  sourceValue: number;
  /** Digits printed after the decimal separator (precision), 0 for integers. */
  decimals: number;
  /** True when the unit is ambiguous between decimal and binary (MB, GB): the interval covers both. */
  ambiguousUnit?: boolean;
  /** True when a sign was printed ("+30%", "-12ms", "−5%"): a delta rather than a level. */
  signed?: boolean;
}
