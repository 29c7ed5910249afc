// End to end: complaints about a registry house become one case routed to its УК
// with both clocks; an operator takes it through accept → resolve → confirm →
// close in Chromium with the keyboard and buttons; the metrics move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { complaintAbout, startCasesHarness, waitFor, type CasesHarness } from './cases-harness.js';
import type { QueueItem } from '../../analytics/queries/cases/get-case-queue.js';
import type { MetricsRow } from '../../analytics/queries/cases/get-case-metrics.js';

let h: CasesHarness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  h = await startCasesHarness();
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

const queue = async (org: string) => ((await (await fetch(`${h.url}/api/cases?org=${encodeURIComponent(org)}&state=all`)).json()) as { items: QueueItem[] }).items;
const metrics = async (org: string) => ((await (await fetch(`${h.url}/api/cases/metrics?by=total&org=${encodeURIComponent(org)}`)).json()) as { rows: MetricsRow[] }).rows[0];

describe('case workflow in the browser', () => {
  it('routes, joins, and moves a case to closed in the workspace; the metrics change', async () => {
    // a house whose УК also manages a house on another street (for the live-update check)
    const house = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => h.house(n)).find((x) => h.registry.houses.some((y) => y.orgId === x.orgId && y.street !== x.street))!;
    const orgId = house.orgId!;
    const orgName = h.registry.org(orgId)!.name;

    await h.complain(complaintAbout(house, h.registry));
    const [c] = await waitFor('the case', async () => {
      const items = await queue(orgId);
      return items.length ? items : null;
    });
    expect(c.orgName).toBe(orgName);
    expect(c.state).toBe('routed');
    expect(c.houseId).toBe(house.id);
    expect(Date.parse(c.firstResponseDue) - Date.parse(c.openedAt)).toBe(10 * 60_000);
    expect(Date.parse(c.resolutionDue) - Date.parse(c.openedAt)).toBe(16 * 3_600_000);

    await h.complain(complaintAbout(house, h.registry, { text: `И в соседней квартире холодно, ${house.address}` }));
    await waitFor('the second complaint to join', async () => (await queue(orgId))[0]?.mentionCount === 2);
    expect(await queue(orgId)).toHaveLength(1);

    const before = await metrics(orgId);
    expect(before).toMatchObject({ cases: 1, confirmed: 0, firstResponseMedianS: null, resolutionMedianS: null });

    // the queue, scoped to the organisation
    await page.goto(`${h.url}/cases?org=${encodeURIComponent(orgId)}`);
    const row = page.locator(`[data-case="${c.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Отопление');
    expect(await page.locator('[data-count="open"]').textContent()).toBe('1');

    // a new complaint about another house of the same УК appears live, without a reload
    const other = h.registry.houses.find((x) => x.orgId === orgId && x.id !== house.id && x.street !== house.street);
    expect(other).toBeTruthy();
    await h.complain(complaintAbout(other!, h.registry, { category: 'elevator', text: `Не работает лифт, ${other!.address}` }));
    await page.locator('[data-count="open"]', { hasText: '2' }).waitFor({ timeout: 10_000 });

    // open the card with the keyboard: the heating case is first (its clock runs out sooner)
    await page.locator('[data-row="0"]').waitFor();
    const first = await page.locator('[data-row="0"]').getAttribute('data-case');
    if (first !== c.id) await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/cases/${c.id}`);
    await page.locator('text=Первый ответ').waitFor();
    expect(await page.locator('.mentions li').count()).toBe(2);

    // a — accept
    await page.keyboard.press('a');
    await page.locator('[data-state="accepted"]').waitFor();
    // r — resolve with a note
    await page.keyboard.press('r');
    await page.locator('#case-comment').fill('Восстановили циркуляцию, стояк прогрет');
    await page.getByRole('button', { name: 'Отметить решённым' }).click();
    await page.locator('[data-state="resolved"]').waitFor();
    expect(await page.locator('.ask').textContent()).toContain('Проблема решена?');
    // the resident confirms (button), then z — close
    await page.locator('[data-action="confirm"]').click();
    await page.locator('[data-state="confirmed"]').waitFor();
    await page.keyboard.press('z');
    await page.locator('[data-state="closed"]').waitFor();
    const timeline = await page.locator('.timeline').textContent();
    for (const t of ['Принято в работу', 'Отмечено как решённое', 'Житель подтвердил решение', 'Закрыто', 'Добавлено сообщение']) expect(timeline).toContain(t);

    // an illegal move is refused with a clear message
    const refused = await fetch(`${h.url}/api/cases/${c.id}/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'accept' }) });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/недоступно.*Cannot apply "accepted"/);

    const after = await metrics(orgId);
    expect(after.confirmed).toBe(1);
    expect(after.confirmedShare).toBe(1);
    expect(after.firstResponseMedianS).not.toBeNull();
    expect(after.resolutionMedianS).not.toBeNull();
    expect(after.resolvedInTime).toBe(1);
  });
});
