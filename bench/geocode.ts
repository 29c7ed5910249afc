// Resolutions per second on one core, on real-shaped texts (the dev set's texts when the
// shared data folder is there, else the project's own fixture texts). Prints wall-clock and
// CPU-time rates (CPU time of this process, so other load on a shared machine counts less),
// the registry load time, and the ratio to a baseline measured in the same run: tokenizing alone.
//   npx tsx bench/geocode.ts
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../analytics/registry/load.js';
import { tokenize } from '../analytics/address/normalise.js';
import { parseCsvObjects } from '../scripts/registry/csv.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = path.resolve(root, process.env.DOMOVOY_SHARED ?? '../shared', 'data/train/spb_address_dev.csv');
const fixtures = path.join(root, 'tests/registry/fixtures/no-address.txt');

function texts(): string[] {
  const own = readFileSync(fixtures, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  if (!existsSync(dev)) return own;
  return [...parseCsvObjects(readFileSync(dev, 'utf8')).map((r) => r.text), ...own];
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** texts per second by wall clock and by CPU time of this process */
function rate(fn: (t: string) => unknown, input: string[], ms = 3000): { wall: number; cpu: number } {
  for (let i = 0; i < 2000; i++) fn(input[i % input.length]);
  let n = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  while (performance.now() - t0 < ms) for (let i = 0; i < 200; i++) fn(input[n++ % input.length]);
  const wall = performance.now() - t0;
  const cpu = cpuMs() - c0;
  return { wall: (n * 1000) / wall, cpu: (n * 1000) / cpu };
}

async function main() {
  const t0 = performance.now();
  const c0 = cpuMs();
  const reg = await loadRegistry();
  const loadMs = performance.now() - t0;
  const loadCpu = cpuMs() - c0;
  const input = texts();
  const avgChars = input.reduce((s, t) => s + t.length, 0) / input.length;
  const base = rate((t) => tokenize(t), input);
  const full = rate((t) => reg.resolver.resolve(t), input);
  const r = Math.round;
  console.log(`registry load: ${r(loadMs)} ms wall, ${r(loadCpu)} ms CPU (${reg.houses.length} houses; target < 1500 ms)`);
  console.log(`texts: ${input.length}, mean ${avgChars.toFixed(0)} chars`);
  console.log(`tokenize only (baseline): ${r(base.wall)} texts/s wall, ${r(base.cpu)} texts/s CPU`);
  console.log(`resolve: ${r(full.wall)} resolutions/s wall, ${r(full.cpu)} resolutions/s CPU on one core (target ≥ 20000); ${(1e6 / full.cpu).toFixed(1)} µs CPU each; ${(full.cpu / base.cpu).toFixed(2)}× the baseline`);
}

main();
