// Adversarial inputs, shared by the tests (test/unit/adversarial.test.ts: each must be analysed
// soundly) and the benchmark (scripts/bench-adversarial.ts: each family timed at n, 4n and 16n, to
// show that the time grows linearly). Sizes and shapes built to break the analysis (a 1 MB line,
// 100,000 table rows, deep nesting) and, for the regular expressions in server/src/, inputs built
// to make them backtrack: long runs of the characters a pattern repeats, with a tail that fails it.
import { defaultConfig, type EffectiveConfig } from '../server/src/config/resolve';

/** Adversarial documents need not look like reports: `always` makes every rule see them. */
export const ALWAYS: EffectiveConfig = { ...defaultConfig(), reports: 'always' };
export const AUTO = defaultConfig();

/** A family of inputs that grows with n: its time should grow linearly with it. */
export interface Family {
  name: string;
  make: (n: number) => string;
  n: number;
  config?: EffectiveConfig;
  mode?: 'analyze' | 'fixAll';
}

/** One big input. */
export interface BigInput {
  name: string;
  text: () => string;
  config?: EffectiveConfig;
  /** A known limitation, stated: the input is still run by the benchmark, and skipped by the tests. */
  limitation?: string;
}

/** A document around `body`: a title and a section, so the section-scoped rules read it. */
export const report = (...body: string[]) => `# Load test report\n\n## Results\n\n${body.join('\n')}\n`;
/** Plain text (no Markdown signals) around `body`. */
export const plain = (...body: string[]) => `LOAD TEST REPORT\n\n${body.join('\n')}\n`;
const MB = 1 << 20;
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const PROSE = 'The p95 latency was 142ms and throughput 1,234 req/s with 50 users ✅ PASS; errors stayed below 0.1%. ';

export const bigInputs: BigInput[] = [
  { name: 'a 1 MB single line of report prose', text: () => fill(PROSE, MB) },
  { name: 'a 1 MB single line of report prose (reports: auto)', text: () => fill(PROSE, MB), config: AUTO },
  { name: 'a 1 MB single line of one letter', text: () => 'a'.repeat(MB) },
  { name: 'a 1 MB single line of digits', text: () => fill('1234567890', MB) },
  { name: 'a 1 MB run of "Ã©"', text: () => report(`Status: ${fill('Ã©', MB)}`) },
  { name: 'a 1 MB run of "âœ…"', text: () => report(`Status: ${fill('âœ…', MB)}`) },
  {
    name: '100,000 rows of a plain-text table',
    text: () => plain('Endpoint\tp95\tThroughput\tStatus', ...Array.from({ length: 100_000 }, (_, i) => `endpoint-${i}\t${i % 997}ms\t${i % 89} req/s\tPASS`)),
  },
  {
    name: '100,000 rows of a Markdown table',
    text: () => report('| Metric | Value |', '| --- | --- |', ...Array.from({ length: 100_000 }, (_, i) => `| r${i} | ${i % 1000}ms |`)),
    limitation: 'the Markdown parser (micromark-util-subtokenize, under remark-parse) is super-linear in the rows of one table: about a minute here',
  },
  { name: '10,000 nested list levels', text: () => report(`${'+ '.repeat(10_000)}item 5ms`) },
  { name: '10,000 nested block quotes on one line', text: () => report(`${'>'.repeat(10_000)} text 5ms`) },
  { name: '1,000 list levels by indentation (1 MB)', text: () => report(...Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- item ${i}ms`)) },
];

export const shapes: Family[] = [
  {
    name: 'Markdown table rows',
    n: 250,
    make: (n) => report('| Metric | p95 | Status |', '| --- | --- | --- |', ...Array.from({ length: n }, (_, i) => `| endpoint ${i} | ${i % 997}ms | ✅ PASS |`)),
  },
  {
    name: 'nesting depth of block quotes',
    n: 128,
    make: (n) => report(`${'>'.repeat(n)} text 5ms`),
  },
  {
    name: 'nesting depth of lists',
    n: 64,
    make: (n) => report(`${'+ '.repeat(n)}item 5ms`),
  },
  {
    name: 'sections, each with a figure',
    n: 16,
    make: (n) => report(...Array.from({ length: n }, (_, i) => `## Test ${i}\n\n- Latency: ${i}ms\n`)),
  },
  {
    name: 'lines in one section',
    n: 32,
    make: (n) => report(...Array.from({ length: n }, (_, i) => `- Failed ${i}: 40 (1.9%)`), '- Total requests: 2145'),
  },
  {
    name: 'lines with a mojibake verdict',
    n: 64,
    make: (n) => report(...Array.from({ length: n }, (_, i) => `- Check ${i}: âœ… 5ms`)),
  },
  {
    name: 'suppression directives, each over a finding',
    n: 64,
    make: (n) => report(...Array.from({ length: n }, (_, i) => `<!-- readiness-lint-disable-next-line mojibake -->\nâœ… check ${i}\n`)),
  },
  {
    name: 'fixes applied by fix-all',
    n: 64,
    mode: 'fixAll',
    make: (n) => report(...Array.from({ length: n }, (_, i) => `- Check ${i}: âœ… done â€” ok`)),
  },
];

export const patterns: Family[] = [
  // model/format.ts: detectFormat runs its SIGNALS over the first 200,000 characters.
  {
    name: 'format.ts table-delimiter signal /^[ \\t]*\\|?[ \\t]*:?-{3,}…/m: a line of spaces, then a letter',
    n: 2048,
    make: (n) => report(`${' '.repeat(n)}x`),
  },
  {
    name: 'format.ts table-delimiter signal: a line of tabs, then a letter',
    n: 2048,
    make: (n) => report(`${'\t'.repeat(n)}x`),
  },
  {
    name: 'format.ts link signal /\\[[^\\]\\n]+\\]\\([^)\\s]+\\)/: a run of "["',
    n: 2048,
    make: (n) => report('['.repeat(n)),
  },
  {
    name: 'format.ts heading, fence, emphasis, bullet and link signals: their repeated parts, unfinished',
    n: 2048,
    make: (n) => report(`######${' \t'.repeat(n / 2)}`, `**${'a'.repeat(n)}`, `[a](${'b'.repeat(n)}`, `-${' '.repeat(n)}`, `~~${'~'.repeat(n)}x`),
  },
  // model/markdown.ts
  {
    name: 'markdown.ts heading text /^#+\\s*|\\s*#+\\s*$/g: a run of spaces inside a heading',
    n: 2048,
    make: (n) => report(`## a${' '.repeat(n)}b`),
  },
  {
    name: 'markdown.ts heading text, methodology-support.ts titleOf /^#+\\s*|\\s*#+$/g: a run of "#" inside a heading',
    n: 2048,
    make: (n) => report(`## a${'#'.repeat(n)}b`),
  },
  {
    name: 'markdown.ts line markers /^(?:\\s*>)*\\s*(?:(?:[-*+]|\\d{1,9}[.)])\\s+(?:\\[[ xX]\\]\\s+)?)?/, /^\\s*#{1,6}\\s*/, /^\\s*(```|~~~)/; methodology-support.ts LIST_ITEM',
    n: 2048,
    make: (n) => report(`> - [x]${' '.repeat(n)}item 5ms`, `123456789.${' '.repeat(n)}x`, `#${' '.repeat(n)}#`, '```', `${'`'.repeat(2)}${' '.repeat(n)}x`, '```'),
  },
  {
    name: 'markdown.ts comments /^<!--/, suppression.ts DIRECTIVE /^<!--\\s*readiness-lint-(…)\\b([^]*?)-->$/ and /[\\s,]+/',
    n: 2048,
    make: (n) =>
      report(
        `<!-- readiness-lint-disable${' mojibake,'.repeat(n / 10)} -->`,
        `<!--${' '.repeat(n)}x -->`,
        `<!-- readiness-lint-enable ${'-->x'.repeat(n / 4)}`,
        'âœ… 5ms',
        `<!-- readiness-lint-disable-line${'-'.repeat(n)}`,
      ),
  },
  // model/plaintext.ts
  {
    name: 'plaintext.ts COLUMN_SEPARATOR /\\t+| {2,}|\\s*\\|\\s*/g: a run of no-break spaces',
    n: 2048,
    make: (n) => plain(`Latency a${'\u00a0'.repeat(n)}b`),
  },
  {
    name: 'plaintext.ts UNDERLINE /^\\s*(=+|-+)\\s*$/, heading-shape patterns, /^\\|/, /\\|$/, /^[-*•]\\s/',
    n: 2048,
    make: (n) => plain('Results', `${'='.repeat(n)}x`, `${'-'.repeat(n)} x`, `${'|'.repeat(n)}x`, `• ${' '.repeat(n)}x`, `1.${'1.'.repeat(n / 2)} Results`),
  },
  {
    name: 'plaintext.ts and markdown.ts tables n columns wide',
    n: 1024,
    make: (n) => {
      const cols = Math.max(2, Math.floor(n / 8));
      const row = (cell: string) => `| ${Array.from({ length: cols }, (_, i) => `${cell}${i}`).join(' | ')} |`;
      return report(row('p95 '), row('---').replace(/---\d+/g, '---'), row('5ms '), row('6ms ')) + plain(row('p95 '), row('5ms '));
    },
  },
  // model/keyvalue.ts
  {
    name: 'keyvalue.ts separator, key and emphasis patterns: long keys and values',
    n: 2048,
    make: (n) => report(`- ${'1 '.repeat(30)}: ${'x'.repeat(n)}`, `**${'Key '.repeat(15)}:**${' 5ms'.repeat(n / 4)}`, 'a:'.repeat(n / 2), `__${'_'.repeat(n)}: 5ms`),
  },
  // model/verdicts.ts
  {
    name: 'verdicts.ts VERDICT_RE, stripEmphasis, isNoMeasurement: verdict phrases and emphasis runs',
    n: 2048,
    make: (n) =>
      report(
        `Status: meets ${'a-'.repeat(n / 2)} x`,
        'within the '.repeat(n / 11),
        'not yet '.repeat(n / 8),
        `${'*_'.repeat(n / 2)}x`,
        '| Status |',
        '| --- |',
        `| ${'-'.repeat(n)}? |`,
      ),
  },
  // model/quantity-scan.ts, model/quantity.ts, model/fragment.ts: patterns on short windows around numbers
  {
    name: 'quantity-scan.ts CPU_BEFORE, CPU_AFTER, CPU_CHAIN, AFTER_MONTH, BEFORE_MONTH, AFTER_PERIOD, CLOCK_SUFFIX, STANDARD, LABEL, CAPITAL_LABEL; quantity.ts WORD_PREFIX, SYMBOL_PREFIX, OPEN_TAG, DASH_GAP, TO_GAP, AND_GAP; fragment.ts CPU',
    n: 2048,
    make: (n) =>
      report(
        `CPU request: ${'cpu 100m/500m, January 18, 2026 at 5 pm, Q1 2026, SOC 2, Section 4, Run 3, about ~5ms, <br>5ms, 5 - 10 ms, 5 to 10 ms, between 5 and 10 ms. '.repeat(Math.ceil(n / 150))}`,
        '| CPU | Memory |',
        '| --- | --- |',
        ...Array.from({ length: Math.ceil(n / 64) }, () => '| 100m | 512MB |'),
      ),
  },
  {
    name: 'quantity-scan.ts digit groups, compounds and hex: long numbers',
    n: 2048,
    make: (n) =>
      report(
        `Requests: 1${' 234'.repeat(n / 4)}`,
        `List: ${'1,'.repeat(n / 2)}1`,
        `Range: ${'1-'.repeat(n / 2)}1`,
        `Hex: 0x${'f'.repeat(n)}`,
        `Digits: ${'9'.repeat(n)}ms`,
        `Dots: ${'1.'.repeat(n / 2)}1`,
        `Times: ${'23:'.repeat(n / 3)}59`,
      ),
  },
  {
    name: 'quantity.ts WORD_PREFIX /(…)[ \\u00a0]$/iu, SYMBOL_PREFIX: runs of qualifiers before a number',
    n: 2048,
    make: (n) => report(`Latency: ${'~'.repeat(n)}5ms`, `Latency: ${'<'.repeat(n)}5ms`, `Latency: ${'about '.repeat(n / 6)}5 ms`, `Latency: ${'&lt;'.repeat(n / 4)}5ms`),
  },
  // rules/arithmetic-support.ts and the arithmetic rules
  {
    name: 'arithmetic-support.ts shareOf /^\\s*[([]?\\s*$/: spaces between a count and its percentage',
    n: 2048,
    make: (n) => report('- Total requests: 2145', `- Failed: 40${' '.repeat(n)}x (1.9%)`),
  },
  {
    name: 'percentage-mismatch.ts BEFORE_PERCENT /^\\s*[([]?\\s*$|^\\s*[-–—:=,]\\s*$/, JOINT: spaces between a fraction and its percentage',
    n: 2048,
    make: (n) => report(`- Passed: 45/50${' '.repeat(n)}x (90%)`),
  },
  {
    name: 'score-mismatch.ts label /[\\s:(*_]+$/: a run of spaces in a score line',
    n: 2048,
    make: (n) => report(`Perf${' '.repeat(n)}x 5/10`),
  },
  {
    name: 'arithmetic-support.ts, throughput-mismatch.ts, littles-law.ts, metric-conflict.ts, score-mismatch.ts, total-mismatch.ts word patterns: long labels and titles',
    n: 2048,
    make: (n) =>
      report(
        `## ${'summary'.repeat(n / 7)}`,
        '',
        `- Throughput per ${'per '.repeat(n / 4)}pod: 5 req/s`,
        `- p95${'.9'.repeat(n / 2)} latency: 5ms`,
        `- Weight${'ed'.repeat(n / 2)}: 5`,
        `- ${'9'.repeat(n)}th percentile: 5ms`,
        '',
        '| Score | Weight |',
        '| --- | --- |',
        `| Overall ${'a1.'.repeat(n / 3)} | 5/10 |`,
        '| Total | 5 |',
      ),
  },
  // rules/claims-support.ts
  {
    name: 'claims-support.ts TARGET_BEFORE /\\b(target…)s?\\s*(?:\\([^()]*\\))?\\s*(?:[:=]|is|of|at)?\\s*$/i: spaces after "target" before a figure',
    n: 64,
    make: (n) => report(`- Latency: target${' '.repeat(n)}x 5ms`),
  },
  {
    name: 'claims-support.ts TARGET_AFTER, VERSUS_BEFORE, TARGET_ABSENT, KEY_ENDS_WITH_TARGET, labelOfKey',
    n: 2048,
    make: (n) => report(`- Latency: 387ms vs${' '.repeat(n)}x < 200 ms`, `- Error budget: SLA${':'.repeat(n)} n/a`, `- p95: 5ms ${'target'.repeat(n / 6)}`, `- ${'('.repeat(50)}: 5ms ${'-'.repeat(n)}`),
  },
  // rules/methodology-support.ts (prose is read with runs of white space collapsed)
  {
    name: 'methodology-support.ts warm-up /[^.;]*\\bwarm(?:ed|ing)?[- ]?ups?\\b[^.;]*/i: a sentence with no full stop',
    n: 2048,
    make: (n) => report(`We ran the load test with ${'many '.repeat(n / 5)}`),
  },
  {
    name: 'methodology-support.ts CURL_LOOP /\\bcurl\\b(?=.*\\b(loops?|…)\\b)|\\b(?:loop|…)\\b.*\\bcurl\\b/i: "curl" repeated',
    n: 2048,
    make: (n) => report(`We used ${'curl '.repeat(n / 5)}`),
  },
  {
    name: 'methodology-support.ts LOAD_PHRASE /\\bramp(?:s|ed|ing)?[- ]?(?:up|down)?\\b[^.;]*?\\d…/i: "ramp" repeated',
    n: 2048,
    make: (n) => report(`Load: ${'ramp '.repeat(n / 5)}`),
  },
  {
    name: 'methodology-support.ts CPU_MODEL /…\\b(?:[\\s-]+[\\w-]*\\d[\\w-]*)?…/i: a CPU model with a run of dashes',
    n: 2048,
    make: (n) => report(`Hardware: Xeon${'-'.repeat(n)}x`),
  },
  {
    name: 'methodology-support.ts titleOf /^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N})]+$/gu: a section title with a run of punctuation',
    n: 2048,
    make: (n) => `# Load test report\n\n## Results ${'-'.repeat(n)}x\n\n- Tool: k6\n- Latency: 5ms\n`,
  },
  {
    name: 'methodology-support.ts TOOL_RE, VERSION_AFTER, INSTANCE_TYPE, MACHINE, USAGE, ENV_*, LOAD_FLAG, DURATION_FLAG, RUNS_PHRASE, DATASET, DATE, MODAL, TEST_WORD, norm: methodology prose',
    n: 2048,
    make: (n) =>
      report(
        `Setup: ${'We ran k6 v1.2.3 on the staging environment on a 3-node kubernetes cluster (m5.large, 16 GB RAM), 5 runs, best of 3, --vus 10 --duration 30s, on Jan 18 with seed data. '.repeat(Math.ceil(n / 160))}`,
        `- Tool: k6${' '.repeat(n)}x`,
      ),
  },
  // The other rules: patterns on the text between figures
  {
    name: 'too-few-samples.ts, summary-contradicts-results.ts ALL_BEFORE, product-mismatch.ts TIMES/EQUALS/OPEN/CLOSE, growth-mismatch.ts, soak-test-too-short.ts: runs of spaces between figures and words',
    n: 2048,
    make: (n) =>
      report(
        `- p95 over${' '.repeat(n)}(5 s): 5ms`,
        `- Status: all${' '.repeat(n)}targets${' '.repeat(n)}x met`,
        `- Total: 5${' '.repeat(n)}x${' '.repeat(n)}3 = 15`,
        `- Growth: 5%${' '.repeat(n)}x per month`,
        `- Soak test${' -'.repeat(n / 2)}: 5 min`,
      ),
  },
  // encoding/
  {
    name: 'encoding/detect.ts NON_ASCII /[^\\x00-\\x7f]+/g and the mojibake search, emoji.ts and chars.ts patterns: long garbled runs',
    n: 2048,
    make: (n) => report(`Status: ${'Ã©'.repeat(n / 2)}`, `Marks: ${'âœ…'.repeat(n / 3)}`, `Emoji: ${'👍🏽'.repeat(n / 4)}${'\ufe0f'.repeat(n / 4)}`),
  },
];
