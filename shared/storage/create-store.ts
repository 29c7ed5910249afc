// The storage adapter is chosen once, at start-up, from configuration.
import path from 'node:path';
import type { Config } from '../config/env.js';
import type { Store } from './store.js';
import { createChdbStore } from './chdb-store.js';
import { createClickhouseStore } from './clickhouse-store.js';

type StoreConfig = Pick<Config, 'CLICKHOUSE_URL' | 'CLICKHOUSE_USER' | 'CLICKHOUSE_PASSWORD' | 'CLICKHOUSE_DATABASE' | 'DATA_DIR'>;

/** A ClickHouse server when CLICKHOUSE_URL is set, else embedded chDB in DATA_DIR/chdb. */
export async function createStore(config: StoreConfig): Promise<Store> {
  if (config.CLICKHOUSE_URL) {
    return createClickhouseStore({
      url: config.CLICKHOUSE_URL,
      user: config.CLICKHOUSE_USER,
      password: config.CLICKHOUSE_PASSWORD,
      database: config.CLICKHOUSE_DATABASE,
    });
  }
  return createChdbStore(path.join(config.DATA_DIR, 'chdb'), { database: config.CLICKHOUSE_DATABASE });
}
