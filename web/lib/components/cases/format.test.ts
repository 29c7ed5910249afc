import { describe, expect, it } from 'vitest';
import { countdown, formatAgo, formatSpan, hoursText, stateLabel, timeline } from './format.js';

const now = Date.parse('2026-11-10T12:00:00Z');

describe('case workspace formatting', () => {
  it('formats spans the way people say them', () => {
    expect(formatSpan(30_000)).toBe('меньше минуты');
    expect(formatSpan(12 * 60_000)).toBe('12 мин');
    expect(formatSpan(200 * 60_000)).toBe('3 ч 20 мин');
    expect(formatSpan((2 * 1440 + 180) * 60_000)).toBe('2 дн 3 ч');
  });

  it('reads a deadline clock: left, soon, overdue, met, met late', () => {
    expect(countdown('2026-11-10T15:00:00Z', null, now)).toEqual({ text: 'осталось 3 ч', tone: 'ok' });
    expect(countdown('2026-11-10T12:30:00Z', null, now).tone).toBe('soon');
    expect(countdown('2026-11-10T10:00:00Z', null, now)).toEqual({ text: 'просрочено на 2 ч', tone: 'overdue' });
    expect(countdown('2026-11-10T10:00:00Z', '2026-11-10T09:00:00Z', now)).toEqual({ text: 'выполнено в срок', tone: 'done' });
    expect(countdown('2026-11-10T10:00:00Z', '2026-11-10T10:45:00Z', now).text).toBe('выполнено с опозданием на 45 мин');
  });

  it('names states, including the «не распределено» queue', () => {
    expect(stateLabel('new', true)).toBe('не распределено');
    expect(stateLabel('accepted')).toBe('в работе');
    expect(hoursText(90)).toBe('1,5 ч');
  });
});

describe('timeline', () => {
  it('puts events in time order, newest first, and folds a run of added complaints into one line', () => {
    const ev = (seq: number, type: string, at: string) => ({ id: `e${seq}`, seq, type, at });
    const items = timeline([
      ev(1, 'opened', '2026-11-10T08:00:00Z'), ev(2, 'routed', '2026-11-10T08:00:00Z'),
      ev(3, 'accepted', '2026-11-10T09:00:00Z'), ev(4, 'mention_linked', '2026-11-10T08:10:00Z'),
      ev(5, 'mention_linked', '2026-11-10T08:20:00Z'), ev(6, 'mention_linked', '2026-11-10T08:30:00Z'),
    ]);
    expect(items.map((i) => `${i.event.type}×${i.count}`)).toEqual(['accepted×1', 'mention_linked×3', 'routed×1', 'opened×1']);
    expect(items[1].firstAt).toBe('2026-11-10T08:10:00Z');
    expect(formatAgo('2026-11-10T08:00:00Z', Date.parse('2026-11-10T11:20:00Z'))).toBe('3 ч 20 мин назад');
  });
});
