// The language server: the analysis core behind LSP. Pull diagnostics where the client supports
// them, push otherwise; hover with the evidence; quick fixes, suppressions and fix-all.
import * as fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import { disableForFileFix, disableForLineFix } from '../core/disable';
import { applyFixes } from '../core/fixes';
import { CONFIG_FILE_NAME, ConfigResolver, type EffectiveConfig } from '../config/resolve';
import { parseConfigText, formatConfigError, type ConfigError } from '../config/read';
import { configFileSchema, settingsSchema, type Settings } from '../config/schema';
import { buildModel } from '../model/document';
import { LineIndex } from '../model/lines';
import { markdownCache, type MarkdownCache } from '../model/markdown';
import { ruleDocsUrl } from '../rules/rule';
import { methodologySectionEdit } from '../rules/methodology-missing';
import { methodologyOptions } from '../rules/methodology-support';
import { VERSION } from '../version';
import { SERVER_COMMANDS } from './commands';
import { FIX_ALL_KIND, SOURCE, fixAction, toLspDiagnostic, toRange, toTextEdits } from './convert';

export const COMMANDS = SERVER_COMMANDS;
export const STATUS_NOTIFICATION = 'readinessLint/status';
/** How many documents keep their model in the cache, and how many their parsed blocks (see markUsed). */
const MODELS_KEPT = 2;
const BLOCKS_KEPT = 8;

/** Editor settings that are not analysis configuration. */
const EDITOR_ONLY = ['enable', 'trace', 'logLevel', 'debounceMs'];

interface Cached {
  version: number;
  config: EffectiveConfig;
  analysis: Analysis;
  lines: LineIndex;
  lsp: LspDiagnostic[];
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const resolver = new ConfigResolver();
  const cache = new Map<string, Cached>();
  /** Documents by their last use, most recent first: the first MODELS_KEPT keep their model, the first BLOCKS_KEPT their blocks. */
  const recentlyUsed: string[] = [];
  /** Their parsed blocks, so that an edit re-parses only the blocks it touched. */
  const modelCaches = new Map<string, MarkdownCache>();
  const settingsCache = new Map<string, Promise<{ enabled: boolean; settings: Settings; debounceMs: number }>>();
  const pushTimers = new Map<string, NodeJS.Timeout>();
  const configUrisWithErrors = new Set<string>();
  let pull = false;
  let configurationChangeRegistration = false;
  let configurationCapability = false;
  let showDocumentCapability = false;
  let statusNotifications = false;
  /** Settings from initializationOptions, replaced by any didChangeConfiguration that carries them. */
  let pushedSettings: unknown;

  const isConfigFile = (uri: string) => uri.endsWith(`/${CONFIG_FILE_NAME}`);
  const filePathOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

  connection.onInitialize((params): InitializeResult => {
    pull = params.capabilities.textDocument?.diagnostic !== undefined;
    configurationCapability = params.capabilities.workspace?.configuration === true;
    configurationChangeRegistration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    showDocumentCapability = params.capabilities.window?.showDocument?.support === true;
    statusNotifications = params.initializationOptions?.statusNotifications === true;
    pushedSettings = params.initializationOptions?.settings;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'readiness-lint', version: VERSION },
    };
  });

  async function settingsFor(uri: string) {
    let hit = settingsCache.get(uri);
    if (!hit) {
      hit = (async () => {
        const raw = configurationCapability
          ? await connection.workspace.getConfiguration({ scopeUri: uri, section: 'readinessLint' })
          : pushedSettings;
        const record = (raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {}) as Record<string, unknown>;
        const enabled = record.enable !== false;
        const debounceMs = typeof record.debounceMs === 'number' ? record.debounceMs : 200;
        for (const k of EDITOR_ONLY) delete record[k];
        // VS Code fills unset settings with null or empty defaults: they mean "not set".
        for (const [k, v] of Object.entries(record)) if (v === null || (Array.isArray(v) && v.length === 0)) delete record[k];
        const parsed = settingsSchema.safeParse(record);
        if (!parsed.success) {
          connection.window.showWarningMessage(
            `Readiness Lint: ignoring invalid settings: ${parsed.error.issues.map((i) => `readinessLint.${i.path.join('.')}: ${i.message}`).join('; ')}`,
          );
        }
        return { enabled, settings: parsed.success ? parsed.data : {}, debounceMs };
      })();
      settingsCache.set(uri, hit);
    }
    return hit;
  }

  const notUtf8OnDisk = new Map<string, { mtimeMs: number; bytes?: Uint8Array }>();

  /**
   * The bytes of a file on disk that is not UTF-8, so that the analysis says so as the CLI does.
   * An editor may have decoded such a file as Latin-1 without a word; its text is then no guide.
   */
  function bytesFor(uri: string, text: string): Uint8Array | undefined {
    const file = filePathOf(uri);
    if (!file || /^[\x00-\x7f]*$/.test(text)) return undefined;
    try {
      const { mtimeMs } = fs.statSync(file);
      const hit = notUtf8OnDisk.get(uri);
      if (hit && hit.mtimeMs === mtimeMs) return hit.bytes;
      const bytes = fs.readFileSync(file);
      const entry = { mtimeMs, bytes: isUtf8(bytes) ? undefined : bytes };
      notUtf8OnDisk.set(uri, entry);
      return entry.bytes;
    } catch {
      return undefined; // not on disk (yet): the text is all there is
    }
  }

  /**
   * The analysis of a document's current version, cached. `needModel`: the caller reads the document
   * model (code actions, commands); only the most recently used documents keep theirs (see markUsed).
   */
  async function analysisOf(doc: TextDocument, needModel = false): Promise<Cached | undefined> {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) {
      if (needModel && !hit.analysis.model && !hit.analysis.skipped) {
        // The findings stand; only the model was let go. It is the same built again (from the parsed
        // blocks, when they were kept), without running the rules.
        const model = buildModel(doc.getText(), modelCacheOf(doc.uri));
        cache.set(doc.uri, { ...hit, analysis: { ...hit.analysis, model } });
      }
      markUsed(doc.uri);
      return cache.get(doc.uri);
    }
    const { enabled, settings } = await settingsFor(doc.uri);
    if (!enabled) return undefined;
    const text = doc.getText();
    const filePath = filePathOf(doc.uri);
    const started = performance.now();
    const resolved = resolver.resolve(filePath ?? `${process.cwd()}/untitled.md`, { settings });
    reportConfigErrors(resolved.errors);
    const analysis = analyze({ text, filePath, bytes: bytesFor(doc.uri, text), config: resolved.config, modelCache: modelCacheOf(doc.uri) });
    for (const f of analysis.failures) connection.console.error(`rule ${f.ruleId} failed on ${doc.uri}: ${(f.error as Error)?.stack ?? f.error}`);
    const lines = analysis.model?.lines ?? new LineIndex(text);
    const lsp = analysis.diagnostics.map((d, key) => toLspDiagnostic(d, lines, doc.uri, key));
    if (analysis.skipped) {
      lsp.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: SOURCE, message: analysis.skipped });
    }
    const entry = { version: doc.version, config: resolved.config, analysis, lines, lsp };
    // Only the newest version is kept: an older run finishing late must not win.
    if ((documents.get(doc.uri)?.version ?? doc.version) === doc.version) {
      cache.set(doc.uri, entry);
      markUsed(doc.uri);
    }
    const count = (s: string) => analysis.diagnostics.filter((d) => d.severity === s).length;
    if (statusNotifications) void connection.sendNotification(STATUS_NOTIFICATION, {
      uri: doc.uri,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      durationMs: performance.now() - started,
      reportChecks: analysis.reportChecks,
      skipped: analysis.skipped,
    });
    return entry;
  }

  function modelCacheOf(uri: string): MarkdownCache {
    let modelCache = modelCaches.get(uri);
    if (!modelCache) modelCaches.set(uri, (modelCache = markdownCache()));
    return modelCache;
  }

  /**
   * A document model takes megabytes (every line's figures and verdicts), and its parsed blocks as
   * much again; diagnostics and hovers need neither. With many documents open, only the MODELS_KEPT
   * most recently used keep their model (a code action on another builds it again), and the
   * BLOCKS_KEPT most recently used their blocks (an edit to another parses all its blocks again).
   */
  function markUsed(uri: string): void {
    const at = recentlyUsed.indexOf(uri);
    if (at >= 0) recentlyUsed.splice(at, 1);
    recentlyUsed.unshift(uri);
    for (const dropped of recentlyUsed.slice(MODELS_KEPT)) {
      const entry = cache.get(dropped);
      if (entry?.analysis.model) cache.set(dropped, { ...entry, analysis: { ...entry.analysis, model: undefined } });
    }
    for (const dropped of recentlyUsed.splice(BLOCKS_KEPT)) modelCaches.delete(dropped);
  }

  function reportConfigErrors(errors: ConfigError[]): void {
    const byFile = new Map<string, ConfigError[]>();
    for (const e of errors) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    for (const [file, list] of byFile) {
      const uri = pathToFileURL(file).toString();
      if (documents.get(uri)) continue; // an open config file is checked from its buffer
      publishConfigDiagnostics(uri, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', list);
    }
  }

  const publishedConfig = new Map<string, string>();

  function publishConfigDiagnostics(uri: string, text: string, errors: ConfigError[]): void {
    const lines = new LineIndex(text);
    if (errors.length) configUrisWithErrors.add(uri);
    else configUrisWithErrors.delete(uri);
    const key = JSON.stringify(errors.map((e) => [e.span, formatConfigError(e)]));
    if (publishedConfig.get(uri) === key) return;
    publishedConfig.set(uri, key);
    void connection.sendDiagnostics({
      uri,
      diagnostics: errors.map((e) => ({
        range: toRange(lines, e.span ?? { start: 0, end: 0 }),
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        message: `Invalid configuration: ${formatConfigError(e)}`,
      })),
    });
  }

  function checkConfigDocument(doc: TextDocument): void {
    const file = filePathOf(doc.uri) ?? doc.uri;
    publishConfigDiagnostics(doc.uri, doc.getText(), parseConfigText(doc.getText(), file, configFileSchema).errors);
  }

  async function push(doc: TextDocument): Promise<void> {
    const entry = await analysisOf(doc);
    if (documents.get(doc.uri)?.version !== doc.version) return; // superseded
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: entry?.lsp ?? [] });
  }

  function schedule(doc: TextDocument, immediate: boolean): void {
    if (isConfigFile(doc.uri)) {
      checkConfigDocument(doc);
      return;
    }
    if (pull) return;
    clearTimeout(pushTimers.get(doc.uri));
    void settingsFor(doc.uri).then(({ debounceMs }) => {
      clearTimeout(pushTimers.get(doc.uri));
      pushTimers.set(
        doc.uri,
        setTimeout(() => void push(doc).catch((e) => connection.console.error(String(e?.stack ?? e))), immediate ? 0 : debounceMs),
      );
    });
  }

  function refreshAll(): void {
    cache.clear();
    if (pull) void connection.languages.diagnostics.refresh();
    for (const doc of documents.all()) schedule(doc, true);
  }

  documents.onDidOpen((e) => schedule(e.document, true));
  documents.onDidChangeContent((e) => schedule(e.document, false));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    modelCaches.delete(e.document.uri);
    if (recentlyUsed.includes(e.document.uri)) recentlyUsed.splice(recentlyUsed.indexOf(e.document.uri), 1);
    publishedConfig.delete(e.document.uri);
    clearTimeout(pushTimers.get(e.document.uri));
    if (!pull || isConfigFile(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  documents.onDidSave((e) => {
    if (isConfigFile(e.document.uri)) {
      resolver.invalidate();
      refreshAll();
    }
  });

  // Clients that read settings through workspace/configuration only say they changed when asked to.
  connection.onInitialized(() => {
    if (configurationCapability && configurationChangeRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'readinessLint' });
    }
  });
  connection.onDidChangeConfiguration((params) => {
    // Clients that cannot answer workspace/configuration send the settings here instead.
    const sent = (params.settings as { readinessLint?: unknown } | null | undefined)?.readinessLint;
    if (sent !== undefined) pushedSettings = sent;
    settingsCache.clear();
    refreshAll();
  });
  connection.onDidChangeWatchedFiles(() => {
    resolver.invalidate();
    for (const uri of configUrisWithErrors) if (!documents.get(uri)) publishConfigDiagnostics(uri, '', []);
    refreshAll();
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || isConfigFile(doc.uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded', { retriggerRequest: true });
    const entry = await analysisOf(doc);
    return { kind: DocumentDiagnosticReportKind.Full, items: entry?.lsp ?? [] };
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const entry = doc && (await analysisOf(doc));
    if (!doc || !entry) return null;
    const offset = doc.offsetAt(params.position);
    const hits = entry.analysis.diagnostics.filter((d) => d.span.start <= offset && offset <= d.span.end);
    if (!hits.length) return null;
    const value = hits
      .map((d) => `${d.hover ?? d.message}\n\n[${d.ruleId}](${ruleDocsUrl(d.ruleId)}) · ${d.category} · ${d.severity}`)
      .join('\n\n---\n\n');
    const first = hits[0];
    return { contents: { kind: 'markdown', value }, range: toRange(entry.lines, first.span) };
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const entry = doc && (await analysisOf(doc, true));
    if (!doc || !entry || !entry.analysis.model) return [];
    const { analysis, lines } = entry;
    const model = analysis.model!;
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source));
    const actions: CodeAction[] = [];
    if (wantsFixAll) {
      const edits = fixAllEdits(entry);
      if (edits.length) actions.push({ title: 'Readiness Lint: fix all certain problems', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } });
      return actions;
    }
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return actions;
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const seenRules = new Set<string>();
    analysis.diagnostics.forEach((d, key) => {
      if (d.span.end < start || d.span.start > end) return;
      const lsp = entry.lsp[key];
      if (d.fix) actions.push(fixAction(doc.uri, lines, d.fix, lsp, d.fix.isPreferred === true));
      for (const s of d.suggestions ?? []) actions.push(fixAction(doc.uri, lines, s, lsp, false));
      if (seenRules.has(d.ruleId)) return;
      seenRules.add(d.ruleId);
      actions.push(fixAction(doc.uri, lines, disableForLineFix(model, d), lsp, false));
      actions.push(fixAction(doc.uri, lines, disableForFileFix(model, d.ruleId), lsp, false));
      actions.push({
        title: `Show documentation for ${d.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        command: { title: `Show documentation for ${d.ruleId}`, command: COMMANDS.showDocumentation, arguments: [d.ruleId] },
      });
    });
    if (analysis.diagnostics.some((d) => d.fix)) {
      const edits = fixAllEdits(entry);
      if (edits.length > 1) actions.push({ title: 'Fix all certain problems in this file', kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } });
    }
    return actions;
  });

  function fixAllEdits(entry: Cached) {
    const fixes = entry.analysis.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    const { applied } = applyFixes(entry.analysis.model!.text, fixes);
    return applied.flatMap((f) => toTextEdits(entry.lines, f));
  }

  connection.onExecuteCommand(async (params) => {
    if (params.command === COMMANDS.showDocumentation) {
      const url = ruleDocsUrl(String(params.arguments?.[0] ?? ''));
      if (showDocumentCapability) await connection.window.showDocument({ uri: url, external: true });
      else void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Documentation for ${params.arguments?.[0]}: ${url}` });
      return;
    }
    if (params.command === COMMANDS.fixAll) {
      const doc = documents.get(String(params.arguments?.[0] ?? ''));
      const entry = doc && (await analysisOf(doc, true));
      if (!doc || !entry?.analysis.model) return;
      const edits = fixAllEdits(entry);
      if (edits.length) await connection.workspace.applyEdit({ label: 'Readiness Lint: fix all', edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } });
      return;
    }
    if (params.command === COMMANDS.insertMethodologySection) {
      // The methodology-missing fix on demand: a section pre-filled with what the report states, or
      // the missing elements added to the section it has. Answers whether it changed the document.
      const doc = documents.get(String(params.arguments?.[0] ?? ''));
      const entry = doc && (await analysisOf(doc, true));
      const model = entry?.analysis.model;
      if (!doc || !entry || !model) return { inserted: false, reason: 'The document is not open, or Readiness Lint is disabled for it.' };
      const fix = methodologySectionEdit(model, methodologyOptions.parse(entry.config.rules['methodology-missing']?.options ?? undefined));
      if (!fix) return { inserted: false, reason: 'The methodology section already names every element the configuration requires.' };
      const edits = toTextEdits(entry.lines, fix);
      const { applied } = await connection.workspace.applyEdit({ label: fix.title, edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } });
      return { inserted: applied };
    }
    if (params.command === COMMANDS.effectiveConfiguration) {
      // What `readiness-lint config FILE` prints, plus the editor settings that took part.
      const uri = String(params.arguments?.[0] ?? '');
      const file = filePathOf(uri) ?? `${process.cwd()}/untitled.md`;
      const { settings } = await settingsFor(uri);
      const { config, errors } = resolver.resolve(file, { settings });
      return { file, ...config, editorSettings: settings, errors: errors.map((e) => `${e.file}: ${formatConfigError(e)}`) };
    }
    throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
  });

  documents.listen(connection);
  connection.listen();
}
