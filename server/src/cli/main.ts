// readiness-lint: the headless check, for CI and the terminal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigResolver, isIgnored } from '../config/resolve';
import { configJsonSchema, severitySchema, type SeverityName } from '../config/schema';
import { formatConfigError, type ConfigError } from '../config/read';
import { rules } from '../rules/registry';
import { VERSION } from '../version';
import { DEFAULT_CACHE_LOCATION, LintCache, throughCache } from './cache';
import { expandArguments } from './files';
import { formatters, type FormatName } from './formatters';
import type { LintResult } from './formatters/types';
import { lintJobs, parseConcurrency } from './pool';
import { fatalResult, ruleInfos, summarize } from './results';
import { parseShard, selectShard } from './shard';
import { readSource, writeSource } from './source';
import { lintFile, type LintJob, type LintOutcome } from './worker';

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

const HELP = `readiness-lint ${VERSION}: checks readiness and benchmark reports.

Usage:
  readiness-lint check [options] [files | dirs | globs | -]
  readiness-lint config FILE       print the effective configuration for FILE
  readiness-lint rules             list the rules
  readiness-lint schema            print the JSON Schema of .readiness-lint.json

Options for check:
  -f, --format NAME        stylish (default), json, sarif, github, junit, gitlab
  -o, --output-file PATH   write the report to PATH instead of standard output
      --fix                apply certain fixes to the files
      --fix-dry-run        compute fixes without writing (json gets "output")
      --max-warnings N     exit 1 when there are more than N warnings
  -c, --config PATH        use this configuration file instead of searching for .readiness-lint.json
      --rule ID=SEVERITY   override a rule's severity (off, info, warning, error); repeatable
      --quiet              report errors only
      --stdin-filename P   with "-": the path the standard input stands for
      --cache              skip files unchanged since the last run (same bytes, configuration and version)
      --cache-location P   the cache file, or a directory for it (default: ${DEFAULT_CACHE_LOCATION})
      --concurrency N      worker processes: auto (default: one per core for many files), off, or a number
      --shard I/N          check only the I-th of N deterministic parts of the files (for a CI matrix)
      --color / --no-color force colour on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help               this help
  -v, --version            the version

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or configuration error.`;

class UsageError extends Error {}

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Promise<Buffer>;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`readiness-lint: ${e.message}\nRun "readiness-lint --help" for usage.\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(`${HELP}\n`);
    return EXIT.clean;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT.clean;
  }
  switch (command) {
    case 'check':
      return check(rest, io);
    case 'config':
      return printConfig(rest, io);
    case 'rules':
      for (const r of rules) io.stdout(`${r.meta.id.padEnd(28)} ${r.meta.category.padEnd(12)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}\n`);
      return EXIT.clean;
    case 'schema':
      io.stdout(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
      return EXIT.clean;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        'output-file': { type: 'string', short: 'o' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true, default: [] },
        quiet: { type: 'boolean', default: false },
        'stdin-filename': { type: 'string' },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string', default: DEFAULT_CACHE_LOCATION },
        concurrency: { type: 'string', default: 'auto' },
        shard: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function parseRuleFlags(flags: string[]): Record<string, SeverityName> {
  const out: Record<string, SeverityName> = {};
  for (const flag of flags) {
    const m = /^([\w-]+)=(\w+)$/.exec(flag);
    if (!m) throw new UsageError(`--rule takes ID=SEVERITY, got "${flag}"`);
    if (!rules.some((r) => r.meta.id === m[1])) throw new UsageError(`--rule: unknown rule "${m[1]}" (see "readiness-lint rules")`);
    const severity = severitySchema.safeParse(m[2]);
    if (!severity.success) throw new UsageError(`--rule ${m[1]}: severity must be off, info, warning or error, got "${m[2]}"`);
    out[m[1]] = severity.data;
  }
  return out;
}

async function check(args: string[], io: Io): Promise<number> {
  const { values: o, positionals } = parse(args);
  if (o.help) {
    io.stdout(`${HELP}\n`);
    return EXIT.clean;
  }
  const format = o.format as FormatName;
  if (!(format in formatters)) throw new UsageError(`unknown format "${o.format}" (one of ${Object.keys(formatters).join(', ')})`);
  let maxWarnings = -1;
  if (o['max-warnings'] !== undefined) {
    maxWarnings = Number(o['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number');
  }
  if (o.fix && o['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const ruleOverrides = parseRuleFlags(o.rule ?? []);
  if (o.config && !fs.existsSync(path.resolve(io.cwd, o.config))) throw new UsageError(`--config: no such file ${o.config}`);
  const configFile = o.config ? path.resolve(io.cwd, o.config) : undefined;
  const useStdin = positionals.includes('-');
  if (positionals.length === 0) throw new UsageError('no files given (pass files, directories, globs or "-" for standard input)');
  if (useStdin && o.fix) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run');
  const concurrency = parseConcurrency(o.concurrency);
  if (concurrency === undefined) throw new UsageError(`--concurrency takes auto, off or a number of workers, got "${o.concurrency}"`);
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  if (o.shard !== undefined && !shard) throw new UsageError(`--shard takes I/N with 1 <= I <= N, got "${o.shard}"`);
  if (shard && useStdin) throw new UsageError('--shard splits files; standard input cannot be split');

  const resolver = new ConfigResolver();
  const configErrors: ConfigError[] = [];
  /** The job for a file, unless its configuration is invalid or ignores it. */
  const jobFor = (filePath: string, bytes: Uint8Array): LintJob | undefined => {
    const resolved = resolver.resolve(filePath, { configFile, ruleOverrides });
    for (const e of resolved.errors) if (!configErrors.some((x) => sameError(x, e))) configErrors.push(e);
    if (resolved.errors.length || isIgnored(resolved.config, filePath)) return undefined;
    return { filePath, bytes, config: resolved.config, fix: o.fix || o['fix-dry-run'] };
  };
  const resultOf = (job: LintJob, outcome: LintOutcome, write: boolean): LintResult => {
    for (const f of outcome.failures) io.stderr(`readiness-lint: ${f}\n`);
    const { output } = outcome;
    const source = readSource(job.bytes);
    if (output !== undefined && write) writeSource(job.filePath, output, source);
    // As toResult's --quiet: errors only, and the notice that a file was skipped.
    const messages = o.quiet ? outcome.messages.filter((m) => m.severityName === 'error' || m.ruleId === 'skipped') : outcome.messages;
    return summarize({ filePath: job.filePath, messages, source: output ?? source.text, ...(o['fix-dry-run'] && output !== undefined ? { output } : {}) });
  };

  let stdinJob: LintJob | undefined;
  if (useStdin) {
    const name = path.resolve(io.cwd, o['stdin-filename'] ?? '<stdin>');
    stdinJob = jobFor(o['stdin-filename'] ? name : '<stdin>', await io.stdin());
  }
  const { files, unmatched, unreadable } = await expandArguments(positionals.filter((p) => p !== '-'), io.cwd);
  if (unmatched.length) throw new UsageError(`no files match ${unmatched.map((u) => `"${u}"`).join(', ')}`);
  // In report order: a file to lint, or the result for a file that could not be read.
  const entries: (LintJob | LintResult)[] = [];
  for (const file of shard ? selectShard(files, shard, io.cwd) : files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      entries.push(fatalResult(file, `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? ''} ${(e as Error).message}`.trim()));
      continue;
    }
    const job = jobFor(file, bytes);
    if (job) entries.push(job);
  }
  // A directory that could not be listed is reported once, like a file: by the shard its path falls in.
  for (const u of shard ? unreadable.filter((u) => selectShard([u.path], shard, io.cwd).length) : unreadable) {
    entries.push(fatalResult(u.path, `cannot read the directory: ${u.error}`));
  }

  if (configErrors.length) {
    for (const e of configErrors) io.stderr(`${describeConfigError(e)}\n`);
    return EXIT.usage;
  }
  const isJob = (e: LintJob | LintResult): e is LintJob => 'bytes' in e;
  const cache = o.cache ? LintCache.open(path.resolve(io.cwd, o['cache-location'])) : undefined;
  const outcomes = await throughCache(cache, entries.filter(isJob), (jobs) => lintJobs(jobs, concurrency));
  // Standard input is one text, not a file: linted here, never cached.
  const results = stdinJob ? [resultOf(stdinJob, lintFile(stdinJob), false)] : [];
  let next = 0;
  for (const e of entries) results.push(isJob(e) ? resultOf(e, outcomes[next++], o.fix) : e);
  try {
    cache?.save();
  } catch (e) {
    io.stderr(`readiness-lint: cannot write the cache ${cache!.file}: ${(e as Error).message}\n`);
  }
  const color = o['no-color'] ? false : o.color ?? (io.isTTY && !io.env.NO_COLOR);
  const report = formatters[format](results, { cwd: io.cwd, color, rules: ruleInfos(), toolVersion: VERSION });
  if (o['output-file']) fs.writeFileSync(path.resolve(io.cwd, o['output-file']), report);
  else if (report) io.stdout(report.endsWith('\n') ? report : `${report}\n`);

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT.findings;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`readiness-lint found too many warnings (${warnings}; --max-warnings ${maxWarnings}).\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}

function sameError(a: ConfigError, b: ConfigError): boolean {
  return a.file === b.file && a.message === b.message && a.path.join('.') === b.path.join('.');
}

function describeConfigError(e: ConfigError): string {
  let where = e.file;
  if (e.span && fs.existsSync(e.file)) {
    const text = fs.readFileSync(e.file, 'utf8');
    const before = text.slice(0, e.span.start).split(/\r\n|\r|\n/);
    where += `:${before.length}:${before[before.length - 1].length + 1}`;
  }
  return `${where}: invalid configuration: ${formatConfigError(e)}`;
}

function printConfig(args: string[], io: Io): number {
  const { values: o, positionals } = parse(args);
  if (positionals.length !== 1) throw new UsageError('config takes one FILE');
  const file = path.resolve(io.cwd, positionals[0]);
  const { config, errors } = new ConfigResolver().resolve(file, {
    configFile: o.config ? path.resolve(io.cwd, o.config) : undefined,
    ruleOverrides: parseRuleFlags(o.rule ?? []),
  });
  if (errors.length) {
    for (const e of errors) io.stderr(`${describeConfigError(e)}\n`);
    return EXIT.usage;
  }
  io.stdout(`${JSON.stringify({ file, ...config, ignored: isIgnored(config, file) }, null, 2)}\n`);
  return EXIT.clean;
}
