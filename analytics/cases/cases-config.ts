// Parsing of the region-editable case configuration (deadlines, routing,
// holidays). Pure: takes parsed JSON, returns validated structures or throws an
// error that names the file and the field.
import { z } from 'zod';
import { ORG_KINDS } from '../../shared/types/taxonomy.js';
import { createCalendar, type Calendar } from './calendar.js';
import { parseDuration, type DeadlineRule, type DeadlineTable, type DurationSpec } from './deadlines.js';
import type { RoutingTable } from './routing.js';

const duration = z.string().transform((s, ctx): DurationSpec => {
  try {
    return parseDuration(s);
  } catch (e) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: (e as Error).message });
    return z.NEVER;
  }
});
const partial = z.object({ firstResponse: duration.optional(), resolution: duration.optional(), singleMax: duration.optional(), monthlyBudget: duration.optional() });
const rule = z.object({
  firstResponse: duration,
  resolution: duration,
  monthlyBudget: duration.optional(),
  singleMax: duration.optional(),
  emergency: z.boolean().default(false),
  basis: z.string().default(''),
  variants: z.record(partial).default({}),
});
const DeadlinesFile = z.object({
  default: rule,
  categories: z.record(rule).default({}),
  /** a resolved case with no answer from the resident this long closes as «не подтверждено» */
  confirmationTimeout: duration.default('72h'),
});

const hhmm = z.string().regex(/^\d{2}:\d{2}$/).transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)));
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const HolidaysFile = z.object({
  utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/),
  workingHours: z.object({ start: hhmm, end: hhmm }),
  years: z.record(z.object({ nonWorking: z.array(date), workingWeekend: z.array(date).default([]), provisional: z.boolean().optional() })),
});

const RoutingFile = z.object({
  byCategory: z.record(z.enum(ORG_KINDS)).default({}),
  suppliers: z.record(z.string()).default({}),
  districtAdmins: z.record(z.string()).default({}),
  cityOrgId: z.string().optional(),
  overrides: z
    .array(z.object({ category: z.string(), district: z.string().optional(), houseId: z.string().optional(), orgId: z.string(), comment: z.string().optional() }))
    .default([]),
});

export interface CasesConfig {
  deadlines: DeadlineTable;
  confirmationTimeout: DurationSpec;
  calendar: Calendar;
  routing: RoutingTable;
}

function parse<T extends z.ZodTypeAny>(schema: T, data: unknown, file: string): z.output<T> {
  const r = schema.safeParse(data);
  if (!r.success) {
    const why = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`config/${file} is invalid: ${why}`);
  }
  return r.data;
}

export function parseCasesConfig(files: { deadlines: unknown; routing: unknown; holidays: unknown }): CasesConfig {
  const d = parse(DeadlinesFile, files.deadlines, 'deadlines.json');
  const h = parse(HolidaysFile, files.holidays, 'holidays.json');
  const r = parse(RoutingFile, files.routing, 'routing.json');
  const sign = h.utcOffset.startsWith('-') ? -1 : 1;
  const offset = sign * (Number(h.utcOffset.slice(1, 3)) * 60 + Number(h.utcOffset.slice(4, 6)));
  const years = Object.values(h.years);
  const calendar = createCalendar({
    utcOffsetMinutes: offset,
    dayStartMinute: h.workingHours.start,
    dayEndMinute: h.workingHours.end,
    nonWorkingDays: years.flatMap((y) => y.nonWorking),
    workingWeekendDays: years.flatMap((y) => y.workingWeekend),
  });
  return {
    deadlines: { default: d.default as DeadlineRule, categories: d.categories as Record<string, DeadlineRule> },
    confirmationTimeout: d.confirmationTimeout,
    calendar,
    routing: r,
  };
}
