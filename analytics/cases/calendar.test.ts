import { describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingMinutes, createCalendar, localDate, workingMinutesBetween } from './calendar.js';
import { loadCasesConfig } from './load-config.js';

const cal = createCalendar({
  utcOffsetMinutes: 180,
  dayStartMinute: 9 * 60,
  dayEndMinute: 18 * 60,
  nonWorkingDays: ['2026-11-04', '2026-12-31', '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'],
  workingWeekendDays: ['2025-11-01'],
});
const msk = (s: string) => new Date(`${s}+03:00`);

describe('working-time calendar', () => {
  it('knows weekends, injected holidays and working Saturdays', () => {
    expect(cal.isWorkingDay('2026-11-03')).toBe(true); // Tuesday
    expect(cal.isWorkingDay('2026-11-04')).toBe(false); // День народного единства
    expect(cal.isWorkingDay('2026-11-07')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2025-11-01')).toBe(true); // transferred working Saturday
  });

  it('uses local (Moscow) dates, not UTC', () => {
    expect(localDate(cal, new Date('2026-11-03T22:30:00Z'))).toBe('2026-11-04');
  });

  it('counts working days from the next day and ends at close of business', () => {
    // Tue 3 Nov: 4 Nov holiday, 5 Thu (1), 6 Fri (2), 9 Mon (3)
    expect(addWorkingDays(cal, msk('2026-11-03T10:00:00'), 3).toISOString()).toBe(msk('2026-11-09T18:00:00').toISOString());
  });

  it('skips the whole New Year holidays for 10 working days', () => {
    // Wed 30 Dec 2026: 31 Dec off, 1–10 Jan off (1,4–8 holidays, 2,3,9,10 weekend); Mon 11 Jan is day 1
    const due = addWorkingDays(cal, msk('2026-12-30T12:00:00'), 10);
    expect(due.toISOString()).toBe(msk('2027-01-22T18:00:00').toISOString());
  });

  it('adds working minutes inside office hours only', () => {
    // Fri 17:00 + 2 h → 1 h on Friday, 1 h on Monday from 09:00
    expect(addWorkingMinutes(cal, msk('2026-11-06T17:00:00'), 120).toISOString()).toBe(msk('2026-11-09T10:00:00').toISOString());
    // received at night: counts from opening
    expect(addWorkingMinutes(cal, msk('2026-11-05T02:00:00'), 60).toISOString()).toBe(msk('2026-11-05T10:00:00').toISOString());
    // received the evening before a holiday: next opening is the day after it
    expect(addWorkingMinutes(cal, msk('2026-11-03T19:00:00'), 30).toISOString()).toBe(msk('2026-11-05T09:30:00').toISOString());
  });

  it('measures working minutes between two instants', () => {
    expect(workingMinutesBetween(cal, msk('2026-11-06T17:00:00'), msk('2026-11-09T10:00:00'))).toBe(120);
    expect(workingMinutesBetween(cal, msk('2026-11-03T17:00:00'), msk('2026-11-05T10:00:00'))).toBe(120);
    expect(workingMinutesBetween(cal, msk('2026-11-09T10:00:00'), msk('2026-11-06T17:00:00'))).toBe(0);
  });

  it('reads the shipped holiday calendar (2025–2027 decrees)', () => {
    const c = loadCasesConfig().calendar;
    for (const d of ['2025-05-02', '2025-05-08', '2025-06-13', '2025-12-31', '2026-01-09', '2026-03-09', '2026-05-11', '2026-12-31', '2027-06-14'])
      expect(c.isWorkingDay(d), d).toBe(false);
    for (const d of ['2025-11-01', '2026-02-24', '2026-11-05']) expect(c.isWorkingDay(d), d).toBe(true);
    // 2025 and 2026 both have 247 working days by the official calendars
    for (const year of [2025, 2026]) {
      let n = 0;
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) if (c.isWorkingDay(new Date(t).toISOString().slice(0, 10))) n++;
      expect(n, String(year)).toBe(247);
    }
  });
});
