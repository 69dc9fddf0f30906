import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateReport } from '../../scripts/generate-reports';
import { cacheKey } from '../../server/src/cli/cache';
import { lintJobs, parseConcurrency, workersFor, WORKER_THRESHOLD } from '../../server/src/cli/pool';
import { parseShard, selectShard, shardOf } from '../../server/src/cli/shard';
import { ConfigResolver, defaultConfig } from '../../server/src/config/resolve';
import { rules } from '../../server/src/rules/registry';
import { VERSION } from '../../server/src/version';
import { ROOT, SEEDS, workspace } from '../helpers';
import { cli } from './cli-runner';

const BAD = '# Report\n\n## âœ… Results\n\nâ€” done\n';
const CACHE = '.readiness-lint-cache';

interface Result {
  filePath: string;
  messages: { ruleId: string; message: string; severityName: string; fix?: unknown }[];
}
const json = (stdout: string) => JSON.parse(stdout) as Result[];
const readCache = (dir: string, file = CACHE) =>
  JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { entries: Record<string, { key: string; messages: Result['messages'] }> };

/** Marks every stored message of `file`: a run that reports the mark took its result from the cache. */
function markCachedMessages(dir: string, file: string, key?: string): void {
  const data = readCache(dir);
  const entry = data.entries[path.join(dir, file)];
  assert.ok(entry, `an entry for ${file}`);
  for (const m of entry.messages) m.message = 'FROM CACHE';
  if (key) entry.key = key;
  fs.writeFileSync(path.join(dir, CACHE), JSON.stringify(data));
}
const fromCache = (r: Result) => r.messages.length > 0 && r.messages.every((m) => m.message === 'FROM CACHE');

describe('--cache', () => {
  test('a miss stores the messages, a hit reuses them, a changed file is analysed again', async () => {
    const dir = workspace({ 'a.md': BAD, 'b.md': BAD });
    const first = await cli(['check', '-f', 'json', '--cache', '.'], dir);
    assert.equal(first.code, 1);
    assert.deepEqual(Object.keys(readCache(dir).entries).sort(), [path.join(dir, 'a.md'), path.join(dir, 'b.md')]);
    const second = await cli(['check', '-f', 'json', '--cache', '.'], dir);
    assert.equal(second.stdout, first.stdout, 'a hit gives the same report');

    markCachedMessages(dir, 'a.md');
    markCachedMessages(dir, 'b.md');
    fs.writeFileSync(path.join(dir, 'b.md'), `${BAD}\nâ€” more\n`);
    const [a, b] = json((await cli(['check', '-f', 'json', '--cache', '.'], dir)).stdout);
    assert.ok(fromCache(a), 'unchanged a.md comes from the cache');
    assert.ok(!fromCache(b), 'changed b.md is analysed again');
    assert.equal(b.messages.length, 3);
  });

  test('a change of configuration invalidates, and so does --rule', async () => {
    const dir = workspace({ 'a.md': BAD });
    await cli(['check', '--cache', 'a.md'], dir);
    markCachedMessages(dir, 'a.md');
    assert.ok(fromCache(json((await cli(['check', '-f', 'json', '--cache', 'a.md'], dir)).stdout)[0]));

    fs.writeFileSync(path.join(dir, '.readiness-lint.json'), '{ "rules": { "mojibake": "warning" } }');
    const [configured] = json((await cli(['check', '-f', 'json', '--cache', 'a.md'], dir)).stdout);
    assert.ok(!fromCache(configured));
    assert.deepEqual(configured.messages.map((m) => m.severityName), ['warning', 'warning']);

    markCachedMessages(dir, 'a.md');
    const [overridden] = json((await cli(['check', '-f', 'json', '--cache', '--rule', 'mojibake=error', 'a.md'], dir)).stdout);
    assert.ok(!fromCache(overridden));
    assert.deepEqual(overridden.messages.map((m) => m.severityName), ['error', 'error']);
  });

  test('an entry written by another version (or rule set) is not used', async () => {
    const dir = workspace({ 'a.md': BAD });
    await cli(['check', '--cache', 'a.md'], dir);
    const file = path.join(dir, 'a.md');
    const config = new ConfigResolver().resolve(file).config;
    const bytes = fs.readFileSync(file);
    const keyFor = (version: string, ruleSet: string) =>
      createHash('sha256').update(`${version}\0${ruleSet}\0${JSON.stringify(config)}\0`).update(bytes).digest('hex');
    const ruleSet = rules.map((r) => r.meta.id).join(',');
    // The key is what this test recomputes, so the keys below differ from it in one part only.
    assert.equal(readCache(dir).entries[file].key, keyFor(VERSION, ruleSet));
    assert.equal(cacheKey({ filePath: file, bytes, config, fix: false }), keyFor(VERSION, ruleSet));

    for (const key of [keyFor(`${VERSION}-other`, ruleSet), keyFor(VERSION, `${ruleSet},some-new-rule`)]) {
      markCachedMessages(dir, 'a.md', key);
      const [result] = json((await cli(['check', '-f', 'json', '--cache', 'a.md'], dir)).stdout);
      assert.ok(!fromCache(result));
      assert.equal(readCache(dir).entries[file].key, keyFor(VERSION, ruleSet), 'rewritten with the current key');
    }
  });

  test('a corrupt or foreign cache file is ignored and rewritten', async () => {
    const dir = workspace({ 'a.md': BAD });
    const expected = (await cli(['check', '-f', 'json', 'a.md'], dir)).stdout;
    const corrupt = ['', 'not json', '{"layout":1,"entries":{', 'null', '[1,2]', '{"layout":99,"entries":{}}', `{"layout":1,"entries":{"${path.join(dir, 'a.md')}":{"key":5}}}`];
    for (const content of corrupt) {
      fs.writeFileSync(path.join(dir, CACHE), content);
      const r = await cli(['check', '-f', 'json', '--cache', 'a.md'], dir);
      assert.equal(r.code, 1, `cache ${JSON.stringify(content)}`);
      assert.equal(r.stdout, expected);
      assert.equal(r.stderr, '');
      assert.ok(readCache(dir).entries[path.join(dir, 'a.md')].key);
    }
  });

  test('--fix bypasses the cache for the files it changes', async () => {
    const dir = workspace({ 'a.md': BAD, 'clean.md': '# Fine\n\nAll good.\n' });
    await cli(['check', '--cache', '.'], dir);
    markCachedMessages(dir, 'a.md');
    const fixed = await cli(['check', '-f', 'json', '--cache', '--fix', '.'], dir);
    assert.equal(fixed.code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), '# Report\n\n## ✅ Results\n\n— done\n');
    assert.deepEqual(json(fixed.stdout).map((r) => r.messages), [[], []]);
    // The fixed file's new bytes miss, are analysed, and are stored.
    const again = await cli(['check', '-f', 'json', '--cache', '.'], dir);
    assert.equal(again.code, 0);
    assert.deepEqual(Object.keys(readCache(dir).entries).sort(), [path.join(dir, 'a.md'), path.join(dir, 'clean.md')]);
  });

  test('--quiet filters cached messages; --cache-location takes a file or a directory', async () => {
    const dir = workspace({ 'a.md': BAD, '.cache/keep': '' });
    await cli(['check', '--cache', '--cache-location', 'my-cache.json', '--rule', 'mojibake=warning', 'a.md'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'my-cache.json')));
    const quiet = await cli(['check', '-f', 'json', '--cache', '--cache-location', 'my-cache.json', '--quiet', '--rule', 'mojibake=warning', 'a.md'], dir);
    assert.deepEqual(json(quiet.stdout)[0].messages, []);
    await cli(['check', '--cache', '--cache-location', '.cache', 'a.md'], dir);
    assert.ok(readCache(dir, `.cache/${CACHE}`).entries[path.join(dir, 'a.md')]);
    assert.ok(!fs.existsSync(path.join(dir, CACHE)));
  });

  test('entries of files not in this run are kept while the files exist', async () => {
    const dir = workspace({ 'a.md': BAD, 'b.md': BAD });
    await cli(['check', '--cache', '.'], dir);
    await cli(['check', '--cache', 'a.md'], dir);
    assert.equal(Object.keys(readCache(dir).entries).length, 2);
    fs.rmSync(path.join(dir, 'b.md'));
    await cli(['check', '--cache', 'a.md'], dir);
    assert.deepEqual(Object.keys(readCache(dir).entries), [path.join(dir, 'a.md')]);
  });
});

describe('--shard', () => {
  const files = Array.from({ length: 60 }, (_, i) => `docs/${i % 4}/report-${i}.md`);

  test('every file is in exactly one shard, the same one from any checkout', async () => {
    const dir = workspace(Object.fromEntries(files.map((f) => [f, '# Fine\n'])));
    const shards: string[][] = [];
    for (let i = 1; i <= 4; i++) {
      const r = await cli(['check', '-f', 'json', '--shard', `${i}/4`, '.'], dir);
      assert.equal(r.code, 0);
      shards.push(json(r.stdout).map((x) => path.relative(dir, x.filePath)));
    }
    assert.deepEqual(shards.flat().sort(), [...files].sort());
    assert.ok(shards.every((s) => s.length > 0), 'shards are roughly balanced');
    const again = await cli(['check', '-f', 'json', '--shard', '3/4', '.'], dir);
    assert.deepEqual(json(again.stdout).map((x) => path.relative(dir, x.filePath)), shards[2]);
    // Only the path relative to the working directory decides.
    const elsewhere = files.map((f) => path.join('/some/other/checkout', f));
    assert.deepEqual(
      elsewhere.map((f) => shardOf(f, '/some/other/checkout', 4)),
      files.map((f) => shardOf(path.join(dir, f), dir, 4)),
    );
    assert.deepEqual(selectShard(files, { index: 1, count: 1 }, '.'), files);
  });

  test('i/n is validated', async () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '-1/2']) assert.equal(parseShard(bad), undefined, bad);
    const dir = workspace({ 'a.md': '# Fine\n' });
    assert.equal((await cli(['check', '--shard', '3/2', '.'], dir)).code, 2);
    assert.equal((await cli(['check', '--shard', '1/2', '-'], dir, 'text')).code, 2);
  });
});

describe('worker processes', () => {
  test('auto starts workers from the threshold on; numbers and off are taken as given', () => {
    assert.equal(workersFor(WORKER_THRESHOLD - 1, 'auto'), 1);
    assert.ok(workersFor(WORKER_THRESHOLD, 'auto') >= 1);
    assert.equal(workersFor(1000, 'off'), 1);
    assert.equal(workersFor(1000, 3), 3);
    assert.equal(workersFor(2, 3), 2);
    assert.deepEqual(['auto', 'off', '4', '0', 'x', '1.5'].map(parseConcurrency), ['auto', 'off', 4, undefined, undefined, undefined]);
  });

  test('a worker that dies loses the file it was on, and the pool goes on with the others', async () => {
    // A worker module that exits on one file and answers the others.
    const dir = workspace({
      'crashing-worker.js': "module.exports = (job) => { if (job.filePath.endsWith('dies.md')) process.exit(3); return { messages: [], failures: [] }; };\n",
    });
    const names = ['a.md', 'b.md', 'dies.md', 'c.md', 'd.md', 'e.md'];
    const jobs = names.map((name) => ({ filePath: path.join(dir, name), bytes: new Uint8Array(), config: defaultConfig(), fix: false }));
    const outcomes = await lintJobs(jobs, 2, path.join(dir, 'crashing-worker.js'));
    assert.equal(outcomes.length, names.length);
    outcomes.forEach((o, i) => {
      if (names[i] !== 'dies.md') return assert.deepEqual(o, { messages: [], failures: [] });
      assert.match(o.messages[0].message, /the worker analysing it exited: Error: Worker exited unexpectedly/);
      assert.equal(o.messages[0].ruleId, 'fatal');
      // A failure: reported on standard error, and kept out of the cache.
      assert.match(o.failures[0], /dies\.md/);
    });
  });

  test('the bundled CLI in worker processes reports exactly what it reports on one thread', () => {
    const reports: Record<string, string | Uint8Array> = {};
    for (let i = 0; i < 50; i++) reports[`reports/${String(i).padStart(2, '0')}.md`] = generateReport(15 + ((i * 17) % 30), 7000 + i);
    // One real report, mojibake and all, and one file that is not UTF-8.
    reports['seeds/004.txt'] = fs.readFileSync(path.join(SEEDS, '004_7fec090cc70680d6.txt'));
    reports['latin1.txt'] = Buffer.from('# Rapport\n\nR\xe9sultats: 99,5 % r\xe9ussis\n', 'latin1');
    const dir = workspace(reports);
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/worker.js')), 'the build bundles the worker');
    const run = (concurrency: string) => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/readiness-lint.js'), 'check', '-f', 'json', '--concurrency', concurrency, '.'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.stderr, '');
      return r;
    };
    const single = run('off');
    assert.equal(single.status, 1);
    assert.equal(json(single.stdout).length, Object.keys(reports).length);
    const threaded = run('2');
    assert.equal(threaded.status, single.status);
    assert.equal(threaded.stdout, single.stdout);
  });
});
