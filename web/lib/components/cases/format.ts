// Formatting for the case workspace: countdowns, states, dates. Pure, in Russian,
// for people who are not technical staff.
import { STATE_NAMES_RU, EVENT_NAMES_RU, type CaseEventType, type CaseState } from '../../../../analytics/cases/lifecycle.js';

export function plural(n: number, forms: [string, string, string]): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return forms[0];
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return forms[1];
  return forms[2];
}

/** "2 дн 3 ч", "3 ч 20 мин", "12 мин", "меньше минуты" */
export function formatSpan(ms: number): string {
  const min = Math.floor(Math.abs(ms) / 60_000);
  if (min < 1) return 'меньше минуты';
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  if (d > 0) return h > 0 ? `${d} дн ${h} ч` : `${d} дн`;
  if (h > 0) return m > 0 ? `${h} ч ${m} мин` : `${h} ч`;
  return `${m} мин`;
}

export type ClockTone = 'ok' | 'soon' | 'overdue' | 'done';

export interface Countdown {
  text: string;
  tone: ClockTone;
}

/** A deadline clock as the operator reads it: time left, or how late, or when it was met. */
export function countdown(due: string, doneAt: string | null, now: number): Countdown {
  const dueMs = Date.parse(due);
  if (doneAt) {
    const late = Date.parse(doneAt) - dueMs;
    return late > 0 ? { text: `выполнено с опозданием на ${formatSpan(late)}`, tone: 'overdue' } : { text: 'выполнено в срок', tone: 'done' };
  }
  const left = dueMs - now;
  if (left < 0) return { text: `просрочено на ${formatSpan(left)}`, tone: 'overdue' };
  return { text: `осталось ${formatSpan(left)}`, tone: left < 60 * 60_000 ? 'soon' : 'ok' };
}

export function stateLabel(state: CaseState, unroutable = false): string {
  if (unroutable && state === 'new') return 'не распределено';
  return STATE_NAMES_RU[state] ?? state;
}

export function eventLabel(type: string): string {
  return EVENT_NAMES_RU[type as CaseEventType] ?? type;
}

/** "5 мин назад", "3 ч 20 мин назад" within a day, then the date and time. */
export function formatAgo(iso: string | null, now: number): string {
  if (!iso) return '—';
  const ago = now - Date.parse(iso);
  if (ago < 60_000) return 'только что';
  return ago < 86_400_000 ? `${formatSpan(ago)} назад` : formatDateTime(iso);
}

/** 21663 → "21 663" */
export const formatCount = (n: number) => n.toLocaleString('ru-RU');

const DT = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' });
export function formatDateTime(iso: string | null): string {
  return iso ? DT.format(new Date(iso)) : '—';
}

export const SOURCE_NAMES: Record<string, string> = {
  vk: 'ВКонтакте', telegram: 'Telegram', max: 'MAX', ok: 'Одноклассники', open311: 'Заявка (Open311)', dispatch: 'Диспетчерская',
  portal: 'Портал', demo: 'Демо', replay: 'Повтор', csv: 'Импорт',
};
export const sourceName = (s: string) => SOURCE_NAMES[s] ?? s;

export function caseNumber(id: string): string {
  return id.replace(/^c/, '').slice(0, 8).toUpperCase();
}

export function hoursText(minutes: number): string {
  const h = Math.round((minutes / 60) * 10) / 10;
  return `${String(h).replace('.', ',')} ч`;
}

export interface TimelineItem<E> {
  event: E;
  /** mentions linked in a row are one line: how many, and the earliest time */
  count: number;
  firstAt: string;
}

/**
 * The case's history as a person reads it: newest first, by time (events written
 * later about earlier moments — a replayed backlog — fall into place), and a run
 * of added complaints as one line instead of dozens.
 */
export function timeline<E extends { type: string; at: string; seq: number }>(events: readonly E[]): TimelineItem<E>[] {
  const sorted = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.seq - a.seq));
  const out: TimelineItem<E>[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.type === 'mention_linked' && last.event.type === 'mention_linked') {
      last.count++;
      last.firstAt = e.at;
    } else out.push({ event: e, count: 1, firstAt: e.at });
  }
  return out;
}

/** An action the card sends to /api/cases/:id/actions. */
export type Pending = { action: string; comment: string; orgId?: string; mentionId?: string };
