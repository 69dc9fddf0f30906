// The extension host's entry for the suite: mocha, with the tests bundled beside it.
import Mocha from 'mocha';
import { register } from './extension.test';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  register();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
