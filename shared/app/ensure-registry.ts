// The registry import is idempotent but not free; at start it runs only when the
// database does not hold the packaged registry yet (fresh data folder or new build).
import type { Store } from '../storage/store.js';
import type { Logger } from '../log/logger.js';
import type { Registry } from '../../analytics/registry/load.js';
import { importRegistry } from '../../analytics/registry/import.js';

export async function ensureRegistryImported(store: Store, registry: Registry, log: Logger): Promise<boolean> {
  const [row] = await store.query<{ n: string | number }>('SELECT count() AS n FROM houses FINAL');
  if (Number(row?.n ?? 0) === registry.houses.length) return false;
  const r = await importRegistry(store, registry, log);
  log.info('registry imported', { ...r });
  return true;
}
