// The hotspot worker on the in-process bus and chDB: a burst of processed
// mentions becomes one stored, announced alert; a restart replays the window
// without storing anything twice; an acknowledgement is kept on later snapshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../shared/bus/memory-bus.js';
import { silentLogger } from '../../shared/log/logger.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import type { AppContext } from '../../shared/app/context.js';
import type { House } from '../../shared/types/registry.js';
import { startHotspotWorker } from '../../ingest/workers/hotspots.worker.js';
import { getAlerts } from '../../analytics/queries/hotspots/get-alerts.js';
import { appendAlertEvents } from '../../analytics/queries/hotspots/append-alert-events.js';
import { ackEvent } from '../../analytics/hotspots/ack.js';
import type { HotspotAlert } from '../../analytics/hotspots/types.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { processedMention } from '../helpers/mention-factory.js';
import { toMentionRow } from '../../analytics/rows/mention-row.js';

let ts: TempStore;
beforeAll(async () => {
  ts = await tempStore();
});
afterAll(async () => ts?.cleanup());

// 400 houses on a 20 × 20 grid (~2.5 km square); the burst hits a 3 × 3 block of them.
const houses: House[] = Array.from({ length: 400 }, (_, i) => ({
  id: `spb:${i}`, region: 'spb', address: `ул. Тестовая, д. ${i}`, street: `Тестовая ${Math.floor(i / 20)}`, streetType: 'ул.', number: String(i),
  locality: 'Санкт-Петербург', lat: 59.9 + Math.floor(i / 20) * 0.0012, lon: 30.3 + (i % 20) * 0.0024, district: 'Тестовый район',
  orgId: null, year: null, floors: null, apartments: null, area: null,
}));
const BLOCK = [0, 1, 2, 20, 21, 22, 40, 41, 42];
const CATS = ['heating', 'elevator', 'garbage', 'billing', 'snow_ice', 'electricity'];

/** A week of background before the burst: every house complains now and then. */
function history(now: number) {
  return Array.from({ length: 3000 }, (_, i) => {
    const h = houses[(i * 7919) % houses.length];
    return processedMention({
      id: `demo:bg-${i}`, ts: new Date(now - 4 * 3_600_000 - ((i * 2_654_435) % (7 * 24 * 3_600_000))).toISOString(),
      category: CATS[i % CATS.length] as never, authorHash: `bg${i}`, houseId: h.id, lat: h.lat, lon: h.lon, district: h.district,
      address: { street: h.street, house: h.number, raw: '' },
    });
  });
}

function ctxWith(bus: ReturnType<typeof createMemoryBus>): AppContext {
  return { config: {} as AppContext['config'], log: silentLogger, bus, store: ts.store, registry: { houses } as unknown as AppContext['registry'], classifier: {} as AppContext['classifier'] };
}

function burstMention(i: number, at: number) {
  const h = houses[BLOCK[i % BLOCK.length]];
  return processedMention({
    id: `demo:burst-${i}`, ts: new Date(at).toISOString(), category: 'heating', authorHash: `res${i}`,
    houseId: h.id, lat: h.lat, lon: h.lon, district: h.district, address: { street: h.street, house: h.number, raw: '' },
  });
}

async function until(cond: () => boolean | Promise<boolean>, ms = 10_000) {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('hotspot worker', () => {
  it('turns a burst into one stored and announced alert, survives a restart, keeps acks', async () => {
    const bus = createMemoryBus();
    const seen: HotspotAlert[] = [];
    bus.subscribe<HotspotAlert>(SUBJECTS.hotspotAlert, (a) => seen.push(a));
    const now = Date.now();
    await ts.store.insert('mentions', history(now).map(toMentionRow));
    const worker = await startHotspotWorker(ctxWith(bus), { tickMs: 100_000 });
    const burst = Array.from({ length: 14 }, (_, i) => burstMention(i, now - 10 * 60_000 + i * 30_000));
    await ts.store.insert('mentions', burst.map(toMentionRow));
    for (const m of burst) await bus.publish(SUBJECTS.processed, m, { msgId: m.id });
    await until(() => seen.some((a) => a.houseCount >= 9));

    const alerts = await getAlerts(ts.store, { sinceMs: now - 3_600_000 });
    expect(alerts).toHaveLength(1);
    expect(alerts[0].layer).toBe('heating');
    expect(alerts[0].houseCount).toBe(9);
    expect(new Set(seen.map((a) => a.id))).toEqual(new Set([alerts[0].id]));
    expect(seen[0].kind).toBe('opened');
    await worker.stop();

    const countOpened = async () =>
      Number((await ts.store.query<{ n: string }>("SELECT count() AS n FROM alert_events FINAL WHERE kind = 'opened'"))[0].n);
    expect(await countOpened()).toBe(1);
    // Restart: the replayed window rebuilds the incident under its stored id; nothing is opened twice.
    const bus2 = createMemoryBus();
    const seen2: HotspotAlert[] = [];
    bus2.subscribe<HotspotAlert>(SUBJECTS.hotspotAlert, (a) => seen2.push(a));
    const worker2 = await startHotspotWorker(ctxWith(bus2), { tickMs: 100_000 });
    expect(await countOpened()).toBe(1);
    expect(seen2.every((a) => a.id === alerts[0].id && a.kind !== 'opened')).toBe(true);
    expect((await getAlerts(ts.store, { sinceMs: now - 3_600_000 })).map((a) => a.id)).toEqual([alerts[0].id]);

    // An acknowledgement from the web process is folded into reads and kept by the detector.
    const ack = ackEvent(alerts[0], 'дежурный', 'бригада выехала');
    await appendAlertEvents(ts.store, [ack]);
    await bus2.publish(SUBJECTS.hotspotAlert, ack.alert, { msgId: ack.eventId });
    const [afterAck] = await getAlerts(ts.store, { sinceMs: now - 3_600_000 });
    expect(afterAck.ack?.note).toBe('бригада выехала');
    const more = burstMention(20, now - 60_000);
    const h = houses[3];
    Object.assign(more, { houseId: h.id, lat: h.lat, lon: h.lon });
    await bus2.publish(SUBJECTS.processed, more, { msgId: more.id });
    await until(() => seen2.some((a) => a.houseCount === 10));
    expect(seen2.find((a) => a.houseCount === 10)?.ack?.by).toBe('дежурный');
    await worker2.stop();
    await bus.close();
    await bus2.close();
  });
});
