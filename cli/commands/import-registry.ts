import type { Config } from '../../shared/config/env.js';
import type { Logger } from '../../shared/log/logger.js';
import { createStore } from '../../shared/storage/create-store.js';
import { migrate } from '../../analytics/schema/migrate.js';
import { runImportRegistry } from '../../analytics/registry/cli.js';

export async function importRegistryCommand(_a: string[], config: Config, log: Logger): Promise<number> {
  const store = await createStore(config);
  try {
    await migrate(store, log);
    const r = await runImportRegistry(store, log);
    if (r !== undefined) console.log(typeof r === 'string' ? r : JSON.stringify(r, null, 2));
  } finally {
    await store.close();
  }
  return 0;
}
