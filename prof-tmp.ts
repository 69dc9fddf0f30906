import { findMojibake } from './server/src/encoding';
const unit = process.argv[2] ?? 'Ã©';
for (const n of [1000, 4000, 16000, 64000]) {
  const text = `Status: ${unit.repeat(n)}\n`;
  const t = performance.now();
  const runs = findMojibake(text);
  console.log(n, (performance.now() - t).toFixed(0), runs.length);
}
