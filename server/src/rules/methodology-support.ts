// What the methodology rules share: the elements a reader needs before trusting a measured figure,
// the facts a report states about them (wherever it states them), its methodology section, its
// measured results, and the placeholders the "insert methodology section" fix writes.
// Facts are read from labels (key/value lines, table rows and columns, section titles) and from
// a general vocabulary of load-testing tools, hardware and environments; never from one report's wording.
import { z } from 'zod';
import { memoize, memoize2 } from '../core/memo';
import type { Span } from '../core/types';
import type { DocumentModel, Section, Table, TextLine } from '../model/document';
import { quantitiesAt, quantitiesIn } from '../model/quantity';
import type { Quantity } from '../model/quantity-types';
import { findVerdicts, stripEmphasis } from '../model/verdicts';
import { textWithoutRuns } from './claims-support';

// ---------------------------------------------------------------------------------------------
// Elements

export const ELEMENTS = [
  'tool',
  'tool-version',
  'environment',
  'hardware',
  'duration',
  'load-profile',
  'runs',
  'warm-up',
  'dataset',
  'date',
] as const;
export type Element = (typeof ELEMENTS)[number];

const DEFAULT_REQUIRED: Element[] = ['tool', 'tool-version', 'environment', 'hardware', 'duration', 'load-profile', 'runs'];

export const methodologyOptions = z
  .strictObject({
    required: z
      .array(z.enum(ELEMENTS))
      .default(DEFAULT_REQUIRED)
      .describe('The elements a report must state for its measured figures.'),
  })
  .default({ required: DEFAULT_REQUIRED });
export type MethodologyOptions = z.infer<typeof methodologyOptions>;

/** How each element is labelled in the section the fix writes (and read back from it). */
export const LABEL: Record<Element, string> = {
  tool: 'Tool',
  'tool-version': 'Tool version',
  environment: 'Environment',
  hardware: 'Hardware',
  duration: 'Duration',
  'load-profile': 'Load profile',
  runs: 'Runs',
  'warm-up': 'Warm-up',
  dataset: 'Dataset',
  date: 'Date',
};

/** How messages name each element. */
export const nameOf = (element: Element): string => LABEL[element].toLowerCase();

/** What the placeholder for a missing element asks for. */
export function todo(element: Element, tool?: string): string {
  const ask: Record<Element, string> = {
    tool: 'the load-testing tool used (k6, JMeter, Gatling, Locust, wrk, ...)',
    'tool-version': `the version of ${tool ?? 'the load-testing tool'}`,
    environment: 'where the system under test ran (staging, production-like, local) and where the load generator ran',
    hardware: 'CPU model, cores, memory of the load generator and of the system under test',
    duration: 'how long each run lasted, ramp-up and steady state',
    'load-profile': 'virtual users or arrival rate, ramp-up, think time',
    runs: 'how many runs, and how their results were combined',
    'warm-up': 'the warm-up before measuring, and whether it was excluded',
    dataset: 'the data set and payloads the test used',
    date: 'when the runs took place',
  };
  return `TODO: ${ask[element]}`;
}

// ---------------------------------------------------------------------------------------------
// Text

/** The fix cites its sources as "(from Results, line 12)": a citation is no fact of its own. */
const CITATION = /\(from [^()]*?\bline \d+\)/g;
const PLACEHOLDER = /\bTODO\b/;

/** The text of a span without mis-decoded runs ("âœ…"), emphasis and the fix's citations. */
export function readable(model: DocumentModel, s: Span): string {
  return readableText(textWithoutRuns(model, s));
}

/** Remembered by text: every analysis reads every line again. */
const readableText = memoize((text: string): string => withoutCitations(stripEmphasis(text)).replace(/\s+/g, ' ').trim());

/**
 * `text.replace(/\s*\(from [^()]*?\bline \d+\)/g, '')`, found from "(from" and widened over the
 * white space before it by hand: the leading `\s*` would retry from every character of a long run.
 */
function withoutCitations(text: string): string {
  if (!text.includes('(from ')) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CITATION)) {
    let start = m.index;
    while (start > last && /\s/.test(text[start - 1])) start--;
    out += text.slice(last, start);
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

/** A label for matching: lower case, words only ("✅ P95" → "p95", "Warm-up" → "warm up"). */
export const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A section title as a reader would cite it: no heading markers, marks or garbled runs. */
export function titleOf(model: DocumentModel, section: Section): string {
  let title = titles.get(section);
  if (title === undefined) titles.set(section, (title = trimTitle(readable(model, section.headingSpan))));
  return title;
}

/** Titles are asked for once per line of their sections (and their subsections): read once. */
const titles = new WeakMap<Section, string>();

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isSpace = (c: string): boolean => /\s/.test(c);

/**
 * `.replace(/^#+\s*|\s*#+$/g, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '')`, with the ends
 * found by hand: patterns anchored at the end are retried from every character of a long run.
 */
function trimTitle(text: string): string {
  // Heading markers: "## Title ##".
  let start = 0;
  while (text[start] === '#') start++;
  if (start > 0) while (start < text.length && isSpace(text[start])) start++;
  let end = text.length;
  while (end > start && text[end - 1] === '#') end--;
  if (end < text.length) while (end > start && isSpace(text[end - 1])) end--;
  const s = text.slice(start, end);
  // Marks and punctuation around the words (a closing parenthesis stays), by code point.
  let a = 0;
  while (a < s.length) {
    const c = String.fromCodePoint(s.codePointAt(a)!);
    if (WORD_CHAR.test(c)) break;
    a += c.length;
  }
  let b = s.length;
  while (b > a) {
    const pair = b - 2 >= a && /[\ud800-\udbff]/.test(s[b - 2]) && /[\udc00-\udfff]/.test(s[b - 1]);
    const c = s.slice(pair ? b - 2 : b - 1, b);
    if (c === ')' || WORD_CHAR.test(c)) break;
    b -= c.length;
  }
  return s.slice(a, b);
}

/** Whether a text states that something was not (yet) measured, or does not apply. */
export const isUnmeasured = memoize((text: string): boolean => findVerdicts(text).some((v) => v.kind === 'unmeasured' || v.kind === 'na'));

const EMPTY_VALUE = /^[-–—?.\s]*$/;

// ---------------------------------------------------------------------------------------------
// Sections

/** The one top-level heading that titles the whole document: it is no scope of its own. */
export function isDocumentTitle(model: DocumentModel, section: Section): boolean {
  if (section.parent) return false;
  let title = documentTitles.get(model);
  if (title === undefined) {
    // Found once per model: it is asked for every section of every line.
    const top = model.sections.filter((s) => !s.parent);
    const least = model.sections.reduce((m, s) => Math.min(m, s.depth), Infinity);
    title = top.length === 1 && top[0].depth === least ? top[0] : null;
    documentTitles.set(model, title);
  }
  return title === section;
}

const documentTitles = new WeakMap<DocumentModel, Section | null>();

/** A section and its ancestors, innermost first, without the document's title. */
export function scopeChain(model: DocumentModel, section: Section | undefined): Section[] {
  const chain: Section[] = [];
  for (let s = section; s && !isDocumentTitle(model, s); s = s.parent) chain.push(s);
  return chain;
}

/** The outermost section below the document title that holds `section`: its chapter. */
export function chapterOf(model: DocumentModel, section: Section | undefined): Section | undefined {
  const chain = scopeChain(model, section);
  return chain[chain.length - 1];
}

/** Plans, recommendations and projections: what they state was not done. */
const PLANNING_TITLE =
  /\b(roadmap|recommendations?|recommended|next steps|future|action items|backlog|follow[- ]?ups?|projections?|projected|forecasts?|capacity planning|growth|to ?do|success metrics|kpis?|opportunities)\b/i;
const SUMMARY_TITLE = /\b(summary|key results|key findings|highlights|overview|tl;?dr|at a glance|conclusions?|executive)\b/i;
export const RESULTS_TITLE = /\b(results?|performance|benchmarks?|load[- ]?test(ing)?|latency|throughput|metrics|measurements?|findings)\b/i;
/** Chapters that close a report: a methodology goes before them. */
export const CLOSING_TITLE = /\b(conclusions?|recommendations?|next steps|verdict|sign[- ]?off|approval)\b/i;

export const isPlanningSection = (model: DocumentModel, section: Section | undefined): boolean =>
  scopeChain(model, section).some((s) => PLANNING_TITLE.test(titleOf(model, s)));

export const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

// ---------------------------------------------------------------------------------------------
// Labels: which element a key, a row label, a column header or a section title names

interface LabelRule {
  element: Element;
  re: RegExp;
  /** The label alone is not enough: the value must read as the element too. */
  weak?: boolean;
}

const LABELS: LabelRule[] = [
  {
    element: 'tool-version',
    re: /^(?:(?:load|test(?:ing)?|benchmark(?:ing)?) )?(?:tool|generator|client|harness) version$|^version of (?:the )?(?:load |test(?:ing)? |benchmark )?(?:tool|generator|client)$/,
  },
  {
    element: 'tool',
    re: /^(?:(?:load|test(?:ing)?|benchmark(?:ing)?|performance|perf|load test(?:ing)?) )?(?:tools?|tooling|generators?)(?: used)?$|^(?:load|test(?:ing)?|benchmark(?:ing)?|load test(?:ing)?) (?:framework|harness|client|driver)s?(?: used)?$/,
  },
  {
    element: 'environment',
    re: /^(?:(?:test(?:ing)?|target|deployment|execution|runtime|benchmark|load test) )?(?:environment|env)s?$|^(?:test(?:ing)? |benchmark |load test )?set ?up$|^system under test$|^sut$/,
  },
  {
    element: 'environment',
    re: /^(?:stack|platform|infrastructure|infra|cluster|deployment|location|region|cloud(?: provider)?|provider|target|where)$/,
    weak: true,
  },
  {
    element: 'hardware',
    re: /^(?:(?:test|load generator|client|server|host|sut|target|benchmark) )?(?:hardware|machines?|instances?(?: type| size)?|node (?:type|size)|vm(?: type| size)?|processor|cpu model|specs?|specifications?)$/,
  },
  { element: 'hardware', re: /^(?:cpus?|vcpus?|cores?|ram|memory|host|server|nodes?|load generator|client)$/, weak: true },
  {
    element: 'duration',
    re: /^(?:(?:total|overall|test|run|load test|soak|steady state|sustained|measurement|benchmark|execution) )*(?:duration|length|run ?time|period|window)$|^(?:test|run|execution|soak) time$|^elapsed(?: time)?$|^ran for$/,
  },
  {
    element: 'load-profile',
    re: /^(?:(?:peak|max(?:imum)?|target|total|number of|concurrent|virtual|simulated) )*(?:users?|vus?|virtual users|threads|clients|concurrency)(?: tested| simulated)?$|^concurrent (?:connections|requests)$|^(?:arrival|request|target|injection) rate$|^load(?: level)?$/,
    weak: true,
  },
  {
    element: 'load-profile',
    re: /^(?:load (?:profile|pattern|model|shape)|workload(?: profile| model| mix)?|traffic (?:profile|pattern|mix)|ramp(?: up| down)?|stages|think time|pacing|(?:test )?scenarios?|concurrency level)$/,
  },
  {
    element: 'runs',
    re: /^(?:(?:number of|test|total|benchmark) )*(?:runs|repetitions|repeats|trials|passes)$|^runs? per (?:test|scenario|configuration)$/,
  },
  { element: 'warm-up', re: /^warm ?up(?: period| time| phase| duration| runs?)?$/ },
  {
    element: 'dataset',
    re: /^(?:(?:test|seed|sample|input|benchmark) data(?: ?sets?)?|data ?sets?|payloads?|payload sizes?|request payloads?|fixtures)(?: loaded| used| size)?$/,
  },
  {
    element: 'date',
    re: /^(?:(?:test|run|execution|benchmark) )?dates?$|^(?:date )?tested(?: on)?$|^tests? (?:completed|run|executed|conducted|performed)(?: on)?$|^(?:conducted|executed|performed|run) on$/,
  },
];

/** The elements a label names, with whether the label alone suffices. */
export const labelRules = memoize((label: string): readonly LabelRule[] => {
  const n = norm(label);
  return n ? LABELS.filter((r) => r.re.test(n)) : [];
});

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Load generators and benchmark harnesses. */
const TOOL_NAMES = [
  'grafana k6', 'k6', 'apache jmeter', 'jmeter', 'gatling', 'locust', 'wrk2', 'wrk', 'vegeta', 'tsung', 'neoload',
  'loadrunner', 'blazemeter', 'taurus', 'autocannon', 'bombardier', 'h2load', 'fortio', 'ghz', 'apachebench',
  'apache bench', 'pgbench', 'sysbench', 'redis-benchmark', 'memtier_benchmark', 'ycsb', 'hammerdb', 'ngrinder',
  'httperf', 'hyperfoil', 'nbomber', 'jmh', 'benchmarkdotnet', 'pytest-benchmark', 'hyperfine', 'fio', 'iperf3',
  'iperf', 'k6 cloud', 'loader.io',
];
/** Names that are also ordinary words: they count only next to a word about load testing. */
const AMBIGUOUS_TOOLS = ['hey', 'siege', 'artillery', 'oha', 'criterion'];
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The character before a name is checked in code (see toolNames): as a leading lookbehind it would
// be tried at every position of every line, which made this the slowest pattern on a report.
const TOOL_RE = new RegExp(`(${[...TOOL_NAMES, ...AMBIGUOUS_TOOLS].sort((a, b) => b.length - a.length).map(escape).join('|')}|ab)(?![\\p{L}\\p{N}_/@]|\\.[a-z])`, 'giu');
/** What may not come just before a tool's name: a letter or digit, or a path, domain or package. */
const NAME_BEFORE = /[\p{L}\p{N}_./@-]$/u;

/** Tool names standing on their own, ambiguous ones included: "k6", not "mk6" or "pkg/k6". */
function toolNames(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  TOOL_RE.lastIndex = 0;
  for (let m; (m = TOOL_RE.exec(text)); ) {
    // Two code units: the code point before may be a surrogate pair.
    if (NAME_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index))) TOOL_RE.lastIndex = m.index + 1;
    else out.push(m);
  }
  return out;
}

const TOOL_CONTEXT = /\b(load|benchmark\w*|tools?|using|with|via|ran|run|tested|generator|requests|concurren\w*|vus?|users)\b|\s-[cnktdz]\s*\d/i;
const VERSION_AFTER = /^\s*\(?\s*(?:version\s+|ver\.?\s*)?(v?\d+(?:\.\d+){1,3}(?:[-+][0-9A-Za-z.]+)?|v\d+)\b/i;
/**
 * curl in a loop: `/\bcurl\b(?=.*\b(loops?|…|times)\b)|\b(?:loop|for[- ]loop|while|xargs)\b.*\bcurl\b/i`,
 * read as "a loop word after the first curl, or curl after the first loop word" on each line: the
 * pattern's `.*` would scan the rest of the line again from every "curl".
 */
const CURL = /\bcurl\b/gi;
const LOOP_AFTER_CURL = /\b(?:loops?|for[- ]loop|while|xargs|parallel|sequential\w*|repeated|seq|times)\b/gi;
const LOOP_BEFORE_CURL = /\b(?:loop|for[- ]loop|while|xargs)\b/gi;

/** Whether `second` matches after the first match of `first` (both global: searched from lastIndex). */
function follows(text: string, first: RegExp, second: RegExp): boolean {
  first.lastIndex = 0;
  const m = first.exec(text);
  if (!m) return false;
  second.lastIndex = m.index + m[0].length;
  return second.test(text);
}

const curlInLoop = (text: string): boolean =>
  text.split(/[\n\r\u2028\u2029]/).some((line) => follows(line, CURL, LOOP_AFTER_CURL) || follows(line, LOOP_BEFORE_CURL, CURL));

const CPU_MODEL =
  /\b(?:intel\s+)?(?:xeon|core\s+i[3579]|core\s+ultra|celeron|pentium)\b(?:[\s-]+[\w-]*\d[\w-]*)?|\b(?:amd\s+)?(?:epyc|ryzen|threadripper|opteron)\b(?:[\s-]+[\w-]*\d[\w-]*)?|\bi[3579]-\d{4,5}[a-z]{0,2}\b|\bapple\s+m[1-4](?:\s+(?:pro|max|ultra))?\b|\bm[1-4]\s+(?:pro|max|ultra)\b|\bgraviton\s?\d?\b|\bampere\s+altra\b/i;
const INSTANCE_TYPE =
  /\b[a-z]\d[a-z]{0,4}\.(?:nano|micro|small|medium|large|\d{0,2}xlarge|metal)\b|\b(?:e2|n1|n2|n2d|n4|c2|c2d|c3|c3d|c4|t2a|t2d|m1|m2|m3)-(?:standard|highcpu|highmem|micro|small|medium)(?:-\d+)?\b|\bstandard_[a-z]\d+[a-z]*(?:_v\d)?\b/i;
const MACHINE =
  /\b(?:macbook(?:\s+(?:pro|air))?|mac\s+(?:mini|studio|pro)|imac|raspberry\s+pi|thinkpad|docker\s+desktop|bare[- ]metal|laptop|workstation)\b/i;
/** Words that make a CPU or memory figure a measurement of use, not a description of the machine. */
const USAGE =
  /\b(usage|used|utili[sz]\w*|consum\w*|load average|headroom|idle|peak|avg|average|mean|limits?|allocat\w*|reserved|per pod|efficiency|free|available|spare|budget)\b|\b(?:cpu|memory) requests?\b|%/i;

const ENV_NAMED =
  /\b(?:staging|pre-?prod(?:uction)?|production[- ]like|prod[- ]like|production[- ]sized|local(?:host)?|dev(?:elopment)?|qa|uat|perf(?:ormance)?|isolated|dedicated|on-?prem(?:ise)?s?)\s+(?:environment|env|cluster|stack|setup|servers?|machine|box|namespace|deployment|instance|vm|docker(?:\s+compose)?(?:\s+stack)?)\b/i;
const ENV_PLATFORM =
  /\b(?:on|in|against|using|via|inside|within)\s+(?:a\s+|an\s+|the\s+|our\s+)?(?:local\s+|single[- ]node\s+|\d+[- ]node\s+|managed\s+)?(?:kubernetes|k8s|k3s|docker(?:[- ]compose)?|minikube|kind|eks|gke|aks|openshift|ecs|fargate|nomad|localhost|aws|gcp|azure|google cloud|heroku)\b/i;
/** "load-tested against staging": a bare environment name, only on a line about load or performance testing. */
const ENV_BARE = /\b(?:in|on|against|from)\s+(?:the\s+|our\s+)?(?:staging|pre-?prod(?:uction)?|production|prod|qa|uat)\b/i;
const PERF_TEST_WORD = /\b(load|perf\w*|benchmark\w*|stress|soak|latency|throughput|vus?|concurren\w*)\b/i;
const ENV_WORD =
  /\b(staging|stage|production|prod|pre-?prod\w*|local\w*|dev\w*|qa|uat|sandbox|kubernetes|k8s|k3s|docker|compose|minikube|kind|eks|gke|aks|openshift|ecs|fargate|aws|gcp|azure|google cloud|on-?prem\w*|cloud|vm|virtual machine|bare[- ]metal|laptop|linux|ubuntu|debian|windows|macos)\b/i;

const USERS_UNIT = /^(?:(?:virtual|concurrent|parallel|active|simulated) )?(?:users?|vus?)$|^(?:concurrent|parallel) (?:connections|requests|threads|workers)$/i;
/** Threads and connections are load only on a line about a load tool or load testing. */
const WORKERS_UNIT = /^(?:threads|connections|workers)$/i;
const LOAD_PHRASE =
  /\bramp(?:s|ed|ing)?[- ]?(?:up|down)?\b[^.;]*?\d[\d,]*(?:\s+(?:(?:concurrent|virtual|parallel|simulated)\s+)?(?:users?|vus?|connections|threads|rps|req\/s|requests per second))?|\b\d[\d,]*\+?\s+concurrent(?:\s+(?:users?|vus?|connections|requests|threads|workers))?\b|\b(?:sequential(?:ly)?|serial(?:ly)?|one (?:request )?at a time)\b|\bconcurrency(?: of| level| =|:)?\s*\d+|\b(?:constant|ramping)[- ]arrival[- ]rate\b|\b(?:constant|fixed|target|steady|open[- ]loop)\s+(?:(?:request|arrival|injection)\s+)?rate\b|\barrival rate\b|\bthink[- ]time\b|\b(?:open|closed)[- ](?:model|workload)\b/i;
const LOAD_FLAG = /(?:^|\s)(?:--vus|--users|--connections|--concurrency|--threads|--rate|-[uctR])[= ]?\d+/;
const DURATION_FLAG = /(?:^|\s)(?:--duration|-d|-z)[= ]?\d+(?:\.\d+)?\s?(?:s|m|h|min)\b/;
const LOAD_WORDS = /\b(ramp\w*|sequential\w*|serial\w*|concurren\w*|users?|vus?|threads?|constant|steady|step|spike|arrival|think)\b/i;

const NUMBER_WORD = '\\d+|two|three|four|five|six|seven|eight|nine|ten';
const RUNS_PHRASE = new RegExp(
  `\\b(?:${NUMBER_WORD})\\s+(?:(?:separate|independent|consecutive|identical|test|benchmark|load[- ]test)\\s+)?(?:runs|repetitions|trials)\\b` +
    `|\\b(?:repeated|run|ran|executed|performed)\\s+(?:(?:it|this|them|each\\s+\\w+|every\\s+\\w+|the\\s+\\w+)\\s+)?(?:(?:${NUMBER_WORD})\\s+times|twice|thrice)\\b` +
    `|\\b(?:best|median|mean|average)\\s+of\\s+(?:${NUMBER_WORD})\\s+(?:runs|repetitions|trials)\\b|\\bbest\\s+of\\s+(?:${NUMBER_WORD})\\b` +
    `|\\b(?:a\\s+)?(?:single|one)\\s+(?:test\\s+|benchmark\\s+)?run\\b`,
  'i',
);
const WARMUP_DETAIL = /\d|\b(no|without|excluded|discarded|skipped|ignored|before|after|first)\b/i;
const DATASET = /\b(?:test|seed|sample|synthetic|production[- ]like|anonymi[sz]ed)\s+data(?:\s?sets?)?\b|\bdata\s?sets?\b/i;
const DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;

/** Future and advice: what such a line names was not used. */
const MODAL = /\b(should|could|would|consider|recommend\w*|install|planned|will|next|future|todo|tbd|needs?|propos\w*)\b/i;
/** Words that make a time span the length of a test. */
const TEST_WORD = /\b(tests?|tested|runs?|ran|load|soak|ramp\w*|benchmark\w*|sustained|steady|hold|held|measured|executed|stress|endurance)\b/i;

// ---------------------------------------------------------------------------------------------
// Facts

/** A fact the report states about how its figures were measured. */
export interface Fact {
  element: Element;
  /** What it says, as the report words it: "k6", "32 minutes", "Peak Users: 200 concurrent". */
  value: string;
  span: Span;
  /** 0-based line. */
  line: number;
  /** Where a reader finds it: a row label or a section title ('' in the preamble). */
  where: string;
  /** Stated under a label that names the element ("Hardware: …"), rather than read from prose. */
  labelled: boolean;
}

interface Candidate {
  element: Element;
  value: string;
  labelled: boolean;
}

const MAX_VALUE = 80;
const shorten = (s: string): string => (s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1).trimEnd()}…` : s);

const timeQuantities = (text: string): Quantity[] =>
  quantitiesIn(text).filter((q) => q.dimension === 'time' && q.qualifier !== 'lt' && q.qualifier !== 'le');

/** Whether a value read under a label says what the label names. */
function valueFits(rule: LabelRule, label: string, value: string): boolean {
  if (EMPTY_VALUE.test(value)) return false;
  switch (rule.element) {
    case 'tool-version':
      return /\d/.test(value);
    case 'environment':
      return !rule.weak || ENV_WORD.test(value);
    case 'hardware':
      return !rule.weak || (hardwareIn(value, value).length > 0 || bareSpec(label, value));
    case 'duration':
      return timeQuantities(value).some((q) => q.value >= 1000);
    case 'load-profile':
      return !rule.weak || (!/%/.test(value) && (LOAD_WORDS.test(value) || /\d/.test(value)));
    case 'runs':
      return new RegExp(`\\b(?:${NUMBER_WORD}|one|single|once)\\b`, 'i').test(value);
    case 'date':
      return DATE.test(value);
    default:
      return true;
  }
}

/** "Cores: 8", "RAM: 16 GB": a machine's size under a label that says which part. */
function bareSpec(label: string, value: string): boolean {
  if (USAGE.test(value)) return false;
  const n = norm(label);
  const qs = quantitiesIn(value);
  if (/^(?:cpus?|vcpus?|cores?)$/.test(n)) return qs.length === 1 && (qs[0].dimension === 'count' || (qs[0].dimension === 'cpu' && qs[0].sourceUnit.toLowerCase() !== 'm'));
  // "Memory: 512MB" in results is how much was used; installed memory says RAM.
  if (n === 'ram' || (n === 'memory' && /\bram\b/i.test(value))) return qs.some((q) => q.dimension === 'bytes');
  return false;
}

function labelled(label: string, value: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of labelRules(label)) {
    if (!valueFits(rule, label, value)) continue;
    const own = norm(label) === norm(LABEL[rule.element]);
    out.push({ element: rule.element, value: own ? value : `${label}: ${value}`, labelled: true });
  }
  return out;
}

function toolsIn(text: string, names: RegExpExecArray[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of names) {
    const name = m[1];
    const lower = name.toLowerCase();
    if (lower === 'ab' && name !== 'ab') continue;
    const ambiguous = lower === 'ab' || AMBIGUOUS_TOOLS.includes(lower);
    if (ambiguous && !TOOL_CONTEXT.test(text.replace(name, ' '))) continue;
    const version = VERSION_AFTER.exec(text.slice(m.index + name.length));
    out.push({ element: 'tool', value: name, labelled: false });
    if (version) out.push({ element: 'tool-version', value: `${name} ${version[1]}`, labelled: false });
  }
  if (curlInLoop(text)) out.push({ element: 'tool', value: 'curl', labelled: false });
  return out;
}

/** Machines, CPU models, instance types, and core or memory sizes outside usage figures. */
function hardwareIn(text: string, context: string): string[] {
  const found: string[] = [];
  for (const re of [CPU_MODEL, INSTANCE_TYPE, MACHINE]) {
    const m = re.exec(text);
    if (m) found.push(m[0].trim());
  }
  if (USAGE.test(context)) return found;
  const qs = quantitiesIn(text);
  for (const q of qs) {
    const after = text.slice(q.end, q.end + 16);
    if (q.dimension === 'cpu' && /^(cores?|v?cpus?)$/i.test(q.sourceUnit)) found.push(q.text);
    if (q.dimension === 'bytes' && /^\s*(?:of\s+)?(?:ram|memory)\b/i.test(after)) found.push(`${q.text} ${/ram/i.test(after) ? 'RAM' : 'memory'}`);
  }
  return found;
}

function environmentIn(text: string, toolNamed: boolean): string[] {
  const bare = toolNamed || PERF_TEST_WORD.test(text) ? ENV_BARE.exec(text)?.[0] : undefined;
  return [ENV_NAMED.exec(text)?.[0], ENV_PLATFORM.exec(text)?.[0], bare].filter((s): s is string => s !== undefined);
}

/** "ran for 30 minutes", "over a 10-minute window", "a 3-minute load ramp": the length of a test. */
function durationsIn(text: string, toolNamed: boolean): string[] {
  const flag = toolNamed ? DURATION_FLAG.exec(text) : null;
  if (flag) return [flag[0].trim()];
  if (!TEST_WORD.test(text)) return [];
  const out: string[] = [];
  for (const q of timeQuantities(text)) {
    if (q.value < 10_000) continue;
    const before = text.slice(Math.max(0, q.start - 24), q.start);
    const after = text.slice(q.end, q.end + 40);
    const lead = /\b(?:for|over|during|lasting|lasted|lasts|took|across|of)\s+(?:a\s+|the\s+|about\s+|approximately\s+|~\s*)?$/i.test(before) || /^over\b/i.test(q.text);
    const noun = /^[\s-]*(?:(?:load|stress|soak|stability|endurance|performance|baseline|steady[- ]state)\s+)?(?:tests?|runs?|soak|ramp|benchmark|window|session)\b/i.test(after);
    if (lead || noun) out.push(noun ? `${q.text}${after.match(/^[\s-]*(?:\w+[- ])?\w+/)?.[0] ?? ''}` : q.text);
  }
  return out;
}

function loadIn(text: string, toolNamed: boolean): string[] {
  const phrase = LOAD_PHRASE.exec(text);
  const out = phrase ? [phrase[0]] : [];
  for (const q of quantitiesIn(text)) {
    const inPhrase = phrase && q.start < phrase.index + phrase[0].length && q.end > phrase.index;
    if (inPhrase || q.dimension !== 'count') continue;
    if (USERS_UNIT.test(q.sourceUnit) || (WORKERS_UNIT.test(q.sourceUnit) && (toolNamed || PERF_TEST_WORD.test(text)))) out.push(q.text);
  }
  const flag = toolNamed ? LOAD_FLAG.exec(text) : null;
  if (flag) out.push(flag[0].trim());
  return out;
}

/**
 * Facts read from prose (or a key/value line read as a whole), sentence by sentence, by the text
 * alone: remembered (see memo.ts), so the result is shared and not to be changed.
 */
const prose = memoize2((text: string, context: string): readonly Candidate[] => readProse(text, context));

function readProse(text: string, context: string): Candidate[] {
  const sentences = text.split(SENTENCE_END);
  return sentences.flatMap((sentence) => {
    const around = sentences.length > 1 ? sentence : context;
    return MODAL.test(around) || PLACEHOLDER.test(sentence) || isUnmeasured(sentence) ? [] : sentenceFacts(sentence, around);
  });
}

const SENTENCE_END = /(?<=[.!?])\s+(?=\p{Lu})/u;

function sentenceFacts(text: string, context: string): Candidate[] {
  const names = toolNames(text);
  const toolNamed = names.length > 0;
  const out: Candidate[] = toolsIn(text, names);
  const add = (element: Element, values: string[]) => {
    for (const value of values) out.push({ element, value, labelled: false });
  };
  add('environment', environmentIn(text, toolNamed));
  add('hardware', hardwareIn(text, context));
  add('duration', durationsIn(text, toolNamed));
  add('load-profile', loadIn(text, toolNamed));
  add('runs', [RUNS_PHRASE.exec(text)?.[0]].filter((s): s is string => s !== undefined));
  const warmup = clauseAround(text, /\bwarm(?:ed|ing)?[- ]?ups?\b/i);
  if (warmup && WARMUP_DETAIL.test(warmup)) add('warm-up', [warmup]);
  add('dataset', [DATASET.exec(text)?.[0]].filter((s): s is string => s !== undefined));
  return out;
}

/**
 * The clause (between "." or ";") around the first match of `word`. Found from the word outwards:
 * a pattern with a leading `[^.;]*` would retry from every character of a long clause.
 */
function clauseAround(text: string, word: RegExp): string | undefined {
  const m = word.exec(text);
  if (!m) return undefined;
  const start = Math.max(text.lastIndexOf('.', m.index), text.lastIndexOf(';', m.index)) + 1;
  const rest = text.slice(m.index).search(/[.;]/);
  return text.slice(start, rest < 0 ? text.length : m.index + rest).trim();
}

interface Source {
  label?: string;
  /** The value under the label, or the whole text. */
  text: string;
  /** The whole line or row: what modal and usage words are looked for in. */
  context: string;
  span: Span;
  line: number;
  section?: Section;
  /** A row label to cite instead of the section title. */
  row?: string;
  heading?: boolean;
  /** A table cell: its row is one statement, read or skipped whole. */
  cell?: boolean;
}

const factCache = new WeakMap<DocumentModel, Fact[]>();

/** Every fact the report states about how it measured, wherever it states it, in document order. */
export function findFacts(model: DocumentModel): Fact[] {
  const cached = factCache.get(model);
  if (cached) return cached;
  const facts: Fact[] = [];
  const seen = new Set<string>();
  for (const source of sources(model)) {
    if (isPlanningSection(model, source.section)) continue;
    // A placeholder, or a value marked not measured or planned, states nothing yet.
    const stated = !PLACEHOLDER.test(source.context) && !isUnmeasured(source.context);
    if (!stated && source.cell) continue;
    const candidates = [
      ...(stated && source.label !== undefined ? labelled(source.label, source.text) : []),
      ...(stated ? sectionLabelled(model, source) : []),
      ...prose(source.label !== undefined ? source.context : source.text, source.context),
    ];
    for (const c of candidates) {
      const key = `${c.element}@${source.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({ element: c.element, value: shorten(c.value), span: source.span, line: source.line, where: whereOf(model, source), labelled: c.labelled });
    }
  }
  facts.sort((a, b) => a.span.start - b.span.start);
  factCache.set(model, facts);
  return facts;
}

/** Section titles that name one element for every line under them ("Hardware", "Test Duration"). */
const SECTION_ELEMENTS = new Set<Element>(['environment', 'hardware', 'duration', 'load-profile', 'runs', 'warm-up', 'dataset']);

/** A line under a heading that names an element is that element, unless its own label names another. */
function sectionLabelled(model: DocumentModel, source: Source): Candidate[] {
  if (!source.section || source.heading || source.row !== undefined || isDocumentTitle(model, source.section)) return [];
  if (source.label !== undefined && labelRules(source.label).length) return [];
  const title = titleOf(model, source.section);
  if (/\bset ?up\b/i.test(title)) return [];
  return labelRules(title)
    .filter((r) => !r.weak && SECTION_ELEMENTS.has(r.element) && valueFits(r, title, source.context))
    .map((r) => ({ element: r.element, value: source.context, labelled: true }));
}

function whereOf(model: DocumentModel, source: Source): string {
  if (source.row) return source.row;
  return source.section && !isDocumentTitle(model, source.section) ? titleOf(model, source.section) : '';
}

function sources(model: DocumentModel): Source[] {
  const out: Source[] = [];
  const kvLines = new Set<number>();
  for (const kv of model.keyValues) {
    kvLines.add(kv.line.line);
    out.push({
      label: readable(model, kv.keySpan).replace(/^(?:[-*+•]|\d+[.)])\s+/, ''),
      text: readable(model, kv.value.span),
      context: readable(model, kv.line.span),
      span: kv.line.span,
      line: kv.line.line,
      section: kv.line.section,
    });
  }
  for (const lines of sentences(model, kvLines)) {
    const first = lines[0];
    const span = { start: first.span.start, end: lines[lines.length - 1].span.end };
    const text = lines.map((l) => readable(model, l.span)).join(' ');
    out.push({ text, context: text, span, line: first.line, section: first.section, heading: first.kind === 'heading' });
  }
  // A loop, not push(...): a table's rows can outnumber the arguments a call may take.
  for (const table of model.tables) for (const s of tableSources(model, table)) out.push(s);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Prose lines joined where a paragraph or a list item wraps, so a sentence is read whole. */
function sentences(model: DocumentModel, kvLines: Set<number>): TextLine[][] {
  const out: TextLine[][] = [];
  let prev: TextLine | undefined;
  for (const line of model.textLines) {
    if (kvLines.has(line.line)) {
      prev = undefined;
      continue;
    }
    const wraps =
      prev !== undefined &&
      prev.line === line.line - 1 &&
      prev.section === line.section &&
      prev.kind === line.kind &&
      (line.kind === 'paragraph' || line.kind === 'quote' || (line.kind === 'list' && !LIST_ITEM.test(model.lines.lineText(line.line))));
    if (wraps) out[out.length - 1].push(line);
    else out.push([line]);
    prev = line;
  }
  return out;
}

const LIST_ITEM = /^\s*(?:>\s*)*(?:[-*+•]|\d+[.)])\s/;

/** Cells under a target, status or note column state no fact about the test. */
const NON_VALUE_COLUMN = /\b(targets?|goals?|thresholds?|slas?|slos?|budgets?|limits?|expected|required|requirements?|criteria|status|notes?|comments?|sources?)\b/i;

function tableSources(model: DocumentModel, table: Table): Source[] {
  const out: Source[] = [];
  const headers = table.header.map((c) => readable(model, c.span));
  for (const row of table.rows) {
    const cells = row.cells.map((c) => readable(model, c.span));
    const context = cells.join(' | ');
    const rowLabel = cells[0] ?? '';
    const labelsRow = labelRules(rowLabel).length > 0;
    row.cells.forEach((cell, i) => {
      const base = { context, span: cell.span, line: row.line, section: table.section, cell: true };
      if (i > 0 && NON_VALUE_COLUMN.test(headers[i] ?? '')) return;
      if (i === 1 && labelsRow) out.push({ ...base, label: rowLabel, text: cells[i] });
      else if (i > 0 && labelRules(headers[i] ?? '').length) out.push({ ...base, label: headers[i], text: cells[i], row: rowLabel || undefined });
      else out.push({ ...base, text: cells[i], row: i > 0 && rowLabel && !labelsRow ? rowLabel : undefined });
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Measured figures and the results they form

/** A figure the report presents as measured. */
export interface Figure {
  q: Quantity;
  /** The cell, value or line it is in. */
  span: Span;
  section?: Section;
  line: number;
  /** A latency or a rate: a figure that only means something with how it was measured. */
  performance: boolean;
}

const MEASURED = new Set(['time', 'rate', 'bitrate', 'bytes', 'percent']);
const TARGET_WORD = /\b(targets?|goals?|thresholds?|slas?|slos?|budgets?|limits?|objectives?|expected|required|requirements?|spec|criteria|allowed)\b/i;
const PERF_WORD = /\b(latenc\w*|response|throughput|p\d{2}(?:\.\d+)?|percentiles?|median|req\/s|rps|qps|tps|ops\/s)\b/i;

/** What a short time is the latency of: a request, a query, an operation, a page. */
const LATENCY_CONTEXT =
  /\b(latenc\w*|response|p\d{2}(?:\.\d+)?|percentiles?|median|mean|avg|average|ttfb|rtt|round[- ]trip|quer(?:y|ies)|requests?|endpoints?|api|get|post|put|patch|delete|operations?|ops|transactions?|calls?|load time|page load|render\w*)\b|\//i;

const isPerformance = (q: Quantity, context: string): boolean =>
  q.dimension === 'rate' || (q.dimension === 'time' && q.value <= 60_000 && LATENCY_CONTEXT.test(context));

/** Sections that state goals: "SLOs", "Performance Targets", "Requirements", "Budgets". */
const TARGET_TITLE = /\b(targets?|goals?|slas?|slos?|objectives?|requirements?|budgets?|thresholds?|acceptance criteria)\b/i;
/** "Performance vs SLA Targets", "Comparison with Targets": results set against goals. */
const COMPARED_TITLE = /\b(vs\.?|versus|against|compared|comparison|results?|actuals?|measured|baseline|compliance)\b/i;
const isTargetSection = (model: DocumentModel, section: Section | undefined): boolean =>
  scopeChain(model, section).some((s) => {
    const title = titleOf(model, s);
    return TARGET_TITLE.test(title) && !COMPARED_TITLE.test(title);
  });

const figureCache = new WeakMap<DocumentModel, Figure[]>();

/** Measured figures: in results tables and key/value lines, outside targets, plans and projections. */
export function measuredFigures(model: DocumentModel): Figure[] {
  const cached = figureCache.get(model);
  if (cached) return cached;
  const out: Figure[] = [];
  const keep = (qs: Quantity[], span: Span, line: number, section: Section | undefined, text: string, base: number, label: string) => {
    if (isPlanningSection(model, section) || isTargetSection(model, section) || isUnmeasured(text)) return;
    for (const q of qs) {
      // "387ms (target: 500ms)": what follows a target word is the target.
      if (!MEASURED.has(q.dimension) || TARGET_WORD.test(text.slice(0, q.start - base))) continue;
      out.push({ q, span, section, line, performance: isPerformance(q, `${label} ${text}`) });
    }
  };
  const kvLines = new Set<number>();
  for (const kv of model.keyValues) {
    kvLines.add(kv.line.line);
    if (TARGET_WORD.test(kv.key) || isUnmeasured(kv.key)) continue;
    const qs = quantitiesAt(kv.value.text, kv.value.span.start);
    keep(qs, kv.value.span, kv.line.line, kv.line.section, kv.value.text, kv.value.span.start, kv.key);
  }
  for (const line of model.textLines) {
    if (kvLines.has(line.line) || line.kind === 'heading' || !PERF_WORD.test(line.plain)) continue;
    keep(line.quantities, line.span, line.line, line.section, line.text, line.span.start, '');
  }
  for (const table of model.tables) {
    const headers = table.header.map((c) => c.plain);
    for (const row of table.rows) {
      const label = row.cells[0]?.plain ?? '';
      row.cells.forEach((cell, i) => {
        if (i > 0 && !NON_VALUE_COLUMN.test(headers[i] ?? '')) {
          keep(cell.quantities, cell.span, row.line, table.section, cell.text, cell.span.start, `${label} ${headers[i] ?? ''}`);
        }
      });
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  figureCache.set(model, out);
  return out;
}

/** Whether the report measured performance: enough figures, latencies or rates among them. */
function hasMeasuredResults(model: DocumentModel): boolean {
  const figures = measuredFigures(model);
  return figures.length >= 3 && figures.filter((f) => f.performance).length >= 2;
}

/** Figures observed on real traffic: no load was generated, so there is no load test to describe. */
const OBSERVED = /\b(?:production|real|live|organic|real[- ]user|customer|user) (?:traffic|users|load|requests)\b|\brum\b|\breal user monitoring\b|\bobserved in production\b/i;
const LOAD_TEST = /\b(?:load|stress|soak|spike|performance|perf|capacity|endurance)[- ]?test\w*|\bbenchmark\w*|\bvirtual users\b/i;

/** Whether the report's figures need a load-test methodology: measured, and not observed on real traffic. */
export function needsMethodology(model: DocumentModel): boolean {
  if (!hasMeasuredResults(model)) return false;
  if (!OBSERVED.test(model.text)) return true;
  const generated = findFacts(model).some((f) => f.element === 'tool' || f.element === 'load-profile');
  return generated || LOAD_TEST.test(model.text);
}

/** An executive summary or conclusion restates the results; "Results Summary" is the results. */
const isSummary = (model: DocumentModel, s: Section): boolean =>
  scopeChain(model, s).some((c) => {
    const title = titleOf(model, c);
    return SUMMARY_TITLE.test(title) && !RESULTS_TITLE.test(title);
  });

/** The section that holds the report's results: the most measured figures, a results title first. */
export function resultsSection(model: DocumentModel): Section | undefined {
  const score = new Map<Section, number>();
  for (const f of measuredFigures(model)) {
    const s = f.section;
    if (!s || isDocumentTitle(model, s) || isSummary(model, s)) continue;
    score.set(s, (score.get(s) ?? 0) + (f.performance ? 2 : 1));
  }
  let best: Section | undefined;
  let bestScore = 0;
  for (const [s, n] of score) {
    const total = n + (RESULTS_TITLE.test(titleOf(model, s)) ? 1000 : 0);
    if (total > bestScore) [best, bestScore] = [s, total];
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The methodology section

/** Titles that name a methodology section by themselves. */
const METHOD_TITLE =
  /\b(methodolog(?:y|ies)|test(?:ing)?[- ](?:setup|set-up|configuration|config|environment|conditions|parameters|procedure|approach|design|bed|rig|harness)|testbed|(?:benchmark(?:ing)?|load[- ]test(?:ing)?|performance[- ]test(?:ing)?|experiment(?:al)?)[- ](?:setup|set-up|configuration|config|environment|design|methods?|conditions|parameters)|how we (?:tested|measured|benchmarked)|tools? used|tooling|test(?:ing)?[- ]plan|(?:test|load) scenarios?)\b/i;
/** Titles that name one only when the section states facts of at least two elements. */
const MAYBE_METHOD_TITLE = /\b(setup|set-up|environment|configuration|config|tools?|methods?|approach|workload|load profile|hardware|infrastructure|procedure)\b/i;

/** Whether a section is where the report says how it measured. */
export function isMethodologySection(model: DocumentModel, section: Section): boolean {
  if (isDocumentTitle(model, section) || isPlanningSection(model, section)) return false;
  const title = titleOf(model, section);
  if (METHOD_TITLE.test(title)) return true;
  if (!MAYBE_METHOD_TITLE.test(title)) return false;
  const child = model.sections.find((s) => s.parent === section);
  const own: Span = { start: section.span.start, end: child ? child.headingSpan.start : section.span.end };
  const inside = new Set(findFacts(model).filter((f) => contains(own, f.span)).map((f) => f.element));
  return inside.size >= 2;
}

/** The report's methodology section: the outermost one, the first if there are several. */
function methodologySection(model: DocumentModel): Section | undefined {
  return model.sections.find((s) => isMethodologySection(model, s) && !scopeChain(model, s.parent).some((p) => isMethodologySection(model, p)));
}

// ---------------------------------------------------------------------------------------------
// Placeholders the fix wrote and nobody filled

interface Placeholder {
  element: Element;
  line: number;
}

/** "Hardware: TODO: …" lines and rows: the element is asked for and still unanswered. */
export function placeholders(model: DocumentModel): Placeholder[] {
  const out: Placeholder[] = [];
  const add = (label: string, value: string, line: number) => {
    if (!PLACEHOLDER.test(value)) return;
    for (const r of labelRules(label)) if (!out.some((p) => p.element === r.element)) out.push({ element: r.element, line });
  };
  for (const kv of model.keyValues) add(readable(model, kv.keySpan), kv.value.plain, kv.line.line);
  for (const t of model.tables) for (const row of t.rows) if (row.cells.length > 1) add(row.cells[0].plain, row.cells[1].plain, row.line);
  return out;
}

// ---------------------------------------------------------------------------------------------
// What is found and what is missing

export interface MethodologyState {
  facts: Fact[];
  section?: Section;
  missing: Element[];
  /** The elements that apply to this report: a load tool and profile only where load was generated. */
  applicable: Element[];
}

/** What only a test that generated load has: a tool that generated it, its profile, its length. */
const LOAD_ONLY = new Set<Element>(['tool', 'tool-version', 'duration', 'load-profile']);
const LOAD_SIGNAL =
  /\b(?:load|stress|soak|spike|capacity|endurance)[- ]?test\w*|\bvirtual users\b|\bvus?\b|\bconcurrent (?:users|connections|requests)\b|\breq(?:uests)?\/s(?:ec)?\b|\brps\b|\bthroughput\b/i;

/** Whether the figures come from generated load (a load test), not from timing a computation. */
function generatedLoad(model: DocumentModel, facts: Fact[]): boolean {
  return (
    LOAD_SIGNAL.test(model.text) ||
    facts.some((f) => f.element === 'tool' || f.element === 'load-profile') ||
    measuredFigures(model).some((f) => f.q.dimension === 'rate')
  );
}

export function methodologyState(model: DocumentModel, options: MethodologyOptions): MethodologyState {
  const facts = findFacts(model);
  const found = new Set(facts.map((f) => f.element));
  const load = generatedLoad(model, facts);
  const applicable = ELEMENTS.filter((e) => load || !LOAD_ONLY.has(e));
  const missing = options.required.filter((e) => !found.has(e) && applicable.includes(e));
  return { facts, section: methodologySection(model), missing, applicable };
}

/** The facts worth citing per element: labelled ones first, at most `max`. */
export function factsFor(facts: Fact[], element: Element, max = 3): Fact[] {
  const mine = facts.filter((f) => f.element === element);
  const unique = mine.filter((f, i) => mine.findIndex((g) => g.value.toLowerCase() === f.value.toLowerCase()) === i);
  return [...unique.filter((f) => f.labelled), ...unique.filter((f) => !f.labelled)].slice(0, max);
}

/** "line 39, Load Testing" */
const citeShort = (f: Fact, lineShift = 0): string => `line ${f.line + 1 + lineShift}${f.where ? `, ${f.where}` : ''}`;

/** "found: tool k6 (line 39, Load Testing); missing: tool version, hardware" */
export function inventory(state: MethodologyState, required: Element[]): string {
  const found = required
    .flatMap((e) => factsFor(state.facts, e, 1))
    .map((f) => `${nameOf(f.element)} ${f.value} (${citeShort(f)})`);
  const parts = [];
  if (found.length) parts.push(`found: ${found.join(', ')}`);
  if (state.missing.length) parts.push(`missing: ${state.missing.map((e) => nameOf(e)).join(', ')}`);
  return parts.join('; ');
}
