// The deadline table: per category, two clocks (first response, resolution),
// each in calendar or working time, with variants for special situations
// (an accident on a dead-end main, a single power source). Pure; the table
// comes from config/deadlines.json.
import { addWorkingDays, addWorkingMinutes, type Calendar } from './calendar.js';

export type DurationUnit = 'm' | 'h' | 'd' | 'wh' | 'wd';
export interface DurationSpec {
  value: number;
  unit: DurationUnit;
}

export interface DeadlineRule {
  firstResponse: DurationSpec;
  resolution: DurationSpec;
  /** allowed interruption per house per month (utilities only) */
  monthlyBudget?: DurationSpec;
  /** allowed single interruption (utilities only) */
  singleMax?: DurationSpec;
  emergency: boolean;
  /** the norm in Russian, shown to operators */
  basis: string;
  variants: Record<string, Partial<Pick<DeadlineRule, 'firstResponse' | 'resolution' | 'singleMax' | 'monthlyBudget'>>>;
}

export interface DeadlineTable {
  default: DeadlineRule;
  categories: Record<string, DeadlineRule>;
}

const SPEC = /^(\d+(?:\.\d+)?)(m|h|d|wh|wd)$/;

/** "16h", "10wd", "30m" → a spec; throws on anything else so a bad config fails at start. */
export function parseDuration(s: string): DurationSpec {
  const m = SPEC.exec(s.trim());
  if (!m) throw new Error(`invalid duration "${s}" (expected e.g. 30m, 16h, 1d, 8wh, 10wd)`);
  const value = Number(m[1]);
  const unit = m[2] as DurationUnit;
  if (unit === 'wd' && !Number.isInteger(value)) throw new Error(`invalid duration "${s}": working days must be whole`);
  return { value, unit };
}

/** Plain minutes of a calendar-time spec (m, h, d); working units have no fixed length. */
export function specMinutes(spec: DurationSpec): number {
  switch (spec.unit) {
    case 'm':
      return spec.value;
    case 'h':
      return spec.value * 60;
    case 'd':
      return spec.value * 1440;
    default:
      throw new Error(`a ${spec.unit} duration has no fixed length in minutes`);
  }
}

/** The instant a clock of length `spec` started at `start` runs out. */
export function addDuration(cal: Calendar, start: Date, spec: DurationSpec): Date {
  if (spec.unit === 'wh') return addWorkingMinutes(cal, start, spec.value * 60);
  if (spec.unit === 'wd') return addWorkingDays(cal, start, spec.value);
  return new Date(start.getTime() + specMinutes(spec) * 60_000);
}

export function formatDurationRu(spec: DurationSpec): string {
  const n = spec.value;
  const unit = { m: 'мин', h: 'ч', d: plural(n, 'сутки', 'суток', 'суток'), wh: 'раб. ч', wd: plural(n, 'рабочий день', 'рабочих дня', 'рабочих дней') }[spec.unit];
  return `${n} ${unit}`;
}

function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

export function ruleFor(table: DeadlineTable, category: string, variant?: string): DeadlineRule {
  const base = table.categories[category] ?? table.default;
  const v = variant ? base.variants[variant] : undefined;
  return v ? { ...base, ...v } : base;
}

export interface CaseDeadlines {
  firstResponseDue: Date;
  resolutionDue: Date;
  rule: DeadlineRule;
}

export function computeDeadlines(table: DeadlineTable, cal: Calendar, category: string, openedAt: Date, variant?: string): CaseDeadlines {
  const rule = ruleFor(table, category, variant);
  return {
    firstResponseDue: addDuration(cal, openedAt, rule.firstResponse),
    resolutionDue: addDuration(cal, openedAt, rule.resolution),
    rule,
  };
}
