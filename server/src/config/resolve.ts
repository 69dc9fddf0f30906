// Finds and merges the configuration for one file, the same way in the editor and the CLI:
// `.readiness-lint.json` files from the file's own folder upward (nearer ones override farther
// ones; `root: true` stops the search), each with its `extends`, over the editor settings and
// the defaults, under the CLI's --rule flags. Configuration is data: nothing is executed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ActiveSeverity } from '../core/types';
import { rules } from '../rules/registry';
import { configFileSchema, type ConfigFile, type Settings, type SeverityName } from './schema';
import { readConfigFile, type ConfigError } from './read';

export const CONFIG_FILE_NAME = '.readiness-lint.json';
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

/** A glob together with the folder it is relative to. */
export interface AnchoredGlob {
  base: string;
  pattern: string;
}

export interface RuleConfig {
  severity: SeverityName;
  options: unknown;
}

export interface EffectiveConfig {
  rules: Record<string, RuleConfig>;
  reports: 'auto' | 'always' | 'never';
  include: AnchoredGlob[];
  ignore: AnchoredGlob[];
  maxFileSize: number;
  /** The configuration files that contributed, farthest first. */
  files: string[];
}

export interface Resolved {
  config: EffectiveConfig;
  errors: ConfigError[];
}

export interface ResolveOptions {
  /** Use this file (and its extends) instead of searching for .readiness-lint.json files. */
  configFile?: string;
  /** Editor settings: above the defaults, below configuration files. */
  settings?: Settings;
  /** CLI --rule flags: above everything. */
  ruleOverrides?: Record<string, SeverityName>;
}

export function defaultConfig(): EffectiveConfig {
  return {
    rules: Object.fromEntries(
      rules.map((r) => [r.meta.id, { severity: r.meta.defaultSeverity, options: r.options?.parse(undefined) ?? {} }]),
    ),
    reports: 'auto',
    include: [],
    ignore: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    files: [],
  };
}

export class ConfigResolver {
  private readonly cache = new Map<string, { mtimeMs: number; result: ReturnType<typeof readConfigFile> }>();

  /** Forget cached files (after a configuration file changed on disk). */
  invalidate(): void {
    this.cache.clear();
  }

  resolve(filePath: string, options: ResolveOptions = {}): Resolved {
    const errors: ConfigError[] = [];
    const config = defaultConfig();
    if (options.settings) applySettings(config, options.settings, process.cwd());
    const chain = options.configFile
      ? [path.resolve(options.configFile)]
      : this.discover(path.dirname(path.resolve(filePath)));
    for (const file of chain) this.applyFile(config, file, errors, []);
    for (const [id, severity] of Object.entries(options.ruleOverrides ?? {})) {
      if (config.rules[id]) config.rules[id] = { ...config.rules[id], severity };
    }
    return { config, errors };
  }

  /** Configuration files from the filesystem root down to `dir`, stopping above a `root: true` file. */
  private discover(dir: string): string[] {
    const found: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      const candidate = path.join(d, CONFIG_FILE_NAME);
      if (fs.existsSync(candidate)) {
        found.unshift(candidate);
        if ((this.read(candidate).config as ConfigFile | undefined)?.root) break;
      }
      if (path.dirname(d) === d) break;
    }
    return found;
  }

  private read(file: string): ReturnType<typeof readConfigFile> {
    let mtimeMs = -1;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      // Missing: readConfigFile reports it.
    }
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit.result;
    const result = readConfigFile(file, configFileSchema);
    this.cache.set(file, { mtimeMs, result });
    return result;
  }

  private applyFile(config: EffectiveConfig, file: string, errors: ConfigError[], seen: string[]): void {
    if (seen.includes(file)) {
      errors.push({ file: seen[seen.length - 1], path: ['extends'], message: `"extends" makes a cycle: ${[...seen, file].join(' -> ')}` });
      return;
    }
    const read = this.read(file);
    for (const e of read.errors) if (!errors.includes(e)) errors.push(e);
    const data = read.config as ConfigFile | undefined;
    if (!data) return;
    const parents = data.extends === undefined ? [] : Array.isArray(data.extends) ? data.extends : [data.extends];
    for (const parent of parents) {
      const target = path.resolve(path.dirname(file), parent);
      if (!fs.existsSync(target)) {
        errors.push({ file, path: ['extends'], message: `"extends" names ${parent}, which does not exist (looked for ${target})`, span: read.spanOf(['extends']) });
        continue;
      }
      this.applyFile(config, target, errors, [...seen, file]);
    }
    applySettings(config, data, path.dirname(file));
    if (!config.files.includes(file)) config.files.push(file);
  }
}

function applySettings(config: EffectiveConfig, s: Settings, base: string): void {
  // The schema has already validated each rule's options and filled in their defaults.
  for (const [id, setting] of Object.entries(s.rules ?? {})) {
    const current = config.rules[id];
    if (setting === undefined || !current) continue;
    config.rules[id] =
      typeof setting === 'string'
        ? { ...current, severity: setting }
        : { severity: setting.severity ?? current.severity, options: 'options' in setting ? setting.options : current.options };
  }
  if (s.reports) config.reports = s.reports;
  if (s.maxFileSize) config.maxFileSize = s.maxFileSize;
  for (const pattern of s.include ?? []) config.include.push({ base, pattern });
  for (const pattern of s.ignore ?? []) config.ignore.push({ base, pattern });
}

function matches(globs: AnchoredGlob[], filePath: string): boolean {
  const abs = path.resolve(filePath);
  return globs.some((g) => {
    const rel = path.relative(g.base, abs).split(path.sep).join('/');
    return !rel.startsWith('../') && picomatch.isMatch(rel, g.pattern, { dot: true });
  });
}

export function isIgnored(config: EffectiveConfig, filePath: string): boolean {
  return matches(config.ignore, filePath);
}

export function isIncluded(config: EffectiveConfig, filePath: string): boolean {
  return matches(config.include, filePath);
}

export function severityOf(config: EffectiveConfig, ruleId: string): ActiveSeverity | 'off' {
  return config.rules[ruleId]?.severity ?? 'off';
}
