// A real web server for tests: in-process bus, migrated chDB in a temp folder,
// startWeb on a free port. Needs the build (see ensure-build.ts).
import type { AppContext } from '../../shared/app/context.js';
import type { Registry } from '../../analytics/registry/load.js';
import type { Classifier } from '../../analytics/classify/index.js';
import { loadConfig } from '../../shared/config/env.js';
import { silentLogger, type Logger } from '../../shared/log/logger.js';
import { createMemoryBus, type MemoryBus } from '../../shared/bus/memory-bus.js';
import type { Store } from '../../shared/storage/store.js';
import type { ProcessedMention } from '../../shared/types/mention.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import { toMentionRow } from '../../analytics/rows/mention-row.js';
import { startWeb, type WebService } from '../../web/server.js';
import { tempStore } from './temp-store.js';

export interface WebHarness {
  url: string;
  bus: MemoryBus;
  store: Store;
  web: WebService;
  /** store the mentions, as the processing worker does */
  save(mentions: ProcessedMention[]): Promise<void>;
  /** store, then announce on `mentions.processed` (the worker's order) */
  process(mentions: ProcessedMention[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startWebHarness(opts: { log?: Logger } = {}): Promise<WebHarness> {
  const tmp = await tempStore();
  const bus = createMemoryBus();
  const config = loadConfig({ DEMO: 'off', LOG_LEVEL: 'silent', HOST: '127.0.0.1' });
  // the web server does not classify or look up houses; the feed reads the store
  const ctx: AppContext = {
    config,
    log: opts.log ?? silentLogger,
    bus,
    store: tmp.store,
    registry: undefined as unknown as Registry,
    classifier: undefined as unknown as Classifier,
  };
  const web = await startWeb(ctx, { port: 0, host: '127.0.0.1' });
  const storeMentions = async (ms: ProcessedMention[]) => {
    if (ms.length) await tmp.store.insert('mentions', ms.map(toMentionRow));
  };
  return {
    url: `http://127.0.0.1:${web.port}`,
    bus,
    store: tmp.store,
    web,
    save: storeMentions,
    async process(ms) {
      await storeMentions(ms);
      for (const m of ms) await bus.publish(SUBJECTS.processed, m, { msgId: m.id });
    },
    async stop() {
      await web.stop();
      await bus.close();
      await tmp.cleanup();
    },
  };
}
