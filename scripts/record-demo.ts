// Writes a demo stream to a JSON Lines file for replay tests and benchmarks:
//   npx tsx scripts/record-demo.ts [count=10000] [out=demo.jsonl] [--rate N/min] [--seed S] [--start ISO]
// Prints the generation rate (mentions per second of wall time and of CPU time).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadRegistry } from '../analytics/registry/load.js';
import { generateMentions } from '../ingest/sources/demo/generator.js';
import { LIVE_SCENARIO } from '../ingest/sources/demo/scenario.js';
import { demoHouses } from '../ingest/sources/demo/demo.source.js';

function args(argv: string[]) {
  const pos: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) flags[a.slice(2)] = argv[++i] ?? '';
    else pos.push(a);
  }
  return { pos, flags };
}

const { pos, flags } = args(process.argv.slice(2));
const count = Number(pos[0] ?? 10_000);
const out = pos[1] ?? 'demo.jsonl';
const ratePerMin = Number(flags.rate ?? 120);
const seed = Number(flags.seed ?? 1);
const start = new Date(flags.start ?? '2024-01-15T00:00:00Z');
if (!Number.isInteger(count) || count < 1 || !(ratePerMin > 0) || Number.isNaN(start.getTime())) {
  console.error('usage: record-demo.ts [count] [out.jsonl] [--rate N/min] [--seed S] [--start ISO]');
  process.exit(2);
}

const houses = demoHouses((await loadRegistry()).houses);
const file = createWriteStream(out, { encoding: 'utf8' });
const t0 = performance.now();
const c0 = process.cpuUsage();
let n = 0;
let buf = '';
for (const m of generateMentions({
  houses, seed, ratePerMin, start, end: new Date(start.getTime() + 10 * 365 * 86_400_000), limit: count, scenario: LIVE_SCENARIO, idPrefix: `r${seed}-`,
})) {
  buf += JSON.stringify(m) + '\n';
  if (++n % 1000 === 0) {
    if (!file.write(buf)) await once(file, 'drain');
    buf = '';
  }
}
file.end(buf);
await once(file, 'finish');
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const cpuS = (cpu.user + cpu.system) / 1e6;
console.error(
  `record-demo: ${n} mentions → ${out} in ${wall.toFixed(2)} s (${Math.round(n / wall)} mentions/s wall, ${Math.round(n / cpuS)} per CPU-second, including JSON and file writes)`,
);
