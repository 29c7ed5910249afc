// The live map in Chromium: the demo's heating accident appears as an outline over
// its houses, the outline grows as complaints arrive (no reload), and acknowledging
// the alert on one page updates every open page. Takes a screenshot for a human look.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createMemoryBus } from '../../shared/bus/memory-bus.js';
import { loadConfig } from '../../shared/config/env.js';
import { silentLogger } from '../../shared/log/logger.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import type { AppContext, Service } from '../../shared/app/context.js';
import type { ProcessedMention } from '../../shared/types/mention.js';
import type { House } from '../../shared/types/registry.js';
import { loadRegistry } from '../../analytics/registry/load.js';
import { toMentionRow } from '../../analytics/rows/mention-row.js';
import { scenarioTruth } from '../../ingest/sources/demo/generator.js';
import { heatingAccident } from '../../ingest/sources/demo/scenario.js';
import { startWeb, type WebService } from '../../web/server.js';
import { startHotspotWorker } from '../../ingest/workers/hotspots.worker.js';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { processedMention } from '../helpers/mention-factory.js';
import { launchBrowser } from '../helpers/browser.js';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test-results');
const CATS = ['heating', 'elevator', 'garbage', 'billing', 'snow_ice', 'electricity', 'hot_water'] as const;

let ts: TempStore;
let ctx: AppContext;
let web: WebService;
let worker: Service;
let browser: Browser;

function complaint(h: House, id: string, at: number, category: string, author: string): ProcessedMention {
  return processedMention({
    id, ts: new Date(at).toISOString(), category: category as never, authorHash: author, houseId: h.id, lat: h.lat, lon: h.lon,
    district: h.district, address: { street: h.street, house: h.number, raw: h.address }, text: `Нет отопления, ${h.address}`,
  });
}

async function process(ms: ProcessedMention[]) {
  await ts.store.insert('mentions', ms.map(toMentionRow));
  for (const m of ms) await ctx.bus.publish(SUBJECTS.processed, m, { msgId: m.id });
}

beforeAll(async () => {
  ts = await tempStore();
  const registry = await loadRegistry();
  const config = loadConfig({ DEMO: 'off', LOG_LEVEL: 'silent', HOST: '127.0.0.1' });
  ctx = { config, log: silentLogger, bus: createMemoryBus(), store: ts.store, registry, classifier: undefined as never };
  // A week of everyday complaints across the city, so the baselines are learnt.
  const located = registry.houses.filter((h) => h.lat !== null && h.lon !== null);
  const now = Date.now();
  const bg = Array.from({ length: 6000 }, (_, i) =>
    complaint(located[(i * 7919) % located.length], `demo:bg-${i}`, now - 4 * 3_600_000 - ((i * 2_654_435) % (7 * 86_400_000)), CATS[i % CATS.length], `bg${i}`),
  );
  await ts.store.insert('mentions', bg.map(toMentionRow));
  worker = await startHotspotWorker(ctx, { tickMs: 2000 });
  web = await startWeb(ctx, { port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await worker?.stop();
  await ctx?.bus.close();
  await ts?.cleanup();
});

async function openMap(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${web.port}/map?mode=heating`);
  await page.waitForFunction(() => !!(window as unknown as { __domovoyMap?: unknown }).__domovoyMap);
  await page.waitForFunction(() => document.querySelector('.status')?.textContent?.includes('онлайн'));
  return page;
}

const outlineHouses = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('path.incident-outline')?.getAttribute('data-house-count') ?? 0));

describe('live map', () => {
  it('shows the heating accident as a growing outline and spreads acknowledgements live', async () => {
    const [truth] = scenarioTruth({ houses: ctx.registry.houses, seed: 42, start: new Date(), scenario: [heatingAccident()] });
    const houses = truth.houseIds.map((id) => ctx.registry.house(id) as House);
    expect(houses.length).toBeGreaterThanOrEqual(6);
    const pages = [await openMap(), await openMap()];
    const t0 = Date.now() - 8 * 60_000;

    // First wave: half of the houses write.
    const half = Math.ceil(houses.length / 2);
    const first = houses.slice(0, half).flatMap((h, i) => [0, 1].map((j) => complaint(h, `demo:acc-${i}-${j}`, t0 + (i * 2 + j) * 20_000, 'heating', `r${i}-${j}`)));
    await process(first);
    // at the city's zoom a block-sized outline may be a pixel wide (the ring marks it there): attached, not visible
    for (const p of pages) await p.waitForSelector('path.incident-outline', { state: 'attached', timeout: 15_000 });
    const before = await outlineHouses(pages[1]);
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThanOrEqual(half);

    // Second wave: the rest of the houses; the outline grows on every page without reload.
    const second = houses.slice(half).flatMap((h, i) => [0, 1].map((j) => complaint(h, `demo:acc2-${i}-${j}`, Date.now() - 60_000 + (i * 2 + j) * 1000, 'heating', `s${i}-${j}`)));
    await process(second);
    for (const p of pages) await p.waitForFunction((n) => Number(document.querySelector('path.incident-outline')?.getAttribute('data-house-count')) === n, houses.length, { timeout: 15_000 });
    expect(await pages[0].locator('path.incident-outline').count()).toBe(1);

    // Every house of the accident lies inside the drawn outline.
    const page = pages[0];
    await page.locator('.alert .title').first().click();
    await page.waitForTimeout(800);
    const inside = await page.evaluate((pts) => {
      const map = (window as unknown as { __domovoyMap: { latLngToContainerPoint(ll: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } }).__domovoyMap;
      const box = map.getContainer().getBoundingClientRect();
      return pts.map(([lat, lon]) => {
        const p = map.latLngToContainerPoint([lat, lon]);
        return document.elementsFromPoint(box.left + p.x, box.top + p.y).some((el) => el.classList.contains('incident-outline'));
      });
    }, houses.map((h) => [h.lat as number, h.lon as number]));
    expect(inside).toEqual(houses.map(() => true));
    await expect.poll(() => page.locator('[data-testid="detail-mentions"] li').count()).toBeGreaterThanOrEqual(houses.length * 2);
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'map-heating-incident.png') });

    // Acknowledge on one page; the other sees it without reload.
    await page.locator('.alert input[name="note"]').fill('Бригада выехала');
    await page.locator('.alert button[type="submit"]').click();
    await pages[1].waitForFunction(() => document.querySelector('.alert [data-ack]')?.textContent?.includes('Бригада выехала'), undefined, { timeout: 10_000 });
    await pages[1].screenshot({ path: path.join(OUT, 'map-acknowledged.png') });
  });
});
