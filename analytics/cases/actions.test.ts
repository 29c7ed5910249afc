import { describe, expect, it } from 'vitest';
import { ActionInputError, actionDrafts } from './actions.js';
import { foldCase, type CaseEvent } from './lifecycle.js';

const orgs = [{ id: 'org:a', name: 'УК А', kind: 'uk' as const }, { id: 'org:b', name: 'УК Б', kind: 'uk' as const }];
const org = (id: string) => orgs.find((o) => o.id === id);
const ev = (seq: number, type: CaseEvent['type'], extra: Partial<CaseEvent> = {}): CaseEvent => ({
  id: `e${seq}`, caseId: 'c1', seq, at: `2026-11-10T0${seq}:00:00.000Z`, type, actor: 't', comment: '', orgId: '', payload: {}, ...extra,
});
const view = foldCase([
  ev(1, 'opened', { payload: { mentionId: 'vk:1', source: 'vk', firstResponseDue: '2026-11-10T02:00:00.000Z', resolutionDue: '2026-11-11T00:00:00.000Z' } }),
  ev(2, 'routed', { orgId: 'org:a', payload: { orgName: 'УК А' } }),
]).view!;

describe('workspace actions', () => {
  it('needs a note to resolve and asks the resident through the source where it can', () => {
    expect(() => actionDrafts(view, { action: 'resolve', actor: 'x', comment: ' ' }, org)).toThrow(ActionInputError);
    expect(actionDrafts(view, { action: 'resolve', actor: 'x', comment: 'Сделано' }, org)[0]).toMatchObject({ type: 'resolved', payload: { confirmVia: 'source' } });
  });

  it('reassigns only with a reason and to another known organisation, recording where from', () => {
    expect(() => actionDrafts(view, { action: 'reassign', actor: 'x', comment: '', orgId: 'org:b' }, org)).toThrow(/причину/);
    expect(() => actionDrafts(view, { action: 'reassign', actor: 'x', comment: 'не наш дом', orgId: 'org:zzz' }, org)).toThrow(/не найдена/);
    expect(() => actionDrafts(view, { action: 'reassign', actor: 'x', comment: 'не наш дом', orgId: 'org:a' }, org)).toThrow(/уже у этой/);
    expect(actionDrafts(view, { action: 'reassign', actor: 'x', comment: 'не наш дом', orgId: 'org:b' }, org)[0]).toMatchObject({
      type: 'rerouted', orgId: 'org:b', comment: 'не наш дом', payload: { fromOrgId: 'org:a', orgName: 'УК Б' },
    });
  });

  it('dismisses the case when its last mention is marked «не жалоба»', () => {
    const d = actionDrafts(view, { action: 'exclude_mention', actor: 'x', comment: '', mentionId: 'vk:1' }, org);
    expect(d.map((x) => x.type)).toEqual(['mention_excluded', 'dismissed']);
    expect(() => actionDrafts(view, { action: 'exclude_mention', actor: 'x', comment: '', mentionId: 'vk:other' }, org)).toThrow(/не относится/);
  });
});
