import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log } from 'sarif';
import { formatters } from '../../server/src/cli/formatters';
import type { LintMessage, LintResult } from '../../server/src/cli/formatters/types';
import { BROKEN, CLEAN, HOSTILE, REPORT, context, cwd, results } from '../fixtures/formatters/results';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'formatters');

const resultWith = (filePath: string, messages: LintMessage[]): LintResult => ({
  filePath,
  messages,
  errorCount: messages.filter((m) => m.severityName === 'error').length,
  warningCount: messages.filter((m) => m.severityName === 'warning').length,
  infoCount: messages.filter((m) => m.severityName === 'info').length,
  fatalErrorCount: messages.filter((m) => m.fatal).length,
  fixableErrorCount: 0,
  fixableWarningCount: 0,
});
const notice = (ruleId: string, message: string): LintMessage => ({
  ruleId,
  severity: 1,
  severityName: 'info',
  category: 'encoding',
  message,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
});

test('stylish: aligned rows per file, related locations, a summary', () => {
  assert.equal(formatters.stylish(results, context), fs.readFileSync(path.join(FIXTURES, 'stylish.txt'), 'utf8'));
});

test('stylish: colour only when asked, and the same text underneath', () => {
  const coloured = formatters.stylish(results, { ...context, color: true });
  assert.match(coloured, /\u001b\[31merror/);
  assert.match(coloured, /\u001b\[33mwarning/);
  assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), formatters.stylish(results, context));
  assert.doesNotMatch(formatters.stylish(results, context), /\u001b/);
});

test('stylish: prints nothing when there are no problems', () => {
  assert.equal(formatters.stylish([], context), '');
  assert.equal(formatters.stylish([results[1]], { ...context, color: true }), '');
});

test('stylish: control characters from the checked file never reach the terminal', () => {
  const out = formatters.stylish([resultWith(REPORT, [notice('mojibake', 'a\u001b]0;pwned\u0007b')])], context);
  assert.match(out, /a\\x1b\]0;pwned\\x07b/);
  assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f]/);
});

test('json: the results as ESLint prints them, without source, keys in a fixed order', () => {
  const parsed = JSON.parse(formatters.json(results, context)) as LintResult[];
  assert.deepEqual(
    parsed,
    results.map(({ source: _source, ...rest }) => rest),
  );
  assert.equal(parsed[0].output, '# Perf (fixed)\n');
  assert.ok(!('output' in parsed[1]));
  assert.deepEqual(Object.keys(parsed[0]), [
    'filePath', 'messages', 'errorCount', 'fatalErrorCount', 'warningCount', 'infoCount', 'fixableErrorCount', 'fixableWarningCount', 'output',
  ]);
  assert.deepEqual(Object.keys(parsed[0].messages[0]), [
    'ruleId', 'severity', 'severityName', 'category', 'message', 'line', 'column', 'endLine', 'endColumn', 'related',
  ]);
  assert.deepEqual(Object.keys(parsed[2].messages[0]).slice(0, 3), ['ruleId', 'fatal', 'severity']);
  // Built in another order, the same results print the same.
  const shuffled = results.map((r) => Object.fromEntries(Object.entries(r).reverse()) as unknown as LintResult);
  assert.equal(formatters.json(shuffled, context), formatters.json(results, context));
});

test('sarif: tool, rules, results, locations, fixes and notifications', () => {
  const log = JSON.parse(formatters.sarif(results, context)) as Log;
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'readiness-lint');
  assert.equal(driver.semanticVersion, '0.1.0');
  assert.match(driver.informationUri ?? '', /^https:\/\//);
  assert.deepEqual(driver.rules?.map((r) => r.id), context.rules.map((r) => r.id));
  const claim = driver.rules?.find((r) => r.id === 'unmeasured-claim');
  assert.equal(claim?.helpUri, 'https://example.com/rules/unmeasured-claim.md');
  assert.equal(claim?.shortDescription?.text, 'A verdict without a measurement.');
  assert.equal(claim?.defaultConfiguration?.level, 'note');
  assert.equal(claim?.properties?.category, 'claims');
  assert.deepEqual(claim?.properties?.tags, ['claims']);

  assert.equal(run.originalUriBaseIds?.['%SRCROOT%'].uri, `${pathToFileURL(cwd).href}/`);
  assert.deepEqual(run.artifacts?.map((a) => a.location?.uri), ['docs/perf%20report.md', 'notes/clean.md', 'broken.md']);

  // The fatal message is no result: four findings remain.
  const res = run.results ?? [];
  assert.deepEqual(res.map((r) => [r.ruleId, r.level]), [
    ['arithmetic-mismatch', 'error'],
    ['mojibake', 'warning'],
    ['unmeasured-claim', 'note'],
    ['methodology-missing', 'warning'],
  ]);
  for (const r of res) assert.equal(driver.rules?.[r.ruleIndex ?? -1].id, r.ruleId);
  const [arithmetic, mojibake, claimResult, hostile] = res;
  assert.deepEqual(arithmetic.locations?.[0].physicalLocation, {
    artifactLocation: { uri: 'docs/perf%20report.md', uriBaseId: '%SRCROOT%', index: 0 },
    region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 20 },
  });
  assert.deepEqual(arithmetic.relatedLocations?.map((l) => [l.id, l.message?.text, l.physicalLocation?.region?.startLine]), [
    [1, 'requests: 50,000', 10],
    [2, 'duration: 1,920 s', 11],
  ]);
  assert.equal(arithmetic.fixes, undefined);
  assert.deepEqual(mojibake.fixes?.[0].artifactChanges[0].replacements[0], {
    deletedRegion: { charOffset: 80, charLength: 2 },
    insertedContent: { text: 'é' },
  });
  assert.equal(claimResult.fixes?.[0].description?.text, 'Add a measurement placeholder');
  assert.deepEqual(claimResult.fixes?.[0].artifactChanges[0].replacements[0].deletedRegion, { charOffset: 120, charLength: 0 });
  assert.equal(hostile.message.text, HOSTILE);

  const invocation = run.invocations?.[0];
  assert.equal(invocation?.executionSuccessful, false);
  assert.deepEqual(invocation?.toolExecutionNotifications?.map((n) => [n.level, n.message.text]), [
    ['error', 'cannot read the file: EACCES permission denied'],
  ]);
  assert.equal(invocation?.toolExecutionNotifications?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri, 'broken.md');

  const clean = JSON.parse(formatters.sarif([results[1]], context)) as Log;
  assert.equal(clean.runs[0].invocations?.[0].executionSuccessful, true);
  assert.deepEqual(clean.runs[0].results, []);
});

test('sarif: files outside the working directory keep absolute URIs; notices that are no finding are notifications', () => {
  const outside = path.resolve(cwd, '..', 'elsewhere', 'big.md');
  const log = JSON.parse(formatters.sarif([resultWith(outside, [notice('skipped', 'larger than maxFileSize')])], context)) as Log;
  const run = log.runs[0];
  assert.deepEqual(run.artifacts?.[0].location, { uri: pathToFileURL(outside).href });
  assert.deepEqual(run.results, []);
  assert.deepEqual(run.invocations?.[0].toolExecutionNotifications?.map((n) => [n.level, n.message.text]), [['note', 'larger than maxFileSize']]);
  assert.equal(run.invocations?.[0].executionSuccessful, true);
});

/** The validator's binary, made executable if npm held back the postinstall that does it. */
function sarifMultitool(): string {
  const require = createRequire(__filename);
  let bin: string;
  try {
    bin = require('@microsoft/sarif-multitool') as string;
  } catch (e) {
    assert.fail(`the SARIF validator is not installed (devDependency @microsoft/sarif-multitool; run npm install): ${(e as Error).message}`);
  }
  if (process.platform !== 'win32' && (fs.statSync(bin).mode & 0o100) === 0) fs.chmodSync(bin, fs.statSync(bin).mode | 0o755);
  return bin;
}

test('sarif: the SARIF SDK validator (spec and GitHub code scanning rules) reports no error', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-lint-sarif-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const input = path.join(dir, 'report.sarif');
  const output = path.join(dir, 'validation.sarif');
  const extra = [
    resultWith(path.resolve(cwd, '..', 'elsewhere', 'big.md'), [notice('skipped', 'larger than maxFileSize')]),
    resultWith('<stdin>', [notice('mojibake', 'from standard input')]),
  ];
  fs.writeFileSync(input, formatters.sarif([...results, ...extra], context));

  const run = spawnSync(sarifMultitool(), ['validate', input, '--output', output, '--rule-kind', 'Sarif;Gh'], {
    encoding: 'utf8',
    timeout: 120_000,
    // .NET otherwise needs the system's ICU library, which the validator does not use.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  if (run.error || run.status !== 0 || !fs.existsSync(output)) {
    assert.fail(`the SARIF validator could not run (${run.error?.message ?? `exit code ${run.status}`}):\n${run.stdout}${run.stderr}`);
  }
  const report = JSON.parse(fs.readFileSync(output, 'utf8')) as Log;
  const failures = report.runs[0].invocations?.flatMap((i) => i.toolExecutionNotifications ?? []).filter((n) => n.level === 'error') ?? [];
  assert.deepEqual(failures.map((n) => n.message.text), [], 'the validator itself failed');
  // A result without a level is a warning (SARIF's default).
  const found = report.runs[0].results ?? [];
  const lines = run.stdout.split('\n').filter((l) => / (error|warning) [A-Z]+\d+: /.test(l));
  for (const l of lines.filter((l) => l.includes(' warning '))) t.diagnostic(l);
  assert.equal(found.filter((r) => r.level === 'error').length, 0, `SARIF validation errors:\n${lines.join('\n')}`);
});

test('github: one workflow command per message, escaped as the runner expects', () => {
  const lines = formatters.github(results, context).trimEnd().split('\n');
  assert.equal(lines.length, 5);
  assert.equal(
    lines[0],
    '::error file=docs/perf report.md,line=3,col=5,endLine=3,endColumn=20,title=readiness-lint (arithmetic-mismatch)::' +
      '50,000 requests / 1,920 s = 26 req/s; stated 1,234 req/s%0A↳ 10:3 requests: 50,000%0A↳ 11:3 duration: 1,920 s',
  );
  // Info is a notice; a range over several lines has no columns.
  assert.equal(lines[2], '::notice file=docs/perf report.md,line=12,endLine=13,title=readiness-lint (unmeasured-claim)::"production ready" has no measurement');
  assert.equal(
    lines[3],
    `::warning file=docs/perf report.md,line=20,col=1,endLine=20,endColumn=8,title=readiness-lint (methodology-missing)::` +
      `Stated 1,234 req/s: 100%25 <faster> & "better" than 'before'%0Asee table 2%0D\u0001`,
  );
  assert.ok(lines[4].startsWith('::error file=broken.md,line=1,col=1,'));
  const odd = formatters.github([resultWith(path.join(cwd, 'a,b:c%.md'), [notice('mojibake', 'x')])], context);
  assert.equal(odd, '::notice file=a%2Cb%3Ac%25.md,line=1,col=1,endLine=1,endColumn=1,title=readiness-lint (mojibake)::x\n');
  assert.equal(formatters.github([results[1]], context), '');
});

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e],
  );

/** Enough of XML 1.0 to reject what a careless writer produces: bad characters, bare & or <, unbalanced or unquoted tags. */
function assertWellFormedXml(xml: string): void {
  assert.doesNotMatch(xml, /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u, 'a character XML 1.0 does not allow');
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const reference = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  while (token.lastIndex < body.length) {
    const at = token.lastIndex;
    const m = token.exec(body);
    assert.ok(m, `not well-formed XML at: ${body.slice(at, at + 60)}`);
    const [, close, name, attributes, selfClosing, text] = m;
    if (text !== undefined) {
      assert.ok(stack.length > 0 || /^\s*$/.test(text), 'text outside the root element');
      assert.doesNotMatch(text, reference, 'a bare & in text');
      continue;
    }
    assert.doesNotMatch(attributes, reference, 'a bare & in an attribute');
    const names = [...attributes.matchAll(/([\w.-]+)="/g)].map((a) => a[1]);
    assert.equal(new Set(names).size, names.length, `a repeated attribute on <${name}>`);
    if (close) assert.equal(stack.pop(), name, `</${name}> closes another element`);
    else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  assert.equal(roots, 1, 'one root element');
}

test('junit: well-formed XML, a suite per file, failures for errors and warnings only', () => {
  const xml = formatters.junit(results, context);
  assertWellFormedXml(xml);
  assert.match(xml, /<testsuites name="readiness-lint" tests="6" failures="4">/);
  assert.match(xml, /<testsuite name="docs\/perf report.md" tests="4" failures="3">/);
  assert.match(xml, /<testsuite name="notes\/clean.md" tests="1" failures="0">\n\s*<testcase classname="readiness-lint" name="notes\/clean.md"\/>/);
  assert.match(xml, /<testsuite name="broken.md" tests="1" failures="1">/);
  assert.match(xml, /<testcase classname="arithmetic-mismatch" name="3:5 50,000 requests[^"]*"><failure type="error" message="50,000 requests/);
  assert.match(xml, /<testcase classname="mojibake" name="7:12 [^"]*"><failure type="warning"/);
  assert.match(xml, /<testcase classname="unmeasured-claim" name="12:1 &quot;production ready&quot; has no measurement"\/>/);
  assert.match(xml, /docs\/perf report.md:10:3: requests: 50,000/);
  // The hostile message survives in attributes, line breaks included, less the character XML cannot hold.
  const name = /<testcase classname="methodology-missing" name="([^"]*)"/.exec(xml)?.[1] ?? '';
  assert.equal(unescapeXml(name), `20:1 ${HOSTILE.replace('\u0001', '')}`);
  assert.doesNotMatch(xml, /\u0001/);
  assertWellFormedXml(formatters.junit([], context));
});

test('junit: the checker above does reject broken XML', () => {
  assert.throws(() => assertWellFormedXml('<a><b></a>'));
  assert.throws(() => assertWellFormedXml('<a x="1 & 2"/>'));
  assert.throws(() => assertWellFormedXml('<a>\u0001</a>'));
  assert.throws(() => assertWellFormedXml('<a/><b/>'));
});

test('gitlab: Code Quality issues with stable, distinct fingerprints', () => {
  const out = formatters.gitlab(results, context);
  const issues = JSON.parse(out) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
  assert.equal(issues.length, 5);
  for (const issue of issues) {
    assert.deepEqual(Object.keys(issue).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
    assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
    assert.equal(typeof issue.location.lines.begin, 'number');
  }
  assert.deepEqual(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin]), [
    ['arithmetic-mismatch', 'major', 'docs/perf report.md', 3],
    ['mojibake', 'minor', 'docs/perf report.md', 7],
    ['unmeasured-claim', 'info', 'docs/perf report.md', 12],
    ['methodology-missing', 'minor', 'docs/perf report.md', 20],
    ['fatal', 'major', 'broken.md', 1],
  ]);
  assert.equal(issues[3].description, HOSTILE);
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 5);
  assert.equal(formatters.gitlab(results, context), out, 'the same findings give the same fingerprints');
  const moved = structuredClone(results);
  moved[0].messages[0].line = 4;
  assert.notEqual((JSON.parse(formatters.gitlab(moved, context)) as typeof issues)[0].fingerprint, issues[0].fingerprint);
  const twice = JSON.parse(formatters.gitlab([resultWith(REPORT, [notice('mojibake', 'x'), notice('mojibake', 'x')])], context)) as typeof issues;
  assert.notEqual(twice[0].fingerprint, twice[1].fingerprint, 'a repeated finding is a second issue');
  assert.equal(formatters.gitlab([], context), '[]');
});

test('every format reads paths relative to the working directory', () => {
  for (const [name, format] of Object.entries(formatters)) {
    if (name === 'json') continue; // ESLint's JSON keeps the absolute filePath.
    const out = format(results, context);
    assert.ok(!out.includes(CLEAN.replace('clean.md', '')) && !out.includes(BROKEN), `${name} prints absolute paths`);
  }
});
