// JUnit XML for CI test-report views: a test suite per file, a test case per message.
// Errors and warnings fail their test case; info findings pass; a clean file is one passing case.
import { displayPath } from './paths';
import type { Formatter, LintMessage } from './types';

// Characters XML 1.0 forbids even as references (controls, lone surrogates, U+FFFE/U+FFFF): dropped.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

const text = (s: string) => s.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ENTITY[c]);
// Parsers turn raw tabs and line breaks in attribute values into spaces; references keep them.
const attr = (s: string) => text(s).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);

const fails = (m: LintMessage) => m.severityName !== 'info';

function testcase(m: LintMessage, file: string): string {
  const open = `<testcase classname="${attr(m.ruleId)}" name="${attr(`${m.line}:${m.column} ${m.message}`)}"`;
  if (!fails(m)) return `${open}/>`;
  const detail = [
    `${file}:${m.line}:${m.column}: ${m.severityName}: ${m.message} (${m.ruleId})`,
    ...(m.related ?? []).map((r) => `  ${file}:${r.line}:${r.column}: ${r.message}`),
  ].join('\n');
  return `${open}><failure type="${m.severityName}" message="${attr(m.message)}">${text(detail)}</failure></testcase>`;
}

export const junit: Formatter = (results, context) => {
  const suites = results.map((r) => {
    const file = displayPath(r.filePath, context.cwd);
    const cases = r.messages.length ? r.messages.map((m) => testcase(m, file)) : [`<testcase classname="readiness-lint" name="${attr(file)}"/>`];
    const failures = r.messages.filter(fails).length;
    return { tests: cases.length, failures, xml: `  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failures}">\n${cases.map((c) => `    ${c}\n`).join('')}  </testsuite>\n` };
  });
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="readiness-lint" tests="${tests}" failures="${failures}">\n${suites.map((s) => s.xml).join('')}</testsuites>\n`;
};
