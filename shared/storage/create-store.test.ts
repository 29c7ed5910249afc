import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';
import { StoreError } from './store-error.js';

const base = { CLICKHOUSE_USER: 'default', CLICKHOUSE_PASSWORD: '', CLICKHOUSE_DATABASE: 'domovoy' };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('createStore', () => {
  it('opens embedded chDB under DATA_DIR/chdb when no server is configured', async () => {
    const store = await createStore({ ...base, DATA_DIR: dataDir, CLICKHOUSE_URL: undefined });
    try {
      expect(store.kind).toBe('chdb');
      expect(await store.query('SELECT currentDatabase() AS db')).toEqual([{ db: 'domovoy' }]);
      expect(fs.existsSync(path.join(dataDir, 'chdb'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('goes to the server when CLICKHOUSE_URL is set (and says so when it is unreachable)', async () => {
    // Port 9 on loopback: nothing listens, so the server path fails fast with a connection error.
    const err = await createStore({ ...base, DATA_DIR: dataDir, CLICKHOUSE_URL: 'http://127.0.0.1:9' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/ECONNREFUSED|connect/i);
  });
});
