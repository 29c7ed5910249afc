import { describe, expect, it } from 'vitest';
import { CaseTransitionError, decide, foldCase, type CaseEvent, type CaseEventType, type CaseView } from './lifecycle.js';

let seq = 0;
const ev = (type: CaseEventType, at: string, extra: Partial<CaseEvent> = {}): CaseEvent => ({
  id: `e${++seq}`, caseId: 'c1', seq, at, type, actor: 'test', comment: '', orgId: '', payload: {}, ...extra,
});
const opened = () =>
  ev('opened', '2026-11-10T08:00:00.000Z', {
    payload: { category: 'heating', houseId: 'spb:1', mentionId: 'vk:1', firstResponseDue: '2026-11-10T08:10:00.000Z', resolutionDue: '2026-11-11T00:00:00.000Z' },
  });

function run(events: CaseEvent[]): CaseView {
  let v: CaseView | null = null;
  for (const e of events) v = decide(v, e);
  return v!;
}

describe('case lifecycle', () => {
  it('goes new → routed → accepted → resolved → confirmed → closed, deriving every time from events', () => {
    seq = 0;
    const v = run([
      opened(),
      ev('routed', '2026-11-10T08:00:01.000Z', { orgId: 'org:uk', payload: { orgName: 'ЖКС № 1', orgKind: 'uk' } }),
      ev('accepted', '2026-11-10T08:05:00.000Z', { actor: 'operator:Иванова' }),
      ev('resolved', '2026-11-10T12:00:00.000Z', { comment: 'Заменили задвижку', payload: { confirmVia: 'source' } }),
      ev('confirmed', '2026-11-10T15:00:00.000Z', { actor: 'resident' }),
      ev('closed', '2026-11-10T15:00:01.000Z'),
    ]);
    expect(v.state).toBe('closed');
    expect(v.outcome).toBe('confirmed');
    expect(v.orgId).toBe('org:uk');
    expect(v.firstResponseAt).toBe('2026-11-10T08:05:00.000Z');
    expect(v.resolvedAt).toBe('2026-11-10T12:00:00.000Z');
    expect(v.resolutionNote).toBe('Заменили задвижку');
    expect(v.eventCount).toBe(6);
  });

  it('refuses illegal transitions with a Russian and English message', () => {
    seq = 0;
    const v = run([opened()]);
    expect(() => decide(v, ev('resolved', '2026-11-10T09:00:00.000Z'))).toThrow(CaseTransitionError);
    try {
      decide(v, ev('confirmed', '2026-11-10T09:00:00.000Z'));
    } catch (e) {
      expect((e as Error).message).toMatch(/недоступно: обращение в состоянии «новое»/);
      expect((e as Error).message).toMatch(/Cannot apply "confirmed" to a case in state "new"/);
    }
    expect(() => decide(null, ev('accepted', '2026-11-10T09:00:00.000Z'))).toThrow(/не существует/);
  });

  it('reopens on the resident\'s rejection and after close, counting reopens and clearing the resolution', () => {
    seq = 0;
    const v = run([
      opened(),
      ev('routed', '2026-11-10T08:00:01.000Z', { orgId: 'org:uk' }),
      ev('resolved', '2026-11-10T10:00:00.000Z'),
      ev('rejected', '2026-11-10T11:00:00.000Z', { actor: 'resident', comment: 'Батареи всё ещё холодные' }),
    ]);
    expect(v.state).toBe('reopened');
    expect(v.resolvedAt).toBeNull();
    expect(v.firstResponseAt).toBe('2026-11-10T10:00:00.000Z');
  });

  it('closes as «не подтверждено» when the resident does not answer, and can be reopened after', () => {
    seq = 0;
    const base = [opened(), ev('routed', '2026-11-10T08:00:01.000Z', { orgId: 'org:uk' }), ev('resolved', '2026-11-10T10:00:00.000Z')];
    const closed = run([...base, ev('unconfirmed', '2026-11-13T10:00:00.000Z', { actor: 'system' })]);
    expect(closed.state).toBe('closed');
    expect(closed.outcome).toBe('unconfirmed');
    const reopened = decide(closed, ev('reopened', '2026-11-14T10:00:00.000Z'));
    expect(reopened.state).toBe('reopened');
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.outcome).toBe('');
    expect(() => decide(reopened, ev('closed', '2026-11-14T11:00:00.000Z'))).toThrow(CaseTransitionError);
  });

  it('keeps the «не распределено» flag until someone reroutes, and records the new organisation', () => {
    seq = 0;
    const v = run([opened(), ev('unroutable', '2026-11-10T08:00:01.000Z', { comment: 'дом не определён' })]);
    expect(v.state).toBe('new');
    expect(v.unroutable).toBe(true);
    const r = decide(v, ev('rerouted', '2026-11-10T09:00:00.000Z', { orgId: 'org:x', actor: 'operator:Петров', comment: 'по звонку жителя', payload: { orgName: 'УК Х' } }));
    expect(r.state).toBe('routed');
    expect(r.unroutable).toBe(false);
    expect(r.orgName).toBe('УК Х');
  });

  it('folds events in seq order, once per id, skipping a stored illegal event', () => {
    seq = 0;
    const a = opened();
    const b = ev('routed', '2026-11-10T08:00:01.000Z', { orgId: 'org:uk' });
    const c = ev('mention_linked', '2026-11-10T08:30:00.000Z', { payload: { mentionId: 'vk:2', mentionTs: '2026-11-10T08:30:00.000Z' } });
    const bad = ev('confirmed', '2026-11-10T08:40:00.000Z');
    const { view, skipped } = foldCase([c, bad, b, a, c]);
    expect(view!.state).toBe('routed');
    expect(view!.mentionIds).toEqual(['vk:1', 'vk:2']);
    expect(view!.lastMentionAt).toBe('2026-11-10T08:30:00.000Z');
    expect(skipped.map((e) => e.type)).toEqual(['confirmed']);
  });
});
