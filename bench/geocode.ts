// Resolutions per second on one core, on real-shaped texts (the dev set's texts when the
// shared data folder is there, else the project's own fixture texts). Prints the registry
// load time and the ratio to a baseline measured in the same run: tokenizing alone.
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

function rate(fn: (t: string) => unknown, input: string[], ms = 3000): number {
  for (let i = 0; i < 2000; i++) fn(input[i % input.length]);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) for (let i = 0; i < 200; i++) fn(input[n++ % input.length]);
  return (n * 1000) / (performance.now() - t0);
}

async function main() {
  const t0 = performance.now();
  const reg = await loadRegistry();
  const loadMs = performance.now() - t0;
  const input = texts();
  const avgChars = input.reduce((s, t) => s + t.length, 0) / input.length;
  const base = rate((t) => tokenize(t), input);
  const full = rate((t) => reg.resolver.resolve(t), input);
  console.log(`registry load: ${loadMs.toFixed(0)} ms (${reg.houses.length} houses)`);
  console.log(`texts: ${input.length}, mean ${avgChars.toFixed(0)} chars`);
  console.log(`tokenize only (baseline): ${Math.round(base)} texts/s`);
  console.log(`resolve: ${Math.round(full)} resolutions/s on one core (target ≥ 20000), ${(full / base).toFixed(2)}× the baseline`);
}

main();
