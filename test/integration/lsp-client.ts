// A minimal LSP client over stdio for the tests: starts the real server bundle and talks JSON-RPC.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeParams, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers';

export class TestClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly pushed = new Map<string, Diagnostic[]>();
  readonly notifications: { method: string; params: unknown }[] = [];
  stderr = '';

  constructor(args: string[] = ['--stdio']) {
    this.process = spawn(process.execPath, [path.join(ROOT, 'bin/readiness-lint-server.js'), ...args], { stdio: 'pipe' });
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.pushed.set(p.uri, p.diagnostics);
    });
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize(pull: boolean): Promise<unknown> {
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          publishDiagnostics: { relatedInformation: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown'] },
        },
      },
      workspaceFolders: null,
      initializationOptions: { statusNotifications: true },
    };
    const result = await this.connection.sendRequest('initialize', params);
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(file: string, text: string, languageId = 'markdown'): string {
    const uri = pathToFileURL(file).toString();
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    return report.items;
  }

  async waitForPush(uri: string, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const start = Date.now();
    while (!this.pushed.has(uri)) {
      if (Date.now() - start > timeoutMs) throw new Error(`no diagnostics pushed for ${uri}; server stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.pushed.get(uri)!;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    this.process.kill();
  }
}
