import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { applyFixes } from '../../server/src/core/fixes';
import { disableForFileFix, disableForLineFix } from '../../server/src/core/disable';
import { defaultConfig } from '../../server/src/config/resolve';

const run = (text: string) => analyze({ text, config: defaultConfig() });
const lines = (text: string) => run(text).diagnostics.map((d) => run(text).model!.lines.positionAt(d.span.start).line + 1);
const BAD = 'Status: âœ… PASS';

test('disable / enable ranges, with and without rule ids', () => {
  const text = [BAD, '<!-- readiness-lint-disable mojibake -->', BAD, '<!-- readiness-lint-enable mojibake -->', BAD, '<!-- readiness-lint-disable -->', BAD].join('\n');
  assert.deepEqual(lines(text), [1, 5]);
});

test('disable-next-line, disable-line, and another rule\'s id does not count', () => {
  const text = ['<!-- readiness-lint-disable-next-line mojibake -->', BAD, BAD + ' <!-- readiness-lint-disable-line mojibake -->', '<!-- readiness-lint-disable-next-line not-utf8 -->', BAD].join('\n');
  assert.deepEqual(lines(text), [5]);
});

test('disable-file, anywhere in the file', () => {
  assert.deepEqual(lines([BAD, BAD, '<!-- readiness-lint-disable-file mojibake -->'].join('\n')), []);
});

test('the "disable for this line" fix inserts a comment that silences exactly that finding', () => {
  const text = `# Report\r\n\r\n${BAD}\r\n${BAD}\r\n`;
  const analysis = run(text);
  const fixed = applyFixes(text, [disableForLineFix(analysis.model!, analysis.diagnostics[0])]).text;
  assert.equal(fixed, `# Report\r\n\r\n<!-- readiness-lint-disable-next-line mojibake -->\r\n${BAD}\r\n${BAD}\r\n`);
  assert.deepEqual(lines(fixed), [5]);
});

test('in a table the fix wraps the table, which a comment line inside would break', () => {
  const text = '| a | b |\n|---|---|\n| âœ… | 1 |\n\nafter';
  const analysis = run(text);
  const fixed = applyFixes(text, [disableForLineFix(analysis.model!, analysis.diagnostics[0])]).text;
  assert.equal(fixed, '<!-- readiness-lint-disable mojibake -->\n| a | b |\n|---|---|\n| âœ… | 1 |\n<!-- readiness-lint-enable mojibake -->\n\nafter');
  assert.deepEqual(run(fixed).diagnostics, []);
  assert.equal(run(fixed).model!.tables.length, 1);
});

test('the "disable for this file" fix goes after front matter', () => {
  const text = `---\ntitle: x\n---\n${BAD}\n`;
  const analysis = run(text);
  const fixed = applyFixes(text, [disableForFileFix(analysis.model!, 'mojibake')]).text;
  assert.equal(fixed, `---\ntitle: x\n---\n<!-- readiness-lint-disable-file mojibake -->\n${BAD}\n`);
  assert.deepEqual(run(fixed).diagnostics, []);
});
