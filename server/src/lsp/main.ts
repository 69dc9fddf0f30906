// Entry point of `readiness-lint-server`: the language server over stdio, IPC or a socket.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VERSION } from '../version';
import { startServer } from './server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const args = process.argv.slice(2);

if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (!args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)))) {
  process.stderr.write(
    'readiness-lint-server: the readiness-lint language server.\n' +
      'Usage: readiness-lint-server --stdio   (or --node-ipc, --socket=PORT, --pipe=NAME)\n',
  );
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  // A bug in one request must not take the editor's linting down with it.
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  startServer(connection);
}
