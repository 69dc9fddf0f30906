// The extension in VS Code's extension host, through the `vscode` API: activation, diagnostics with
// rule codes and documentation links, hover, quick fixes, fix-all, a configuration change and the
// "Insert methodology section" command. Runs on a copy of test/electron/workspace (see ../run.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'readiness-lint.readiness-lint';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Waits until `probe` returns a value (not undefined), or fails after `ms`. */
async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'readiness-lint');
const withRule = (uri: vscode.Uri, rule: string) => async () => {
  const found = ours(uri).filter((d) => codeOf(d) === rule);
  return found.length ? found : undefined;
};

async function openReport(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile('report.md'));
  return vscode.window.showTextDocument(doc);
}

export function register(): void {
  describe('readiness-lint in VS Code', () => {
    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('activates on a Markdown report', async () => {
      await openReport();
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      await until('activation', () => (extension.isActive ? true : undefined));
    });

    it('lists diagnostics with rule codes that link to their documentation', async () => {
      const editor = await openReport();
      const mojibake = await until('a mojibake diagnostic', withRule(editor.document.uri, 'mojibake'));
      assert.equal(editor.document.getText(mojibake[0].range), 'âœ…');
      const code = mojibake[0].code as { value: string; target: vscode.Uri };
      assert.match(code.target.toString(), /docs\/rules\/mojibake\.md$/);
      await until('a claims diagnostic', withRule(editor.document.uri, 'pass-without-measurement'));
    });

    it('explains a finding on hover', async () => {
      const editor = await openReport();
      const [d] = await until('a mojibake diagnostic', withRule(editor.document.uri, 'mojibake'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, d.range.start);
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /U\+2705/, 'the hover names the character the run was');
    });

    it('repairs mojibake with the quick fix', async () => {
      const editor = await openReport();
      const [d] = await until('a mojibake diagnostic', withRule(editor.document.uri, 'mojibake'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const repair = actions.find((a) => a.isPreferred && a.edit);
      assert.ok(repair, `a preferred repair among: ${actions.map((a) => a.title).join('; ')}`);
      assert.ok(await vscode.workspace.applyEdit(repair.edit!));
      assert.match(editor.document.lineAt(d.range.start.line).text, /^Status: ✅ PASS$/);
    });

    it('fixes every certain problem in the file with one command', async () => {
      const editor = await openReport();
      await until('a mojibake diagnostic', withRule(editor.document.uri, 'mojibake'));
      await vscode.commands.executeCommand('readinessLint.fixAllInFile');
      await until('the repair', () => (editor.document.getText().includes('Status: ✅ PASS') ? true : undefined));
      assert.ok(!editor.document.getText().includes('âœ…'));
    });

    it('follows a change of the readinessLint.rules setting', async () => {
      const editor = await openReport();
      await until('a mojibake diagnostic', withRule(editor.document.uri, 'mojibake'));
      const config = vscode.workspace.getConfiguration('readinessLint');
      await config.update('rules', { mojibake: 'off' }, vscode.ConfigurationTarget.Workspace);
      try {
        await until('mojibake to be off', async () => ((await withRule(editor.document.uri, 'mojibake')()) ? undefined : true));
      } finally {
        await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await until('mojibake back on', withRule(editor.document.uri, 'mojibake'));
    });

    it('inserts a methodology section on demand, once', async () => {
      const editor = await openReport();
      await until('diagnostics', withRule(editor.document.uri, 'mojibake'));
      await vscode.commands.executeCommand('readinessLint.insertMethodologySection');
      const text = await until('the section', () => (/^## .*Methodology/m.test(editor.document.getText()) ? editor.document.getText() : undefined));
      assert.match(text, /TODO/);
      await vscode.commands.executeCommand('readinessLint.insertMethodologySection');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(editor.document.getText().match(/Methodology/g)?.length, text.match(/Methodology/g)?.length, 'running it twice never inserts twice');
    });
  });
}
