import type { Config } from '../../shared/config/env.js';
import type { Logger } from '../../shared/log/logger.js';
import { createStore } from '../../shared/storage/create-store.js';
import { migrate } from '../../analytics/schema/migrate.js';

export async function migrateCommand(_a: string[], config: Config, log: Logger): Promise<number> {
  const store = await createStore(config);
  try {
    const { applied } = await migrate(store, log);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await store.close();
  }
  return 0;
}
