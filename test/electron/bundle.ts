// Bundles the extension-host suite (suite/index.ts + its tests) into one CommonJS file the extension host can
// load with `--extensionTestsPath`. Used by run.ts (desktop VS Code) and by scripts/test-vscode.mjs (code-server),
// which runs it as `node --import tsx test/electron/bundle.ts [outfile]`.
import * as esbuild from 'esbuild';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const SUITE_BUNDLE = path.join(ROOT, 'out/electron/index.js');

/** Writes the bundle (default out/electron/index.js, inside the extension so the extension's host runs it). */
export async function bundleSuite(outfile = SUITE_BUNDLE): Promise<string> {
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // mocha is resolved from the project's node_modules at run time; vscode is the extension host's API.
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

if (require.main === module) {
  bundleSuite(process.argv[2] ? path.resolve(process.argv[2]) : undefined).then(
    (file) => process.stdout.write(`${file}\n`),
    (error) => {
      process.stderr.write(`bundle: ${(error as Error)?.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
