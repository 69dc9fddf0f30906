import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { convert, formatNumber, overlaps, parseQuantities, parseQuantity } from '../../server/src/model/quantity';
import type { Dimension, Qualifier, Quantity } from '../../server/src/model/quantity-types';

// ---------------------------------------------------------------------------------------------
// Helpers: expected quantities are partial; only the fields given are checked.

type Expected = Partial<Omit<Quantity, 'end'>>;
type Row = [input: string, expected: Expected | Expected[]];

const EPSILON = 1e-9;
const KB = 1024;
const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const TiB = 1024 ** 4;
const NONE: Expected[] = [];

function near(actual: unknown, expected: number, what: string): void {
  assert.equal(typeof actual, 'number', what);
  const a = actual as number;
  if (!Number.isFinite(expected)) return assert.equal(a, expected, what);
  const ok = Math.abs(a - expected) <= EPSILON * Math.max(1, Math.abs(expected));
  assert.ok(ok, `${what}: got ${a}, expected ${expected}`);
}

function assertMatches(q: Quantity, e: Expected, label: string): void {
  for (const [key, want] of Object.entries(e) as Array<[keyof Quantity, unknown]>) {
    const what = `${label} → ${key}`;
    if (typeof want === 'number') near(q[key], want, what);
    else assert.equal(q[key], want, what);
  }
}

/** Parses `input` and checks the quantities found, in order, against `expected`. */
function expectQuantities(input: string, expected: Expected | Expected[], options?: { cpuContext?: boolean }): void {
  const list = Array.isArray(expected) ? expected : [expected];
  const found = parseQuantities(input, options);
  const label = JSON.stringify(input);
  assert.equal(found.length, list.length, `${label}: found ${JSON.stringify(found.map((q) => q.text))}`);
  found.forEach((q, i) => {
    assert.equal(q.text, input.slice(q.start, q.end), `${label}: text is the source slice`);
    assertMatches(q, list[i], label);
  });
}

function table(rows: Row[], options?: { cpuContext?: boolean }): void {
  for (const [input, expected] of rows) {
    test(JSON.stringify(input), () => expectQuantities(input, expected, options));
  }
}

/** Expected fields for one dimension: value and interval in the base unit. */
const of =
  (dimension: Dimension, unit: string) =>
  (value: number, low: number, high: number, sourceUnit: string, more: Expected = {}): Expected => ({
    dimension,
    unit,
    value,
    low,
    high,
    sourceUnit,
    qualifier: 'exact',
    ...more,
  });
const time = of('time', 'ms');
const bytes = of('bytes', 'B');
const rate = of('rate', '/s');
const pct = (value: number, low: number, high: number, more: Expected = {}) =>
  of('percent', '%')(value, low, high, '%', more);
const cpu = of('cpu', 'm');
const bits = of('bitrate', 'bit/s');
const count = (value: number, low: number, high: number, sourceUnit = '', more: Expected = {}) =>
  of('count', '')(value, low, high, sourceUnit, more);
/** A bare integer: ±0.5. */
const int = (n: number, more: Expected = {}) => count(n, n - 0.5, n + 0.5, '', { decimals: 0, ...more });
const qualified = (qualifier: Qualifier, e: Expected, text?: string): Expected => ({
  ...e,
  qualifier,
  ...(text ? { text } : {}),
});

// ---------------------------------------------------------------------------------------------

describe('plain numbers and thousands separators', () => {
  table([
    ['0', int(0)],
    ['7', int(7)],
    ['42', int(42, { text: '42', start: 0, sourceValue: 42 })],
    ['007', int(7)],
    ['1,234', int(1234, { text: '1,234', sourceValue: 1234 })],
    ['12,345', int(12345)],
    ['123,456', int(123456)],
    ['1,234,567', int(1234567)],
    ['2,000', int(2000)],
    ['1 234', int(1234, { text: '1 234' })],
    ['1\u00a0234', int(1234, { text: '1\u00a0234' })],
    ['1\u202f234', int(1234)],
    ['1\u2009234', int(1234)],
    ['12 345 678', int(12345678)],
    ['1,234.5', count(1234.5, 1234.45, 1234.55, '', { decimals: 1 })],
    ['1,234,567.89', count(1234567.89, 1234567.885, 1234567.895, '', { decimals: 2 })],
    ['1 234.5', count(1234.5, 1234.45, 1234.55)],
    ['0.019', count(0.019, 0.0185, 0.0195, '', { decimals: 3 })],
    ['3.14159', count(3.14159, 3.141585, 3.141595, '', { decimals: 5 })],
    ['1.0', count(1, 0.95, 1.05, '', { decimals: 1 })],
    ['10.50', count(10.5, 10.495, 10.505, '', { decimals: 2 })],
    ['1  234', [int(1), int(234)]],
    ['1 2345', [int(1), int(2345)]],
    ['1234 567', [int(1234), int(567)]],
    ['1 23', [int(1), int(23)]],
    ['0 123', [int(0), int(123)]],
    ['1, 234', [int(1), int(234)]],
    ['1,234 and 5,678', [int(1234), int(5678)]],
    ['1,1,1,2', [int(1, { start: 0 }), int(1, { start: 2 }), int(1, { start: 4 }), int(2, { start: 6 })]],
    ['1,234,56', [int(1), int(234), int(56)]],
    ['80,443,8080', [int(80), int(443), int(8080)]],
  ]);
});

describe('decimal commas and ambiguous separators (English reading first)', () => {
  table([
    ['1.234', count(1.234, 1.2335, 1.2345, '', { decimals: 3 })],
    ['1,234', int(1234)],
    ['1,5', count(1.5, 1.45, 1.55, '', { decimals: 1 })],
    ['0,25', count(0.25, 0.245, 0.255, '', { decimals: 2 })],
    ['0,123', count(0.123, 0.1225, 0.1235, '', { decimals: 3 })],
    ['1234,5', count(1234.5, 1234.45, 1234.55)],
    ['1234,567', count(1234.567, 1234.5665, 1234.5675, '', { decimals: 3 })],
    ['1.234,5', count(1234.5, 1234.45, 1234.55, '', { decimals: 1 })],
    ['1.234.567,89', count(1234567.89, 1234567.885, 1234567.895, '', { decimals: 2 })],
    ['1 234,5', count(1234.5, 1234.45, 1234.55, '', { decimals: 1 })],
    ['1,5 s', time(1500, 1450, 1550, 's')],
    ['99,9 %', pct(99.9, 99.85, 99.95)],
    ['1,2,3', [int(1), int(2), int(3)]],
    ['1.234.567', NONE],
    ['1.2,3', NONE],
    ['12,34.5', NONE],
    ['1,2.3', NONE],
    ['0.5,0.7', NONE],
  ]);
});

describe('signs and signed deltas', () => {
  table([
    ['+30%', pct(30, 29.5, 30.5, { signed: true, text: '+30%', sourceValue: 30 })],
    ['-12ms', time(-12, -12.5, -11.5, 'ms', { signed: true, sourceValue: -12 })],
    ['−5%', pct(-5, -5.5, -4.5, { signed: true, text: '−5%' })],
    ['(-5%)', pct(-5, -5.5, -4.5, { text: '-5%', start: 1 })],
    ['**+30%**', pct(30, 29.5, 30.5, { text: '+30%', start: 2 })],
    ['delta: -0.5 s', time(-500, -550, -450, 's', { signed: true, decimals: 1 })],
    ['x -5 y', int(-5, { signed: true, low: -5.5, high: -4.5 })],
    ['|+12.5%|', pct(12.5, 12.45, 12.55, { signed: true })],
    ['30%', pct(30, 29.5, 30.5, { signed: undefined })],
    ['-1,234 req/s', rate(-1234, -1234.5, -1233.5, 'req/s', { signed: true })],
    ['a-5', NONE],
    ['--5', NONE],
    ['C++17', NONE],
  ]);
});

describe('the interval the printed precision implies', () => {
  table([
    ['99.8%', pct(99.8, 99.75, 99.85, { decimals: 1 })],
    ['142ms', time(142, 141.5, 142.5, 'ms', { decimals: 0, sourceValue: 142 })],
    ['2s', time(2000, 1500, 2500, 's', { sourceValue: 2 })],
    ['2,000 ms', time(2000, 1999.5, 2000.5, 'ms')],
    ['0.5s', time(500, 450, 550, 's', { decimals: 1 })],
    ['1.50s', time(1500, 1495, 1505, 's', { decimals: 2 })],
    ['100%', pct(100, 99.5, 100.5)],
    ['0%', pct(0, -0.5, 0.5)],
    ['0.1%', pct(0.1, 0.05, 0.15)],
    ['99.95%', pct(99.95, 99.945, 99.955, { decimals: 2 })],
    ['1.2GB', bytes(1.2e9, 1.15e9, 1.25 * GiB, 'GB', { ambiguousUnit: true, sourceValue: 1.2, decimals: 1 })],
  ]);
});

describe('time units (base: ms)', () => {
  table([
    ['5ns', time(5e-6, 4.5e-6, 5.5e-6, 'ns')],
    ['5µs', time(0.005, 0.0045, 0.0055, 'µs')],
    ['5μs', time(0.005, 0.0045, 0.0055, 'μs')],
    ['5us', time(0.005, 0.0045, 0.0055, 'us')],
    ['5 µs', time(0.005, 0.0045, 0.0055, 'µs')],
    ['142 ms', time(142, 141.5, 142.5, 'ms', { text: '142 ms' })],
    ['142\u00a0ms', time(142, 141.5, 142.5, 'ms')],
    ['250 msec', time(250, 249.5, 250.5, 'msec')],
    ['2 milliseconds', time(2, 1.5, 2.5, 'milliseconds')],
    ['3s', time(3000, 2500, 3500, 's')],
    ['3 sec', time(3000, 2500, 3500, 'sec')],
    ['3 secs', time(3000, 2500, 3500, 'secs')],
    ['1 second', time(1000, 500, 1500, 'second')],
    ['3 seconds', time(3000, 2500, 3500, 'seconds')],
    ['3 Seconds', time(3000, 2500, 3500, 'Seconds')],
    ['2 min', time(120_000, 90_000, 150_000, 'min')],
    ['2 mins', time(120_000, 90_000, 150_000, 'mins')],
    ['1 minute', time(60_000, 30_000, 90_000, 'minute')],
    ['2 minutes', time(120_000, 90_000, 150_000, 'minutes')],
    ['5m', time(300_000, 270_000, 330_000, 'm')],
    ['1h', time(3.6e6, 1.8e6, 5.4e6, 'h')],
    ['1.5h', time(5.4e6, 5.22e6, 5.58e6, 'h', { decimals: 1 })],
    ['24h', time(86.4e6, 84.6e6, 88.2e6, 'h')],
    ['1 hr', time(3.6e6, 1.8e6, 5.4e6, 'hr')],
    ['2 hrs', time(7.2e6, 5.4e6, 9e6, 'hrs')],
    ['1 hour', time(3.6e6, 1.8e6, 5.4e6, 'hour')],
    ['2 hours', time(7.2e6, 5.4e6, 9e6, 'hours')],
    ['1 day', time(86.4e6, 43.2e6, 129.6e6, 'day')],
    ['7 days', time(604.8e6, 561.6e6, 648e6, 'days')],
    ['5-minute soak', time(300_000, 270_000, 330_000, 'minute', { text: '5-minute' })],
    ['30-second window', time(30_000, 29_500, 30_500, 'second', { text: '30-second' })],
    ['24-hour', time(86.4e6, 84.6e6, 88.2e6, 'hour')],
    ['7-day', time(604.8e6, 561.6e6, 648e6, 'day')],
    ['2 min 30 s', [time(120_000, 90_000, 150_000, 'min'), time(30_000, 29_500, 30_500, 's')]],
    ['5 min 10 s', [time(300_000, 270_000, 330_000, 'min'), time(10_000, 9_500, 10_500, 's', { qualifier: 'exact' })]],
    // Spaced, "us" and "m" are prose ("us", metres): the number stays bare.
    ['5 us', int(5, { sourceUnit: '' })],
    ['5 m', int(5, { sourceUnit: '' })],
    // "1h30m" is one compound duration: not read rather than read as 1h.
    ['1h30m', NONE],
    ['2m30s', NONE],
  ]);
});

describe('bytes (base: B); KB/MB/GB/TB cover both readings', () => {
  table([
    ['512B', bytes(512, 511.5, 512.5, 'B', { ambiguousUnit: undefined })],
    ['5 bytes', bytes(5, 4.5, 5.5, 'bytes')],
    ['1kB', bytes(1000, 500, 1500, 'kB', { ambiguousUnit: undefined })],
    ['1 KB', bytes(1000, 500, 1.5 * KB, 'KB', { ambiguousUnit: true })],
    ['512MB', bytes(512e6, 511.5e6, 512.5 * MiB, 'MB', { ambiguousUnit: true })],
    ['512mb', bytes(512e6, 511.5e6, 512.5 * MiB, 'mb', { ambiguousUnit: true })],
    ['4 GB', bytes(4e9, 3.5e9, 4.5 * GiB, 'GB', { ambiguousUnit: true })],
    ['1.5 gb', bytes(1.5e9, 1.45e9, 1.55 * GiB, 'gb', { ambiguousUnit: true })],
    ['2TB', bytes(2e12, 1.5e12, 2.5 * TiB, 'TB', { ambiguousUnit: true })],
    ['1 PB', bytes(1e15, 0.5e15, 1.5 * 1024 ** 5, 'PB', { ambiguousUnit: true })],
    ['1KiB', bytes(1024, 512, 1536, 'KiB', { ambiguousUnit: undefined })],
    ['512MiB', bytes(512 * MiB, 511.5 * MiB, 512.5 * MiB, 'MiB')],
    ['2GiB', bytes(2 * GiB, 1.5 * GiB, 2.5 * GiB, 'GiB')],
    ['1TiB', bytes(TiB, 0.5 * TiB, 1.5 * TiB, 'TiB')],
    ['512Mi', bytes(512 * MiB, 511.5 * MiB, 512.5 * MiB, 'Mi', { ambiguousUnit: undefined })],
    ['2Gi', bytes(2 * GiB, 1.5 * GiB, 2.5 * GiB, 'Gi')],
    ['100Ki', bytes(102_400, 99.5 * KB, 100.5 * KB, 'Ki')],
    ['1Ti', bytes(TiB, 0.5 * TiB, 1.5 * TiB, 'Ti')],
    ['memory: 256Mi', bytes(256 * MiB, 255.5 * MiB, 256.5 * MiB, 'Mi', { text: '256Mi' })],
    // Megabits, and magnitudes such as "10k", are not read.
    ['5Mb', NONE],
    ['10k', NONE],
    ['1.5M requests', NONE],
  ]);
});

describe('rates (base: per second)', () => {
  const perSecond = (sourceUnit: string) => rate(500, 499.5, 500.5, sourceUnit);
  table([
    ['1,234 req/s', rate(1234, 1233.5, 1234.5, 'req/s', { sourceValue: 1234, text: '1,234 req/s' })],
    ['500 reqs/s', perSecond('reqs/s')],
    ['500 requests/s', perSecond('requests/s')],
    ['500 requests/sec', perSecond('requests/sec')],
    ['500 requests/second', perSecond('requests/second')],
    ['500 requests per second', perSecond('requests per second')],
    ['500 RPS', perSecond('RPS')],
    ['500 rps', perSecond('rps')],
    ['500rps', perSecond('rps')],
    ['500 ops/s', perSecond('ops/s')],
    ['500 ops/sec', perSecond('ops/sec')],
    ['500 TPS', perSecond('TPS')],
    ['500 QPS', perSecond('QPS')],
    ['500/s', perSecond('/s')],
    ['500/sec', perSecond('/sec')],
    ['500 per second', perSecond('per second')],
    ['500 req/sec', perSecond('req/sec')],
    ['500 msgs/s', perSecond('msgs/s')],
    ['500 errors/s', perSecond('errors/s')],
    ['120 req/min', rate(2, 119.5 / 60, 120.5 / 60, 'req/min', { sourceValue: 120 })],
    ['120 rpm', rate(2, 119.5 / 60, 120.5 / 60, 'rpm')],
    ['120 RPM', rate(2, 119.5 / 60, 120.5 / 60, 'RPM')],
    ['120 per minute', rate(2, 119.5 / 60, 120.5 / 60, 'per minute')],
    ['120/min', rate(2, 119.5 / 60, 120.5 / 60, '/min')],
    ['3,600 requests/hour', rate(1, 3599.5 / 3600, 3600.5 / 3600, 'requests/hour')],
    ['5/day', NONE],
  ]);
});

describe('percent', () => {
  table([
    ['5%', pct(5, 4.5, 5.5, { sourceUnit: '%' })],
    ['5 %', pct(5, 4.5, 5.5)],
    ['5 percent', { ...pct(5, 4.5, 5.5), sourceUnit: 'percent' }],
    ['5 pct', { ...pct(5, 4.5, 5.5), sourceUnit: 'pct' }],
    ['5 per cent', { ...pct(5, 4.5, 5.5), sourceUnit: 'per cent' }],
    ['0.02% errors', pct(0.02, 0.015, 0.025, { text: '0.02%' })],
    ['95%ile', NONE],
  ]);
});

describe('CPU: millicores only near a CPU mention; cores are CPU', () => {
  table([
    ['cpu: 500m', cpu(500, 499.5, 500.5, 'm', { text: '500m' })],
    ['CPU request 250m', cpu(250, 249.5, 250.5, 'm')],
    ['resources.requests.cpu=100m', cpu(100, 99.5, 100.5, 'm')],
    ['100m CPU', cpu(100, 99.5, 100.5, 'm')],
    ['250m of CPU', cpu(250, 249.5, 250.5, 'm')],
    ['CPU request/limit: 100m/500m', [cpu(100, 99.5, 100.5, 'm'), cpu(500, 499.5, 500.5, 'm')]],
    ['cpu 100m to 500m', qualified('range', cpu(300, 99.5, 500.5, 'm'), '100m to 500m')],
    ['cpu: 100m, memory: 256Mi, duration 5m', [
      cpu(100, 99.5, 100.5, 'm'),
      bytes(256 * MiB, 255.5 * MiB, 256.5 * MiB, 'Mi'),
      time(300_000, 270_000, 330_000, 'm'),
    ]],
    ['Soak test: 30m at 200 RPS, CPU peaked at 70%', [
      time(1.8e6, 1.77e6, 1.83e6, 'm'),
      rate(200, 199.5, 200.5, 'RPS'),
      pct(70, 69.5, 70.5),
    ]],
    ['CPU peaked during the 30m soak', time(1.8e6, 1.77e6, 1.83e6, 'm')],
    ['4 cores, 30m', [cpu(4000, 3500, 4500, 'cores'), time(1.8e6, 1.77e6, 1.83e6, 'm')]],
    ['100m', time(6e6, 5.97e6, 6.03e6, 'm')],
    ['limit 2 cores', cpu(2000, 1500, 2500, 'cores')],
    ['1 core', cpu(1000, 500, 1500, 'core')],
    ['4 vCPUs', cpu(4000, 3500, 4500, 'vCPUs')],
    ['2 CPUs', cpu(2000, 1500, 2500, 'CPUs')],
    ['8-core', cpu(8000, 7500, 8500, 'core', { text: '8-core' })],
    ['500 millicores', cpu(500, 499.5, 500.5, 'millicores')],
  ]);
  describe('with options.cpuContext', () => {
    table(
      [
        ['100m', cpu(100, 99.5, 100.5, 'm')],
        ['250m', cpu(250, 249.5, 250.5, 'm')],
        ['3x 100m', [int(3), cpu(100, 99.5, 100.5, 'm')]],
        ['1.5', count(1.5, 1.45, 1.55)],
        ['2 cores', cpu(2000, 1500, 2500, 'cores')],
        ['100m-500m', qualified('range', cpu(300, 99.5, 500.5, 'm'))],
        ['10 ms', time(10, 9.5, 10.5, 'ms')],
      ],
      { cpuContext: true },
    );
  });
});

describe('bit rates (base: bit/s), byte rates included', () => {
  table([
    ['10 Gbps', bits(1e10, 9.5e9, 1.05e10, 'Gbps')],
    ['100 Mbps', bits(1e8, 9.95e7, 1.005e8, 'Mbps')],
    ['512 kbps', bits(512e3, 511.5e3, 512.5e3, 'kbps')],
    ['512 Kbps', bits(512e3, 511.5e3, 512.5e3, 'Kbps')],
    ['56 bps', bits(56, 55.5, 56.5, 'bps')],
    ['1 Gbit/s', bits(1e9, 0.5e9, 1.5e9, 'Gbit/s')],
    ['1.2 GB/s', bits(9.6e9, 9.2e9, 1.25 * 8 * GiB, 'GB/s', { ambiguousUnit: true })],
    ['100 MB/s', bits(8e8, 7.96e8, 100.5 * 8 * MiB, 'MB/s', { ambiguousUnit: true })],
    ['10 MiB/s', bits(80 * MiB, 76 * MiB, 84 * MiB, 'MiB/s', { ambiguousUnit: undefined })],
    ['500 kB/s', bits(4e6, 3.996e6, 4.004e6, 'kB/s')],
  ]);
});

describe('counted nouns (dimension count, unit "")', () => {
  const n = (value: number, noun: string) => count(value, value - 0.5, value + 0.5, noun, { unit: '' });
  table([
    ['50 users', n(50, 'users')],
    ['1 user', n(1, 'user')],
    ['50 Users', n(50, 'Users')],
    ['50 VUs', n(50, 'VUs')],
    ['50 vus', n(50, 'vus')],
    ['50 virtual users', n(50, 'virtual users')],
    ['50 concurrent users', n(50, 'concurrent users')],
    ['1,000 requests', n(1000, 'requests')],
    ['10 reqs', n(10, 'reqs')],
    ['200 connections', n(200, 'connections')],
    ['3 pods', n(3, 'pods')],
    ['3 replicas', n(3, 'replicas')],
    ['0 errors', n(0, 'errors')],
    ['5 runs', n(5, 'runs')],
    ['100 iterations', n(100, 'iterations')],
    ['1,000 queries', n(1000, 'queries')],
    ['42 tests', n(42, 'tests')],
    ['3 nodes', n(3, 'nodes')],
    ['4 instances', n(4, 'instances')],
    ['16 threads', n(16, 'threads')],
    ['8 workers', n(8, 'workers')],
    ['3-node cluster', n(3, 'node')],
    ['run 500 iterations', n(500, 'iterations')],
    ['Run 3 with 50 users', n(50, 'users')],
    // A bare number after a product name is a count.
    ['Node 20', int(20)],
    ['Python 3.11', count(3.11, 3.105, 3.115)],
    ['20 apples', int(20, { text: '20' })],
  ]);
});

describe('qualifiers: approximate (±10% of the value on top of the rounding)', () => {
  const approx = (e: Expected, text?: string) => qualified('approx', e, text);
  table([
    ['~14ms', approx(time(14, 12.1, 15.9, 'ms'), '~14ms')],
    ['~ 14ms', approx(time(14, 12.1, 15.9, 'ms'), '~ 14ms')],
    ['≈14ms', approx(time(14, 12.1, 15.9, 'ms'))],
    ['≈ 3', approx(count(3, 2.2, 3.8))],
    ['∼14ms', approx(time(14, 12.1, 15.9, 'ms'))],
    ['about 50', approx(count(50, 44.5, 55.5), 'about 50')],
    ['About 50 users', approx(count(50, 44.5, 55.5, 'users'))],
    ['approx. 200ms', approx(time(200, 179.5, 220.5, 'ms'), 'approx. 200ms')],
    ['approx 200ms', approx(time(200, 179.5, 220.5, 'ms'))],
    ['approximately 200ms', approx(time(200, 179.5, 220.5, 'ms'))],
    ['around 3s', approx(time(3000, 2200, 3800, 's'))],
    ['roughly 1.2GB', approx(bytes(1.2e9, 1.03e9, 1.37 * GiB, 'GB', { ambiguousUnit: true }))],
    ['circa 40', approx(count(40, 35.5, 44.5))],
    ['~99.9%', approx(pct(99.9, 89.86, 109.94))],
    ['~0', approx(count(0, -0.5, 0.5))],
    ['~-5%', approx(pct(-5, -6, -4, { signed: true }))],
    ['latency was ~14ms', approx(time(14, 12.1, 15.9, 'ms'), '~14ms')],
  ]);
});

describe('qualifiers: upper bounds (low = 0, or -∞ for signed values)', () => {
  const lt = (e: Expected, text?: string) => qualified('lt', e, text);
  const le = (e: Expected, text?: string) => qualified('le', e, text);
  table([
    ['<5ms', lt(time(5, 0, 5, 'ms'), '<5ms')],
    ['< 5ms', lt(time(5, 0, 5, 'ms'), '< 5ms')],
    ['&lt;5ms', lt(time(5, 0, 5, 'ms'), '&lt;5ms')],
    ['under 5ms', lt(time(5, 0, 5, 'ms'), 'under 5ms')],
    ['Under 5ms', lt(time(5, 0, 5, 'ms'))],
    ['below 1%', lt(pct(1, 0, 1))],
    ['less than 200ms', lt(time(200, 0, 200, 'ms'), 'less than 200ms')],
    ['fewer than 3 errors', lt(count(3, 0, 3, 'errors'))],
    ['p95<200ms', lt(time(200, 0, 200, 'ms'), '<200ms')],
    ['< -5%', lt(pct(-5, -Infinity, -5, { signed: true }))],
    ['<+5%', lt(pct(5, -Infinity, 5, { signed: true }))],
    ['≤ 5ms', le(time(5, 0, 5, 'ms'), '≤ 5ms')],
    ['<=5ms', le(time(5, 0, 5, 'ms'), '<=5ms')],
    ['⩽5ms', le(time(5, 0, 5, 'ms'))],
    ['&le; 5ms', le(time(5, 0, 5, 'ms'))],
    ['at most 2%', le(pct(2, 0, 2), 'at most 2%')],
    ['no more than 3 errors', le(count(3, 0, 3, 'errors'), 'no more than 3 errors')],
    ['not more than 3', le(count(3, 0, 3))],
    ['up to 10 pods', le(count(10, 0, 10, 'pods'), 'up to 10 pods')],
    ['within 200ms', le(time(200, 0, 200, 'ms'))],
    ['max 300ms', le(time(300, 0, 300, 'ms'), 'max 300ms')],
    ['Max 300ms', le(time(300, 0, 300, 'ms'))],
    ['max. 300ms', le(time(300, 0, 300, 'ms'), 'max. 300ms')],
    ['maximum 300ms', le(time(300, 0, 300, 'ms'))],
    ['≤ 1 GB', le(bytes(1e9, 0, GiB, 'GB', { ambiguousUnit: true }))],
  ]);
});

describe('qualifiers: lower bounds (high = ∞)', () => {
  const gt = (e: Expected, text?: string) => qualified('gt', e, text);
  const ge = (e: Expected, text?: string) => qualified('ge', e, text);
  const plus = (e: Expected, text?: string) => qualified('plus', e, text);
  table([
    ['>99%', gt(pct(99, 99, Infinity), '>99%')],
    ['> 99.9%', gt(pct(99.9, 99.9, Infinity), '> 99.9%')], // line content arrives without quote markers
    ['a\n>5 users', gt(count(5, 5, Infinity, 'users'), '>5 users')],
    ['load > 5', gt(count(5, 5, Infinity), '> 5')],
    ['&gt;5', gt(count(5, 5, Infinity))],
    ['over 1,000 users', gt(count(1000, 1000, Infinity, 'users'), 'over 1,000 users')],
    ['above 80%', gt(pct(80, 80, Infinity))],
    ['more than 5', gt(count(5, 5, Infinity))],
    ['greater than 5', gt(count(5, 5, Infinity))],
    ['latency>200ms', gt(time(200, 200, Infinity, 'ms'), '>200ms')],
    ['≥ 99.9%', ge(pct(99.9, 99.9, Infinity), '≥ 99.9%')],
    ['>=3', ge(count(3, 3, Infinity), '>=3')],
    ['⩾3', ge(count(3, 3, Infinity))],
    ['&ge;3', ge(count(3, 3, Infinity))],
    ['at least 3 runs', ge(count(3, 3, Infinity, 'runs'), 'at least 3 runs')],
    ['min 2 replicas', ge(count(2, 2, Infinity, 'replicas'), 'min 2 replicas')],
    ['min. 2 replicas', ge(count(2, 2, Infinity, 'replicas'))],
    ['minimum 2 replicas', ge(count(2, 2, Infinity, 'replicas'))],
    ['no less than 3', ge(count(3, 3, Infinity))],
    ['not less than 3', ge(count(3, 3, Infinity))],
    ['≥ 2GB', ge(bytes(2e9, 2e9, Infinity, 'GB', { ambiguousUnit: true }))],
    ['500+', plus(count(500, 500, Infinity), '500+')],
    ['500+ users', plus(count(500, 500, Infinity, 'users'), '500+ users')],
    ['1,000+ RPS', plus(rate(1000, 1000, Infinity, 'RPS'))],
    ['500ms+', plus(time(500, 500, Infinity, 'ms'), '500ms+')],
    ['10+ runs', plus(count(10, 10, Infinity, 'runs'))],
    ['over 500+ users', plus(count(500, 500, Infinity, 'users'), '500+ users')],
  ]);
});

describe('things that look like qualifiers but are not', () => {
  table([
    ['Quote:\n> 5 users', count(5, 4.5, 5.5, 'users', { text: '5 users' })],
    ['Quote:\n>> 5ms', time(5, 4.5, 5.5, 'ms', { text: '5ms' })],
    ['<br>5ms', time(5, 4.5, 5.5, 'ms', { text: '5ms' })],
    ['<br/>5ms', time(5, 4.5, 5.5, 'ms', { text: '5ms' })],
    ['<span class="metric-value">5ms', time(5, 4.5, 5.5, 'ms', { text: '5ms' })],
    ['142ms->98ms', [time(142, 141.5, 142.5, 'ms'), time(98, 97.5, 98.5, 'ms', { text: '98ms' })]],
    ['a => 5', int(5, { text: '5' })],
    ['~~5ms~~', time(5, 4.5, 5.5, 'ms', { text: '5ms' })],
    ['from 5', int(5, { text: '5' })],
    ['between 5', int(5, { text: '5' })],
    ['±5ms', time(5, 4.5, 5.5, 'ms', { text: '5ms' })],
    ['142ms ± 5ms', [time(142, 141.5, 142.5, 'ms'), time(5, 4.5, 5.5, 'ms')]],
    ['overall 5', int(5, { text: '5' })],
  ]);
});

describe('ranges (the unit written once applies to both ends)', () => {
  const range = (e: Expected, text?: string) => qualified('range', e, text);
  table([
    ['500-1,000', range(count(750, 499.5, 1000.5), '500-1,000')],
    ['5–10 ms', range(time(7.5, 4.5, 10.5, 'ms'), '5–10 ms')],
    ['5 to 10ms', range(time(7.5, 4.5, 10.5, 'ms'), '5 to 10ms')],
    ['1,500-3,000 req/s', range(rate(2250, 1499.5, 3000.5, 'req/s', { sourceValue: 2250 }))],
    ['5-10ms', range(time(7.5, 4.5, 10.5, 'ms'))],
    ['5 - 10 ms', range(time(7.5, 4.5, 10.5, 'ms'), '5 - 10 ms')],
    ['5 – 10 ms', range(time(7.5, 4.5, 10.5, 'ms'))],
    ['5ms-10ms', range(time(7.5, 4.5, 10.5, 'ms'), '5ms-10ms')],
    ['5ms–10ms', range(time(7.5, 4.5, 10.5, 'ms'))],
    ['5ms to 10ms', range(time(7.5, 4.5, 10.5, 'ms'))],
    ['5 ms - 10 ms', range(time(7.5, 4.5, 10.5, 'ms'))],
    ['between 5 and 10 ms', range(time(7.5, 4.5, 10.5, 'ms'), 'between 5 and 10 ms')],
    ['1-2s', range(time(1500, 500, 2500, 's', { sourceValue: 1.5 }))],
    ['0.5-1.5s', range(time(1000, 450, 1550, 's', { decimals: 1 }))],
    ['10-20%', range(pct(15, 9.5, 20.5))],
    ['2-4 cores', range(cpu(3000, 1500, 4500, 'cores'))],
    ['2-4 replicas', range(count(3, 1.5, 4.5, 'replicas'))],
    ['1-2 GB', range(bytes(1.5e9, 0.5e9, 2.5 * GiB, 'GB', { ambiguousUnit: true }))],
    ['500ms-1s', range(time(750, 499.5, 1500, 's', { sourceValue: 0.75 }))],
    ['~5-10ms', range(time(7.5, 4, 11.5, 'ms'), '~5-10ms')],
    ['about 5 to 10 seconds', range(time(7500, 4000, 11500, 'seconds'), 'about 5 to 10 seconds')],
    ['-5% to +3%', range(pct(-1, -5.5, 3.5, { signed: true }), '-5% to +3%')],
    ['2025-2026', range(count(2025.5, 2024.5, 2026.5))],
    ['5-10-minute runs', range(time(450_000, 270_000, 630_000, 'minute'), '5-10-minute')],
  ]);
  describe('not ranges', () => {
    table([
      ['10-5', NONE],
      ['10ms-5ms', NONE],
      ['5ms-10%', NONE],
      ['2025-26', NONE],
      ['100ms to 50ms', [time(100, 99.5, 100.5, 'ms'), time(50, 49.5, 50.5, 'ms')]],
      ['from 50ms to 100ms', [time(50, 49.5, 50.5, 'ms', { text: '50ms' }), time(100, 99.5, 100.5, 'ms')]],
      ['from 5 to 10 users', [int(5), count(10, 9.5, 10.5, 'users')]],
      ['5ms to 10%', [time(5, 4.5, 5.5, 'ms'), pct(10, 9.5, 10.5)]],
      ['5 -10 ms', [int(5), time(-10, -10.5, -9.5, 'ms', { signed: true, text: '-10 ms' })]],
      ['5 and 10 ms', [int(5), time(10, 9.5, 10.5, 'ms')]],
      ['5ms - 10', [time(5, 4.5, 5.5, 'ms'), int(10)]],
      ['500+ - 1000', [qualified('plus', count(500, 500, Infinity)), int(1000)]],
    ]);
  });
});

describe('fractions and multiplications', () => {
  table([
    ['15/25', [int(15, { start: 0, text: '15' }), int(25, { start: 3, text: '25' })]],
    ['98/100', [int(98), int(100)]],
    ['15/25 tests', [int(15), count(25, 24.5, 25.5, 'tests')]],
    ['1.2GB / 2GB', [
      bytes(1.2e9, 1.15e9, 1.25 * GiB, 'GB', { text: '1.2GB' }),
      bytes(2e9, 1.5e9, 2.5 * GiB, 'GB', { text: '2GB', start: 8 }),
    ]],
    ['1.2GB/2GB', [bytes(1.2e9, 1.15e9, 1.25 * GiB, 'GB'), bytes(2e9, 1.5e9, 2.5 * GiB, 'GB', { start: 6 })]],
    ['3 × 512MB', [int(3, { text: '3' }), bytes(512e6, 511.5e6, 512.5 * MiB, 'MB')]],
    ['3 x 512MB', [int(3), bytes(512e6, 511.5e6, 512.5 * MiB, 'MB')]],
    ['3x512MB', [int(3, { text: '3' }), bytes(512e6, 511.5e6, 512.5 * MiB, 'MB', { start: 2 })]],
    ['3x 100m', [int(3, { text: '3' }), time(6e6, 5.97e6, 6.03e6, 'm')]],
    ['2x faster', int(2, { text: '2' })],
    ['1.5x', count(1.5, 1.45, 1.55, '', { text: '1.5' })],
    ['1920x1080', [int(1920), int(1080)]],
    ['10×', int(10, { text: '10' })],
    ['×3', int(3, { text: '3' })],
    ['x 5', int(5)],
  ]);
});

describe('not quantities', () => {
  const none = (inputs: string[]) => table(inputs.map((input): Row => [input, NONE]));
  describe('percentile labels', () => {
    none(['P50', 'p50', 'p95', 'P99', 'p99.9', 'P99.99', 'TP99', 'p(95)', '95th', '99.9th percentile', '95%ile']);
  });
  describe('identifiers with digits', () => {
    none([
      'k6', 'HTTP/2', 'HTTP/1.1', '5xx', '4xx errors', 'x86_64', 'SHA256', 'SHA-256', 'ISO27001', 'abc123',
      'lot_code2', 'RAW-BEEF-001', 'a1b2', 'B2B', 'COVID-19', 'UTF-8', 'ipv4', 'h2', 'ES2022', 'node20', 'gp3',
      'm5.large', 't3.micro', 'c5.2xlarge', 'S3', 'EC2', '12abc', '3f9a2b', '1e6', 'us-east-1', 'ab-12-cd',
      'TLSv1.3', 'api/v1/users/42', '5ms_x',
    ]);
  });
  describe('standards and labels', () => {
    none([
      'SOC 2', 'SOC 2 Type II', 'ISO 27001', 'ISO/IEC 27001', 'PCI DSS 4.0', 'PCI 4.0', 'RFC 7231', 'TLS 1.3',
      'HTTP 503', 'HTTP 503 errors', 'status 200', 'Section 4', 'Table 2', 'Figure 3', 'Run 3', 'Phase 2',
      'Tier 1', 'step 2', 'port 5432', 'Version 3.1',
    ]);
  });
  describe('versions', () => {
    none([
      'v0.48.0', 'v1', 'V2', 'v2.1', '0.128.0', '1.2.3', '17.7-alpine', 'postgres:17.7-alpine', '8-alpine',
      'node:20-slim', '1.2.3-beta', 'Node 20.11.1', '18.x', 'release 5', 'image: postgres:16',
    ]);
  });
  describe('addresses and ports', () => {
    none([
      '0.0.0.0:5433', '127.0.0.1', '192.168.1.10:8080', 'localhost:5433', '5433->5432', '5433:5432', 'db:5432',
      '::1', 'fe80::1', '5432/tcp', 'http://host:8080/api/2', 'docker run -p 5433:5432 postgres:17.7-alpine',
    ]);
  });
  describe('dates', () => {
    none([
      '2026-01-18', '2026-01-18T10:00:00Z', '2026-01', '2026/01/18', '12/27/2025', '27.12.2025',
      'January 18, 2026', 'Jan 18, 2026', 'Jan. 18', 'January 2026', '18 Jan 2026', '18 January', 'March 5th',
      'Dec 31st', 'May 5', 'Sept 2025', '5 May', 'results-2026-01-18.json', 'Jan 5-10', 'Q1 2026', 'H2 2025',
      'FY 2026', 'FY2026',
    ]);
  });
  describe('times of day', () => {
    none(['23:32', '23:32 UTC', '23:32:10', '9:05', '10:30am', '9am', '9 pm', '9 a.m.', 'at 14:05 UTC', '1:30']);
  });
  describe('list markers and heading numbers', () => {
    none([
      '1.', '1. Setup', '2) Run', '  3. Indented', '> 1. quoted', '### 1. CI/CD', '## 2.1 Results', '# 3 Load test',
      '10. Ten', '1.1 Scope', '200 OK', 'Intro\n2. Second',
    ]);
  });
  describe('hex, emoji, money, references, ordinals', () => {
    none([
      '0x8E', '0xFF', '0X1f', 'mask 0x00ff', '1️⃣', '5⃣', '1️⃣ Setup', '5️⃣ runs', '$500', '€20', '£5', '¥100',
      '#123', 'issue #42', '@2x', '[^1]', '&#8776;', '1st', '2nd', '3rd', '4th',
    ]);
  });
  describe('text without figures', () => {
    none(['', 'N/A', 'TBD', '—', 'x', 'ms', '%', '~~~', '.5s']);
  });
});

describe('quantities in context, with offsets', () => {
  /** Checks the texts found, in order, and that each starts where it appears in the input. */
  const texts = (input: string, expected: string[], options?: { cpuContext?: boolean }) =>
    test(JSON.stringify(input), () => {
      const found = parseQuantities(input, options);
      assert.deepEqual(
        found.map((q) => q.text),
        expected,
      );
      let from = 0;
      for (const q of found) {
        assert.equal(q.start, input.indexOf(q.text, from), `${q.text} starts where it is written`);
        assert.equal(q.end, q.start + q.text.length);
        from = q.end;
      }
    });
  texts('p95 latency was 142ms (target < 200ms) at 500 VUs.', ['142ms', '< 200ms', '500 VUs']);
  texts('Ran k6 v0.48.0 against 127.0.0.1:8080 on 2026-01-18 at 23:32 UTC: 1,234 req/s, 0.02% errors.', [
    '1,234 req/s',
    '0.02%',
  ]);
  texts('| P50 | 12ms | 14ms | ✅ |', ['12ms', '14ms']);
  texts('Throughput rose from 800 to 1,200 RPS (+50%).', ['800', '1,200 RPS', '+50%']);
  texts('3 × 512MB pods, CPU 100m each', ['3', '512MB', '100m']);
  texts('### 2. Results\n\nError rate stayed under 0.1% for 30 minutes across 3 runs.', [
    'under 0.1%',
    '30 minutes',
    '3 runs',
  ]);
  texts('- Soak test: 30m at 200 RPS, CPU peaked at 70%', ['30m', '200 RPS', '70%']);
  texts('Memory: 1.2GB / 2GB (60%)', ['1.2GB', '2GB', '60%']);
  texts('Passed 15/25 checks; SOC 2 and ISO 27001 pending', ['15', '25']);
  texts('Latency improved ~30% (142ms → 98ms) across 3 runs', ['~30%', '142ms', '98ms', '3 runs']);
  texts('1. Install k6\n2. Run 50 VUs for 5m', ['50 VUs', '5m']);
  texts('Scaled 2-4 replicas; limits cpu: 500m, memory: 512Mi', ['2-4 replicas', '500m', '512Mi']);
  texts('January 18, 2026 — 99.95% uptime in the last 30 days', ['99.95%', '30 days']);
  texts('Build 1234 deployed to 3 nodes (x86_64, 8 vCPUs each)', ['3 nodes', '8 vCPUs']);
  texts('Cold start 1.5 s; warm 120 ms; p99 ≤ 250 ms.', ['1.5 s', '120 ms', '≤ 250 ms']);
  texts('Error budget: **0.1%** (~43 min/month)', ['0.1%', '~43 min']);
  texts('> Note: 5 of 8 checks passed\n> 1. first', ['5', '8']);
  texts('Tested at 🚀 500 users with 1️⃣ a single node', ['500 users']);
  texts('réseau 1 234,5 ms', ['1 234,5 ms']);
  texts('p50=12ms p90=30ms p99=85ms max=140ms', ['12ms', '30ms', '85ms', '140ms']);
});

describe('parseQuantity: a whole cell that is one quantity', () => {
  const cell = (input: string, expected: Expected | undefined, options?: { cpuContext?: boolean }) =>
    test(JSON.stringify(input), () => {
      const q = parseQuantity(input, options);
      if (expected === undefined) return assert.equal(q, undefined, `${q?.text}`);
      assert.ok(q, 'a quantity');
      assertMatches(q, expected, input);
    });
  cell('~14ms', { qualifier: 'approx', value: 14, text: '~14ms', start: 0 });
  cell('< 5ms', { qualifier: 'lt', value: 5, low: 0, high: 5 });
  cell('1,234 req/s', { dimension: 'rate', value: 1234, sourceValue: 1234 });
  cell('  142 ms  ', { value: 142, start: 2, text: '142 ms' });
  cell('\t99.9%\n', { dimension: 'percent', value: 99.9 });
  cell('about 50 users', { qualifier: 'approx', sourceUnit: 'users' });
  cell('5-10 ms', { qualifier: 'range', low: 4.5, high: 10.5 });
  cell('500+', { qualifier: 'plus', low: 500, high: Infinity });
  cell('100m', { dimension: 'cpu', value: 100 }, { cpuContext: true });
  cell('100m', { dimension: 'time', value: 6e6 });
  cell('2,145', { value: 2145 });
  cell('-3.2%', { value: -3.2, signed: true });
  cell('N/A', undefined);
  cell('', undefined);
  cell('   ', undefined);
  cell('TBD', undefined);
  cell('142ms / 200ms', undefined);
  cell('142ms (p95)', undefined);
  cell('✅ 142ms', undefined);
  cell('**142ms**', undefined);
  cell('1.', undefined);
  cell('v1.2.3', undefined);
  cell('12/27/2025', undefined);
  cell('P95', undefined);
  cell('15/25', undefined);
});

describe('formatNumber', () => {
  const rows: Array<[number, number | undefined, string]> = [
    [1234, undefined, '1,234'],
    [26, undefined, '26'],
    [0.019, undefined, '0.019'],
    [1.9, undefined, '1.9'],
    [1234567.891, undefined, '1,234,567.891'],
    [99.75, undefined, '99.75'],
    [1e9, undefined, '1,000,000,000'],
    [0.0001, undefined, '0'],
    [0.0005, undefined, '0.001'],
    [-1234.5, undefined, '-1,234.5'],
    [-0, undefined, '0'],
    [-0.0001, undefined, '0'],
    [1.23456, 1, '1.2'],
    [2.5, 0, '3'],
    [1234.5678, 2, '1,234.57'],
    [Infinity, undefined, '∞'],
    [-Infinity, undefined, '-∞'],
    [NaN, undefined, 'NaN'],
  ];
  for (const [n, decimals, expected] of rows) {
    test(`${n} (${decimals ?? 'default'} decimals) → ${expected}`, () => assert.equal(formatNumber(n, decimals), expected));
  }
});

describe('convert', () => {
  const rows: Array<[number, string, string, number | undefined]> = [
    [2, 's', 'ms', 2000],
    [1500, 'ms', 's', 1.5],
    [1, 'h', 'min', 60],
    [5, 'm', 'ms', 300_000],
    [1, 'Seconds', 'ms', 1000],
    [1, 'GB', 'MB', 1000],
    [1, 'GiB', 'MiB', 1024],
    [1, 'Gi', 'B', GiB],
    [120, 'rpm', '/s', 2],
    [1, 'req/s', 'rpm', 60],
    [500, 'm', 'cores', 0.5],
    [2, 'cores', 'm', 2000],
    [1, 'Gbps', 'Mbps', 1000],
    [1, 'MB/s', 'bit/s', 8e6],
    [50, '%', 'percent', 50],
    [3, 'users', '', 3],
    [1, 'ms', 'MB', undefined],
    [1, 'furlongs', 'ms', undefined],
    [1, 'ms', '', undefined],
  ];
  for (const [value, from, to, expected] of rows) {
    test(`${value} ${from} → ${to}`, () => {
      const got = convert(value, from, to);
      if (expected === undefined) assert.equal(got, undefined);
      else near(got, expected, 'converted');
    });
  }
});

describe('overlaps', () => {
  const rows: Array<[[number, number], [number, number], boolean]> = [
    [[1, 2], [2, 3], true],
    [[1, 2], [2.1, 3], false],
    [[0, Infinity], [5, 6], true],
    [[-Infinity, 0], [0.1, 1], false],
    [[1, 5], [2, 3], true],
    [[2, 3], [1, 5], true],
    [[141.5, 142.5], [141.5, 142.5], true],
    [[5, 6], [1, 4.99], false],
  ];
  for (const [[aLow, aHigh], [bLow, bHigh], expected] of rows) {
    test(`[${aLow}, ${aHigh}] and [${bLow}, ${bHigh}]`, () => {
      assert.equal(overlaps({ low: aLow, high: aHigh }, { low: bLow, high: bHigh }), expected);
    });
  }
});

describe('invariants on arbitrary text', () => {
  const alphabet = [
    ...'0123456789', ',', '.', ' ', '\u00a0', '-', '–', '/', ':', '~', '<', '>', '=', '+', '%', '#', '\n', 'x',
    'm', 's', 'k', 'B', 'G', 'i', 'µ', 'p', 'v', 'a', 'b', 'o', 'u', 't', ' to ', ' ms', 'cpu ', 'about ', '>= ',
    ' users', ' req/s', 'Jan ', '−', '*', '_', '|', '(', ')',
  ];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((parts) => parts.join(''));

  test('offsets, order and intervals are consistent', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (input, cpuContext) => {
        let previousEnd = 0;
        for (const q of parseQuantities(input, { cpuContext })) {
          assert.equal(q.text, input.slice(q.start, q.end));
          assert.ok(q.start >= previousEnd && q.end > q.start, 'in order, not overlapping');
          assert.equal(q.text, q.text.trim(), 'no surrounding white space');
          assert.ok(!Number.isNaN(q.value) && !Number.isNaN(q.low) && !Number.isNaN(q.high));
          assert.ok(q.low <= q.value && q.value <= q.high, `${q.text}: ${q.low} ≤ ${q.value} ≤ ${q.high}`);
          previousEnd = q.end;
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('a whole quantity reads the same on its own', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const q of parseQuantities(input)) {
          if (q.dimension === 'cpu' || q.qualifier === 'approx') continue; // context-dependent readings
          const alone = parseQuantity(q.text);
          if (alone) assert.equal(alone.value, q.value, q.text);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('linear time on adversarial input', () => {
  const N = 200_000;
  const inputs: Record<string, string> = {
    'one long digit run': '1'.repeat(N),
    'digits with thousands separators': '1,234'.repeat(N / 5),
    'a long comma list 1,1,1,…': '1,'.repeat(N / 2),
    'dotted runs 1.1.1.…': '1.'.repeat(N / 2),
    'hyphenated runs 1-1-1-…': '1-'.repeat(N / 2),
    'colon runs 1:1:1:…': '1:'.repeat(N / 2),
    'slash runs 1/1/1/…': '1/'.repeat(N / 2),
    'space-grouped digits': '1 234 '.repeat(N / 6),
    'NBSP-grouped digits': `1${'\u00a0234'.repeat(N / 4)}`,
    'mixed separators': '1,1.1 1-1/1:'.repeat(N / 12),
    'tildes then a number': `${'~'.repeat(N)}5ms`,
    'spaces then a number': `${' '.repeat(N)}5ms`,
    'qualifier words': `${'about '.repeat(N / 6)}5`,
    'quote marks and hashes': `${'>'.repeat(N / 2)}${'#'.repeat(N / 2)} 1.`,
    'unclosed tags': `${'<b'.repeat(N / 2)}>5`,
    'underscores after a unit': `5ms${'_'.repeat(N)}`,
    'many quantities': '5ms '.repeat(N / 4),
    'many ranges': '5-10ms '.repeat(N / 7),
    'hex prefixes': '0x'.repeat(N / 2),
    'numbered lines': '1.\n'.repeat(N / 3),
    'unit-like letters': `1${'m'.repeat(N)}`,
    'month names': `${'Jan '.repeat(N / 4)}5`,
  };
  for (const [name, input] of Object.entries(inputs)) {
    test(`${name} (${input.length} chars)`, () => {
      const started = performance.now();
      const found = parseQuantities(input);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
      for (const q of found.slice(0, 100)) assert.equal(q.text, input.slice(q.start, q.end));
    });
  }
});
