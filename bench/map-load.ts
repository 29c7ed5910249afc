// Map page load time with 25 000 houses and 10 M stored mentions (chDB, rows made
// in-engine with INSERT … SELECT … FROM numbers()). Prints the time until the
// houses and their counts are drawn in Chromium, and the API timings, each also
// measured on an empty store in the same run as the baseline.
//   npx tsx bench/map-load.ts            (MAP_BENCH_ROWS=1000000 for a quicker run)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChdbStore } from '../shared/storage/chdb-store.js';
import { migrate } from '../analytics/schema/migrate.js';
import { loadRegistry } from '../analytics/registry/load.js';
import { createMemoryBus } from '../shared/bus/memory-bus.js';
import { loadConfig } from '../shared/config/env.js';
import { silentLogger } from '../shared/log/logger.js';
import type { AppContext } from '../shared/app/context.js';
import type { House } from '../shared/types/registry.js';
import { startWeb } from '../web/server.js';
import { launchBrowser } from '../tests/helpers/browser.js';

const ROWS = Number(process.env.MAP_BENCH_ROWS ?? 10_000_000);
const HOUSES = 25_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-mapbench-'));
const store = await createChdbStore(dir);
await migrate(store);
const reg = await loadRegistry();
const located = reg.houses.filter((h) => h.lat !== null && h.lon !== null);
// Pad the registry to 25 000 located houses with jittered copies (the packaged demo subset may be smaller).
const houses: House[] = [];
for (let i = 0; houses.length < HOUSES; i++) {
  const h = located[i % located.length];
  houses.push(i < located.length ? h : { ...h, id: `${h.id}~${i}`, lat: (h.lat as number) + ((i * 37) % 100) * 2e-5, lon: (h.lon as number) + ((i * 53) % 100) * 3e-5 });
}
const byId = new Map(houses.map((h) => [h.id, h]));
const registry = { ...reg, houses, house: (id: string) => byId.get(id) } as AppContext['registry'];
const ctx: AppContext = { config: loadConfig({ DEMO: 'off', LOG_LEVEL: 'silent', HOST: '127.0.0.1' }), log: silentLogger, bus: createMemoryBus(), store, registry, classifier: undefined as never };
const web = await startWeb(ctx, { port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${web.port}`;
const browser = await launchBrowser();

async function measure(label: string): Promise<{ page: number; api: Record<string, number> }> {
  const api: Record<string, number> = {};
  for (const p of ['/api/map/houses', '/api/map/districts', '/api/map/counts?mode=heating&hours=3', '/api/map/counts?mode=all&hours=24', '/api/alerts?mode=heating']) {
    await fetch(base + p).then((r) => r.arrayBuffer()); // warm
    const t = performance.now();
    await fetch(base + p).then((r) => r.arrayBuffer());
    api[p] = performance.now() - t;
  }
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const t = performance.now();
    await page.goto(`${base}/map?mode=heating`);
    await page.waitForSelector('.map[data-ready]', { timeout: 60_000 });
    times.push(performance.now() - t);
    await page.close();
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: page load (houses + counts drawn) min ${times[0].toFixed(0)} / median ${times[1].toFixed(0)} / max ${times[2].toFixed(0)} ms`);
  for (const [p, ms] of Object.entries(api)) console.log(`  ${p.padEnd(40)} ${ms.toFixed(0)} ms`);
  return { page: times[1], api };
}

const empty = await measure('empty store (baseline)');
const t0 = performance.now();
const ids = houses.map((h) => h.id);
const lats = houses.map((h) => h.lat as number);
const lons = houses.map((h) => h.lon as number);
const cats = ['heating', 'hot_water', 'cold_water', 'electricity', 'snow_ice', 'garbage', 'yard', 'elevator', 'roof', 'billing', 'uk_conduct', 'irrelevant'];
const CHUNK = 1_000_000;
for (let off = 0; off < ROWS; off += CHUNK) {
  await store.command(
    `INSERT INTO mentions (id, source, channel, author_hash, text, ts, ingested_at, category, relevant, confidence, urgency, reasons,
                           address_raw, street, house_number, house_id, org_id, org_name, district, lat, lon, dup_group, url)
     SELECT concat('bench:', toString(number)), 'demo', 'vk:-1', toString(cityHash64(number) % 100000), 'Нет отопления в квартире, батареи холодные',
            now64(3) - toIntervalMillisecond(cityHash64(number, 1) % (30 * 86400000)), now64(3),
            {cats:Array(String)}[1 + cityHash64(number, 2) % {ncats:UInt32}], 1, 0.9, 0.5, [], '', '', '',
            {ids:Array(String)}[1 + cityHash64(number, 3) % {nh:UInt32}], '', '', 'Район',
            {lats:Array(Float64)}[1 + cityHash64(number, 3) % {nh:UInt32}], {lons:Array(Float64)}[1 + cityHash64(number, 3) % {nh:UInt32}], '', ''
     FROM numbers({off:UInt64}, {n:UInt64})`,
    { cats, ncats: cats.length, ids, lats, lons, nh: ids.length, off, n: Math.min(CHUNK, ROWS - off) },
  );
}
const [{ n }] = await store.query<{ n: string }>('SELECT count() AS n FROM mentions');
console.log(`\ngenerated ${Number(n).toLocaleString('en')} mentions over 30 days for ${houses.length.toLocaleString('en')} houses in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const full = await measure(`${Number(n).toLocaleString('en')} mentions`);
console.log(`\nratio full / empty page load: ${(full.page / empty.page).toFixed(2)}×; target < 2000 ms: ${full.page < 2000 ? 'met' : 'NOT met'}`);

await browser.close();
await web.stop();
await ctx.bus.close();
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
