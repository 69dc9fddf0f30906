// The extension's manifest and its code agree. VS Code's language client registers every command
// the server executes as a VS Code command; one that the extension registers too makes activation
// fail ("command already exists"), which only a real VS Code shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as path from 'node:path';
import { SERVER_COMMANDS } from '../../server/src/lsp/commands';
import { ROOT } from '../helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
const registered = [...fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8').matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);

test('the server executes no command the extension registers', () => {
  const server = Object.values(SERVER_COMMANDS);
  assert.deepEqual(server.filter((id) => contributed.includes(id) || registered.includes(id)), []);
});

test('every contributed command is registered by the extension, and the other way round', () => {
  assert.deepEqual([...contributed].sort(), [...registered].sort());
});
