// The TextMate grammars in syntaxes/ (verdicts, percentiles and quantities highlighted in Markdown
// and plain-text reports), checked by vscode-tmgrammar-test against VS Code's own Markdown grammar
// (from tm-grammars) and the scope assertions in test/grammar/*.test.*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../helpers';

test('the grammars give the asserted scopes', () => {
  const r = spawnSync(
    process.execPath,
    [
      require.resolve('vscode-tmgrammar-test/dist/unit.js'),
      '--compact',
      // package.json (the default configuration) contributes syntaxes/: these are the grammars they inject into.
      '-g', require.resolve('tm-grammars/grammars/markdown.json'),
      '-g', path.join(ROOT, 'test/grammar/text.plain.tmLanguage.json'),
      'test/grammar/*.test.*',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  // Markdown embeds dozens of languages in fenced code; their grammars are not needed here.
  const output = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l && !l.startsWith('grammar not found')).join('\n');
  assert.equal(r.status, 0, output);
  assert.match(output, /verdicts\.test\.md run successfuly/);
  assert.match(output, /plain\.test\.txt run successfuly/);
});
