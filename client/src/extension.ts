// The VS Code extension: a thin client that starts the readiness-lint language server and
// adds what only an editor can: commands, a language status item, the output channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../../server/src/lsp/commands';

const STATUS_NOTIFICATION = 'readinessLint/status';
const DOCS_BASE_URL = 'https://github.com/readiness-lint/readiness-lint/blob/main/docs/rules/';

interface Status {
  uri: string;
  errors: number;
  warnings: number;
  infos: number;
  durationMs: number;
  reportChecks: boolean;
  skipped?: string;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Readiness Lint', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown' },
      { language: 'plaintext' },
      { pattern: '**/.readiness-lint.json' },
    ],
    // The settings: the server reads them with workspace/configuration, and is told when they change.
    synchronize: { configurationSection: 'readinessLint', fileEvents: vscode.workspace.createFileSystemWatcher('**/.readiness-lint.json') },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { settings: vscode.workspace.getConfiguration('readinessLint'), statusNotifications: true },
  };
  client = new LanguageClient('readinessLint', 'Readiness Lint', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('readinessLint.status', [
    { language: 'markdown' },
    { language: 'plaintext' },
  ]);
  status.name = 'Readiness Lint';
  status.text = 'Readiness Lint';
  status.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
  const statuses = new Map<string, Status>();
  const showStatus = () => {
    const s = statuses.get(vscode.window.activeTextEditor?.document.uri.toString() ?? '');
    if (!s) {
      status.text = 'Readiness Lint';
      status.detail = undefined;
      status.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const ms = s.durationMs < 10 ? s.durationMs.toFixed(1) : Math.round(s.durationMs).toString();
    status.text = s.skipped ? 'Readiness Lint: skipped' : `Readiness Lint: ${s.errors} errors, ${s.warnings} warnings`;
    status.detail = s.skipped ?? `analysed in ${ms} ms${s.reportChecks ? '' : ' · encoding checks only (not a report)'}`;
    status.severity = s.errors ? vscode.LanguageStatusSeverity.Error : s.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };

  context.subscriptions.push(
    output,
    status,
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.commands.registerCommand('readinessLint.fixAllInFile', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor && client) await client.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.fixAll, arguments: [editor.document.uri.toString()] });
    }),
    vscode.commands.registerCommand('readinessLint.insertMethodologySection', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      const result = await client.sendRequest<{ inserted: boolean; reason?: string }>('workspace/executeCommand', {
        command: SERVER_COMMANDS.insertMethodologySection,
        arguments: [editor.document.uri.toString()],
      });
      if (!result.inserted && result.reason) void vscode.window.showInformationMessage(`Readiness Lint: ${result.reason}`);
    }),
    vscode.commands.registerCommand('readinessLint.showDocumentation', async (ruleId?: string) => {
      const id = ruleId ?? (await vscode.window.showInputBox({ prompt: 'Rule id', placeHolder: 'mojibake' }));
      if (id) await vscode.env.openExternal(vscode.Uri.parse(`${DOCS_BASE_URL}${id}.md`));
    }),
    vscode.commands.registerCommand('readinessLint.showConfiguration', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      const config = await client.sendRequest('workspace/executeCommand', {
        command: SERVER_COMMANDS.effectiveConfiguration,
        arguments: [editor.document.uri.toString()],
      });
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(config, null, 2) });
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.commands.registerCommand('readinessLint.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('readinessLint.showOutput', () => output.show()),
  );

  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) {
      void vscode.window
        .showErrorMessage('The Readiness Lint server stopped.', 'Restart', 'Show Output')
        .then((choice) => (choice === 'Restart' ? client?.restart() : choice === 'Show Output' ? output.show() : undefined));
    }
  });
  await client.start();
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (s: Status) => {
      statuses.set(s.uri, s);
      showStatus();
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
