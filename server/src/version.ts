// The tool's version: inlined by the bundler; read from package.json when run from source.
import * as fs from 'node:fs';
import * as path from 'node:path';

declare const __READINESS_LINT_VERSION__: string | undefined;

function fromPackageJson(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (pkg.name === 'readiness-lint') return pkg.version;
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

export const VERSION: string =
  typeof __READINESS_LINT_VERSION__ === 'string' ? __READINESS_LINT_VERSION__ : fromPackageJson();
