import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ConfigResolver, isIgnored, isIncluded } from '../../server/src/config/resolve';
import { configJsonSchema } from '../../server/src/config/schema';
import { workspace } from '../helpers';

const resolve = (file: string, options = {}) => new ConfigResolver().resolve(file, options);

describe('discovery', () => {
  test('from the file\'s own folder upward, nearer files overriding farther ones', () => {
    const dir = workspace({
      '.readiness-lint.json': '{ "rules": { "mojibake": "warning", "not-utf8": "info" } }',
      'docs/.readiness-lint.json': '{ "rules": { "mojibake": "off" } }',
      'docs/a.md': '',
      'b.md': '',
    });
    const nested = resolve(path.join(dir, 'docs/a.md'));
    assert.deepEqual(nested.errors, []);
    assert.equal(nested.config.rules.mojibake.severity, 'off');
    assert.equal(nested.config.rules['not-utf8'].severity, 'info');
    assert.deepEqual(nested.config.files, [path.join(dir, '.readiness-lint.json'), path.join(dir, 'docs/.readiness-lint.json')]);
    assert.equal(resolve(path.join(dir, 'b.md')).config.rules.mojibake.severity, 'warning');
  });

  test('root: true stops the search', () => {
    const dir = workspace({
      '.readiness-lint.json': '{ "rules": { "not-utf8": "off" } }',
      'sub/.readiness-lint.json': '{ "root": true }',
      'sub/a.md': '',
    });
    assert.equal(resolve(path.join(dir, 'sub/a.md')).config.rules['not-utf8'].severity, 'error');
  });

  test('extends: the extending file wins, paths are relative to it', () => {
    const dir = workspace({
      'shared/base.json': '{ "rules": { "mojibake": "info", "not-utf8": "warning" }, "reports": "always" }',
      'project/.readiness-lint.json': '{ "extends": "../shared/base.json", "rules": { "mojibake": "error" } }',
      'project/r.md': '',
    });
    const { config, errors } = resolve(path.join(dir, 'project/r.md'));
    assert.deepEqual(errors, []);
    assert.equal(config.rules.mojibake.severity, 'error');
    assert.equal(config.rules['not-utf8'].severity, 'warning');
    assert.equal(config.reports, 'always');
  });

  test('editor settings sit under configuration files, CLI flags above them', () => {
    const dir = workspace({ '.readiness-lint.json': '{ "rules": { "mojibake": "warning" } }', 'a.md': '' });
    const file = path.join(dir, 'a.md');
    assert.equal(resolve(file, { settings: { rules: { mojibake: 'info' } } }).config.rules.mojibake.severity, 'warning');
    assert.equal(resolve(file, { settings: { reports: 'never' } }).config.reports, 'never');
    assert.equal(resolve(file, { ruleOverrides: { mojibake: 'off' } }).config.rules.mojibake.severity, 'off');
  });

  test('--config replaces discovery', () => {
    const dir = workspace({ '.readiness-lint.json': '{ "rules": { "mojibake": "off" } }', 'other.json': '{}', 'a.md': '' });
    const r = resolve(path.join(dir, 'a.md'), { configFile: path.join(dir, 'other.json') });
    assert.equal(r.config.rules.mojibake.severity, 'error');
  });

  test('include and ignore globs are relative to their file', () => {
    const dir = workspace({ 'docs/.readiness-lint.json': '{ "include": ["perf/**"], "ignore": ["drafts/*.md"] }', 'docs/x.md': '' });
    const { config } = resolve(path.join(dir, 'docs/x.md'));
    assert.equal(isIncluded(config, path.join(dir, 'docs/perf/a/r.md')), true);
    assert.equal(isIncluded(config, path.join(dir, 'perf/r.md')), false);
    assert.equal(isIgnored(config, path.join(dir, 'docs/drafts/d.md')), true);
    assert.equal(isIgnored(config, path.join(dir, 'docs/d.md')), false);
  });
});

describe('invalid configuration: which field, and why, where', () => {
  const errorsOf = (content: string) => {
    const dir = workspace({ '.readiness-lint.json': content, 'a.md': '' });
    return resolve(path.join(dir, 'a.md')).errors;
  };

  test('a wrong severity names the rule and the allowed values', () => {
    const text = '{\n  "rules": { "mojibake": "loud" }\n}';
    const [e, ...rest] = errorsOf(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(e.path, ['rules', 'mojibake']);
    assert.match(e.message, /off|warning|error/);
    assert.equal(text.slice(e.span!.start, e.span!.end), '"mojibake": "loud"');
  });

  test('an unknown rule id is pointed at', () => {
    const text = '{ "rules": { "mojibak": "off" } }';
    const [e] = errorsOf(text);
    assert.match(e.message, /unknown key "mojibak"/);
    assert.equal(text.slice(e.span!.start, e.span!.end), '"mojibak": "off"');
  });

  test('broken JSON', () => {
    const [e] = errorsOf('{ "rules": { "mojibake": "off", } ');
    assert.match(e.message, /invalid JSON/);
    assert.ok(e.span);
  });

  test('a missing extends target and a cycle', () => {
    assert.match(errorsOf('{ "extends": "./nope.json" }')[0].message, /does not exist/);
    const dir = workspace({ 'a.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./a.json" }', 'r.md': '' });
    const r = resolve(path.join(dir, 'r.md'), { configFile: path.join(dir, 'a.json') });
    assert.match(r.errors[0].message, /cycle/);
  });

  test('valid parts still apply when another file is invalid, so the editor keeps working', () => {
    const dir = workspace({
      '.readiness-lint.json': '{ "rules": { "mojibake": "info" } }',
      'sub/.readiness-lint.json': '{ "rules": 5 }',
      'sub/a.md': '',
    });
    const r = resolve(path.join(dir, 'sub/a.md'));
    assert.equal(r.errors.length, 1);
    assert.equal(r.config.rules.mojibake.severity, 'info');
  });
});

test('the JSON Schema for editors comes from the same schema and lists every rule', () => {
  const schema = configJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
  assert.ok(schema.properties.rules.properties?.mojibake);
  assert.ok(schema.properties.extends);
  assert.ok(schema.properties.maxFileSize);
});
