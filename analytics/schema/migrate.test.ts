import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../tests/helpers/temp-store.js';
import { listMigrations, migrate, migrateDown } from './migrate.js';
import { planMigrations, splitStatements } from './split-sql.js';

describe('splitStatements', () => {
  it('splits on ; at line ends and ignores comment lines', () => {
    const sql = `-- header; with a semicolon;
CREATE TABLE a (x String DEFAULT 'a;b') ENGINE = Memory;
-- between;

CREATE TABLE b (x UInt8) ENGINE = Memory ;
SELECT 1`;
    expect(splitStatements(sql)).toEqual([
      "CREATE TABLE a (x String DEFAULT 'a;b') ENGINE = Memory",
      'CREATE TABLE b (x UInt8) ENGINE = Memory',
      'SELECT 1',
    ]);
    expect(splitStatements('-- nothing\n\n')).toEqual([]);
  });
});

describe('planMigrations', () => {
  it('orders by version, ignores other files, rejects duplicate versions', () => {
    const plan = planMigrations(['0010_registry.up.sql', '0001_mentions.down.sql', 'README.md', '0001_mentions.up.sql', '0002_x.up.sql']);
    expect(plan.map((m) => [m.version, m.name, m.downFile])).toEqual([
      [1, 'mentions', '0001_mentions.down.sql'],
      [2, 'x', '0002_x.down.sql'],
      [10, 'registry', '0010_registry.down.sql'],
    ]);
    expect(() => planMigrations(['0003_a.up.sql', '0003_b.up.sql'])).toThrow(/0003/);
  });

  it('finds the project migrations, starting with 0001_mentions', () => {
    expect(listMigrations()[0]).toMatchObject({ version: 1, name: 'mentions' });
  });
});

describe('migrate on chDB', () => {
  let t: TempStore;
  let dir: string;
  beforeAll(async () => {
    t = await tempStore({ migrate: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-migrations-'));
  });
  afterAll(async () => {
    await t?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const tables = async () =>
    (await t.store.query<{ name: string }>('SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name')).map((r) => r.name);

  it('applies the project migrations once, in order', async () => {
    const first = await migrate(t.store);
    expect(first.applied).toEqual(listMigrations().map((m) => m.upFile.replace('.up.sql', '')));
    expect(first.applied.slice(0, 2)).toEqual(['0001_mentions', '0002_mentions_hourly']);
    expect(await tables()).toEqual(expect.arrayContaining(['mentions', 'dead_letters', 'schema_migrations']));
    expect((await migrate(t.store)).applied).toEqual([]);
  });

  it('drops the unread hourly rollup, and its down script brings it back', async () => {
    expect(await tables()).not.toContain('mentions_hourly');
    const all = listMigrations();
    const drop = all.find((m) => m.name === 'drop_mentions_hourly')!;
    const later = all.filter((m) => m.version >= drop.version).length;
    await migrateDown(t.store, later);
    expect(await tables()).toContain('mentions_hourly');
    expect((await migrate(t.store)).applied).toHaveLength(later);
    expect(await tables()).not.toContain('mentions_hourly');
  });

  it('runs multi-statement files from another folder, and reverts them with .down.sql', async () => {
    fs.writeFileSync(
      path.join(dir, '0001_pair.up.sql'),
      '-- two tables;\nCREATE TABLE IF NOT EXISTS pair_a (x UInt8) ENGINE = MergeTree ORDER BY x;\nCREATE TABLE IF NOT EXISTS pair_b (x UInt8) ENGINE = MergeTree ORDER BY x;\n',
    );
    fs.writeFileSync(path.join(dir, '0001_pair.down.sql'), 'DROP TABLE IF EXISTS pair_b;\nDROP TABLE IF EXISTS pair_a;\n');
    fs.writeFileSync(path.join(dir, '0003_later.up.sql'), 'CREATE TABLE IF NOT EXISTS later (x UInt8) ENGINE = MergeTree ORDER BY x\n');
    fs.writeFileSync(path.join(dir, '0003_later.down.sql'), 'DROP TABLE IF EXISTS later\n');
    // This store already recorded the project's 0001, so use a fresh record table name space: drop it.
    await t.store.command('DROP TABLE schema_migrations');
    expect((await migrate(t.store, undefined, { dir })).applied).toEqual(['0001_pair', '0003_later']);
    expect(await tables()).toEqual(expect.arrayContaining(['pair_a', 'pair_b', 'later']));

    expect((await migrateDown(t.store, 1, undefined, { dir })).reverted).toEqual(['0003_later']);
    expect(await tables()).not.toContain('later');
    expect(await tables()).toContain('pair_a');
    expect((await migrate(t.store, undefined, { dir })).applied).toEqual(['0003_later']);
    expect(await tables()).toContain('later');
  });

  it('names the file when a statement fails', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-bad-'));
    fs.writeFileSync(path.join(bad, '0009_broken.up.sql'), 'CREATE TABLE broken (x Nonsense) ENGINE = Memory;\n');
    await expect(migrate(t.store, undefined, { dir: bad })).rejects.toThrow(/0009_broken\.up\.sql.*Nonsense/s);
    fs.rmSync(bad, { recursive: true, force: true });
  });
});
