// `domovoy classify`: JSON Lines in, one JSON line out per input line, in order.
// A broken line yields {"id"?, "error"} in its place; the stream never stops on bad input.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnalyseDeps } from '../analytics/analyse/analyse.js';
import { analyse } from '../analytics/analyse/analyse.js';
import { looksMisencoded, normaliseText } from '../analytics/analyse/normalise.js';

export const MAX_LINE_TEXT = 100_000;

export interface ClassifyOutput {
  id: string;
  category: string;
  relevant: boolean;
  confidence: number;
  urgency: number;
  address: { street: string; house: string; raw: string } | null;
  houseId: string | null;
  lat: number | null;
  lon: number | null;
  district: string | null;
  organisation: { id: string; name: string } | null;
}

export type LineResult = ClassifyOutput | { id?: string; error: string };

/** One input line → one result. Pure apart from the model and registry in `deps`. */
export function classifyLine(line: string, deps: AnalyseDeps): LineResult {
  if (!line.trim()) return { error: 'empty line' };
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return { error: `malformed JSON: ${(e as Error).message}` };
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return { error: 'expected a JSON object' };
  const o = obj as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : undefined;
  const fail = (error: string): LineResult => (id !== undefined ? { id, error } : { error });
  if (id === undefined) return fail(o.id === undefined ? 'missing "id"' : '"id" must be a string');
  if (typeof o.text !== 'string') return fail(o.text === undefined ? 'missing "text"' : '"text" must be a string');
  if (o.source !== undefined && typeof o.source !== 'string') return fail('"source" must be a string');
  if (o.ts !== undefined && (typeof o.ts !== 'string' || Number.isNaN(Date.parse(o.ts)))) return fail('"ts" must be an ISO-8601 date string');
  if (o.text.length > MAX_LINE_TEXT) return fail(`"text" is longer than ${MAX_LINE_TEXT} characters`);
  const text = normaliseText(o.text);
  if (!text) return fail('"text" is empty');
  if (looksMisencoded(text)) return fail('"text" is not valid UTF-8 (wrong encoding?)');
  const a = analyse({ id, text, ts: (o.ts as string | undefined) ?? new Date(0).toISOString() }, deps);
  return {
    id,
    category: a.category,
    relevant: a.relevant,
    confidence: a.confidence,
    urgency: a.urgency,
    address: a.address,
    houseId: a.houseId,
    lat: a.lat,
    lon: a.lon,
    district: a.district,
    organisation: a.organisation,
  };
}

export interface ClassifySummary {
  lines: number;
  ok: number;
  errors: number;
  relevant: number;
  withHouse: number;
  ms: number;
}

export async function classifyStream(input: Readable, output: Writable, deps: AnalyseDeps): Promise<ClassifySummary> {
  const t0 = performance.now();
  const s: ClassifySummary = { lines: 0, ok: 0, errors: 0, relevant: 0, withHouse: 0, ms: 0 };
  const rl = createInterface({ input, crlfDelay: Infinity });
  let buf = '';
  const flush = async () => {
    if (!buf) return;
    const chunk = buf;
    buf = '';
    if (!output.write(chunk)) await new Promise<void>((r) => output.once('drain', r));
  };
  for await (const line of rl) {
    s.lines++;
    let r: LineResult;
    try {
      r = classifyLine(line, deps);
    } catch (e) {
      r = { error: `internal error: ${(e as Error).message}` };
    }
    if ('error' in r) s.errors++;
    else {
      s.ok++;
      if (r.relevant) s.relevant++;
      if (r.houseId) s.withHouse++;
    }
    buf += JSON.stringify(r) + '\n';
    if (buf.length > 64 * 1024) await flush();
  }
  await flush();
  s.ms = performance.now() - t0;
  return s;
}

export function formatSummary(s: ClassifySummary): string {
  const rate = s.ms > 0 ? Math.round((s.lines / s.ms) * 1000) : 0;
  return `classified ${s.lines} lines: ${s.ok} ok, ${s.errors} errors; ${s.relevant} complaints, ${s.withHouse} with a house; ${(s.ms / 1000).toFixed(2)} s (${rate} lines/s)`;
}
