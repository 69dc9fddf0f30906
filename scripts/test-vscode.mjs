#!/usr/bin/env node
// `npm run test:vscode`: the packaged extension (readiness-lint.vsix) in a real VS Code (code-server, VS Code OSS
// served to a browser), driven through its UI by headless Chromium with playwright-core.
//
// Installs what it needs itself, once, outside the project's dependencies:
//   - Debian packages (apt-get, only those missing): code-server's native build needs + ripgrep + chromium
//   - code-server and playwright-core into $READINESS_LINT_VSCODE_CACHE (default ~/.cache/readiness-lint-vscode)
// Then builds the .vsix (`npm run package`), installs it into a fresh code-server, opens a temporary workspace of
// reports and checks, each as a named step with a screenshot in test/vscode/artifacts/<step>.png:
//   activation + Problems panel, hover, quick fix, fix-all on save, live updates, invalid .readiness-lint.json.
// Check g then runs the extension-host mocha suite of `npm run test:electron` (test/electron/suite, the `vscode` API)
// in code-server's extension host: a second code-server, the extension loaded from this folder as the extension under
// development, the workbench opened with the `payload` URL parameter (extensionDevelopmentPath, extensionTestsPath),
// as @vscode/test-web does; code-server's CLI refuses --extensionDevelopmentPath/--extensionTestsPath themselves.
// Each test's outcome comes back through a JSON-lines file (READINESS_LINT_SUITE_RESULTS, written by the suite), the
// extension host's exit code through window.codeAutomationExit; the output is in test/vscode/artifacts/g-suite.log.
//
// Options: --skip-package (reuse readiness-lint.vsix, and dist/ for check g), --only=a,b,g,activation (run some checks),
//          --keep (keep the temp dir).
// Environment: READINESS_LINT_VSCODE_CACHE, READINESS_LINT_VSCODE_TIMEOUT_MS (default 15 min),
//              READINESS_LINT_SUITE_TIMEOUT_MS (check g, default 8 min),
//              READINESS_LINT_CHROMIUM (default /usr/bin/chromium), READINESS_LINT_SEEDS (default ../shared/fixtures/seeds),
//              READINESS_LINT_VSCODE_VSIX (test this .vsix instead of building one).
// Exit code: 0 all checks passed, 1 a check or the setup failed, 124 the total timeout.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import util from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; the last code-server that runs on Node 20
const PLAYWRIGHT_VERSION = '1.65.1';
// code-server's @vscode/ripgrep downloads ripgrep from GitHub in its postinstall unless this tarball is in its cache.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_TAG = 'v13.0.0-10';
// fonts-noto-color-emoji: without it the screenshots show ✅ as a box.
const APT_PACKAGES = ['libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev', 'pkg-config', 'ripgrep', 'chromium', 'fonts-noto-color-emoji'];
const CACHE = path.resolve(process.env.READINESS_LINT_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'readiness-lint-vscode'));
const CHROMIUM = process.env.READINESS_LINT_CHROMIUM || '/usr/bin/chromium';
const SEEDS = path.resolve(process.env.READINESS_LINT_SEEDS || path.join(ROOT, '..', 'shared', 'fixtures', 'seeds'));
const ARTIFACTS = path.join(ROOT, 'test', 'vscode', 'artifacts');
const VSIX = path.resolve(process.env.READINESS_LINT_VSCODE_VSIX || path.join(ROOT, 'readiness-lint.vsix'));
const TOTAL_TIMEOUT_MS = Number(process.env.READINESS_LINT_VSCODE_TIMEOUT_MS || 15 * 60_000);
const SUITE_TIMEOUT_MS = Number(process.env.READINESS_LINT_SUITE_TIMEOUT_MS || 8 * 60_000);
const SEED = '004_7fec090cc70680d6.txt'; // mojibake + claims findings (statistic-mismatch, summary-contradicts-results)

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[test:vscode ${elapsed()}] ${msg}`);

// ---------------------------------------------------------------------------------------------------------------
// Cleanup and the overall timeout: whatever happens, code-server and the browser go away.
const cleanups = [];
let cleaning = false;
async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  for (const fn of cleanups.reverse()) {
    try {
      await Promise.race([fn(), new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      /* best effort */
    }
  }
}
const watchdog = setTimeout(async () => {
  console.error(`[test:vscode] FAIL: total timeout of ${TOTAL_TIMEOUT_MS / 1000}s exceeded`);
  await cleanup();
  process.exit(124);
}, TOTAL_TIMEOUT_MS);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

function run(cmd, argv, opts = {}) {
  // Synchronous children would hold off the watchdog: give each the time that is left.
  const timeout = Math.max(1000, TOTAL_TIMEOUT_MS - (Date.now() - started));
  const r = spawnSync(cmd, argv, { stdio: 'inherit', timeout, killSignal: 'SIGKILL', ...opts });
  if (r.error) throw r.error;
  if (r.signal) throw new Error(`${cmd} ${argv.join(' ')} killed by ${r.signal} (total timeout)`);
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited with ${r.status}`);
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Installs (idempotent, cached).
function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
  if (!missing.length) {
    log(`setup: Debian packages present (${APT_PACKAGES.join(' ')})`);
    return;
  }
  log(`setup: installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...argv) => (process.getuid?.() === 0 ? run('apt-get', argv, { env }) : run('sudo', ['-E', 'apt-get', ...argv], { env }));
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', ...missing);
}

function installedVersion(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(CACHE, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function ensureNpmPackages() {
  const haveCodeServer = installedVersion('code-server') === CODE_SERVER_VERSION && fs.existsSync(codeServerBin());
  const havePlaywright = installedVersion('playwright-core') === PLAYWRIGHT_VERSION;
  if (haveCodeServer && havePlaywright) {
    log(`setup: code-server@${CODE_SERVER_VERSION} and playwright-core@${PLAYWRIGHT_VERSION} cached in ${CACHE}`);
    return;
  }
  fs.mkdirSync(CACHE, { recursive: true });
  if (!fs.existsSync(path.join(CACHE, 'package.json'))) {
    fs.writeFileSync(path.join(CACHE, 'package.json'), JSON.stringify({ name: 'readiness-lint-vscode-cache', private: true }, null, 2) + '\n');
  }
  // The ripgrep tarball @vscode/ripgrep's postinstall looks for before downloading from GitHub: Debian's rg.
  const tmp = path.join(CACHE, 'tmp');
  const rgCache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const tarball = path.join(rgCache, `ripgrep-${RIPGREP_TAG}-x86_64-unknown-linux-musl.tar.gz`);
  if (!fs.existsSync(tarball)) {
    fs.mkdirSync(rgCache, { recursive: true });
    const stage = fs.mkdtempSync(path.join(tmp, 'rg-'));
    fs.copyFileSync('/usr/bin/rg', path.join(stage, 'rg'));
    fs.chmodSync(path.join(stage, 'rg'), 0o755);
    run('tar', ['-czf', tarball, '-C', stage, 'rg']);
    fs.rmSync(stage, { recursive: true, force: true });
  }
  const wanted = [
    ...(haveCodeServer ? [] : [`code-server@${CODE_SERVER_VERSION}`]),
    ...(havePlaywright ? [] : [`playwright-core@${PLAYWRIGHT_VERSION}`]),
  ];
  log(`setup: npm install --prefix ${CACHE} ${wanted.join(' ')} (code-server builds native modules: ~2 min)`);
  run('npm', ['install', '--prefix', CACHE, '--no-audit', '--no-fund', '--loglevel=error', ...wanted], {
    cwd: CACHE,
    env: {
      ...process.env,
      TMPDIR: tmp,
      npm_config_unsafe_perm: 'true', // code-server's postinstall, as root
      npm_config_yes: 'true', // its `npx node-gyp`
    },
  });
  if (installedVersion('code-server') !== CODE_SERVER_VERSION || installedVersion('playwright-core') !== PLAYWRIGHT_VERSION) {
    throw new Error(`npm install into ${CACHE} did not leave the expected versions`);
  }
}

function codeServerBin() {
  return path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

// ---------------------------------------------------------------------------------------------------------------
// 2. The workspace: a seed report, a hand-written report, a report for fix-on-save, the configuration file.
const STATUS_MD = [
  '# Checkout service: load test',
  '',
  'Status: âœ… PASS',
  '',
  'The service handled the planned load.',
  '',
].join('\n');
const FIXME_MD = [
  '# Nightly results',
  '',
  'Build: âœ… green',
  'Range: 10â€“20 ms',
  '',
  'Notes:',
  '',
].join('\n');
const VALID_CONFIG = JSON.stringify({ rules: { mojibake: 'error' } }, null, 2) + '\n';
const INVALID_CONFIG = '{"rules": {"mojibake": "loud"}}';

function makeWorkspace(base) {
  const ws = path.join(base, 'workspace');
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.copyFileSync(path.join(SEEDS, SEED), path.join(ws, SEED));
  fs.writeFileSync(path.join(ws, 'status.md'), STATUS_MD);
  fs.writeFileSync(path.join(ws, 'fixme.md'), FIXME_MD);
  fs.writeFileSync(path.join(ws, '.readiness-lint.json'), VALID_CONFIG);
  fs.writeFileSync(
    path.join(ws, '.vscode', 'settings.json'),
    JSON.stringify({ 'editor.codeActionsOnSave': { 'source.fixAll.readinessLint': 'explicit' } }, null, 2) + '\n',
  );
  return { ws, userData: writeUserData(base), extensions: path.join(base, 'extensions') };
}

function writeUserData(base) {
  const userData = path.join(base, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'files.autoSave': 'off',
        'editor.hover.delay': 150,
        'editor.minimap.enabled': false,
        'editor.wordWrap': 'off',
        'editor.accessibilitySupport': 'off',
        // Text typed by the test lands as typed.
        'editor.autoClosingBrackets': 'never',
        'editor.autoClosingQuotes': 'never',
        'editor.autoSurround': 'never',
        'editor.autoIndent': 'none',
        'editor.formatOnSave': false,
        'editor.formatOnType': false,
        'editor.suggestOnTriggerCharacters': false,
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        'workbench.editor.enablePreview': false,
        'problems.autoReveal': false,
        'chat.commandCenter.enabled': false,
        'window.commandCenter': false,
        'readinessLint.trace.server': 'off',
      },
      null,
      2,
    ) + '\n',
  );
  return userData;
}

function cliFindings(file) {
  // The same core, through the CLI: what the editor should show for this file.
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'readiness-lint.js'), 'check', '-f', 'json', file], { encoding: 'utf8' });
  const [result] = JSON.parse(r.stdout);
  return result.messages;
}

// ---------------------------------------------------------------------------------------------------------------
// 3. code-server.
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function codeServerArgs(dirs) {
  return ['--config', path.join(dirs.userData, 'config.yaml'), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--disable-telemetry', '--disable-update-check'];
}

async function startCodeServer(dirs, logFile, env = {}) {
  const port = await freePort();
  const out = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [codeServerBin(), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-workspace-trust', '--disable-getting-started-override', ...codeServerArgs(dirs), dirs.ws],
    { stdio: ['ignore', out, out], detached: true, env: { ...process.env, VSCODE_PROXY_URI: '', ...env } },
  );
  fs.closeSync(out);
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const gone = await new Promise((r) => {
      const t = setTimeout(() => r(false), 3000);
      child.once('exit', () => (clearTimeout(t), r(true)));
    });
    if (!gone) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };
  cleanups.push(stop);
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`${url}healthz`);
      if (res.ok) return { url, child, stop };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer on ${url} within 60s; see ${logFile}`);
}

// ---------------------------------------------------------------------------------------------------------------
// 4. The UI driver.
class Workbench {
  constructor(page) {
    this.page = page;
  }

  async runCommand(label) {
    const { page } = this;
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${label}`);
    // The row whose label is exactly this command (with or without its category), not a fuzzy neighbour.
    const exact = new RegExp(`(^|: )${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  }

  async openFile(name) {
    const { page } = this;
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(name);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: 15_000 });
    await this.focusEditor();
  }

  async focusEditor() {
    await this.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  }

  async gotoLine(line, column = 1) {
    const { page } = this;
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: 10_000 });
  }

  /** Errors and warnings in the status bar's problems item (all files). */
  async problemCounts() {
    const text = (await this.page.locator('[id="status.problems"]').first().textContent()) ?? '';
    const [errors, warnings] = (text.match(/\d+/g) ?? []).map(Number);
    return { errors, warnings };
  }

  async waitFor(fn, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await fn();
        if (last) return last;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout}ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
      await new Promise((r) => setTimeout(r, interval));
    }
  }

  async save() {
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  }

  async filterProblems(text) {
    const input = this.page.locator('.viewpane-filter input[aria-label="Filter Problems"]');
    await input.fill(text);
  }

  async problemRows() {
    return this.page.locator('.markers-panel .monaco-list-row').allTextContents();
  }

  async editorLineTexts() {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').allTextContents();
  }

  async activeEditorText() {
    // Monaco renders only the visible lines; the texts use non-breaking spaces.
    return (await this.editorLineTexts()).map((l) => l.replace(/\u00a0/g, ' '));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 5. The checks.
const results = [];
let notActive = ''; // once the extension is known not to have activated, the later checks fail at once
async function check(id, title, page, fn) {
  if (only && !only.includes(id)) return;
  if (notActive) {
    results.push({ id, title, ok: false });
    console.log(`FAIL ${id}. ${title}: not run (check a: ${notActive}; the extension is not working)`);
    return;
  }
  const shot = path.join(ARTIFACTS, `${id}-${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  const t0 = Date.now();
  let error;
  let detail = '';
  try {
    detail = (await fn()) ?? '';
  } catch (e) {
    error = e;
  }
  try {
    await page.screenshot({ path: shot });
  } catch {
    /* the page may be gone */
  }
  const ms = Date.now() - t0;
  results.push({ id, title, ok: !error });
  if (error) console.log(`FAIL ${id}. ${title} (${ms} ms): ${error.message.split('\n')[0]}\n     screenshot: ${path.relative(ROOT, shot)}`);
  else console.log(`PASS ${id}. ${title} (${ms} ms)${detail ? `: ${detail}` : ''}\n     screenshot: ${path.relative(ROOT, shot)}`);
}

async function main() {
  log(`cache ${CACHE}`);
  ensureAptPackages();
  ensureNpmPackages();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);

  // Checks a-f (and the activation time) test the packaged .vsix through the UI; check g the suite through the API.
  const uiChecks = !only || only.some((c) => c !== 'g');
  const suite = !only || only.includes('g');
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (uiChecks && !process.env.READINESS_LINT_VSCODE_VSIX && (!flag('skip-package') || !fs.existsSync(VSIX))) {
    log('build: npm run package');
    run('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  } else if (suite && (!flag('skip-package') || !fs.existsSync(path.join(ROOT, 'dist', 'client.js')))) {
    log('build: node scripts/build.mjs (dist/ for the extension under development)');
    run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }

  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-lint-vscode-'));
  cleanups.unshift(async () => {
    // Keep VS Code's logs (extension host, the Readiness Lint output channel) beside the screenshots.
    if (fs.existsSync(path.join(base, 'user-data', 'logs'))) fs.cpSync(path.join(base, 'user-data', 'logs'), path.join(ARTIFACTS, 'logs'), { recursive: true });
    if (!flag('keep')) fs.rmSync(base, { recursive: true, force: true });
  });

  const require = createRequire(path.join(CACHE, 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  cleanups.push(() => browser.close());
  log(`chromium ${browser.version()}`);

  if (uiChecks) {
    try {
      await runUi(base, browser);
    } catch (e) {
      if (!suite) throw e;
      console.error(`[test:vscode] FAIL: checks a-f: ${e.stack ?? e}`);
      results.push({ id: 'setup', ok: false });
    }
  }
  if (suite) await runSuite(base, browser);
}

async function runUi(base, browser) {
  log(`build: ${path.relative(ROOT, VSIX)} is ${(fs.statSync(VSIX).size / 1024).toFixed(1)} KiB`);
  const dirs = makeWorkspace(base);
  log(`code-server: --install-extension ${path.relative(ROOT, VSIX)}`);
  const inst = spawnSync(process.execPath, [codeServerBin(), ...codeServerArgs(dirs), '--install-extension', VSIX], { encoding: 'utf8', timeout: 120_000 });
  if (inst.status !== 0 || !/successfully installed/i.test(inst.stdout + inst.stderr)) {
    throw new Error(`--install-extension failed:\n${inst.stdout}\n${inst.stderr}`);
  }
  const logFile = path.join(ARTIFACTS, 'code-server.log');
  const { url, stop } = await startCodeServer(dirs, logFile);
  log(`code-server: serving ${dirs.ws} at ${url} (log: ${path.relative(ROOT, logFile)})`);

  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const wb = new Workbench(page);
    log('opening the workbench');
    await page.goto(`${url}?folder=${encodeURIComponent(dirs.ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('[id="status.problems"]').waitFor({ timeout: 60_000 });
    // The explorer lists the workspace once the remote file system answers.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'status.md' }).waitFor({ timeout: 60_000 });
    log('workbench ready');

    const seedExpected = JSON.parse(fs.readFileSync(path.join(SEEDS, 'expected.json'), 'utf8')).files.find((f) => f.file === SEED);
    const seedCli = cliFindings(path.join(dirs.ws, SEED));
    await runChecks(wb, page, dirs, seedExpected, seedCli);
  } finally {
    // Free the two cores for check g.
    await context.close().catch(() => {});
    await stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 6. Check g: the extension-host suite of `npm run test:electron`, in code-server's (remote) extension host.
async function runSuite(base, browser) {
  const t0 = Date.now();
  const head = 'g. the extension-host suite (mocha, vscode API)';
  const fail = (why) => {
    results.push({ id: 'g', title: head, ok: false });
    console.log(`FAIL ${head} (${Date.now() - t0} ms): ${why}`);
  };
  log('g: bundling test/electron/suite (test/electron/bundle.ts)');
  const bundle = path.join(ROOT, 'out', 'electron', 'index.js'); // inside the extension: its extension host runs it
  run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'electron', 'bundle.ts'), bundle], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

  // The workspace of test/electron/run.ts: a copy of test/electron/workspace.
  const sbase = path.join(base, 'suite');
  const ws = path.join(sbase, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'electron', 'workspace'), ws, { recursive: true });
  const dirs = { ws, userData: writeUserData(sbase), extensions: path.join(sbase, 'extensions') };
  const resultsFile = path.join(sbase, 'results.jsonl');
  const logFile = path.join(ARTIFACTS, 'g-code-server.log');
  const output = [];
  const server = await startCodeServer(dirs, logFile, { READINESS_LINT_SUITE_RESULTS: resultsFile });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const seen = { start: undefined, end: undefined, tests: [] };
  let read = 0;
  const poll = () => {
    // New lines of the results file: print each test's outcome as it comes.
    let text = '';
    try {
      text = fs.readFileSync(resultsFile, 'utf8');
    } catch {
      return;
    }
    const lines = text.split('\n');
    lines.pop(); // an unfinished line waits for the next poll
    for (const line of lines.slice(read)) {
      read += 1;
      let r;
      try {
        r = JSON.parse(line);
      } catch {
        continue;
      }
      if (r.event === 'start') seen.start = r;
      else if (r.event === 'end') seen.end = r;
      else {
        const n = seen.tests.length + 1;
        seen.tests.push(r);
        if (r.event === 'pending') {
          console.log(`SKIP g${n}. ${r.title} (pending in the suite)`);
          continue;
        }
        const ok = r.event === 'pass';
        results.push({ id: `g${n}`, title: r.title, ok });
        if (ok) console.log(`PASS g${n}. ${r.title} (${r.ms} ms)`);
        else console.log(`FAIL g${n}. ${r.title} (${r.ms} ms)\n     ${String(r.error).split('\n').join('\n     ')}`);
      }
    }
  };
  const poller = setInterval(poll, 250);
  try {
    const page = await context.newPage();
    let exited;
    const exit = new Promise((r) => (exited = r));
    // The workbench calls these when tests run from the command line (as with @vscode/test-web).
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      output.push(`[${type}] ${util.format(...(Array.isArray(args) ? args : [args]))}`);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      for (const l of Array.isArray(logs) ? logs : []) {
        const rel = path.normalize(String(l?.relativePath ?? '')).replace(/^(\.\.(\/|$))+/, '');
        if (!rel || rel === '.') continue;
        const file = path.join(ARTIFACTS, 'g-logs', 'browser', rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, String(l.contents ?? ''));
      }
      exited(code);
    });
    const host = new URL(server.url).host;
    const remote = (p) => `vscode-remote://${host}${encodeURI(p)}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(bundle)],
    ]);
    log(`g: code-server at ${server.url} (log: ${path.relative(ROOT, logFile)}), ${ROOT} as the extension under development`);
    await page.goto(`${server.url}?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    const limit = Math.max(1000, Math.min(SUITE_TIMEOUT_MS, TOTAL_TIMEOUT_MS - (Date.now() - started) - 15_000));
    let timer;
    const outcome = await Promise.race([
      exit.then((code) => ({ code })),
      new Promise((r) => server.child.once('exit', (code, signal) => r({ error: `code-server exited (${signal ?? code}); see ${path.relative(ROOT, logFile)}` }))),
      new Promise((r) => {
        // No start within 2 minutes: the tests were never loaded; otherwise the suite's own limit.
        const t1 = Date.now();
        const startLimit = Math.min(limit, 120_000);
        timer = setInterval(() => {
          if (!seen.start && Date.now() - t1 > startLimit) r({ error: `the suite did not start within ${Math.round(startLimit / 1000)} s (no "start" in the results file)` });
          else if (Date.now() - t1 > limit) r({ error: `the suite did not finish within ${Math.round(limit / 1000)} s` });
        }, 500);
      }),
    ]);
    clearInterval(timer);
    clearInterval(poller);
    await new Promise((r) => setTimeout(r, 100));
    poll();
    await page.screenshot({ path: path.join(ARTIFACTS, 'g-suite.png') }).catch(() => {});
    const summary = seen.end ? `${seen.end.passes} passed, ${seen.end.failures} failed of ${seen.start?.total}` : 'no end of run';
    if (outcome.error) fail(`${outcome.error}; ${summary}; output: ${path.relative(ROOT, path.join(ARTIFACTS, 'g-suite.log'))}`);
    else if (!seen.start || !seen.end) fail(`the extension host exited with ${outcome.code} but the suite ${seen.start ? 'did not finish' : 'never started'} (see test/vscode/artifacts/g-suite.log)`);
    else if (seen.end.failures || outcome.code !== 0) {
      // The failed tests are listed above; this line only says why when none is (a failed hook, a non-zero exit).
      if (!seen.tests.some((t) => t.event === 'fail')) fail(`extension host exit code ${outcome.code}, ${summary}`);
      log(`g: ${summary} (exit code ${outcome.code}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } else if (seen.tests.length !== seen.start.total) fail(`${seen.tests.length} test outcomes for ${seen.start.total} tests`);
    else log(`g: ${summary} in the extension host (exit code 0) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    fail(e.message.split('\n')[0]);
  } finally {
    clearInterval(poller);
    fs.writeFileSync(path.join(ARTIFACTS, 'g-suite.log'), output.join('\n') + '\n');
    await context.close().catch(() => {});
    await server.stop();
    if (fs.existsSync(path.join(dirs.userData, 'logs'))) fs.cpSync(path.join(dirs.userData, 'logs'), path.join(ARTIFACTS, 'g-logs'), { recursive: true });
  }
}

async function runChecks(wb, page, dirs, seedExpected, seedCli) {
  const count = (msgs, sev) => msgs.filter((m) => m.severityName === sev).length;
  const seedErrors = count(seedCli, 'error');
  const seedWarnings = count(seedCli, 'warning');
  const inRange = (line, [from, to]) => line >= from && line <= to;
  // A claims finding the careful reviewer expects (expected.json `must`) that the core reports (CLI, same build).
  const claimsRules = new Set(['pass-without-measurement', 'pass-without-target', 'verdict-contradicts-figures', 'summary-contradicts-results', 'statistic-mismatch', 'soak-test-too-short', 'production-controls-off']);
  const claim = seedCli.find((m) => claimsRules.has(m.ruleId) && seedExpected.must.some((x) => x.category === 'claims' && inRange(m.line, x.lines)));
  const moji = seedCli.find((m) => m.ruleId === 'mojibake' && seedExpected.encoding_lines.includes(m.line));
  let activeErrors = 0; // errors in the status bar after the previous step
  const readDisk = (name) => fs.readFileSync(path.join(dirs.ws, name), 'utf8');

  await check('a', 'activation and Problems panel', page, async () => {
    if (!claim || !moji) throw new Error(`the CLI finds no claims/mojibake finding that expected.json expects in ${SEED}`);
    const t0 = Date.now();
    await wb.openFile(SEED);
    const want = `${seedErrors} errors, ${seedWarnings} warnings`;
    try {
      await wb.waitFor(async () => {
        const c = await wb.problemCounts();
        return c.errors === seedErrors && c.warnings === seedWarnings;
      }, { timeout: 45_000, what: `the status bar to count ${want} (as the CLI does)` });
    } catch (e) {
      const counts = await wb.problemCounts();
      if (!counts.errors && !counts.warnings) notActive = 'no diagnostics at all';
      throw new Error(`${e.message}; status bar: ${JSON.stringify(counts)}`);
    }
    const firstDiagnosticsMs = Date.now() - t0;
    activeErrors = seedErrors;
    await wb.runCommand('Focus on Problems View');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    for (const m of [moji, claim]) {
      await wb.filterProblems(m.ruleId);
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: `[Ln ${m.line}, Col ${m.column}]` }).filter({ hasText: m.ruleId });
      await row.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
        throw new Error(`no ${m.ruleId} row at Ln ${m.line}, Col ${m.column}; rows: ${JSON.stringify(await wb.problemRows())}`);
      });
      const text = await row.first().textContent();
      if (!text.includes('readiness-lint')) throw new Error(`row without the source "readiness-lint": ${text}`);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'a-problems-filtered.png') });
    await wb.filterProblems('');
    return `${want} on ${SEED} ${firstDiagnosticsMs} ms after opening it (activation + server start + analysis); rows ${moji.ruleId} @${moji.line} and ${claim.ruleId} @${claim.line} with source readiness-lint`;
  });

  await check('b', 'hover shows the evidence', page, async () => {
    await wb.openFile('status.md');
    await wb.waitFor(async () => (await wb.problemCounts()).errors === activeErrors + 1, { what: 'the mojibake in status.md to be counted' });
    activeErrors += 1;
    await wb.gotoLine(3, 10);
    const hover = page.locator('.monaco-hover .hover-contents', { hasText: 'decoded as windows-1252' }).first();
    // The mouse over the squiggle, as a user would; then the keyboard (Show or Focus Hover) if no hover came.
    let how = 'mouse';
    const squiggle = page.locator('.editor-group-container.active .monaco-editor .view-overlays .squiggly-error').first();
    try {
      const box = await squiggle.boundingBox({ timeout: 5000 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4, { steps: 4 });
      await hover.waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      how = 'keyboard';
      await page.mouse.move(5, 5);
      await wb.gotoLine(3, 10);
      await wb.runCommand('Show or Focus Hover');
      await hover.waitFor({ state: 'visible', timeout: 10_000 });
    }
    // VS Code's marker hover shows the diagnostic at once; the server's hover (evidence, rule link, category and
    // severity) follows it into the same widget (on a loaded machine, seconds later).
    // Polled on the widget's text: a second locator for it can resolve to another, hidden .monaco-hover node.
    const widget = page.locator('.monaco-hover').filter({ hasText: 'decoded as windows-1252' }).first();
    const fromServer = /mojibake\s*·\s*encoding\s*·\s*error/;
    await wb.waitFor(async () => fromServer.test((await widget.textContent({ timeout: 1000 })) ?? ''), { timeout: 20_000 }).catch(async () => {
      throw new Error(`no hover from the server (rule · category · severity): ${JSON.stringify(await widget.textContent())}`);
    });
    const text = (await widget.textContent()) ?? '';
    for (const want of ['âœ…', '✅', 'mojibake']) if (!text.includes(want)) throw new Error(`hover lacks ${JSON.stringify(want)}: ${text}`);
    await page.mouse.move(5, 5);
    return `hover (${how}): ${JSON.stringify(text.replace(/\s+/g, " ").slice(0, 160))}…`;
  });

  await check('c', 'quick fix (Ctrl+.) repairs the mojibake', page, async () => {
    await page.keyboard.press('Escape');
    await wb.gotoLine(3, 10);
    await page.keyboard.press('Control+Period');
    const title = 'Replace "âœ…" with "✅"';
    const item = page.locator('.action-widget .monaco-list-row', { hasText: title });
    await item.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      throw new Error(`no "${title}" in the quick fix menu: ${JSON.stringify(await page.locator('.action-widget .monaco-list-row').allTextContents())}`);
    });
    const offered = await page.locator('.action-widget .monaco-list-row').allTextContents();
    await page.screenshot({ path: path.join(ARTIFACTS, 'c-quick-fix-menu.png') });
    // Keyboard, as a user would: move the focus to the repair and press Enter.
    for (let i = 0; i < offered.length && !(await page.locator('.action-widget .monaco-list-row.focused', { hasText: title }).count()); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: 5000 });
    await page.keyboard.press('Enter');
    await wb.waitFor(async () => (await wb.activeEditorText())[2] === 'Status: ✅ PASS', { what: 'line 3 to read "Status: ✅ PASS"' });
    await wb.waitFor(async () => (await wb.problemCounts()).errors === activeErrors - 1, { what: 'the error count to drop by one' });
    activeErrors -= 1;
    await wb.save();
    await wb.waitFor(() => readDisk('status.md').includes('Status: ✅ PASS\n'), { what: 'status.md on disk to hold the repair' });
    return `menu: ${offered.filter(Boolean).join(' | ').slice(0, 150)}`;
  });

  await check('d', 'fix-all on save (editor.codeActionsOnSave)', page, async () => {
    await wb.openFile('fixme.md');
    await wb.waitFor(async () => (await wb.problemCounts()).errors === activeErrors + 2, { what: 'the 2 mojibake errors of fixme.md to be counted' });
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('checked');
    await wb.save();
    await wb.waitFor(() => readDisk('fixme.md').includes('checked'), { what: 'fixme.md to be saved' });
    const disk = readDisk('fixme.md');
    const want = FIXME_MD.replace('âœ…', '✅').replace('â€“', '–') + 'checked';
    if (disk !== want) throw new Error(`fixme.md on disk:\n${disk}\nexpected:\n${want}`);
    await wb.waitFor(async () => (await wb.problemCounts()).errors === activeErrors, { what: 'the error count to drop back' });
    return 'fixme.md on disk: "Build: ✅ green", "Range: 10–20 ms"';
  });

  await check('e', 'typing updates the diagnostics', page, async () => {
    await wb.openFile('status.md');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('Result: â€” done');
    const t0 = Date.now();
    await wb.waitFor(async () => (await wb.problemCounts()).errors === activeErrors + 1, { timeout: 2500, interval: 25, what: 'the typed mojibake to be counted within 2.5 s' });
    const ms = Date.now() - t0;
    activeErrors += 1;
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    const t1 = Date.now();
    await wb.waitFor(async () => (await wb.problemCounts()).errors === activeErrors - 1, { timeout: 2500, interval: 25, what: 'the deleted mojibake to leave the count within 2.5 s' });
    activeErrors -= 1;
    return `new error counted ${ms} ms after typing; gone ${Date.now() - t1} ms after deleting it`;
  });

  await check('f', 'invalid .readiness-lint.json is reported; reports still checked', page, async () => {
    await wb.openFile('.readiness-lint.json');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(INVALID_CONFIG);
    await wb.save();
    await wb.waitFor(() => readDisk('.readiness-lint.json').trim() === INVALID_CONFIG, { what: 'the invalid configuration on disk' }).catch(() => {
      throw new Error(`.readiness-lint.json on disk: ${readDisk('.readiness-lint.json')}`);
    });
    await wb.runCommand('Focus on Problems View');
    await wb.filterProblems('Invalid configuration');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Invalid configuration' });
    await row.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      throw new Error(`no "Invalid configuration" problem: ${JSON.stringify(await wb.problemRows())}`);
    });
    const text = (await row.first().textContent()) ?? '';
    if (!/mojibake/.test(text) || !text.includes('readiness-lint')) throw new Error(`unexpected config problem: ${text}`);
    const fileRow = await page.locator('.markers-panel .monaco-list-row', { hasText: '.readiness-lint.json' }).count();
    if (!fileRow) throw new Error('the problem is not under .readiness-lint.json');
    await page.screenshot({ path: path.join(ARTIFACTS, 'f-config-problem.png') });
    await wb.filterProblems('');
    const before = (await wb.problemCounts()).errors;
    await wb.openFile('status.md');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('Latency: 5â€“8 ms');
    await wb.waitFor(async () => (await wb.problemCounts()).errors === before + 1, { timeout: 5000, what: 'a new mojibake in status.md to be counted with the configuration broken' });
    return `problem: ${JSON.stringify(text.slice(0, 120))}; a new mojibake in status.md still counted`;
  });

  if (!only || only.includes('activation')) {
    try {
      await wb.runCommand('Developer: Show Running Extensions');
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Readiness Lint' }).first();
      await row.waitFor({ timeout: 10_000 });
      const text = (await row.textContent()) ?? '';
      await page.screenshot({ path: path.join(ARTIFACTS, 'activation-running-extensions.png') });
      const m = text.match(/(?:Startup )?Activation:?\s*([\d.,]+\s*ms)/i);
      log(`activation time (Developer: Show Running Extensions): ${m ? m[1] : `not found in ${JSON.stringify(text)}`}`);
    } catch (e) {
      log(`activation time: not measured (${e.message.split('\n')[0]})`);
    }
  }
}

/** Errors from the extension host's log and the Readiness Lint output channel (copied to the artifacts). */
function logErrors() {
  const logs = path.join(ARTIFACTS, 'logs');
  if (!fs.existsSync(logs)) return [];
  const found = [];
  for (const f of fs.readdirSync(logs, { recursive: true })) {
    if (!/(exthost|Readiness Lint)\.log$/.test(f)) continue;
    const text = fs.readFileSync(path.join(logs, f), 'utf8');
    for (const m of text.matchAll(/^.*\[error\] (.*readiness-lint.*|.*Readiness Lint.*|.*)\n(?:.*\[error\] )?(.*)$/gm)) {
      if (/readiness|Readiness/.test(m[0]) || /Readiness Lint/.test(f)) found.push(`${path.basename(f)}: ${m[1]} ${m[2]}`.trim());
    }
  }
  return [...new Set(found)];
}

try {
  await main();
} catch (e) {
  console.error(`[test:vscode] FAIL: ${e.stack ?? e}`);
  results.push({ id: 'setup', ok: false });
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
const failed = results.filter((r) => !r.ok);
if (failed.length) {
  const errors = logErrors();
  if (errors.length) console.log(`Errors logged by the extension (test/vscode/artifacts/logs):\n${errors.slice(0, 6).map((e) => `  ${e}`).join('\n')}`);
}
log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length || !results.length ? 1 : 0);
