// File paths as people and CI services expect them: relative to the working directory, '/'-separated.
import * as path from 'node:path';

/** '<stdin>' (and any other non-absolute name) is shown as it is. */
export function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath;
  return path.relative(cwd, filePath).split(path.sep).join('/');
}
