// `npm run bench`: every benchmark of bench/ in turn, each in its own process (chDB binds
// one data folder per process, and one benchmark's heap must not colour the next one's
// figures). Prints each benchmark's own output and how long it took; exits non-zero if
// any failed, after running the rest. `npm run bench -- geocode pipeline` runs only those.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = ['classify', 'geocode', 'bus', 'chdb-insert', 'pipeline', 'hotspots', 'map-load', 'cases-intake', 'cases-queue'];

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !BENCHMARKS.includes(a));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${BENCHMARKS.join(', ')})`);
  process.exit(2);
}
const failed: string[] = [];
for (const name of asked.length ? asked : BENCHMARKS) {
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  console.log(`\n=== bench/${name}.ts`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  if (r.status !== 0) failed.push(name);
  console.log(`=== bench/${name}.ts ${r.status === 0 ? 'done' : `FAILED (exit ${r.status ?? r.signal})`} in ${s} s`);
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
