// The CLI run in-process, with its output captured.
import { main } from '../../server/src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], cwd: string, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdin: async () => Buffer.from(stdin),
    isTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}
