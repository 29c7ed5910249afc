// The write side on real chDB: open, join, redelivery, transitions, overdue scan, confirmation timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { loadCasesConfig } from '../../analytics/cases/load-config.js';
import { intakeFromProcessed } from '../../analytics/cases/intake.js';
import { CaseTransitionError } from '../../analytics/cases/lifecycle.js';
import { intakeMention, type IntakeDeps } from '../../analytics/queries/cases/intake-mention.js';
import { appendToCase } from '../../analytics/queries/cases/case-commands.js';
import { getCaseEvents } from '../../analytics/queries/cases/get-case-events.js';
import { getCaseMentions } from '../../analytics/queries/cases/link-mentions.js';
import { closeUnconfirmed, scanOverdue } from '../../analytics/queries/cases/scan-cases.js';
import { getCaseQueue } from '../../analytics/queries/cases/get-case-queue.js';
import { directory, mention } from './fixtures.js';

let ts: TempStore;
let deps: IntakeDeps;
const published: { subject: string; data: unknown; msgId?: string }[] = [];

beforeAll(async () => {
  ts = await tempStore();
  deps = {
    store: ts.store,
    bus: { publish: async (subject, data, o) => (published.push({ subject, data, msgId: o?.msgId }), { duplicate: false }) },
    config: loadCasesConfig(),
    directory,
  };
});
afterAll(async () => ts?.cleanup());

describe('case intake on chDB', () => {
  it('opens a case routed to the house\'s УК with both deadlines, and joins a second complaint', async () => {
    const a = mention();
    const first = await intakeMention(deps, intakeFromProcessed(a));
    expect(first.joined).toBe(false);
    expect(first.view.state).toBe('routed');
    expect(first.view.orgId).toBe('org:uk1');
    expect(first.view.firstResponseDue).toBe('2026-11-10T08:10:00.000Z');
    expect(first.view.resolutionDue).toBe('2026-11-11T00:00:00.000Z'); // 16 h for heating

    const b = mention({ ts: '2026-11-10T09:00:00.000Z', text: 'И у нас в соседней парадной холодно' });
    const second = await intakeMention(deps, intakeFromProcessed(b));
    expect(second.joined).toBe(true);
    expect(second.caseId).toBe(first.caseId);
    expect(second.view.mentionIds).toEqual([a.id, b.id]);

    // redelivery of both: nothing new
    const before = (await getCaseEvents(ts.store, first.caseId)).length;
    await intakeMention(deps, intakeFromProcessed(a));
    await intakeMention(deps, intakeFromProcessed(b));
    expect((await getCaseEvents(ts.store, first.caseId)).length).toBe(before);
    expect((await getCaseMentions(ts.store, first.caseId)).map((m) => m.mentionId).sort()).toEqual([a.id, b.id].sort());
    expect(published.filter((p) => p.subject === 'cases.event').map((p) => p.msgId)).toContain(`event:${first.caseId}:linked:${b.id}`);
  });

  it('joins a neighbour\'s outage of the same street, opens a separate case for another category', async () => {
    const n = await intakeMention(deps, intakeFromProcessed(mention({ houseId: 'spb:2', address: { street: 'Савушкина', house: '12', raw: '' } })));
    expect(n.joined).toBe(true);
    const roof = await intakeMention(deps, intakeFromProcessed(mention({ category: 'roof', text: 'Течёт крыша' })));
    expect(roof.joined).toBe(false);
    expect(Date.parse(roof.view.resolutionDue) - Date.parse(roof.view.openedAt)).toBe(86_400_000);
  });

  it('puts a complaint with no place at all into «не распределено» and lets an operator reroute it with a reason', async () => {
    const u = await intakeMention(deps, intakeFromProcessed(mention({ category: 'elevator', houseId: null, address: null, organisation: null, district: null })));
    expect(u.view.state).toBe('new');
    expect(u.view.unroutable).toBe(true);
    const r = await appendToCase(deps, u.caseId, () => [{ type: 'rerouted', actor: 'operator:Петрова', orgId: 'org:uk2', comment: 'адрес уточнён по телефону', payload: { orgName: 'ООО «УК Северная»' } }]);
    expect(r.view!.orgId).toBe('org:uk2');
    const events = await getCaseEvents(ts.store, u.caseId);
    expect(events.at(-1)).toMatchObject({ type: 'rerouted', actor: 'operator:Петрова', comment: 'адрес уточнён по телефону' });
  });

  it('moves a re-routed case out of the former organisation\'s queue and into the new one', async () => {
    const c = await intakeMention(deps, intakeFromProcessed(mention({ category: 'yard', houseId: 'spb:30' })));
    const inQueue = async (org: string) => (await getCaseQueue(ts.store, { orgId: org, state: 'all', now: new Date(), limit: 1000 })).items.some((i) => i.id === c.caseId);
    expect(await inQueue('org:uk1')).toBe(true);
    await appendToCase(deps, c.caseId, () => [{ type: 'rerouted', actor: 'operator:Иванов', orgId: 'org:adm', comment: 'двор — городская территория', payload: { orgName: 'Администрация Приморского района' } }]);
    expect(await inQueue('org:uk1')).toBe(false);
    expect(await inQueue('org:adm')).toBe(true);
    const all = (await getCaseQueue(ts.store, { state: 'all', now: new Date(), limit: 1000 })).items.filter((i) => i.id === c.caseId);
    expect(all).toHaveLength(1);
  });

  it('refuses an illegal transition and writes nothing', async () => {
    const c = await intakeMention(deps, intakeFromProcessed(mention({ category: 'garbage', houseId: 'spb:7' })));
    const n = (await getCaseEvents(ts.store, c.caseId)).length;
    await expect(appendToCase(deps, c.caseId, () => [{ type: 'confirmed', actor: 'resident' }])).rejects.toBeInstanceOf(CaseTransitionError);
    expect((await getCaseEvents(ts.store, c.caseId)).length).toBe(n);
  });

  it('announces overdue clocks once and closes unanswered confirmations as «не подтверждено»', async () => {
    const c = await intakeMention(deps, intakeFromProcessed(mention({ category: 'electricity', houseId: 'spb:8', address: null })));
    const later = new Date('2026-11-10T11:00:00.000Z'); // 10 min and 2 h clocks both ran out
    const first = await scanOverdue(deps, later);
    const mine = first.filter((o) => o.caseId === c.caseId).map((o) => o.clock).sort();
    expect(mine).toEqual(['first_response', 'resolution']);
    const again = await scanOverdue(deps, later);
    expect(again.filter((o) => o.caseId === c.caseId)).toEqual([]);
    const announced = published.filter((p) => p.subject === 'cases.overdue' && (p.data as { caseId: string }).caseId === c.caseId);
    expect(announced).toHaveLength(2);
    // one stream carries cases.event and cases.overdue: their de-duplication ids must differ
    const eventIds = new Set(published.filter((p) => p.subject === 'cases.event').map((p) => p.msgId));
    for (const a of announced) expect(eventIds.has(a.msgId)).toBe(false);

    await appendToCase(deps, c.caseId, () => [{ type: 'resolved', actor: 'operator:x', comment: 'Заменили автомат', at: '2026-11-10T12:00:00.000Z' }]);
    expect(await closeUnconfirmed(deps, new Date('2026-11-11T12:00:00.000Z'), deps.config.confirmationTimeout, deps.config.calendar)).not.toContain(c.caseId);
    const closed = await closeUnconfirmed(deps, new Date('2026-11-13T12:00:01.000Z'), deps.config.confirmationTimeout, deps.config.calendar);
    expect(closed).toContain(c.caseId);
    const ev = await getCaseEvents(ts.store, c.caseId);
    expect(ev.at(-1)!.type).toBe('unconfirmed');
  });
});
