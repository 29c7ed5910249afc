// `domovoy replay`: publishes a recorded JSON Lines stream, paced at a rate. Every line
// ends up somewhere: valid mentions on mentions.raw.<source>, anything else in dead
// letters with its line number and the reason.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Bus } from '../../../shared/bus/bus.js';
import type { Logger } from '../../../shared/log/logger.js';
import { RawMentionSchema, type RawMention } from '../../../shared/types/mention.js';
import { SUBJECTS, type DeadLetter } from '../../../shared/types/subjects.js';
import { createMentionPublisher } from '../publisher.js';

export interface ReplayOptions {
  bus: Bus;
  /** mentions per second; 0 = as fast as possible */
  rate: number;
  log: Logger;
  /** publish on mentions.raw.<source> instead of each mention's own source */
  source?: string;
  /** publishes in flight (default 256) */
  window?: number;
}

export interface ReplayResult {
  published: number;
  duplicates: number;
  invalid: number;
  errors: string[];
}

/** A line longer than this is not parsed at all: no mention is that big (text ≤ 20 000 chars). */
export const MAX_LINE_CHARS = 1_000_000;
const MAX_ERRORS = 100;
const DEAD_PAYLOAD_CHARS = 4_000;

export type LineCheck = { ok: true; mention: RawMention } | { ok: false; reason: string };

/** Pure: one line of a recording → a mention or the reason it is not one. */
export function checkLine(line: string): LineCheck {
  if (line.length > MAX_LINE_CHARS) return { ok: false, reason: `line longer than ${MAX_LINE_CHARS} characters` };
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (e) {
    return { ok: false, reason: `malformed JSON: ${(e as Error).message}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: `expected a JSON object, got ${Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data}` };
  }
  const parsed = RawMentionSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  }
  return { ok: true, mention: parsed.data };
}

export async function replayFile(path: string, opts: ReplayOptions): Promise<ReplayResult> {
  const { bus, log } = opts;
  const rate = Math.max(0, opts.rate);
  const publisher = createMentionPublisher(bus, { source: opts.source, window: opts.window, maxErrors: MAX_ERRORS });
  const errors: string[] = [];
  const note = (msg: string) => {
    if (errors.length < MAX_ERRORS) errors.push(msg);
  };
  let invalid = 0;
  let valid = 0;
  let lineNo = 0;
  const t0 = Date.now();
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      lineNo++;
      const line = raw.trim();
      if (!line) continue;
      const r = checkLine(line);
      if (!r.ok) {
        invalid++;
        note(`line ${lineNo}: ${r.reason}`);
        await deadLetter(bus, opts.source, lineNo, line, r.reason, note);
        continue;
      }
      if (rate > 0) {
        // pace by schedule, not by sleeping per message: no drift, and bursts of timer lag catch up
        const due = t0 + (valid / rate) * 1000;
        const ahead = due - Date.now();
        if (ahead > 5) await new Promise((res) => setTimeout(res, ahead));
      }
      valid++;
      await publisher.publish(r.mention);
    }
  } finally {
    lines.close();
    input.destroy();
  }
  const stats = await publisher.flush();
  for (const e of stats.errors) note(`publish failed: ${e}`);
  const result = { published: stats.published, duplicates: stats.duplicates, invalid, errors };
  log.info('replay finished', { path, lines: lineNo, ...result, errors: errors.length, failed: stats.failed, ms: Date.now() - t0 });
  return result;
}

async function deadLetter(bus: Bus, source: string | undefined, lineNo: number, line: string, reason: string, note: (m: string) => void) {
  const dl: DeadLetter = {
    subject: SUBJECTS.raw(source ?? 'replay'),
    payload: line.length > DEAD_PAYLOAD_CHARS ? line.slice(0, DEAD_PAYLOAD_CHARS) + '…' : line,
    reason: `replay line ${lineNo}: ${reason}`,
    deliveries: 0,
    at: new Date().toISOString(),
  };
  try {
    await bus.publish(SUBJECTS.deadLetter, dl);
  } catch (e) {
    note(`line ${lineNo}: dead letter not published: ${(e as Error).message}`);
  }
}
