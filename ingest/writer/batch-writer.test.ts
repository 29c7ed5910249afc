import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JsonRows, type Store } from '../../shared/storage/store.js';
import { StoreError } from '../../shared/storage/store-error.js';
import { tempStore, type TempStore } from '../../tests/helpers/temp-store.js';
import { BatchWriter, WriterClosedError } from './batch-writer.js';

interface Item {
  n: number;
}
const toRow = (i: Item) => ({ n: i.n, label: `элемент ${i.n}` });

/** The real store, with every insert recorded and optionally held until released. */
function recording(store: Store) {
  const batches: number[][] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  let gate: Promise<void> | null = null;
  let open = () => {};
  const spy: Store = {
    ...store,
    async insert(table, rows) {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      try {
        if (gate) await gate;
        await store.insert(table, rows);
        const objects = rows instanceof JsonRows ? rows.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) : rows;
        batches.push(objects.map((r) => Number(r.n)));
      } finally {
        concurrent--;
      }
    },
  };
  return {
    spy,
    batches,
    maxConcurrent: () => maxConcurrent,
    hold() {
      gate = new Promise((r) => (open = r));
    },
    release() {
      gate = null;
      open();
    },
  };
}

const settled = (p: Promise<unknown>) => p.then(() => 'ok', () => 'failed');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('BatchWriter on chDB', () => {
  let t: TempStore;
  beforeAll(async () => {
    t = await tempStore({ migrate: false });
  });
  afterAll(async () => {
    await t?.cleanup();
  });
  beforeEach(async () => {
    await t.store.command('DROP TABLE IF EXISTS items');
    await t.store.command('CREATE TABLE items (n UInt32, label String) ENGINE = MergeTree ORDER BY n');
  });
  const stored = async () => (await t.store.query<{ n: number }>('SELECT n FROM items ORDER BY n')).map((r) => r.n);

  it('flushes when a batch is full, and keeps the rest until the next trigger', async () => {
    const rec = recording(t.store);
    const w = new BatchWriter<Item>({ store: rec.spy, table: 'items', toRow, maxRows: 3, maxMs: 60_000 });
    const first = [1, 2, 3, 4, 5, 6].map((n) => w.add({ n }));
    const last = w.add({ n: 7 });
    await Promise.all(first);
    expect(rec.batches).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(await stored()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(w.pending).toBe(1);
    await w.flush();
    await expect(last).resolves.toBeUndefined();
    expect(await stored()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await w.close();
  });

  it('flushes a partial batch after maxMs', async () => {
    const rec = recording(t.store);
    const w = new BatchWriter<Item>({ store: rec.spy, table: 'items', toRow, maxRows: 1000, maxMs: 40 });
    const adds = [w.add({ n: 1 }), w.add({ n: 2 })];
    await sleep(5);
    expect(rec.batches).toEqual([]); // not yet: neither full nor old enough
    await Promise.all(adds);
    expect(rec.batches).toEqual([[1, 2]]);
    expect(await stored()).toEqual([1, 2]);
    await w.close();
  });

  it('close() inserts what is left and refuses new items', async () => {
    const w = new BatchWriter<Item>({ store: t.store, table: 'items', toRow, maxRows: 1000, maxMs: 60_000 });
    const adds = [1, 2, 3].map((n) => w.add({ n }));
    await w.close();
    expect(await Promise.all(adds.map(settled))).toEqual(['ok', 'ok', 'ok']);
    expect(await stored()).toEqual([1, 2, 3]);
    await expect(w.add({ n: 4 })).rejects.toBeInstanceOf(WriterClosedError);
  });

  it('rejects every item of a batch whose insert failed, and keeps working after', async () => {
    const w = new BatchWriter<Item>({ store: t.store, table: 'no_such_table', toRow, maxRows: 2, maxMs: 60_000 });
    const adds = [w.add({ n: 1 }), w.add({ n: 2 })];
    for (const a of adds) await expect(a).rejects.toBeInstanceOf(StoreError);
    await expect(adds[0]).rejects.toThrow(/no_such_table/);
    const again = new BatchWriter<Item>({ store: t.store, table: 'items', toRow, maxRows: 2, maxMs: 60_000 });
    await Promise.all([again.add({ n: 9 }), again.add({ n: 10 })]);
    expect(await stored()).toEqual([9, 10]);
    await w.close();
    await again.close();
  });

  it('fails only the item whose row cannot be built', async () => {
    const w = new BatchWriter<Item>({
      store: t.store,
      table: 'items',
      toRow: (i) => {
        if (i.n < 0) throw new RangeError('negative');
        return toRow(i);
      },
      maxRows: 10,
      maxMs: 10,
    });
    const results = await Promise.all([w.add({ n: 1 }), w.add({ n: -1 }), w.add({ n: 2 })].map(settled));
    expect(results).toEqual(['ok', 'failed', 'ok']);
    expect(await stored()).toEqual([1, 2]);
    await w.close();
  });

  it('runs one insert at a time while the next batches fill', async () => {
    const rec = recording(t.store);
    const w = new BatchWriter<Item>({ store: rec.spy, table: 'items', toRow, maxRows: 3, maxMs: 5 });
    rec.hold();
    const adds = Array.from({ length: 10 }, (_, i) => w.add({ n: i + 1 }));
    await sleep(30); // the interval passes several times while the first insert is held
    expect(rec.batches).toEqual([]);
    expect(w.pending).toBe(7);
    rec.release();
    await Promise.all(adds);
    expect(rec.maxConcurrent()).toBe(1);
    expect(rec.batches).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]]);
    expect(await stored()).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    await w.close();
  });
});
