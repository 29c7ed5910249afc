// A migrated chDB store in a fresh temp folder, for tests. chDB holds one data
// folder per process (vitest runs each test file in its own process), so call
// this once per file (beforeAll) and `cleanup()` in afterAll.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChdbStore } from '../../shared/storage/chdb-store.js';
import type { Store } from '../../shared/storage/store.js';
import { migrate } from '../../analytics/schema/migrate.js';

export interface TempStore {
  store: Store;
  dir: string;
  cleanup(): Promise<void>;
}

export async function tempStore(opts: { migrate?: boolean } = {}): Promise<TempStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-'));
  const store = await createChdbStore(dir);
  if (opts.migrate !== false) await migrate(store);
  return {
    store,
    dir,
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
