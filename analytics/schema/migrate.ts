// Numbered SQL migrations, applied in order and recorded in schema_migrations.
// Every DDL statement uses IF NOT EXISTS / IF EXISTS, so applying twice — or two
// processes racing at start-up — changes nothing the second time; the record
// table is a ReplacingMergeTree on version, so a double record collapses too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../shared/storage/store.js';
import { silentLogger, type Logger } from '../../shared/log/logger.js';
import { planMigrations, splitStatements, type MigrationFile } from './split-sql.js';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

const RECORD_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations
(
    version UInt32,
    name String,
    applied_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(applied_at)
ORDER BY version`;

export interface MigrateOptions {
  /** folder of NNNN_name.up.sql / .down.sql files (default: analytics/schema/migrations) */
  dir?: string;
}

export function listMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return planMigrations(fs.readdirSync(dir));
}

export async function appliedVersions(store: Store): Promise<Set<number>> {
  await store.command(RECORD_TABLE);
  const rows = await store.query<{ version: number }>('SELECT version FROM schema_migrations FINAL');
  return new Set(rows.map((r) => Number(r.version)));
}

/** Apply every migration not yet recorded, in version order. */
export async function migrate(store: Store, log: Logger = silentLogger, opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const dir = opts.dir ?? MIGRATIONS_DIR;
  const done = await appliedVersions(store);
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    if (done.has(m.version)) continue;
    const id = m.upFile.replace(/\.up\.sql$/, '');
    log.info('applying migration', { migration: id });
    for (const stmt of splitStatements(fs.readFileSync(path.join(dir, m.upFile), 'utf8'))) {
      try {
        await store.command(stmt);
      } catch (e) {
        throw new Error(`migration ${m.upFile} failed: ${(e as Error).message}`, { cause: e });
      }
    }
    await store.insert('schema_migrations', [{ version: m.version, name: m.name, applied_at: new Date() }]);
    applied.push(id);
  }
  return { applied };
}

/** Roll back the newest `steps` applied migrations with their .down.sql scripts. */
export async function migrateDown(store: Store, steps = 1, log: Logger = silentLogger, opts: MigrateOptions = {}): Promise<{ reverted: string[] }> {
  const dir = opts.dir ?? MIGRATIONS_DIR;
  const done = await appliedVersions(store);
  const newestFirst = listMigrations(dir)
    .filter((m) => done.has(m.version))
    .reverse()
    .slice(0, steps);
  const reverted: string[] = [];
  for (const m of newestFirst) {
    const id = m.upFile.replace(/\.up\.sql$/, '');
    log.info('reverting migration', { migration: id });
    const downPath = path.join(dir, m.downFile);
    if (!fs.existsSync(downPath)) throw new Error(`migration ${id} has no ${m.downFile}`);
    for (const stmt of splitStatements(fs.readFileSync(downPath, 'utf8'))) await store.command(stmt);
    // A mutation rather than a lightweight DELETE: it works on every engine version we target.
    await store.command('ALTER TABLE schema_migrations DELETE WHERE version = {v:UInt32} SETTINGS mutations_sync = 2', { v: m.version });
    reverted.push(id);
  }
  return { reverted };
}
