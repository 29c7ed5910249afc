// One suite for the storage port, run against every adapter available here:
// chDB itself, @clickhouse/client over chDB's connection (the code path a
// ClickHouse server uses), and a real server when CLICKHOUSE_TEST_URL is set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainPending } from 'chdb';
import { createChdbConnection } from 'chdb/connection';
import { createChdbStore } from '../../shared/storage/chdb-store.js';
import { createClickhouseStore } from '../../shared/storage/clickhouse-store.js';
import { StoreError } from '../../shared/storage/store-error.js';
import { JsonRows, type Store } from '../../shared/storage/store.js';
import { listMigrations, migrate } from '../../analytics/schema/migrate.js';

interface Adapter {
  name: string;
  /** opens the same database every time it is called (after the previous handle was closed) */
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-'));

function chdbAdapter(): Adapter {
  const dir = tempDir();
  return {
    name: 'chdb',
    open: () => createChdbStore(dir),
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function clientOverChdbAdapter(): Adapter {
  const dir = tempDir();
  return {
    name: '@clickhouse/client over chdb/connection',
    async open() {
      const store = await createClickhouseStore({ database: 'domovoy', connection: createChdbConnection({ path: dir }) });
      // The chDB connection's close() returns before the engine lets go of the
      // folder; wait so the next adapter in this process can open its own.
      return { ...store, close: async () => (await store.close(), await drainPending()) };
    },
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function serverAdapter(url: string): Adapter {
  const database = `domovoy_test_${process.pid}_${Date.now()}`;
  const opts = { url, user: process.env.CLICKHOUSE_TEST_USER, password: process.env.CLICKHOUSE_TEST_PASSWORD, database };
  return {
    name: `ClickHouse server ${url}`,
    open: () => createClickhouseStore(opts),
    async dispose() {
      const s = await createClickhouseStore(opts);
      await s.command(`DROP DATABASE IF EXISTS ${database}`);
      await s.close();
    },
  };
}

const adapters: Array<() => Adapter> = [chdbAdapter, clientOverChdbAdapter];
const serverUrl = process.env.CLICKHOUSE_TEST_URL;
if (serverUrl) adapters.push(() => serverAdapter(serverUrl));
else console.warn('[store contract] ClickHouse server adapter not run: set CLICKHOUSE_TEST_URL (and CLICKHOUSE_TEST_USER/PASSWORD) to include it');

const NASTY = [
  "Robert'); DROP TABLE mentions; --",
  "{s:String} ' \" \\ \\' \\\\n ` $1 ?",
  'Во дворе дома 5 по ул. Ленина нет отопления, батареи ледяные!!! ёЁ',
  'Лифт 🛗 не работает 3 дня 😡🏠 — 👨‍👩‍👧 ждём',
  '<script>alert("x")</script><b>жирный</b> &amp; &lt;',
  'tab\there\nnew line\r\nCRLF \u0000 nul \u2028 ls',
  '',
];

for (const make of adapters) {
  describe(`Store contract: ${make().name}`, () => {
    let adapter: Adapter;
    let store: Store;

    beforeAll(async () => {
      adapter = make();
      store = await adapter.open();
      await migrate(store);
      await store.command('CREATE TABLE IF NOT EXISTS contract_texts (id UInt32, body String) ENGINE = MergeTree ORDER BY id');
    });

    afterAll(async () => {
      await store?.close();
      await adapter?.dispose();
    });

    it('binds parameters of several types, and dangerous strings stay data', async () => {
      for (const s of NASTY) {
        const rows = await store.query<{ s: string; n: number; ts: string; a: string[]; len: string }>(
          'SELECT {s:String} AS s, {n:UInt32} AS n, {ts:DateTime64(3)} AS ts, {a:Array(String)} AS a, length({s:String}) AS len',
          { s, n: 4_000_000_000, ts: '2024-02-29 23:59:59.123', a: [s, 'д', "b'c"] },
        );
        expect(rows).toEqual([{ s, n: 4_000_000_000, ts: '2024-02-29 23:59:59.123', a: [s, 'д', "b'c"], len: String(Buffer.byteLength(s)) }]);
      }
    });

    it('reads a Date parameter as UTC with milliseconds and returns 64-bit integers as strings', async () => {
      const rows = await store.query<{ ts: string; big: string; tz: string }>(
        "SELECT toString({ts:DateTime64(3, 'UTC')}) AS ts, toUInt64({n:UInt64}) + 1 AS big, timezone() AS tz",
        { ts: new Date('2024-03-01T10:20:30.456Z'), n: '18446744073709551614' },
      );
      expect(rows).toEqual([{ ts: '2024-03-01 10:20:30.456', big: '18446744073709551615', tz: 'UTC' }]);
    });

    it('stores text byte-exact and finds it by a bound parameter', async () => {
      await store.insert('contract_texts', NASTY.map((body, i) => ({ id: i, body })));
      const all = await store.query<{ id: number; body: string }>('SELECT id, body FROM contract_texts ORDER BY id');
      expect(all.map((r) => r.body)).toEqual(NASTY);
      for (const [i, body] of NASTY.entries()) {
        const hit = await store.query<{ id: number }>('SELECT id FROM contract_texts WHERE body = {body:String}', { body });
        expect(hit).toEqual([{ id: i }]);
      }
      // SQL-looking text did nothing: the table it names is still there.
      expect(await store.query('SELECT count() AS c FROM mentions')).toHaveLength(1);
    });

    it('inserts and queries rows, nulls and arrays included, and an empty insert is a no-op', async () => {
      await store.insert('mentions', []);
      await store.insert('mentions', [
        { id: 'vk:1', source: 'vk', text: 'нет воды', ts: '2024-01-10 08:00:00.000', ingested_at: new Date('2024-01-10T08:00:01.000Z'), reasons: ['вода', 'подъезд 2'], lat: 59.93, lon: null },
        { id: 'vk:2', source: 'vk', text: 'снег', ts: '2024-01-10T09:30:00.250Z', ingested_at: '2024-01-10 09:30:01.000', reasons: [] },
      ]);
      const rows = await store.query('SELECT id, ts, ingested_at, reasons, lat, lon, category FROM mentions WHERE id IN {ids:Array(String)} ORDER BY id', {
        ids: ['vk:1', 'vk:2'],
      });
      expect(rows).toEqual([
        { id: 'vk:1', ts: '2024-01-10 08:00:00.000', ingested_at: '2024-01-10 08:00:01.000', reasons: ['вода', 'подъезд 2'], lat: 59.93, lon: null, category: '' },
        { id: 'vk:2', ts: '2024-01-10 09:30:00.250', ingested_at: '2024-01-10 09:30:01.000', reasons: [], lat: null, lon: null, category: '' },
      ]);
    });

    it('inserts rows given as JSONEachRow text the same as objects, and rejects a broken line', async () => {
      const rows = [
        { id: 'enc:1', source: 'vk', text: NASTY[0], ts: '2024-01-12 08:00:00.000', ingested_at: '2024-01-12 08:00:01.000', reasons: ['а'], lat: 59.9, lon: 30.3 },
        { id: 'enc:2', source: 'telegram', text: NASTY[3], ts: '2024-01-12 08:00:02.500', ingested_at: '2024-01-12 08:00:03.000', reasons: [], lat: null, lon: null },
      ];
      await store.insert('mentions', new JsonRows('', 0));
      await store.insert('mentions', new JsonRows(rows.map((r) => JSON.stringify(r) + '\n').join(''), rows.length));
      const got = await store.query('SELECT id, source, text, ts, reasons, lat, lon FROM mentions WHERE id LIKE {p:String} ORDER BY id', { p: 'enc:%' });
      expect(got).toEqual(rows.map(({ ingested_at: _, ...r }) => r));
      await expect(store.insert('mentions', new JsonRows('{"id": "enc:3", "ts": \n', 1))).rejects.toBeInstanceOf(StoreError);
      const after = await store.query("SELECT count() AS n FROM mentions WHERE id LIKE 'enc:%'");
      expect(after).toEqual([{ n: '2' }]);
    });

    it('keeps one row per id when the same mention is inserted twice (FINAL, newest ingested_at wins)', async () => {
      const base = { id: 'tg:dup', source: 'telegram', ts: '2024-01-11 12:00:00.000' };
      await store.insert('mentions', [{ ...base, text: 'первая обработка', ingested_at: '2024-01-11 12:00:01.000' }]);
      await store.insert('mentions', [{ ...base, text: 'повторная обработка', ingested_at: '2024-01-11 12:05:00.000' }]);
      // Without FINAL the two parts may or may not have merged yet; FINAL is exact either way.
      const final = await store.query<{ text: string }>('SELECT text FROM mentions FINAL WHERE id = {id:String}', { id: 'tg:dup' });
      expect(final).toEqual([{ text: 'повторная обработка' }]);
      const uniq = await store.query<{ u: string }>("SELECT uniqExact(id) AS u FROM mentions WHERE id = 'tg:dup'");
      expect(uniq).toEqual([{ u: '1' }]);
    });

    it('migrations applied again (even concurrently) change nothing', async () => {
      const tables = async () =>
        (await store.query<{ name: string }>('SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name')).map((r) => r.name);
      const before = await tables();
      const [a, b] = await Promise.all([migrate(store), migrate(store)]);
      expect(a.applied).toEqual([]);
      expect(b.applied).toEqual([]);
      expect(await tables()).toEqual(before);
      expect(before).toEqual(expect.arrayContaining(['mentions', 'dead_letters', 'schema_migrations']));
      const recorded = await store.query<{ version: number }>('SELECT version FROM schema_migrations FINAL ORDER BY version');
      expect(recorded.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    });

    it('throws StoreError carrying the ClickHouse message and code', async () => {
      const unknown = await store.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
      expect(unknown).toBeInstanceOf(StoreError);
      expect((unknown as StoreError).message).toMatch(/no_such_table.*UNKNOWN_TABLE/s);
      expect((unknown as StoreError).clickhouseCode).toBe(60);

      const syntax = await store.command('SELEC 1').catch((e: unknown) => e);
      expect(syntax).toBeInstanceOf(StoreError);
      expect((syntax as StoreError).message).toMatch(/Syntax error.*SYNTAX_ERROR/s);
      expect((syntax as StoreError).clickhouseCode).toBe(62);

      const badParam = await store.query('SELECT {n:UInt32} AS n', { n: 'abc' }).catch((e: unknown) => e);
      expect(badParam).toBeInstanceOf(StoreError);
      expect((badParam as StoreError).message).toMatch(/abc/);

      const insert = await store.insert('no_such_table', [{ a: 1 }]).catch((e: unknown) => e);
      expect(insert).toBeInstanceOf(StoreError);
      expect((insert as StoreError).message).toMatch(/no_such_table/);

      await expect(store.insert('x; DROP TABLE mentions', [{ a: 1 }])).rejects.toThrow(/invalid table name/);
    });

    it('answers concurrent queries each with its own result', async () => {
      const results = await Promise.all(Array.from({ length: 16 }, (_, i) => store.query<{ i: number }>('SELECT toUInt32({i:UInt32} * 2) AS i', { i })));
      expect(results.map((r) => r[0]?.i)).toEqual(Array.from({ length: 16 }, (_, i) => i * 2));
    });

    it('keeps data across close and reopen, and a closed handle refuses work', async () => {
      await store.insert('contract_texts', [{ id: 1000, body: 'пережил перезапуск' }]);
      const closed = store;
      await closed.close();
      await expect(closed.query('SELECT 1')).rejects.toThrow(/closed/);
      store = await adapter.open();
      const rows = await store.query<{ body: string }>('SELECT body FROM contract_texts WHERE id = 1000');
      expect(rows).toEqual([{ body: 'пережил перезапуск' }]);
      expect((await migrate(store)).applied).toEqual([]);
    });
  });
}
