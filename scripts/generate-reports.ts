// Realistic readiness reports of any length, the same for the same seed: a status block, results
// tables, key/value figure blocks (some whose arithmetic is off), percentile code blocks, check
// lists, methodology notes, and here and there a mark garbled into mojibake ("âœ…" for "✅").
// Used by `npm run bench` and the scale tests.

/** A small seeded generator (mulberry32): reports must not change between runs. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['Checkout', 'Payments', 'Search', 'Inventory', 'Auth Gateway', 'Notifications', 'Ledger', 'Media Upload'];
const TOOLS = ['k6 v0.48.0', 'Gatling 3.10', 'wrk2', 'Locust 2.20', 'JMeter 5.6'];
const HOSTS = ['c6i.2xlarge (8 vCPU, 16 GiB)', 'm7g.xlarge (4 vCPU, 16 GiB)', 'bare metal, 2× Xeon Gold 6338', 'n2-standard-8 (8 vCPU, 32 GiB)'];
// UTF-8 marks decoded through Windows-1252 or Mac Roman, as found in real reports.
const GARBLED = { pass: ['âœ…', '‚úÖ'], fail: ['âŒ', '‚ùå'], dash: 'â€”', rocket: 'ðŸš€', target: 'ðŸŽ¯' };

export function generateReport(lineCount: number, seed: number): string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const grouped = (n: number) => n.toLocaleString('en-US');
  // Some passages were pasted from a file read through the wrong code page.
  const garble = () => rnd() < 0.1;
  const mark = (ok: boolean) => (garble() ? pick(ok ? GARBLED.pass : GARBLED.fail) : ok ? '✅' : '❌');
  const dash = () => (garble() ? GARBLED.dash : '—');
  const service = pick(SERVICES);

  const lines: string[] = [
    `# ${service} Service: Performance Readiness Report`,
    '',
    `**Status**: ${mark(true)} **READY FOR PRODUCTION**  `,
    `**Date**: 2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}  `,
    `**Assessment Score**: **${int(80, 99)}/100** ${garble() ? GARBLED.target : '🎯'}`,
    '',
  ];

  const sections: (() => string[])[] = [
    () => {
      const rows = int(4, 10);
      const out = ['| Metric | Result | Target | Status |', '|--------|--------|--------|--------|'];
      for (let r = 0; r < rows; r++) {
        const target = int(100, 500);
        const result = int(50, 550);
        out.push(`| P${pick([50, 90, 95, 99])} latency (${pick(['GET', 'POST', 'PUT'])} /api/v${int(1, 3)}/${pick(['orders', 'items', 'users', 'carts'])}) | ${result} ms | < ${target} ms | ${mark(result < target)} ${result < target ? 'PASS' : 'FAIL'} |`);
      }
      out.push(`| Error rate | ${(rnd() * 2).toFixed(2)}% | < 1% | ${mark(true)} PASS |`);
      return out;
    },
    () => {
      const requests = int(100, 5000) * 1000;
      const minutes = pick([5, 10, 15, 30, 60]);
      const honest = rnd() < 0.7;
      const rate = Math.round(requests / (minutes * 60) * (honest ? 1 : 1.5 + rnd()));
      return [
        `**Load Test Results** (${pick(TOOLS)}):`,
        `- Total Requests: ${grouped(requests)}`,
        `- Duration: ${minutes} minutes`,
        `- Throughput: ${grouped(rate)} requests/second`,
        `- Concurrent Users: ${int(50, 2000)}`,
        `- Error Rate: ${(rnd()).toFixed(2)}%`,
      ];
    },
    () => {
      const p50 = int(5, 80);
      return [
        '**Response Time Distribution**:',
        '```',
        `p50 (Median):   ${p50}ms`,
        `p90 (90th):     ${p50 + int(10, 60)}ms`,
        `p95 (95th):     ${p50 + int(40, 120)}ms`,
        `p99 (99th):     ${p50 + int(100, 400)}ms`,
        '```',
      ];
    },
    () => {
      const items = int(3, 7);
      const out = ['**Checks**:'];
      for (let i = 0; i < items; i++) {
        const ok = rnd() < 0.85;
        out.push(`- ${mark(ok)} ${pick(['Health checks', 'Autoscaling', 'Backups restored', 'Alert rules', 'Circuit breakers', 'Rate limiting', 'TLS 1.3'])} ${ok ? 'verified' : 'not measured'} ${dash()} ${pick(['tested under load', 'see runbook', 'staging only', 'pending sign-off'])}`);
      }
      return out;
    },
    () => [
      `The service sustained ${grouped(int(500, 20000))} req/s at ${int(20, 85)}% CPU with ${int(2, 12)} pods; ` +
        `memory stayed at ${int(256, 2048)} MB per pod ${dash()} well within the ${pick(['1 GiB', '2 GiB', '4 GiB'])} limit. ` +
        `Cache hit ratio was ${int(80, 99)}% and the database pool peaked at ${int(10, 90)} of 100 connections.`,
    ],
    () => [
      '**Methodology**:',
      `- Tool: ${pick(TOOLS)}, ${int(3, 5)} runs of ${pick([5, 10, 15])} minutes each, after a ${pick([1, 2, 5])}-minute warm-up`,
      `- Load generator: separate host, ${pick(HOSTS)}`,
      `- System under test: ${int(2, 8)} replicas on ${pick(HOSTS)}`,
      `- Dataset: ${grouped(int(10, 900) * 1000)} rows, production-like distribution`,
    ],
  ];

  for (let n = 1; lines.length < lineCount; n++) {
    lines.push(`## ${n}. ${pick(['API', 'Database', 'Cache', 'Queue', 'Storage', 'Network'])} ${pick(['Performance', 'Capacity', 'Resilience', 'Latency'])} ${n % 7 === 0 ? (garble() ? GARBLED.rocket : '🚀') : ''}`.trimEnd(), '');
    for (let k = int(2, 4); k > 0; k--) lines.push(...pick(sections)(), '');
    if (n % 3 === 0) lines.push('---', '');
  }
  return `${lines.slice(0, lineCount).join('\n')}\n`;
}
