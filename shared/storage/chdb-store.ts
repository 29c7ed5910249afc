// Embedded ClickHouse (chDB) behind the storage port. One data directory per
// process is a hard limit of libchdb: a second process opening the same folder
// fails with "Cannot lock file …/status", and this process can hold only one
// folder at a time (close, then open another).
import fs from 'node:fs';
import path from 'node:path';
import { Session, drainPending } from 'chdb';
import { JsonRows, type Params, type Store } from './store.js';
import { StoreError, assertTableName, toStoreError } from './store-error.js';
import { INSERT_SETTINGS, SESSION_SETTINGS, normalizeParams, parseJsonEachRow, toJsonEachRow } from './wire.js';

export interface ChdbStoreOptions {
  /** database the unqualified table names resolve to (the same name the server adapter uses) */
  database?: string;
}

const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Open (creating if needed) an on-disk chDB database in `dataDir`; it survives restarts. */
export async function createChdbStore(dataDir: string, opts: ChdbStoreOptions = {}): Promise<Store> {
  const database = opts.database ?? 'domovoy';
  if (!DATABASE_NAME.test(database)) throw new StoreError(`invalid database name ${JSON.stringify(database)}`);
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });

  let session: Session;
  try {
    // Settings given at connect hold for every statement of the session,
    // including the raw insert path, which takes no per-call session settings.
    session = new Session(dir, {
      connectionArgs: Object.entries(SESSION_SETTINGS).map(([k, v]) => `--${k}=${v}`),
    });
  } catch (e) {
    throw toStoreError(e);
  }

  let closed = false;
  const live = (): Session => {
    if (closed) throw new StoreError('chDB store is closed');
    return session;
  };

  const run = async (sql: string, params: Params | undefined, format: string): Promise<string> => {
    const s = live();
    const bound = normalizeParams(params);
    try {
      const result =
        bound && Object.keys(bound).length > 0
          ? await s.queryBindAsync(sql, bound, { format })
          : await s.queryAsync(sql, { format });
      return result.text();
    } catch (e) {
      throw toStoreError(e);
    }
  };

  try {
    await run(`CREATE DATABASE IF NOT EXISTS ${database}`, undefined, 'CSV');
    // USE sticks to the session, so unqualified names (the same SQL as on the
    // server, where the client passes the database) resolve to it.
    await run(`USE ${database}`, undefined, 'CSV');
  } catch (e) {
    session.close();
    await drainPending();
    throw e;
  }

  return {
    kind: 'chdb',
    async query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
      return parseJsonEachRow<T>(await run(sql, params, 'JSONEachRow'));
    },
    async insert(table: string, rows: readonly Record<string, unknown>[] | JsonRows): Promise<void> {
      assertTableName(table);
      const encoded = rows instanceof JsonRows;
      if ((encoded ? rows.count : rows.length) === 0) return;
      const s = live();
      try {
        // Raw JSONEachRow bytes: parsed by the engine off the event loop, ~2x
        // faster than the objects path that builds an INSERT … VALUES string.
        const values = encoded ? Buffer.from(rows.text, 'utf8') : toJsonEachRow(rows);
        await s.insert({ table, values, format: 'JSONEachRow', settings: { ...INSERT_SETTINGS } });
      } catch (e) {
        throw toStoreError(e);
      }
    },
    async command(sql: string, params?: Params): Promise<void> {
      await run(sql, params, 'CSV');
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      session.close();
      // close() can return before the native connection is gone; wait, so the
      // same process may open the folder (or another one) right after.
      await drainPending();
    },
  };
}
