// npm run bench (its last part): how the analysis time grows on adversarial inputs. Each family of
// test/adversarial-inputs.ts is timed at n, 4n and 16n (CPU time, best of 3): a linear family takes
// about 16x as long at 16n as at n, a quadratic one about 256x. The big inputs are timed once.
// Prints a table; asserts nothing (the tests check that each input is analysed soundly).
//   node --import tsx scripts/bench-adversarial.ts [name filter]
import * as os from 'node:os';
import { analyze, fixAll } from '../server/src/core/analyze';
import { ALWAYS, bigInputs, patterns, shapes, type Family } from '../test/adversarial-inputs';

/** Growth from n to 16n beyond which a family is called super-linear: 16x is linear, the rest is noise. */
const SUPER_LINEAR = 40;
/** Times below this are noise: ratios are taken against at least this much. */
const FLOOR_MS = 5;

const filter = new RegExp(process.argv[2] ?? '', 'i');
const ms = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(1)} ms`);
const size = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KiB` : `${n} B`);
const cell = (s: string) => s.replace(/\|/g, '\\|');

function cpu(f: () => unknown): number {
  const c0 = process.cpuUsage();
  f();
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / 1000;
}

function run(family: Family, text: string): void {
  const config = family.config ?? ALWAYS;
  if (family.mode === 'fixAll') fixAll({ text, config });
  else analyze({ text, config });
}

/** The best of three timings (the least disturbed by the rest of the machine); one when it is long. */
function best(family: Family, text: string): number {
  let t = cpu(() => run(family, text));
  for (let i = 1; i < 3 && t < 1000; i++) t = Math.min(t, cpu(() => run(family, text)));
  return t;
}

function main(): void {
  process.stdout.write(`Adversarial inputs: Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}; CPU time, best of 3\n\n`);
  const rows: string[][] = [];
  let superLinear = 0;
  for (const family of [...shapes, ...patterns].filter((f) => filter.test(f.name))) {
    run(family, family.make(family.n)); // warm up: compile the code paths this input takes
    const times = [1, 4, 16].map((k) => best(family, family.make(family.n * k)));
    const growth = times[2] / Math.max(times[0], FLOOR_MS);
    if (growth >= SUPER_LINEAR) superLinear++;
    rows.push([cell(family.name), size(family.make(family.n * 16).length), ...times.map(ms), `${growth.toFixed(1)}×${growth >= SUPER_LINEAR ? ' super-linear' : ''}`]);
  }
  const table = (head: string[], body: string[][]) => [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
  process.stdout.write(`${table(['family', 'size at 16n', 'n', '4n', '16n', '16n ÷ n'], rows)}\n\n`);
  process.stdout.write(`${superLinear} of ${rows.length} families grew more than ${SUPER_LINEAR}× from n to 16n\n\n`);

  const big: string[][] = [];
  for (const input of bigInputs.filter((b) => filter.test(b.name))) {
    const text = input.text();
    const t = cpu(() => analyze({ text, config: input.config ?? ALWAYS }));
    big.push([cell(input.name), size(text.length), ms(t), input.limitation ?? '']);
  }
  if (big.length) process.stdout.write(`${table(['big input', 'size', 'analysis (CPU)', 'known limitation'], big)}\n`);
}

main();
