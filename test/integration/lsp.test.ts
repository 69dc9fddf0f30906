// The real server over stdio, driven by a JSON-RPC client: the editor and the CLI must agree.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { ROOT, SEEDS, workspace } from '../helpers';
import { cli } from './cli-runner';
import { TestClient } from './lsp-client';
import { LineIndex } from '../../server/src/model/lines';
import type { LintFix } from '../../server/src/cli/formatters/types';

function applyLspEdits(text: string, lines: LineIndex, edits: TextEdit[]): string {
  const offsets = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  return offsets.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function fixtureFiles(): string[] {
  const seeds = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => path.join(SEEDS, f)) : [];
  const rulesDir = path.join(ROOT, 'test/fixtures/rules');
  const fixtures = fs.existsSync(rulesDir)
    ? fs.readdirSync(rulesDir).flatMap((r) =>
        fs.readdirSync(path.join(rulesDir, r)).filter((f) => /\.(md|txt)$/.test(f) && !f.includes('.fixed.')).map((f) => path.join(rulesDir, r, f)),
      )
    : [];
  return [...seeds, ...fixtures];
}

interface CliResult {
  filePath: string;
  messages: { line: number; column: number; endLine: number; endColumn: number; ruleId: string; severityName: string; message: string; fix?: LintFix; suggestions?: { fix: LintFix }[] }[];
}

type Key = string;
const keyOfLsp = (d: Diagnostic): Key =>
  `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${['', 'error', 'warning', 'info'][d.severity!]} ${d.message}`;

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    const init = (await client.initialize(true)) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics are offered to clients that support them');
  });
  after(() => client.stop());

  test('every fixture and seed: the same diagnostics as the CLI\'s JSON', async () => {
    const files = fixtureFiles();
    assert.ok(files.length >= 3);
    // Both from the same build: the bundled CLI over all files at once, the bundled server file by file.
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/readiness-lint.js'), 'check', '--format', 'json', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const results = JSON.parse(run.stdout) as CliResult[];
    for (const file of files) {
      // Editors hand the server the text without its BOM, as the CLI reads it.
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const uri = client.open(file, text);
      const fromServer = (await client.pull(uri)).map(keyOfLsp);
      const result = results.find((r) => r.filePath === file);
      assert.ok(result, `the CLI checked ${file}`);
      const fromCli = result.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.severityName} ${m.message}`);
      assert.deepEqual(fromServer, fromCli, path.basename(file));
      // Code actions: every CLI fix and suggestion is offered, and gives the same text once applied.
      const lines = new LineIndex(text);
      for (const m of result.messages) {
        const actions = (await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.line - 1, character: m.column - 1 } },
          context: { diagnostics: [] },
        })) as CodeAction[];
        const offered = new Set(actions.map((a) => applyLspEdits(text, lines, a.edit?.changes?.[uri] ?? [])));
        for (const fix of [m.fix, ...(m.suggestions ?? []).map((x) => x.fix)]) {
          if (!fix) continue;
          const expected = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
          assert.ok(offered.has(expected), `${path.basename(file)}:${m.line}: the CLI's fix "${fix.text.slice(0, 60)}" is offered`);
        }
      }
    }
  });

  test('hover states the evidence, with a link to the rule\'s page', async () => {
    const dir = workspace({ 'r.md': '# Report\n\n## âœ… Results\n' });
    const uri = client.open(path.join(dir, 'r.md'), fs.readFileSync(path.join(dir, 'r.md'), 'utf8'));
    const [d] = await client.pull(uri);
    assert.equal(d.code, 'mojibake');
    assert.match(d.codeDescription!.href, /docs\/rules\/mojibake\.md$/);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /E2 9C 85/);
    assert.match(value, /U\+2705/);
    const status = client.notifications.find((n) => n.method === 'readinessLint/status' && (n.params as { uri: string }).uri === uri);
    assert.ok(status, 'the server reports counts and timing for the status item');
    assert.equal((status.params as { errors: number }).errors, 1);
  });

  test('quick fix, suppression actions and fix-all', async () => {
    const text = '# Report\n\nâœ… done â€” really\n';
    const uri = client.open(path.join(workspace({}), 'q.md'), text);
    const diagnostics = await client.pull(uri);
    assert.equal(diagnostics.length, 2);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(actions[0].isPreferred, 'the certain repair comes first, preferred');
    assert.ok(titles.includes('Disable mojibake for this line'));
    assert.ok(titles.includes('Disable mojibake for this file'));
    assert.ok(titles.includes('Show documentation for mojibake'));
    const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.readinessLint');
    assert.deepEqual(fixAll[0].edit!.changes![uri].map((e) => e.newText), ['✅', '—']);
  });

  test('with many documents open, a code action on any of them still gets its fixes', async () => {
    // Only the most recently used documents keep their model, and a few more their parsed blocks:
    // the 12th opened keeps both, the 9th its blocks only, the 1st neither.
    const dir = workspace({});
    const uris = Array.from({ length: 12 }, (_, i) => client.open(path.join(dir, `many-${i}.md`), `# Report ${i}\n\nâœ… done\n`));
    const diagnostics = [];
    for (const uri of uris) diagnostics.push(await client.pull(uri));
    for (const i of [11, 8, 0]) {
      const [diagnostic] = diagnostics[i];
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: uris[i] },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      assert.equal(actions[0].edit!.changes![uris[i]][0].newText, '✅', `document ${i + 1}`);
      assert.ok(actions.some((a) => a.title === 'Disable mojibake for this line'), `document ${i + 1}: actions that read the model`);
    }
  });

  test('an invalid .readiness-lint.json is reported on the config file, and checking goes on', async () => {
    const dir = workspace({ '.readiness-lint.json': '{\n  "rules": { "mojibake": "loud" }\n}\n', 'r.md': '# R\n\nâœ… ok\n' });
    const uri = client.open(path.join(dir, 'r.md'), fs.readFileSync(path.join(dir, 'r.md'), 'utf8'));
    const diagnostics = await client.pull(uri);
    assert.equal(diagnostics.length, 1, 'the report is still checked, with the defaults');
    const configUri = new URL(`file://${path.join(dir, '.readiness-lint.json')}`).toString();
    const configDiagnostics = await client.waitForPush(configUri);
    assert.equal(configDiagnostics.length, 1);
    assert.match(String(configDiagnostics[0].message), /rules\.mojibake/);
    assert.equal(configDiagnostics[0].range.start.line, 1);
  });

  test('malformed traffic gets errors, not an exit', async () => {
    await assert.rejects(client.connection.sendRequest('textDocument/unknownThing', {}));
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///never/opened.md' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    // An edit with positions past the end of the document.
    const uri = client.open(path.join(workspace({}), 'e.md'), 'short\n');
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 40, character: 3 }, end: { line: 99, character: 0 } }, text: 'âœ…' }],
    });
    const after = await client.pull(uri);
    assert.equal(after.length, 1);
    assert.equal(client.process.exitCode, null);
  });
});

describe('language server, push mode', () => {
  test('clients without pull diagnostics get them pushed', async () => {
    const client = new TestClient();
    try {
      const init = (await client.initialize(false)) as { capabilities: Record<string, unknown> };
      assert.equal(init.capabilities.diagnosticProvider, undefined);
      const uri = client.open(path.join(workspace({}), 'p.md'), '# R\n\nâœ… ok\n');
      const pushed = await client.waitForPush(uri);
      assert.equal(pushed.length, 1);
      assert.equal(pushed[0].code, 'mojibake');
    } finally {
      await client.stop();
    }
  });

  test('without a transport flag the server explains its usage', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/readiness-lint-server.js')], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--stdio/);
  });
});

describe('language server commands', () => {
  test('the effective configuration for a file, as `readiness-lint config` gives it', async () => {
    const client = new TestClient();
    try {
      await client.initialize(true);
      const dir = workspace({ '.readiness-lint.json': '{ "rules": { "mojibake": "info" } }', 'docs/r.md': '# R\n' });
      const uri = client.open(path.join(dir, 'docs/r.md'), '# R\n');
      const config = (await client.connection.sendRequest('workspace/executeCommand', {
        command: 'readinessLint.server.effectiveConfiguration',
        arguments: [uri],
      })) as { rules: Record<string, { severity: string }>; files: string[] };
      assert.equal(config.rules.mojibake.severity, 'info');
      assert.deepEqual(config.files, [path.join(dir, '.readiness-lint.json')]);
      const run = await cli(['config', 'docs/r.md'], dir);
      assert.deepEqual(JSON.parse(run.stdout).rules, config.rules);
    } finally {
      await client.stop();
    }
  });

  test('insert a methodology section: pre-filled from the report, applied through workspace/applyEdit', async () => {
    const client = new TestClient();
    const edits: { label?: string; edit: { documentChanges: { edits: { newText: string }[] }[] } }[] = [];
    client.connection.onRequest('workspace/applyEdit', (p: (typeof edits)[number]) => {
      edits.push(p);
      return { applied: true };
    });
    try {
      await client.initialize(true);
      const report = '# Load test\n\n## Results\n\nWe ran k6 for 10 minutes.\n\n| Endpoint | p95 | Status |\n| --- | --- | --- |\n| /login | 120ms | PASS |\n';
      const uri = client.open(path.join(workspace({}), 'r.md'), report);
      const run = (u: string) => client.connection.sendRequest('workspace/executeCommand', { command: 'readinessLint.server.insertMethodologySection', arguments: [u] });
      assert.deepEqual(await run(uri), { inserted: true });
      assert.equal(edits.length, 1);
      const inserted = edits[0].edit.documentChanges[0].edits.map((e) => e.newText).join('');
      assert.match(inserted, /Methodology/);
      assert.match(inserted, /k6/, 'pre-filled with the tool the report names');
      assert.match(inserted, /10 minutes/, 'and the duration it states');
      assert.match(inserted, /TODO/, 'with a TODO for each element it does not state');
      const closed = (await run('file:///nowhere.md')) as { inserted: boolean; reason: string };
      assert.equal(closed.inserted, false);
      assert.match(closed.reason, /not open/);
    } finally {
      await client.stop();
    }
  });
});
