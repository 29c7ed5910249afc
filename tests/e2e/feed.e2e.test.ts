// End to end in Chromium: the feed page shows mentions published after it loaded,
// without reload; counters move; after a dropped connection it catches up from the database.
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureBuild } from '../helpers/ensure-build.js';
import { launchBrowser } from '../helpers/browser.js';
import { startWebHarness, type WebHarness } from '../helpers/web-harness.js';
import { processedMention } from '../helpers/mention-factory.js';
import type { ProcessedMention } from '../../shared/types/mention.js';

let h: WebHarness;
let browser: Browser;
let page: Page;

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** A believable morning in the city, so the page (and its screenshot) looks like real use. */
function seedMentions(): ProcessedMention[] {
  const org = (id: string, name: string) => ({ id, name });
  return [
    processedMention({ id: 'vk:seed-1', ts: minutesAgo(42), ingestedAt: minutesAgo(42), category: 'heating', urgency: 0.85, text: 'Третий день нет отопления в квартире, батареи ледяные, дети мёрзнут! Звонили в аварийку — никто не приехал.', address: { street: 'ул. Барочная', house: '2', raw: 'Барочная 2' }, district: 'Петроградский район', organisation: org('org:11', 'ООО «Жилкомсервис № 2 Петроградского района»') }),
    processedMention({ id: 'telegram:seed-2', source: 'telegram', ts: minutesAgo(35), ingestedAt: minutesAgo(35), category: 'elevator', urgency: 0.5, text: 'Опять не работает лифт во второй парадной, пожилые соседи не могут выйти из дома', address: { street: 'пр. Просвещения', house: '87 к. 1', raw: 'пр. Просвещения д.87 к.1' }, district: 'Выборгский район', organisation: org('org:12', 'ООО «Жилкомсервис № 1 Выборгского района»') }),
    processedMention({ id: 'vk:seed-3', ts: minutesAgo(28), ingestedAt: minutesAgo(28), category: 'irrelevant', relevant: false, urgency: 0, text: 'Спасибо дворникам за чистый двор!', address: null, houseId: null, district: null, organisation: null }),
    processedMention({ id: 'vk:seed-4', ts: minutesAgo(20), ingestedAt: minutesAgo(20), category: 'snow_ice', urgency: 0.75, text: 'Огромные сосульки над входом в подъезд, прямо над головами прохожих — опасно!', address: { street: 'Невский пр.', house: '100', raw: 'Невский проспект 100' }, district: 'Центральный район', organisation: org('org:13', 'ООО «Жилкомсервис Центрального района»') }),
    processedMention({ id: 'dispatch:seed-5', source: 'dispatch', ts: minutesAgo(12), ingestedAt: minutesAgo(12), category: 'garbage', urgency: 0.3, text: 'Мусор не вывозят неделю, контейнеры переполнены, крысы бегают по двору', address: { street: '', house: '', raw: 'у дома на Ленина' }, houseId: null, district: 'Петроградский район', organisation: null }),
    // a house only the city portal lists: the registry names no УК for it
    processedMention({ id: 'vk:seed-7', ts: minutesAgo(3), ingestedAt: minutesAgo(3), category: 'entrance_cleaning', urgency: 0.2, text: 'В новом корпусе в парадной не убирают с осени', address: { street: 'пр-кт. Энтузиастов', house: '47 к. 1 лит. В', raw: 'Энтузиастов 47 к1 лит В' }, houseId: 'portal:619', district: 'Красногвардейский район', organisation: null }),
    processedMention({ id: 'vk:seed-6', ts: minutesAgo(6), ingestedAt: minutesAgo(6), category: 'plumbing_leak', urgency: 0.6, text: 'Прорвало трубу в подвале, всё затопило, запах по всему подъезду', address: { street: 'Гражданский пр.', house: '5 к. 2', raw: 'Гражданский пр., 5к2' }, district: 'Калининский район', organisation: org('org:14', 'ООО «Жилкомсервис № 3 Калининского района»') }),
  ];
}

async function countOf(category: string): Promise<number> {
  const el = page.locator(`[data-testid="count-${category}"]`);
  return (await el.count()) ? Number(await el.textContent()) : 0;
}

beforeAll(async () => {
  ensureBuild();
  h = await startWebHarness();
  await h.save(seedMentions());
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

describe('live feed in a browser', () => {
  it('renders the snapshot from the database and goes online', async () => {
    await page.goto(h.url + '/');
    await page.locator('[data-status="online"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('h1').textContent()).toBe('Лента сообщений');
    // complaints only by default: the thank-you note is hidden, the rest is shown newest first
    const ids = await page.locator('[data-testid="feed-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids).toEqual(['vk:seed-7', 'vk:seed-6', 'dispatch:seed-5', 'vk:seed-4', 'telegram:seed-2', 'vk:seed-1']);
    // a house without a УК says so; a place without a house is not in the registry at all
    expect(await page.locator('[data-id="vk:seed-7"]').textContent()).toContain('не указана в реестре');
    expect(await page.locator('[data-id="dispatch:seed-5"]').textContent()).not.toContain('не указана в реестре');
    expect(await page.locator('[data-id="dispatch:seed-5"]').textContent()).toContain('(не в реестре)');
    expect(await countOf('heating')).toBe(1);
    expect(await page.locator('[data-id="vk:seed-1"]').textContent()).toContain('Отопление');
    expect(await page.locator('[data-id="vk:seed-1"]').textContent()).toContain('ул. Барочная, 2');
  });

  it('shows a mention published after the page loaded, without reload, and moves the counters', async () => {
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const before = await countOf('heating');
    const totalBefore = Number(await page.getByTestId('total-hour').textContent());
    const live = processedMention({ id: 'vk:live-1', category: 'heating', urgency: 0.9, text: 'Холодные батареи во всём доме на Типанова, 5 — вторые сутки!', district: 'Московский район' });
    await h.process([live]);
    const row = page.locator('[data-id="vk:live-1"]');
    await row.waitFor({ timeout: 5_000 });
    expect(await row.textContent()).toContain('срочно');
    expect(await row.textContent()).toContain('ООО «Жилкомсервис № 1»');
    await expect.poll(() => countOf('heating')).toBe(before + 1);
    expect(Number(await page.getByTestId('total-hour').textContent())).toBe(totalBefore + 1);
    // prepended at the top
    expect(await page.locator('[data-testid="feed-item"]').first().getAttribute('data-id')).toBe('vk:live-1');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('catches up from the database after the connection dropped', async () => {
    h.web.io.disconnectSockets(true);
    await page.locator('[data-status="reconnecting"]').waitFor({ timeout: 5_000 });
    // stored and announced while the page was away: the live event is lost for it
    const missed = processedMention({ id: 'vk:missed-1', category: 'elevator', text: 'Лифт застрял между этажами, внутри человек', district: 'Московский район' });
    await h.process([missed]);
    await page.locator('[data-status="online"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-id="vk:missed-1"]').waitFor({ timeout: 5_000 });
    // no duplicates after the merge, and counters from the database
    expect(await page.locator('[data-id="vk:live-1"]').count()).toBe(1);
    expect(await page.locator('[data-id="vk:missed-1"]').count()).toBe(1);
    await expect.poll(() => countOf('elevator')).toBe(2);
    expect(await countOf('heating')).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('renders hostile text and links inert', async () => {
    const evil = processedMention({
      id: 'vk:evil-1',
      category: 'garbage',
      text: 'Мусор <img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script>',
      url: 'javascript:window.__pwned=1',
      district: 'Приморский район',
    });
    await h.process([evil]);
    const row = page.locator('[data-id="vk:evil-1"]');
    await row.waitFor({ timeout: 5_000 });
    expect(await row.locator('img, script').count()).toBe(0);
    expect(await row.textContent()).toContain('<img src=x');
    expect(await row.locator('a').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('filters on the client: district and «только жалобы»', async () => {
    await page.getByTestId('filter-district').selectOption('Московский район');
    const ids = () => page.locator('[data-testid="feed-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(await ids()).toEqual(['vk:missed-1', 'vk:live-1']);
    await page.getByTestId('filter-district').selectOption('');
    expect(await ids()).not.toContain('vk:seed-3');
    await page.getByTestId('filter-complaints').uncheck();
    expect(await ids()).toContain('vk:seed-3');
    await page.getByTestId('filter-complaints').check();
  });

  it('looks right on a desktop and on a phone (screenshots for a human eye)', async () => {
    const dir = os.tmpdir();
    const desktop = path.join(dir, 'domovoy-feed-desktop.png');
    await page.screenshot({ path: desktop, fullPage: false });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'ru-RU', colorScheme: 'dark' });
    await phone.goto(h.url + '/');
    await phone.locator('[data-status="online"]').waitFor({ timeout: 15_000 });
    const mobile = path.join(dir, 'domovoy-feed-phone-dark.png');
    await phone.screenshot({ path: mobile, fullPage: false });
    // nothing may overflow the phone's width
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
    console.log(`screenshots: ${desktop} ${mobile}`);
  });
});

describe('web server endpoints', () => {
  it('/healthz reports the adapters', async () => {
    const res = await fetch(h.url + '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, bus: 'memory', store: 'chdb' });
  });

  it('/api/mentions returns the catch-up and rejects a bad cursor', async () => {
    const since = Date.now() - 60_000;
    const res = await fetch(`${h.url}/api/mentions?since=${since}`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string }[] };
    expect(items.map((i) => i.id).sort()).toEqual(['vk:evil-1', 'vk:live-1', 'vk:missed-1']);
    expect((await fetch(`${h.url}/api/mentions?since=yesterday-ish`)).status).toBe(400);
  });

  it('/api/counts sums the last hour by category', async () => {
    const res = await fetch(`${h.url}/api/counts?windowMs=3600000`);
    const body = (await res.json()) as { totals: Record<string, number> };
    expect(body.totals).toMatchObject({ heating: 2, elevator: 2, irrelevant: 1, snow_ice: 1 });
  });
});
