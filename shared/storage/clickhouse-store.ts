// A ClickHouse server behind the storage port, through @clickhouse/client.
// `{name:Type}` placeholders travel as query_params, so the SQL text is the
// same as on chDB. The optional `connection` lets the very same code run over
// chDB (`createChdbConnection` from 'chdb/connection'), which is how the
// contract suite exercises this adapter without a server.
import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseClientConfigOptions, type ClickHouseSettings } from '@clickhouse/client';
import { Readable } from 'node:stream';
import { JsonRows, type Params, type Store } from './store.js';
import { StoreError, assertTableName, toStoreError } from './store-error.js';
import { INSERT_SETTINGS, SESSION_SETTINGS, normalizeParams } from './wire.js';

export interface ClickhouseStoreOptions {
  url?: string;
  user?: string;
  password?: string;
  database: string;
  /**
   * A pre-built backend connection instead of HTTP (e.g. chDB's); url/user/password
   * are then unused. Typed loosely: chdb/connection is built against its own copy
   * of the client's (experimental, unexported) Connection type.
   */
  connection?: object;
  requestTimeoutMs?: number;
}

const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export async function createClickhouseStore(opts: ClickhouseStoreOptions): Promise<Store> {
  const { database } = opts;
  if (!DATABASE_NAME.test(database)) throw new StoreError(`invalid database name ${JSON.stringify(database)}`);
  const settings = { ...SESSION_SETTINGS } as ClickHouseSettings;
  const base = {
    url: opts.url,
    username: opts.user,
    password: opts.password,
    request_timeout: opts.requestTimeoutMs ?? 60_000,
    clickhouse_settings: settings,
    // Every failure is thrown to the caller, who logs it once in our own format.
    log: { level: ClickHouseLogLevel.OFF },
  };

  let client: ClickHouseClient;
  if (opts.connection) {
    client = createClient({ ...base, connection: opts.connection as ClickHouseClientConfigOptions['connection'] });
    await guard(client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` }));
    // The chDB connection ignores the client's `database` option; a session-wide
    // USE gives unqualified names the same meaning as over HTTP.
    await guard(client.command({ query: `USE ${database}` }));
  } else {
    // Over HTTP the database must exist before a client may name it.
    const bootstrap = createClient(base);
    try {
      await guard(bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` }));
    } finally {
      await bootstrap.close();
    }
    client = createClient({ ...base, database });
  }

  let closed = false;
  const live = (): ClickHouseClient => {
    if (closed) throw new StoreError('ClickHouse store is closed');
    return client;
  };

  return {
    kind: 'clickhouse',
    async query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
      const rs = await guard(live().query({ query: sql, query_params: normalizeParams(params), format: 'JSONEachRow' }));
      return guard(rs.json<T>());
    },
    async insert(table: string, rows: readonly Record<string, unknown>[] | JsonRows): Promise<void> {
      assertTableName(table);
      if (rows instanceof JsonRows) {
        if (rows.count === 0) return;
        // Already JSONEachRow: the body goes out as it is, the statement in the URL.
        const res = await guard(
          live().exec({
            query: `INSERT INTO ${table} FORMAT JSONEachRow`,
            values: Readable.from([Buffer.from(rows.text, 'utf8')]),
            clickhouse_settings: { ...settings, ...INSERT_SETTINGS } as ClickHouseSettings,
          }),
        );
        res.stream.resume();
        await new Promise<void>((resolve, reject) => res.stream.once('end', resolve).once('error', reject));
        return;
      }
      if (rows.length === 0) return;
      // Dates in rows become UTC strings exactly as on the chDB path.
      const values = rows.map((r) => normalizeRow(r));
      await guard(
        live().insert({ table, values, format: 'JSONEachRow', clickhouse_settings: { ...settings, ...INSERT_SETTINGS } as ClickHouseSettings }),
      );
    },
    async command(sql: string, params?: Params): Promise<void> {
      await guard(live().command({ query: sql, query_params: normalizeParams(params) }));
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

function normalizeRow(row: Record<string, unknown>): Record<string, unknown> {
  return normalizeParams(row) ?? row;
}

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toStoreError(e);
  }
}
