// Workspace actions (what an operator or УК employee clicks) → events. Pure.
// Each action checks its own inputs; the state machine checks the state.
import type { EventDraft } from '../queries/cases/case-commands.js';
import { activeMentions, type CaseView } from './lifecycle.js';
import { confirmVia } from './intake.js';
import type { DirectoryOrg } from './routing.js';

export const ACTIONS = ['accept', 'reply', 'resolve', 'reassign', 'confirm', 'reject', 'close', 'reopen', 'exclude_mention'] as const;
export type CaseAction = (typeof ACTIONS)[number];

export interface ActionInput {
  action: CaseAction;
  actor: string;
  comment: string;
  orgId?: string;
  mentionId?: string;
}

export class ActionInputError extends Error {
  readonly code = 'invalid_action';
  constructor(messageRu: string, messageEn: string) {
    super(`${messageRu} / ${messageEn}`);
    this.name = 'ActionInputError';
  }
}

const need = (v: string | undefined, ru: string, en: string): string => {
  if (!v || !v.trim()) throw new ActionInputError(ru, en);
  return v.trim();
};

export function actionDrafts(view: CaseView | null, a: ActionInput, org: (id: string) => DirectoryOrg | undefined): EventDraft[] {
  if (!view) throw new ActionInputError('Обращение не найдено', 'case not found');
  const actor = a.actor;
  const comment = a.comment.trim();
  switch (a.action) {
    case 'accept':
      return [{ type: 'accepted', actor, comment }];
    case 'reply':
      return [{ type: 'replied', actor, comment: need(comment, 'Напишите текст ответа', 'reply text is required') }];
    case 'resolve':
      return [{ type: 'resolved', actor, comment: need(comment, 'Опишите, что сделано', 'a resolution note is required'), payload: { confirmVia: confirmVia(view.source) } }];
    case 'reassign': {
      const id = need(a.orgId, 'Выберите организацию', 'target organisation is required');
      const target = org(id);
      if (!target) throw new ActionInputError('Организация не найдена в реестре', `organisation ${id} not found`);
      if (target.id === view.orgId) throw new ActionInputError('Обращение уже у этой организации', 'the case is already routed there');
      return [{
        type: 'rerouted', actor, orgId: target.id, comment: need(comment, 'Укажите причину перенаправления', 'a reason is required'),
        payload: { orgName: target.name, orgKind: target.kind, fromOrgId: view.orgId, fromOrgName: view.orgName },
      }];
    }
    case 'confirm':
      return [{ type: 'confirmed', actor, comment }];
    case 'reject':
      return [{ type: 'rejected', actor, comment: need(comment, 'Запишите слова жителя', 'the resident\'s words are required') }];
    case 'close':
      return [{ type: 'closed', actor, comment }];
    case 'reopen':
      return [{ type: 'reopened', actor, comment: need(comment, 'Укажите причину', 'a reason is required') }];
    case 'exclude_mention': {
      const id = need(a.mentionId, 'Выберите сообщение', 'mentionId is required');
      if (!view.mentionIds.includes(id)) throw new ActionInputError('Сообщение не относится к этому обращению', 'mention is not linked to this case');
      if (view.excludedMentionIds.includes(id)) return [];
      const drafts: EventDraft[] = [{ id: `${view.id}:excluded:${id}`, type: 'mention_excluded', actor, comment, payload: { mentionId: id } }];
      // the last real complaint gone: the case was never a complaint
      if (activeMentions(view).filter((m) => m !== id).length === 0) drafts.push({ type: 'dismissed', actor, comment: 'Все сообщения отмечены как «не жалоба»' });
      return drafts;
    }
  }
}
