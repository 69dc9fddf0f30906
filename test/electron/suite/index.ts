// The extension host's entry for the suite: mocha, with the tests bundled beside it.
// With READINESS_LINT_SUITE_RESULTS set (scripts/test-vscode.mjs sets it for code-server's extension host, whose
// output the runner does not see), each test's outcome is also appended to that file as one JSON line:
//   {"event":"start","total":7} · {"event":"pass"|"fail"|"pending","title","suite","ms","error"?} · {"event":"end",...}
import * as fs from 'node:fs';
import Mocha from 'mocha';
import { register } from './extension.test';

function resultsWriter(file: string | undefined): (record: object) => void {
  if (!file) return () => {};
  return (record) => {
    try {
      fs.appendFileSync(file, `${JSON.stringify(record)}\n`);
    } catch {
      /* the runner reports a missing file */
    }
  };
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  register();
  const write = resultsWriter(process.env.READINESS_LINT_SUITE_RESULTS);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      write({ event: 'end', failures, passes: runner.stats?.passes ?? 0, ms: runner.stats?.duration ?? 0 });
      if (failures) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    write({ event: 'start', total: runner.total });
    runner.on('pass', (test) => write({ event: 'pass', title: test.title, suite: test.parent?.fullTitle(), ms: test.duration ?? 0 }));
    runner.on('pending', (test) => write({ event: 'pending', title: test.title, suite: test.parent?.fullTitle() }));
    runner.on('fail', (test, error: Error) =>
      write({ event: 'fail', title: test.title, suite: test.parent?.fullTitle(), ms: test.duration ?? 0, error: String(error?.stack ?? error).split('\n').slice(0, 8).join('\n') }),
    );
  });
}
