import { describe, expect, it } from 'vitest';
import { HotspotDetector } from './detector.js';
import { uniformPrior } from './baseline.js';
import { loadHotspotsConfig } from './config.js';
import { background, makeCity } from './synthetic.js';
import { insideRing } from './hull.js';
import type { AlertEvent, DetectorMention } from './types.js';

const cfg = loadHotspotsConfig().detector;
const city = makeCity({ districts: 4, housesPerDistrict: 600, seed: 3 });
const prior = uniformPrior({ house: city.houses.length, street: 48, cell: 256, district: 4 });
const T0 = Date.UTC(2024, 0, 1);
const MIN = 60_000;

function warmDetector(): HotspotDetector {
  const det = new HotspotDetector(cfg, prior);
  const bg = background(city, { startMs: T0, weeks: 1, perDistrictPerDay: 150, angryPerDistrictWeek: 0, seed: 5 });
  for (const m of bg) det.add(m);
  det.tick(T0 + 7 * 24 * 60 * MIN);
  return det;
}

function mention(id: string, ts: number, houseIdx: number, author: string, category = 'heating'): DetectorMention {
  const h = city.houses[houseIdx];
  return { id, ts, category, relevant: true, houseId: h.id, lat: h.lat, lon: h.lon, district: h.district, street: h.street, authorHash: author };
}

/** Indices of the `n` houses nearest to house 0 in its district. */
function neighbours(n: number): number[] {
  const c = city.houses[0];
  return city.houses
    .map((h, i) => ({ i, d: h.district === c.district ? (h.lat - c.lat) ** 2 + ((h.lon - c.lon) / 2) ** 2 : Infinity }))
    .sort((a, b) => a.d - b.d)
    .slice(0, n)
    .map((x) => x.i);
}

describe('hotspot detector', () => {
  const start = T0 + 7 * 24 * 60 * MIN + 6 * 60 * MIN;

  it('groups neighbouring houses into one incident with an outline over them', () => {
    const det = warmDetector();
    const houses = neighbours(8);
    const events: AlertEvent[] = [];
    houses.forEach((hi, k) => {
      for (let j = 0; j < 2; j++) events.push(...det.add(mention(`b:${k}:${j}`, start + (k * 40 + j * 20) * 1000, hi, `r${k}-${j}`)));
    });
    const opened = events.filter((e) => e.kind === 'opened');
    expect(opened).toHaveLength(1);
    const last = events[events.length - 1].alert;
    expect(last.id).toBe(opened[0].alertId);
    expect(last.houseCount).toBe(8);
    expect(last.layer).toBe('heating');
    expect(last.title).toMatch(/^вероятная авария: 8 домов, отопление, с \d\d:\d\d$/);
    for (const h of last.houses) expect(insideRing(h.lon as number, h.lat as number, last.outline)).toBe(true);
    // the outline grew as houses joined
    expect(opened[0].alert.houseCount).toBeLessThan(8);
  });

  it('one resident posting ten times is not an accident', () => {
    const det = warmDetector();
    const events: AlertEvent[] = [];
    for (let j = 0; j < 10; j++) events.push(...det.add(mention(`a:${j}`, start + j * 60_000, 0, 'angry')));
    expect(events).toEqual([]);
  });

  it('two neighbouring houses, four residents within minutes: a burst a house short; two residents posting twice are not', () => {
    const det = warmDetector();
    const houses = neighbours(2);
    const events = [0, 1, 2, 3].flatMap((j) => det.add(mention(`t:${j}`, start + j * 60_000, houses[j % 2], `t${j}`)));
    expect(events.filter((e) => e.kind === 'opened')).toHaveLength(1);
    const det2 = warmDetector();
    const two = [0, 1, 2, 3].flatMap((j) => det2.add(mention(`u:${j}`, start + j * 60_000, houses[j % 2], `u${j % 2}`)));
    expect(two).toEqual([]);
  });

  it('ignores irrelevant mentions and categories outside the configured layers', () => {
    const det = warmDetector();
    const houses = neighbours(6);
    const events: AlertEvent[] = [];
    houses.forEach((hi, k) => {
      events.push(...det.add({ ...mention(`x:${k}`, start + k * 1000, hi, `p${k}`), relevant: false }));
      events.push(...det.add(mention(`y:${k}`, start + k * 1000, hi, `q${k}`, 'roads')));
    });
    expect(events).toEqual([]);
  });

  it('runs the lifecycle opened → growing → subsiding → closed and keeps acknowledgements', () => {
    const det = warmDetector();
    const houses = neighbours(6);
    const kinds: string[] = [];
    let id = '';
    houses.forEach((hi, k) => {
      for (const e of det.add(mention(`c:${k}`, start + k * 60_000, hi, `s${k}`))) {
        kinds.push(e.kind);
        id = e.alertId;
      }
    });
    const ack = det.acknowledge(id, { by: 'оператор', note: 'бригада выехала', at: new Date(start + 10 * MIN).toISOString() });
    expect(ack?.alert.ack?.note).toBe('бригада выехала');
    for (let t = 10; t <= 240; t += 1) for (const e of det.tick(start + t * MIN)) kinds.push(e.kind);
    expect(kinds[0]).toBe('opened');
    expect(kinds).toContain('growing');
    expect(kinds.indexOf('subsiding')).toBeGreaterThan(kinds.indexOf('growing'));
    expect(kinds[kinds.length - 1]).toBe('closed');
    expect(det.openAlerts()).toHaveLength(0);
    expect(det.acknowledge(id, { by: 'x', note: 'y', at: new Date().toISOString() })).toBeNull();
  });

  it('history arriving late (a backfill) teaches baselines but opens nothing', () => {
    const det = warmDetector();
    det.add(mention('live', start + 40 * MIN, 100, 'someone'));
    const events: AlertEvent[] = [];
    neighbours(8).forEach((hi, k) => {
      for (let j = 0; j < 2; j++) events.push(...det.add(mention(`old:${k}:${j}`, start + (k * 40 + j * 20) * 1000, hi, `o${k}-${j}`)));
    });
    expect(events).toEqual([]);
  });

  it('no alert before the stream has been observed for a while (a first start)', () => {
    const det = new HotspotDetector(cfg, prior);
    const events: AlertEvent[] = [];
    neighbours(8).forEach((hi, k) => events.push(...det.add(mention(`f:${k}`, start + k * 20_000, hi, `f${k}`))));
    expect(events).toEqual([]);
  });

  it('replaying the same mentions reproduces the same alert ids (idempotent after a restart)', () => {
    const ids = [0, 1].map(() => {
      const det = warmDetector();
      const out: string[] = [];
      neighbours(5).forEach((hi, k) => det.add(mention(`d:${k}`, start + k * 30_000, hi, `t${k}`)).forEach((e) => out.push(e.eventId)));
      return out;
    });
    expect(ids[0].length).toBeGreaterThan(0);
    expect(ids[1]).toEqual(ids[0]);
  });
});
