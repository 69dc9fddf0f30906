// The CI integrations run the commands they say: the composite GitHub Action (action.yml) and the
// pre-commit hooks (.pre-commit-hooks.yaml). Their command lines are read from the files and run
// here against the built CLI, as GitHub and pre-commit would run them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, workspace } from '../helpers';

const REPORT = '# Load test\n\n## Results\n\nStatus: âœ… PASS\n';

/** The action's `node … readiness-lint.js check …` lines (the shell's `|| true` kept). */
function actionCommands(): string[] {
  const yml = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
  return yml.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('node "$GITHUB_ACTION_PATH/bin/readiness-lint.js" check'));
}

test('the GitHub Action: annotations, SARIF, the exit code of the check', () => {
  const commands = actionCommands();
  assert.equal(commands.length, 2, 'one check for annotations, one for SARIF');
  const dir = workspace({ 'docs/report.md': REPORT });
  const output = path.join(dir, 'github-output');
  const run = (command: string) =>
    spawnSync('bash', ['-c', command], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output, FILES: 'docs', ARGS: '--max-warnings 0', CACHE: path.join(dir, 'cache'), SARIF: 'out.sarif' },
    });

  const annotations = run(`set +e; ${commands[0]}; echo "exit-code=$?" >> "$GITHUB_OUTPUT"`);
  assert.match(annotations.stdout, /^::error file=docs\/report\.md,line=5,/m);
  assert.match(annotations.stdout, /mojibake/);
  assert.equal(fs.readFileSync(output, 'utf8'), 'exit-code=1\n');

  assert.equal(run(commands[1]).status, 0, 'the SARIF step never fails the job: the check step does');
  const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8'));
  assert.equal(sarif.version, '2.1.0');
  assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['mojibake']);
});

test('the pre-commit hooks: check, and check after the certain fixes', () => {
  const yaml = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const entries = [...yaml.matchAll(/^\s+entry: readiness-lint (.+)$/gm)].map((m) => m[1].split(' '));
  assert.deepEqual(entries, [['check'], ['check', '--fix']]);
  const dir = workspace({ 'report.md': REPORT });
  // pre-commit appends the staged files to the entry.
  const hook = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/readiness-lint.js'), ...args, 'report.md'], { cwd: dir, encoding: 'utf8' });
  assert.equal(hook(entries[0]).status, 1);
  assert.equal(hook(entries[1]).status, 0);
  assert.equal(fs.readFileSync(path.join(dir, 'report.md'), 'utf8'), REPORT.replace('âœ…', '✅'));
});
