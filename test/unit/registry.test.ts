// Every rule is complete: a unique stable id, a category, a doc page, fixtures, and a row in the README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/rules/registry';
import { ROOT } from '../helpers';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test('rule ids are unique kebab-case', () => {
  const ids = rules.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});

for (const rule of rules) {
  const { id, category } = rule.meta;
  test(`${id}: documented, tested and listed`, () => {
    assert.ok(['claims', 'arithmetic', 'encoding', 'methodology'].includes(category));
    const doc = path.join(ROOT, 'docs/rules', `${id}.md`);
    assert.ok(fs.existsSync(doc), `docs/rules/${id}.md`);
    assert.match(fs.readFileSync(doc, 'utf8'), new RegExp(`^# ${id}\\b`), 'the page is titled with the id');
    const fixtures = path.join(ROOT, 'test/fixtures/rules', id);
    assert.ok(fs.existsSync(fixtures) && fs.readdirSync(fixtures).some((f) => f.endsWith('.expect')), `fixtures in test/fixtures/rules/${id}/`);
    assert.ok(README.includes(`[\`${id}\`](docs/rules/${id}.md)`), `README's rule table lists ${id}`);
  });
}
