// Insert throughput into `mentions` through the storage adapters, JS objects in,
// serialisation included. Prints rows/s (min / median / max of 3 runs) and the
// ratio to the baseline measured in the same run: the chDB adapter inserting
// into `mentions_plain`, a copy of `mentions` (the same table now that the hourly rollup
// view is gone: the two agree unless a view or projection is added to `mentions` again), at batch 1 000.
//   npx tsx bench/chdb-insert.ts
// Reference (perf-limits §3.2, raw session.insert Buffer JSONEachRow, simpler
// table): ~60 k rows/s at batch 1 000, ~98 k rows/s at batch 10 000.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drainPending } from 'chdb';
import { createChdbConnection } from 'chdb/connection';
import { createChdbStore } from '../shared/storage/chdb-store.js';
import { createClickhouseStore } from '../shared/storage/clickhouse-store.js';
import type { Store } from '../shared/storage/store.js';
import { migrate } from '../analytics/schema/migrate.js';
import { toMentionRow } from '../analytics/rows/mention-row.js';
import type { ProcessedMention } from '../shared/types/mention.js';

const WORDS = 'отопление батарея холодно подъезд лифт не работает третий день управляющая компания вода протечка крыша снег наледь двор мусор'.split(' ');
const RUNS = 3;
const ROWS_PER_RUN = 20_000;

function mention(i: number): ProcessedMention {
  let text = '';
  for (let w = 0; w < 30; w++) text += WORDS[(i * 7 + w * 13) % WORDS.length] + ' ';
  const ts = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
  return {
    id: `bench:${i}`,
    source: 'demo',
    channel: 'demo:1',
    authorHash: (i % 5000).toString(16).padStart(16, '0'),
    text,
    ts,
    url: '',
    ingestedAt: ts,
    category: 'heating',
    relevant: true,
    confidence: 0.8,
    urgency: 0.4,
    reasons: ['отопление'],
    address: { street: 'улица Ленина', house: String(i % 200), raw: `ул. Ленина ${i % 200}` },
    houseId: `spb:${i % 20000}`,
    lat: 59.9 + (i % 100) / 1000,
    lon: 30.3 + (i % 100) / 1000,
    district: 'Центральный',
    organisation: { id: `org:${i % 300}`, name: 'ООО «УК»' },
    dupGroup: '',
  };
}

let nextId = 0;
async function measure(store: Store, table: string, batch: number): Promise<number> {
  const inserts = Math.max(1, Math.round(ROWS_PER_RUN / batch));
  const items = Array.from({ length: inserts * batch }, () => mention(nextId++));
  await store.insert(table, items.slice(0, 10).map(toMentionRow)); // warm-up, not counted
  const t0 = performance.now();
  for (let k = 0; k < inserts; k++) await store.insert(table, items.slice(k * batch, (k + 1) * batch).map(toMentionRow));
  return (inserts * batch) / ((performance.now() - t0) / 1000);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-bench-'));
  const results: Array<{ name: string; batch: number; runs: number[] }> = [];
  try {
    // Both handles on the same folder share one engine connection, so the
    // cases can run round-robin: load from other processes hits them alike.
    const chdb = await createChdbStore(dir);
    await migrate(chdb);
    await chdb.command('CREATE TABLE IF NOT EXISTS mentions_plain AS mentions');
    const client = await createClickhouseStore({ database: 'domovoy', connection: createChdbConnection({ path: dir }) });
    const cases: Array<{ name: string; store: Store; table: string; batch: number; runs: number[] }> = [];
    for (const batch of [1000, 10_000]) {
      cases.push({ name: 'chdb-store → mentions_plain', store: chdb, table: 'mentions_plain', batch, runs: [] });
      cases.push({ name: 'chdb-store → mentions', store: chdb, table: 'mentions', batch, runs: [] });
      cases.push({ name: 'clickhouse-store over chdb/connection → mentions', store: client, table: 'mentions', batch, runs: [] });
    }
    for (let r = 0; r < RUNS; r++) for (const c of cases) c.runs.push(await measure(c.store, c.table, c.batch));
    for (const c of cases) results.push({ name: c.name, batch: c.batch, runs: c.runs.sort((a, b) => a - b) });
    const [{ c }] = await chdb.query<{ c: string }>('SELECT (SELECT uniqExact(id) FROM mentions) + (SELECT uniqExact(id) FROM mentions_plain) AS c');
    if (Number(c) !== nextId) throw new Error(`row count ${c} != inserted ${nextId}`);
    await client.close();
    await chdb.close();
    await drainPending();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const baseline = results[0]!.runs[1]!;
  console.log(`${RUNS} runs of ~${fmt(ROWS_PER_RUN)} rows each; rows/s min / median / max; ratio = median / (${results[0]!.name}, batch 1 000)`);
  for (const r of results) {
    console.log(`${r.name.padEnd(52)} batch ${String(r.batch).padStart(6)}: ${r.runs.map(fmt).join(' / ')}  ratio ${(r.runs[1]! / baseline).toFixed(2)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
