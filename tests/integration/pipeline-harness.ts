// Builds the processing pipeline around a given bus and a chDB store in a temp folder,
// with knobs to force failures, for the integration tests of exactly-once storage.
import type { AppContext, Service } from '../../shared/app/context.js';
import type { Bus } from '../../shared/bus/bus.js';
import type { Store } from '../../shared/storage/store.js';
import { loadConfig } from '../../shared/config/env.js';
import { silentLogger } from '../../shared/log/logger.js';
import { loadRegistry, type Registry } from '../../analytics/registry/load.js';
import { loadClassifier, type Classifier } from '../../analytics/classify/index.js';
import { startProcessWorker } from '../../ingest/workers/mentions.process.worker.js';
import { startDeadLetterWorker } from '../../ingest/workers/deadletter.worker.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import type { RawMention } from '../../shared/types/mention.js';

let shared: { registry: Registry; classifier: Classifier } | undefined;
export async function models() {
  shared ??= { registry: await loadRegistry(), classifier: loadClassifier() };
  return shared;
}

/** A store whose inserts into `mentions` fail for the first `failures` calls (a flaky ClickHouse). */
export function flakyStore(store: Store, failures: number): Store & { failed: number } {
  const s = {
    kind: store.kind,
    failed: 0,
    query: store.query.bind(store),
    command: store.command.bind(store),
    close: store.close.bind(store),
    async insert(table: string, rows: readonly Record<string, unknown>[]) {
      if (table === 'mentions' && s.failed < failures) {
        s.failed++;
        throw new Error('simulated: connection reset by ClickHouse');
      }
      return store.insert(table, rows);
    },
  };
  return s;
}

export async function startPipeline(bus: Bus, store: Store, env: Record<string, string> = {}) {
  const { registry, classifier } = await models();
  const config = loadConfig({ DEMO: 'off', BATCH_SIZE: '250', BATCH_MS: '50', ...env });
  const ctx: AppContext = { config, log: silentLogger, bus, store, registry, classifier };
  const services: Service[] = [await startDeadLetterWorker(ctx), await startProcessWorker(ctx)];
  return {
    ctx,
    async stop() {
      for (const s of services.reverse()) await s.stop();
    },
  };
}

export function sampleMentions(n: number, prefix = 'test'): RawMention[] {
  const texts = [
    'Третий день нет отопления в квартире, дети мёрзнут! ул. Барочная д. 2',
    'Опять не работает лифт во 2 парадной, пр. Просвещения д.87 к.1',
    'Спасибо дворникам за чистый двор!',
    "Мусор не вывозят неделю'; DROP TABLE mentions; -- <script>alert(1)</script>",
    'Сосульки над входом в подъезд, Невский проспект 100 — опасно',
    'Прорвало трубу в подвале, всё затопило 🤬 Гражданский пр., 5к2',
  ];
  const t0 = Date.parse('2026-11-20T06:00:00Z');
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}:${i}`,
    source: 'demo' as const,
    channel: 'vk:-1',
    author: `a${i % 97}`,
    text: `${texts[i % texts.length]} #${i}`,
    ts: new Date(t0 + i * 1000).toISOString(),
  }));
}

export async function publishAll(bus: Bus, items: unknown[], source = 'demo') {
  let duplicates = 0;
  for (let i = 0; i < items.length; i += 200) {
    const rs = await Promise.all(
      items.slice(i, i + 200).map((m) => {
        const id = (m as { id?: unknown })?.id;
        return bus.publish(SUBJECTS.raw(source), m, typeof id === 'string' ? { msgId: id } : {});
      }),
    );
    duplicates += rs.filter((r) => r.duplicate).length;
  }
  return duplicates;
}

export async function waitFor(cond: () => Promise<boolean>, ms = 60_000, what = 'condition') {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function countRows(store: Store) {
  const [r] = await store.query<{ rows: string; ids: string }>('SELECT count() AS rows, uniqExact(id) AS ids FROM mentions FINAL');
  return { rows: Number(r!.rows), ids: Number(r!.ids) };
}
