// Working-time calendar. Pure: the holidays, transfers and office hours are
// injected (config/holidays.json), so a region or a new year's government decree
// changes data, not code. Norms "in working days" (a written answer within 10
// working days) and "in working hours" are counted here; calendar-hour norms
// (heating back within 16 h) do not need it.
//
// Local time is a fixed UTC offset: Russia has had no DST since 2014, so an
// offset is exact and needs no tz database.

export interface CalendarConfig {
  /** minutes east of UTC, e.g. 180 for Moscow */
  utcOffsetMinutes: number;
  /** office hours, minutes after local midnight */
  dayStartMinute: number;
  dayEndMinute: number;
  /** public holidays and transferred days off, local dates YYYY-MM-DD */
  nonWorkingDays: readonly string[];
  /** Saturdays or Sundays made working days by a transfer, YYYY-MM-DD */
  workingWeekendDays: readonly string[];
}

export interface Calendar {
  config: CalendarConfig;
  isWorkingDay(localDate: string): boolean;
}

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

export function createCalendar(config: CalendarConfig): Calendar {
  if (config.dayEndMinute <= config.dayStartMinute) throw new Error('calendar: the working day must end after it starts');
  const off = new Set(config.nonWorkingDays);
  const on = new Set(config.workingWeekendDays);
  return {
    config,
    isWorkingDay(localDate: string): boolean {
      if (on.has(localDate)) return true;
      if (off.has(localDate)) return false;
      const dow = new Date(`${localDate}T00:00:00Z`).getUTCDay();
      return dow !== 0 && dow !== 6;
    },
  };
}

/** Local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(cal: Calendar, at: Date): string {
  return new Date(at.getTime() + cal.config.utcOffsetMinutes * MIN_MS).toISOString().slice(0, 10);
}

/** The instant of a local wall-clock minute of a local date. */
function instantOf(cal: Calendar, date: string, minute: number): number {
  return Date.parse(`${date}T00:00:00Z`) - cal.config.utcOffsetMinutes * MIN_MS + minute * MIN_MS;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Add working minutes: time counts only inside office hours of working days.
 * A start outside office hours counts from the next opening.
 */
export function addWorkingMinutes(cal: Calendar, start: Date, minutes: number): Date {
  if (minutes < 0) throw new Error('addWorkingMinutes: minutes must be ≥ 0');
  const { dayStartMinute: open, dayEndMinute: close } = cal.config;
  let date = localDate(cal, start);
  let t = start.getTime();
  let left = minutes;
  for (let guard = 0; guard < 3660; guard++) {
    if (cal.isWorkingDay(date)) {
      const dayOpen = instantOf(cal, date, open);
      const dayClose = instantOf(cal, date, close);
      const from = Math.max(t, dayOpen);
      if (from < dayClose) {
        const avail = (dayClose - from) / MIN_MS;
        if (left <= avail) return new Date(from + left * MIN_MS);
        left -= avail;
      }
    }
    date = nextDate(date);
    t = instantOf(cal, date, 0);
  }
  throw new Error('addWorkingMinutes: no working time within 10 years — check the calendar');
}

/**
 * Add working days the way deadlines "within N working days" are read: the day
 * of receipt does not count; the deadline is the end of office hours of the
 * Nth working day after it.
 */
export function addWorkingDays(cal: Calendar, start: Date, days: number): Date {
  if (days < 0 || !Number.isInteger(days)) throw new Error('addWorkingDays: days must be a whole number ≥ 0');
  let date = localDate(cal, start);
  if (days === 0) return start;
  let counted = 0;
  for (let guard = 0; guard < 3660 && counted < days; guard++) {
    date = nextDate(date);
    if (cal.isWorkingDay(date)) counted++;
  }
  if (counted < days) throw new Error('addWorkingDays: no working days within 10 years — check the calendar');
  return new Date(instantOf(cal, date, cal.config.dayEndMinute));
}

/** Working minutes between two instants (0 when `to` ≤ `from`). */
export function workingMinutesBetween(cal: Calendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const { dayStartMinute: open, dayEndMinute: close } = cal.config;
  let date = localDate(cal, from);
  const end = to.getTime();
  let total = 0;
  for (let guard = 0; guard < 3660; guard++) {
    const dayOpen = instantOf(cal, date, open);
    if (dayOpen >= end) break;
    if (cal.isWorkingDay(date)) {
      const a = Math.max(from.getTime(), dayOpen);
      const b = Math.min(end, instantOf(cal, date, close));
      if (b > a) total += (b - a) / MIN_MS;
    }
    date = nextDate(date);
  }
  return total;
}
