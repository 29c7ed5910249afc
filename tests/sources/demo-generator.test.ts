import { describe, expect, it } from 'vitest';
import { RawMentionSchema } from '../../shared/types/mention.js';
import { generateLabelled, generateMentions, scenarioTruth, type GenerateOptions, type LabelledMention } from '../../ingest/sources/demo/generator.js';
import { distanceM, heatingAccident, LIVE_SCENARIO, snowfall } from '../../ingest/sources/demo/scenario.js';
import { localHour } from '../../ingest/sources/demo/rhythm.js';
import { fixtureHouses } from './houses.fixture.js';

const houses = fixtureHouses();
const DAY = 86_400_000;
const winter = new Date('2024-01-15T00:00:00Z');

function run(o: Partial<GenerateOptions> = {}): LabelledMention[] {
  return [...generateLabelled({ houses, seed: 11, start: winter, end: new Date(winter.getTime() + DAY), ratePerMin: 30, ...o })];
}

describe('demo generator', () => {
  const day = run({ scenario: LIVE_SCENARIO });

  it('is deterministic for a seed and differs between seeds', () => {
    const opts = { houses, seed: 5, start: winter, end: new Date(winter.getTime() + 3 * 3600_000), ratePerMin: 100, scenario: LIVE_SCENARIO };
    const a = JSON.stringify([...generateMentions(opts)]);
    const b = JSON.stringify([...generateMentions(opts)]);
    const c = JSON.stringify([...generateMentions({ ...opts, seed: 6 })]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('emits valid, uniquely identified mentions in time order within the window', () => {
    const ids = new Set<string>();
    const bad: string[] = [];
    let last = 0;
    for (const { mention } of day) {
      if (!RawMentionSchema.safeParse(mention).success || !/^demo:\d+$/.test(mention.id)) bad.push(JSON.stringify(mention));
      ids.add(mention.id);
      const t = Date.parse(mention.ts);
      if (t < last || t < winter.getTime() || t > winter.getTime() + DAY) bad.push(`out of order or window: ${mention.ts}`);
      last = t;
    }
    expect(bad).toEqual([]);
    expect(ids.size).toBe(day.length);
    // 30/min over a day, plus the bursts
    expect(day.length).toBeGreaterThan(30 * 1440 * 0.9);
  });

  it('writes plausible text: no leftover templates, Cyrillic, varied', () => {
    const texts = new Set<string>();
    const bad = day.map((x) => x.mention.text).filter((t) => /[{}]|undefined|null|NaN|\s{2}|^\s|\s$/.test(t) || !/[а-яё]{3}/i.test(t));
    expect(bad).toEqual([]);
    for (const { mention } of day) texts.add(mention.text);
    expect(texts.size / day.length).toBeGreaterThan(0.6);
    // greetings fit the hour
    // (a repost may carry an evening greeting past midnight; that is what reposts do)
    const night = day.filter((x) => !x.truth.repostOf && localHour(Date.parse(x.mention.ts)) < 5).map((x) => x.mention.text.toLowerCase());
    expect(night.length).toBeGreaterThan(50);
    expect(night.filter((t) => /добр(ое утро|ый день|ый вечер)/.test(t))).toEqual([]);
    const lens = day.map((x) => x.mention.text.length);
    expect(Math.min(...lens)).toBeLessThan(40);
    expect(Math.max(...lens)).toBeGreaterThan(250);
  });

  it('mixes many categories in realistic proportions with a third of non-complaints', () => {
    const bg = run({ seed: 12 });
    const counts = new Map<string, number>();
    for (const x of bg) counts.set(x.truth.category, (counts.get(x.truth.category) ?? 0) + 1);
    const irrelevant = (counts.get('irrelevant') ?? 0) / bg.length;
    expect(irrelevant).toBeGreaterThan(0.3);
    expect(irrelevant).toBeLessThan(0.42);
    const complaints = [...counts].filter(([c]) => c !== 'irrelevant');
    expect(complaints.length).toBeGreaterThanOrEqual(20);
    const top = Math.max(...complaints.map(([, n]) => n)) / bg.length;
    expect(top).toBeLessThan(0.15);
    // winter: heating and snow are common, in July they nearly vanish
    const july = run({ seed: 12, start: new Date('2024-07-15T00:00:00Z'), end: new Date('2024-07-16T00:00:00Z') });
    const share = (xs: LabelledMention[], c: string) => xs.filter((x) => x.truth.category === c).length / xs.length;
    expect(share(bg, 'heating')).toBeGreaterThan(5 * share(july, 'heating'));
    expect(share(july, 'snow_ice')).toBe(0);
    expect(share(bg, 'snow_ice')).toBeGreaterThan(0.03);
  });

  it('follows a daily rhythm: nights are quieter than evenings', () => {
    const byHour = new Array(24).fill(0);
    for (const x of run({ seed: 13 })) byHour[localHour(Date.parse(x.mention.ts))]++;
    const night = byHour[2] + byHour[3] + byHour[4];
    const evening = byHour[18] + byHour[19] + byHour[20];
    const morning = byHour[8] + byHour[9] + byHour[10];
    expect(night * 4).toBeLessThan(evening);
    expect(night * 3).toBeLessThan(morning);
  });

  it('has residents who post more than once and reposts to other groups', () => {
    const byAuthor = new Map<string, number>();
    for (const x of day) byAuthor.set(x.mention.author, (byAuthor.get(x.mention.author) ?? 0) + 1);
    expect([...byAuthor.values()].filter((n) => n >= 3).length).toBeGreaterThan(30);
    const byId = new Map(day.map((x) => [x.mention.id, x]));
    const reposts = day.filter((x) => x.truth.repostOf);
    expect(reposts.length).toBeGreaterThan(day.length * 0.01);
    for (const r of reposts.slice(0, 50)) {
      const orig = byId.get(r.truth.repostOf!)!;
      expect(r.mention.text).toContain(orig.mention.text);
      expect(r.mention.channel).not.toBe(orig.mention.channel);
      expect(Date.parse(r.mention.ts)).toBeGreaterThan(Date.parse(orig.mention.ts));
    }
  });

  it('writes the address of the house in most complaints that carry one', () => {
    const byId = new Map(houses.map((h) => [h.id, h]));
    const full = day.filter((x) => x.truth.address === 'full');
    expect(full.length).toBeGreaterThan(day.length * 0.2);
    const missing = full.filter((x) => !x.mention.text.includes(/^\d+/.exec(byId.get(x.truth.houseId!)!.number)![0]));
    expect(missing.map((x) => x.mention.text)).toEqual([]);
    expect(day.filter((x) => x.truth.address === 'none' && x.truth.category !== 'irrelevant').length).toBeGreaterThan(0);
  });
});

describe('scripted bursts', () => {
  const start = new Date('2024-01-15T05:00:00Z');
  const opts = { houses, seed: 21, start, end: new Date(start.getTime() + 12 * 3600_000), ratePerMin: 120, scenario: LIVE_SCENARIO };
  const all = [...generateLabelled(opts)];
  const truth = scenarioTruth(opts);
  const accident = truth.find((t) => t.name === 'heating-accident')!;
  // reposts of burst messages come later, in other groups; the burst itself is the originals
  const acc = all.filter((x) => x.truth.burst === 'heating-accident' && !x.truth.repostOf);

  it('hits a block of 6–12 neighbouring houses within a kilometre', () => {
    expect(accident.houseIds.length).toBeGreaterThanOrEqual(6);
    expect(accident.houseIds.length).toBeLessThanOrEqual(12);
    const hs = houses.filter((h) => accident.houseIds.includes(h.id)) as { lat: number; lon: number }[];
    for (const a of hs) for (const b of hs) expect(distanceM(a, b)).toBeLessThan(1000);
    const fromHouses = new Set(acc.map((x) => x.truth.houseId));
    expect(fromHouses.size).toBeGreaterThanOrEqual(6);
    for (const id of fromHouses) expect(accident.houseIds).toContain(id);
  });

  it('is clearly visible within ten minutes of its start: dozens of complaints, many houses and authors', () => {
    const t0 = Date.parse(accident.start);
    expect(t0 - start.getTime()).toBe(2 * 60_000);
    const first10 = acc.filter((x) => Date.parse(x.mention.ts) < t0 + 10 * 60_000);
    expect(first10.length).toBeGreaterThanOrEqual(20);
    expect(new Set(first10.map((x) => x.truth.houseId)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(acc.map((x) => x.mention.author)).size).toBeGreaterThan(acc.length * 0.7);
    expect(acc.every((x) => x.truth.category === 'heating')).toBe(true);
    expect(acc.filter((x) => x.truth.address === 'full').length).toBeGreaterThan(acc.length * 0.7);
  });

  it('grows and then subsides, and its size matches the ground truth', () => {
    const t0 = Date.parse(accident.start);
    const count = (from: number, to: number) => acc.filter((x) => { const t = Date.parse(x.mention.ts) - t0; return t >= from * 60_000 && t < to * 60_000; }).length;
    expect(count(20, 30)).toBeGreaterThan(count(0, 5) * 1.5);
    expect(count(55, 65)).toBeLessThan(count(25, 35));
    expect(acc.length).toBeGreaterThan(accident.expected * 0.75);
    expect(acc.length).toBeLessThan(accident.expected * 1.25);
    expect(Date.parse(acc.at(-1)!.mention.ts)).toBeLessThanOrEqual(Date.parse(accident.end));
  });

  it('runs a snowfall in another district: it builds up over its first hour, then snows for hours at a gentler rate', () => {
    const snow = truth.find((t) => t.name === 'snowfall')!;
    expect(snow.district).not.toBe(accident.district);
    const s = all.filter((x) => x.truth.burst === 'snowfall');
    const hour = (h: number) => s.filter((x) => Math.floor((Date.parse(x.mention.ts) - start.getTime()) / 3600_000) === h).length;
    expect(hour(0)).toBeLessThan(hour(1) * 0.8);
    // a plateau, not a peak: hours 1 to 4 within a third of each other
    const plateau = [1, 2, 3, 4].map(hour);
    expect(Math.min(...plateau)).toBeGreaterThan(Math.max(...plateau) * 0.66);
    const accidentPeakHour = Math.max(...[0, 1].map((h) => all.filter((x) => x.truth.burst === 'heating-accident' && Math.floor((Date.parse(x.mention.ts) - start.getTime()) / 3600_000) === h).length));
    expect(Math.max(...plateau)).toBeLessThan(accidentPeakHour);
    expect(new Set(s.map((x) => x.truth.houseId)).size).toBeGreaterThan(10);
    for (const x of s) expect(snow.houseIds).toContain(x.truth.houseId);
  });

  it('takes its timing from the configuration', () => {
    const custom = [heatingAccident({ offsetMin: 30, riseMin: 10, plateauMin: 0, fallMin: 10, peakPerMin: 20, houses: 6 }), snowfall({ offsetMin: 60, district: 'Выборгский район' })];
    // no background at all: the bursts alone
    const o = { ...opts, ratePerMin: 0, scenario: custom };
    const [acc2, snow2] = scenarioTruth(o);
    expect(acc2!.houseIds).toHaveLength(6);
    expect(Date.parse(acc2!.start) - start.getTime()).toBe(30 * 60_000);
    expect(Date.parse(acc2!.end) - Date.parse(acc2!.start)).toBe(20 * 60_000);
    expect(snow2!.district).toBe('Выборгский район');
    const gen = [...generateLabelled(o)];
    expect(gen.every((x) => x.truth.burst !== null)).toBe(true);
    const ms = gen.filter((x) => x.truth.burst === 'heating-accident' && !x.truth.repostOf).map((x) => Date.parse(x.mention.ts));
    expect(Math.min(...ms)).toBeGreaterThanOrEqual(Date.parse(acc2!.start));
    expect(Math.max(...ms)).toBeLessThanOrEqual(Date.parse(acc2!.end));
  });
});
