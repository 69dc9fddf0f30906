// Reads one configuration file and says precisely what is wrong with it: the JSON syntax error,
// or the zod path and message, each with the range in the file where it applies.
import * as fs from 'node:fs';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ZodType } from 'zod';
import type { Span } from '../core/types';

export interface ConfigError {
  file: string;
  /** Where in the configuration, as the zod path ("rules.mojibake"). */
  path: (string | number)[];
  message: string;
  /** Offsets in the configuration file's text, when known. */
  span?: Span;
}

export interface ReadConfig {
  config?: unknown;
  errors: ConfigError[];
  spanOf(path: (string | number)[]): Span | undefined;
}

export function readConfigFile(file: string, schema: ZodType): ReadConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { errors: [{ file, path: [], message: `cannot read the configuration file: ${(e as Error).message}` }], spanOf: () => undefined };
  }
  return parseConfigText(text, file, schema);
}

/** Parses configuration text (from disk, or an editor's unsaved buffer). */
export function parseConfigText(text: string, file: string, schema: ZodType): ReadConfig {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = text.length - body.length;
  const syntax: ParseError[] = [];
  const tree = parseTree(body, syntax, { allowTrailingComma: false, disallowComments: true });
  const spanOf = (path: (string | number)[]): Span | undefined => {
    if (!tree) return undefined;
    // The deepest node of the path that exists: an unknown key points at its parent object.
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, path.slice(0, n));
      if (node) {
        const target = node.parent?.type === 'property' && n === path.length ? node.parent : node;
        return { start: target.offset + shift, end: target.offset + target.length + shift };
      }
    }
    return undefined;
  };
  if (syntax.length) {
    return {
      errors: syntax.map((e) => ({
        file,
        path: [],
        message: `invalid JSON: ${printParseErrorCode(e.error)}`,
        span: { start: e.offset + shift, end: e.offset + Math.max(1, e.length) + shift },
      })),
      spanOf,
    };
  }
  const data = body.trim() === '' ? {} : JSON.parse(body);
  const parsed = schema.safeParse(data);
  if (parsed.success) return { config: parsed.data, errors: [], spanOf };
  return {
    errors: parsed.error.issues.map((raw) => {
      const issue = deepest(raw as Issue);
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      // An unknown key is shown on the key itself, not on the object around it.
      const at = issue.code === 'unrecognized_keys' && issue.keys?.length ? [...path, issue.keys[0]] : path;
      return { file, path, message: describeIssue(issue), span: spanOf(at) };
    }),
    spanOf,
  };
}

interface Issue {
  code: string;
  message: string;
  path: PropertyKey[];
  keys?: string[];
  errors?: Issue[][];
}

/** A union ("a severity, or an object") fails in every branch: report the branch that got furthest. */
function deepest(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return issue;
  const branches = issue.errors.map((b) => b[0]).filter((i): i is Issue => i !== undefined);
  const best = branches.reduce((a, b) => (b.path.length > a.path.length ? b : a), branches[0]);
  return best && best.path.length > 0 ? { ...deepest(best), path: [...issue.path, ...best.path] } : issue;
}

function describeIssue(issue: Issue): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_union') {
    return 'expected a severity ("off", "info", "warning", "error") or an object { "severity", "options" }';
  }
  return issue.message;
}

/** "rules.mojibake: Invalid option ..." */
export function formatConfigError(e: ConfigError): string {
  const where = e.path.length ? `${e.path.join('.')}: ` : '';
  return `${where}${e.message}`;
}
