// The web app with the cases worker, the real registry, an in-process bus and
// chDB in a temp folder — what the case e2e and Open311 contract tests drive.
import type { AppContext } from '../../shared/app/context.js';
import type { Classifier } from '../../analytics/classify/index.js';
import { loadRegistry, type Registry } from '../../analytics/registry/load.js';
import { loadConfig } from '../../shared/config/env.js';
import { silentLogger } from '../../shared/log/logger.js';
import { createMemoryBus, type MemoryBus } from '../../shared/bus/memory-bus.js';
import type { ProcessedMention } from '../../shared/types/mention.js';
import type { House } from '../../shared/types/registry.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import type { Service } from '../../shared/app/context.js';
import { toMentionRow } from '../../analytics/rows/mention-row.js';
import { startCasesWorker } from '../../ingest/workers/cases.worker.js';
import { startWeb, type WebService } from '../../web/server.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { ensureBuild } from '../helpers/ensure-build.js';

export interface CasesHarness {
  url: string;
  ctx: AppContext;
  bus: MemoryBus;
  registry: Registry;
  web: WebService;
  /** store and announce a processed mention, as the processing worker does */
  complain(m: ProcessedMention): Promise<void>;
  /** a registry house with an УК and a district */
  house(n?: number): House;
  stop(): Promise<void>;
}

export async function startCasesHarness(opts: { scanIntervalMs?: number } = {}): Promise<CasesHarness> {
  ensureBuild();
  const tmp: TempStore = await tempStore();
  const bus = createMemoryBus();
  const registry = await loadRegistry();
  const config = loadConfig({ DEMO: 'off', LOG_LEVEL: 'silent', HOST: '127.0.0.1' });
  const ctx: AppContext = { config, log: silentLogger, bus, store: tmp.store, registry, classifier: undefined as unknown as Classifier };
  const worker: Service = await startCasesWorker(ctx, { scanIntervalMs: opts.scanIntervalMs ?? 60_000 });
  const web = await startWeb(ctx, { port: 0, host: '127.0.0.1' });
  const withUk = registry.houses.filter((h) => h.orgId && h.district && registry.org(h.orgId)?.kind === 'uk');
  return {
    url: `http://127.0.0.1:${web.port}`,
    ctx,
    bus,
    registry,
    web,
    async complain(m) {
      await tmp.store.insert('mentions', [toMentionRow(m)]);
      await bus.publish(SUBJECTS.processed, m, { msgId: m.id });
    },
    house: (n = 0) => withUk[n * 97],
    async stop() {
      await web.stop();
      await worker.stop();
      await bus.close();
      await tmp.cleanup();
    },
  };
}

let n = 0;
export function complaintAbout(h: House, reg: Registry, over: Partial<ProcessedMention> = {}): ProcessedMention {
  const org = h.orgId ? reg.org(h.orgId) : undefined;
  n++;
  return {
    id: `vk:e2e-${Date.now()}-${n}`,
    source: 'vk',
    channel: 'vk:-100',
    authorHash: `a${n}`,
    text: `Нет отопления, батареи холодные, ${h.address}`,
    ts: new Date().toISOString(),
    url: `https://vk.com/wall-100_${n}`,
    ingestedAt: new Date().toISOString(),
    category: 'heating',
    relevant: true,
    confidence: 0.9,
    urgency: 0.8,
    reasons: [],
    address: { street: h.street, house: h.number, raw: h.address },
    houseId: h.id,
    lat: h.lat,
    lon: h.lon,
    district: h.district,
    organisation: org ? { id: org.id, name: org.name } : null,
    dupGroup: '',
    ...over,
  };
}

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
