// The case lifecycle as a state machine over appended events. The current state
// and every duration are a fold of the event list; nothing is a mutable counter.
//   new → routed → accepted → resolved → confirmed → closed
//   resolved | confirmed | closed → reopened → (accepted | resolved | routed)
// `decide` refuses an illegal command with a CaseTransitionError (Russian + English);
// `fold` tolerates a stored illegal event (two writers racing) by skipping it.

export const CASE_STATES = ['new', 'routed', 'accepted', 'resolved', 'confirmed', 'closed', 'reopened'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const STATE_NAMES_RU: Record<CaseState, string> = {
  new: 'новое',
  routed: 'направлено',
  accepted: 'в работе',
  resolved: 'решено, ждёт подтверждения',
  confirmed: 'подтверждено жителем',
  closed: 'закрыто',
  reopened: 'открыто повторно',
};

export const EVENT_TYPES = [
  'opened', 'routed', 'unroutable', 'rerouted', 'accepted', 'replied', 'resolved', 'confirmed', 'rejected',
  'closed', 'unconfirmed', 'dismissed', 'reopened', 'mention_linked', 'mention_excluded', 'overdue',
] as const;
export type CaseEventType = (typeof EVENT_TYPES)[number];

export const EVENT_NAMES_RU: Record<CaseEventType, string> = {
  opened: 'Обращение создано',
  routed: 'Направлено в организацию',
  unroutable: 'Не удалось определить ответственного — «не распределено»',
  rerouted: 'Перенаправлено',
  accepted: 'Принято в работу',
  replied: 'Ответ жителю',
  resolved: 'Отмечено как решённое',
  confirmed: 'Житель подтвердил решение',
  rejected: 'Житель: проблема не решена',
  closed: 'Закрыто',
  unconfirmed: 'Закрыто как «не подтверждено»',
  dismissed: 'Закрыто: не жалоба',
  reopened: 'Открыто повторно',
  mention_linked: 'Добавлено сообщение',
  mention_excluded: 'Сообщение отмечено как «не жалоба»',
  overdue: 'Срок нарушен',
};

export type CloseOutcome = '' | 'confirmed' | 'unconfirmed' | 'dismissed';

export interface CaseEvent {
  /** deterministic where the event comes from a bus message, so redelivery stores it once */
  id: string;
  caseId: string;
  seq: number;
  /** ISO-8601 */
  at: string;
  type: CaseEventType;
  /** "system", "worker", "operator:<name>", "resident", "open311" */
  actor: string;
  comment: string;
  /** the organisation the event concerns (routed/rerouted: the new one) */
  orgId: string;
  payload: Record<string, unknown>;
}

const OPEN: readonly CaseState[] = ['new', 'routed', 'accepted', 'reopened'];
/** event type → states it may be applied in, and the state after it (null: unchanged) */
const TRANSITIONS: Record<CaseEventType, { from: readonly (CaseState | 'none')[]; to: CaseState | null }> = {
  opened: { from: ['none'], to: 'new' },
  routed: { from: ['new'], to: 'routed' },
  unroutable: { from: ['new'], to: null },
  rerouted: { from: OPEN, to: 'routed' },
  accepted: { from: ['routed', 'reopened'], to: 'accepted' },
  replied: { from: [...OPEN, 'resolved'], to: null },
  resolved: { from: ['routed', 'accepted', 'reopened'], to: 'resolved' },
  confirmed: { from: ['resolved'], to: 'confirmed' },
  rejected: { from: ['resolved'], to: 'reopened' },
  closed: { from: ['confirmed'], to: 'closed' },
  unconfirmed: { from: ['resolved'], to: 'closed' },
  dismissed: { from: [...OPEN, 'resolved', 'confirmed'], to: 'closed' },
  reopened: { from: ['resolved', 'confirmed', 'closed'], to: 'reopened' },
  mention_linked: { from: [...OPEN, 'resolved'], to: null },
  mention_excluded: { from: [...OPEN, 'resolved', 'confirmed'], to: null },
  overdue: { from: [...OPEN, 'resolved'], to: null },
};

export class CaseTransitionError extends Error {
  readonly code = 'illegal_transition';
  constructor(
    readonly type: CaseEventType,
    readonly state: CaseState | 'none',
  ) {
    const stateRu = state === 'none' ? 'не существует' : `«${STATE_NAMES_RU[state]}»`;
    super(
      `Действие «${EVENT_NAMES_RU[type]}» недоступно: обращение ${state === 'none' ? stateRu : `в состоянии ${stateRu}`}. ` +
        `/ Cannot apply "${type}" to a case in state "${state}".`,
    );
    this.name = 'CaseTransitionError';
  }
}

export function canApply(state: CaseState | 'none', type: CaseEventType): boolean {
  return TRANSITIONS[type].from.includes(state);
}

/** Open for joining new complaints: not yet confirmed or closed. */
export function isOpenState(state: CaseState): boolean {
  return state !== 'confirmed' && state !== 'closed';
}

export interface CaseView {
  id: string;
  state: CaseState;
  category: string;
  houseId: string;
  district: string;
  address: string;
  title: string;
  source: string;
  areaKey: string;
  lat: number | null;
  lon: number | null;
  orgId: string;
  orgName: string;
  orgKind: string;
  unroutable: boolean;
  openedAt: string;
  routedAt: string | null;
  firstResponseAt: string | null;
  acceptedAt: string | null;
  /** the latest resolution (reset by a reopen) */
  resolvedAt: string | null;
  confirmedAt: string | null;
  closedAt: string | null;
  outcome: CloseOutcome;
  reopenCount: number;
  firstResponseDue: string;
  resolutionDue: string;
  /** overdue already announced for a clock */
  firstResponseOverdue: boolean;
  resolutionOverdue: boolean;
  mentionIds: string[];
  excludedMentionIds: string[];
  lastMentionAt: string;
  lastEventAt: string;
  lastSeq: number;
  eventCount: number;
  /** how the resident is asked to confirm: in the source thread, or by the operator */
  confirmVia: string;
  resolutionNote: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function apply(c: CaseView | null, e: CaseEvent): CaseView {
  const p = e.payload;
  if (e.type === 'opened') {
    return {
      id: e.caseId, state: 'new', category: str(p.category), houseId: str(p.houseId), district: str(p.district),
      address: str(p.address), title: str(p.title), source: str(p.source), areaKey: str(p.areaKey), lat: num(p.lat), lon: num(p.lon),
      orgId: '', orgName: '', orgKind: '', unroutable: false, openedAt: e.at, routedAt: null, firstResponseAt: null,
      acceptedAt: null, resolvedAt: null, confirmedAt: null, closedAt: null, outcome: '', reopenCount: 0,
      firstResponseDue: str(p.firstResponseDue), resolutionDue: str(p.resolutionDue), firstResponseOverdue: false,
      resolutionOverdue: false, mentionIds: p.mentionId ? [str(p.mentionId)] : [], excludedMentionIds: [],
      lastMentionAt: e.at, lastEventAt: e.at, lastSeq: e.seq, eventCount: 1, confirmVia: '', resolutionNote: '',
    };
  }
  const v: CaseView = { ...c!, lastEventAt: e.at, lastSeq: e.seq, eventCount: c!.eventCount + 1 };
  const to = TRANSITIONS[e.type].to;
  if (to) v.state = to;
  switch (e.type) {
    case 'routed':
    case 'rerouted':
      v.orgId = e.orgId;
      v.orgName = str(p.orgName);
      v.orgKind = str(p.orgKind);
      v.unroutable = false;
      v.routedAt ??= e.at;
      break;
    case 'unroutable':
      v.unroutable = true;
      break;
    case 'accepted':
      v.acceptedAt ??= e.at;
      v.firstResponseAt ??= e.at;
      break;
    case 'replied':
      v.firstResponseAt ??= e.at;
      break;
    case 'resolved':
      v.resolvedAt = e.at;
      v.firstResponseAt ??= e.at;
      v.resolutionNote = e.comment;
      v.confirmVia = str(p.confirmVia);
      break;
    case 'confirmed':
      v.confirmedAt = e.at;
      break;
    case 'closed':
    case 'unconfirmed':
    case 'dismissed':
      v.closedAt = e.at;
      v.outcome = e.type === 'closed' ? 'confirmed' : e.type;
      break;
    case 'rejected':
    case 'reopened':
      v.reopenCount++;
      v.resolvedAt = null;
      v.confirmedAt = null;
      v.closedAt = null;
      v.outcome = '';
      break;
    case 'mention_linked': {
      const id = str(p.mentionId);
      if (id && !v.mentionIds.includes(id)) v.mentionIds = [...v.mentionIds, id];
      if (str(p.mentionTs) > v.lastMentionAt) v.lastMentionAt = str(p.mentionTs);
      break;
    }
    case 'mention_excluded': {
      const id = str(p.mentionId);
      if (id && !v.excludedMentionIds.includes(id)) v.excludedMentionIds = [...v.excludedMentionIds, id];
      break;
    }
    case 'overdue':
      if (p.clock === 'first_response') v.firstResponseOverdue = true;
      if (p.clock === 'resolution') v.resolutionOverdue = true;
      break;
  }
  return v;
}

export function compareEvents(a: CaseEvent, b: CaseEvent): number {
  return a.seq - b.seq || (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Current view of a case from its events (any order; duplicates by id count once). */
export function foldCase(events: readonly CaseEvent[]): { view: CaseView | null; skipped: CaseEvent[] } {
  const seen = new Set<string>();
  const sorted = [...events].sort(compareEvents).filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
  let view: CaseView | null = null;
  const skipped: CaseEvent[] = [];
  for (const e of sorted) {
    if (!canApply(view ? view.state : 'none', e.type)) {
      skipped.push(e);
      continue;
    }
    view = apply(view, e);
  }
  return { view, skipped };
}

/** Apply one new event to a view, refusing illegal transitions. */
export function decide(view: CaseView | null, e: CaseEvent): CaseView {
  const state = view ? view.state : 'none';
  if (!canApply(state, e.type)) throw new CaseTransitionError(e.type, state);
  return apply(view, e);
}

/** Active (not excluded) mentions of a case. */
export function activeMentions(v: CaseView): string[] {
  return v.mentionIds.filter((id) => !v.excludedMentionIds.includes(id));
}
