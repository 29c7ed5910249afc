// Value handling shared by both adapters, so a parameter or a row means the
// same thing whichever engine receives it.
import type { Params } from './store.js';

/**
 * Every session runs in UTC, so a `{ts:DateTime64(3)}` parameter or a
 * 'YYYY-MM-DD hh:mm:ss.sss' string in a row is read as UTC on both engines,
 * whatever the host's time zone is. Columns carry their own 'UTC' anyway.
 */
export const SESSION_SETTINGS = {
  session_timezone: 'UTC',
  /** the port promises 64-bit integers as strings (JS numbers lose precision past 2^53) */
  output_format_json_quote_64bit_integers: 1,
} as const;

/** Inserts also accept ISO-8601 strings ('…T…Z') for DateTime columns. */
export const INSERT_SETTINGS = { date_time_input_format: 'best_effort' } as const;

/** Date → 'YYYY-MM-DD hh:mm:ss.sss' in UTC: the text form every DateTime64 parser accepts. */
export function toClickhouseDateTime(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

function normalizeValue(v: unknown): unknown {
  if (v instanceof Date) return toClickhouseDateTime(v);
  if (Array.isArray(v)) return v.map(normalizeValue);
  return v;
}

/** Dates become UTC strings (the engines' own Date handling drops milliseconds or differs). */
export function normalizeParams(params: Params | undefined): Params | undefined {
  if (!params) return undefined;
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) out[k] = normalizeValue(v);
  return out;
}

/**
 * Rows → JSONEachRow bytes. Top-level Dates (and arrays of them) become UTC
 * strings; deeper ones go out as ISO-8601, which INSERT_SETTINGS accepts.
 * No JSON replacer: it doubles the cost of stringify on the insert hot path.
 */
export function toJsonEachRow(rows: readonly Record<string, unknown>[]): Buffer {
  let out = '';
  for (const row of rows) out += toJsonLine(row) + '\n';
  return Buffer.from(out, 'utf8');
}

/** One row as a JSONEachRow line (without the newline), Dates as above. */
export function toJsonLine(row: Record<string, unknown>): string {
  return JSON.stringify(withoutDates(row));
}

function withoutDates(row: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const k in row) {
    const v = row[k];
    if (v instanceof Date || (Array.isArray(v) && v.length > 0 && v[0] instanceof Date)) {
      copy ??= { ...row };
      copy[k] = normalizeValue(v);
    }
  }
  return copy ?? row;
}

/** JSONEachRow text → objects. An empty result is an empty string, not "[]". */
export function parseJsonEachRow<T>(text: string): T[] {
  const out: T[] = [];
  for (const line of text.split('\n')) if (line.trim()) out.push(JSON.parse(line) as T);
  return out;
}
