// Expands the CLI's arguments to files: directories and globs to Markdown and text files
// (respecting .gitignore files, nested ones included); explicit files as given.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globby, isDynamicPattern, convertPathToPattern, type Options } from 'globby';

export const REPORT_EXTENSIONS = ['md', 'markdown', 'txt'];
const DIRECTORY_GLOB = `**/*.{${REPORT_EXTENSIONS.join(',')}}`;

export interface Expansion {
  files: string[];
  /** Arguments that matched nothing: a usage error, as ESLint treats them. */
  unmatched: string[];
  /** Directories that could not be listed (permissions): each a per-file error, the rest still checked. */
  unreadable: { path: string; error: string }[];
}

type Readdir = (dir: fs.PathLike, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: unknown[]) => void) => void;

/**
 * fast-glob (under globby) rejects the whole walk when one directory cannot be read; its
 * `suppressErrors` would hide the directory silently. This file system lists such a directory as
 * empty and records why, so the run goes on and the directory is reported.
 */
function recordingFs(unreadable: Expansion['unreadable']): Options['fs'] {
  const readdir: Readdir = (dir, options, callback) =>
    (fs.readdir as unknown as Readdir)(dir, options, (error, entries) => {
      if (error && (error.code === 'EACCES' || error.code === 'EPERM')) {
        unreadable.push({ path: path.normalize(String(dir)), error: `${error.code} ${error.message}` });
        callback(null, []);
      } else callback(error, entries);
    });
  return { ...fs, readdir } as unknown as Options['fs'];
}

export async function expandArguments(args: string[], cwd: string): Promise<Expansion> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const unreadable: Expansion['unreadable'] = [];
  const options: Options = { gitignore: true, absolute: true, cwd, dot: false, fs: recordingFs(unreadable) };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let found: string[];
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    const before = unreadable.length;
    if (stat?.isFile()) {
      found = [abs];
    } else if (stat?.isDirectory()) {
      found = await globby(`${convertPathToPattern(abs)}/${DIRECTORY_GLOB}`, options);
    } else if (isDynamicPattern(arg)) {
      found = await globby(arg, { ...options, onlyFiles: true });
    } else {
      found = [];
    }
    if (found.length === 0 && unreadable.length === before) unmatched.push(arg);
    for (const f of found.sort()) files.add(path.normalize(f));
  }
  const seen = new Set<string>();
  return { files: [...files], unmatched, unreadable: unreadable.filter((u) => !seen.has(u.path) && seen.add(u.path)) };
}
