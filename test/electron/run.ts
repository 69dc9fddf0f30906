// npm run test:electron: the extension-host suite (test/electron/suite) in desktop VS Code, through
// @vscode/test-electron. It downloads VS Code unless VSCODE_EXECUTABLE_PATH names one; where
// neither is possible (machines without access to Microsoft's update servers) it says so and exits
// with 2, or with 0 under --skip-unavailable. The suite is bundled first (the extension host loads
// JavaScript), and runs on a copy of test/electron/workspace.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { bundleSuite } from './bundle';

const ROOT = path.resolve(__dirname, '../..');

async function vscodeExecutable(): Promise<string | undefined> {
  const local = process.env.VSCODE_EXECUTABLE_PATH;
  if (local) {
    if (!fs.existsSync(local)) throw new Error(`VSCODE_EXECUTABLE_PATH=${local} does not exist`);
    return local;
  }
  try {
    return await downloadAndUnzipVSCode(process.env.VSCODE_VERSION ?? 'stable');
  } catch (error) {
    process.stderr.write(
      `test:electron: no desktop VS Code available (${(error as Error).message.split('\n')[0]}).\n` +
        'Set VSCODE_EXECUTABLE_PATH to a VS Code binary, or run where update.code.visualstudio.com is reachable.\n' +
        'The same extension behaviour is tested in a real VS Code here by npm run test:vscode (code-server).\n',
    );
    return undefined;
  }
}

async function main(): Promise<number> {
  const bundle = await bundleSuite();
  const executable = await vscodeExecutable();
  if (!executable) return process.argv.includes('--skip-unavailable') ? 0 : 2;

  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-lint-electron-'));
  fs.cpSync(path.join(__dirname, 'workspace'), workspace, { recursive: true });
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: bundle,
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`test:electron: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  },
);
