// Everything processing does to one raw payload that needs no shared state: parse,
// validate, analyse (category, urgency, address → house → УК), MinHash signature, and the
// stored row and the published message serialised as JSON. Pure apart from the clock;
// runs in analysis threads so the event loop only moves text. The near-duplicate group
// needs the one shared index, so it is added afterwards with `withField`.
import { PermanentError } from '../../shared/bus/bus.js';
import { MALFORMED_JSON } from '../../shared/bus/handling.js';
import type { ProcessedMention, RawMention } from '../../shared/types/mention.js';
import { combine, resolvePlace, type AnalyseDeps } from '../../analytics/analyse/analyse.js';
import { minhashOfWords, SIGNATURE_LENGTH } from '../../analytics/classify/near-dup.js';
import type { TextAnalysis } from '../../analytics/classify/index.js';
import type { Resolution } from '../../analytics/address/resolver.js';
import { toMentionRowWithoutGroup } from '../../analytics/rows/mention-row.js';
import { hashAuthor, validateRaw } from './validate.js';

export interface Prepared {
  id: string;
  /** when the resident wrote it, ms since the epoch */
  tsMs: number;
  relevant: boolean;
  /** MinHash signature for the near-duplicate index: relevant texts long enough to compare */
  sig: Uint32Array | null;
  /** the `mentions` row as JSON text, without `dup_group` */
  row: string;
  /** the ProcessedMention as JSON text, without `dupGroup` */
  processed: string;
}

/** A payload that can never be processed: the reason goes to the dead letter. */
export interface Rejected {
  error: string;
}

export type PrepareResult = Prepared | Rejected;

export const isRejected = (r: PrepareResult): r is Rejected => 'error' in r;

type Deps = Omit<AnalyseDeps, 'nearDup'>;

/** One payload; see prepareBatch, which does the same for many at a lower cost each. */
export function prepareMention(payload: string, deps: Deps, now = new Date()): PrepareResult {
  return prepareBatch([payload], deps, now)[0]!;
}

/**
 * Payloads → results in the same order. Each step runs over the whole batch before the
 * next (parse and validate, classify, resolve, serialise): the classifier's and the
 * resolver's tables then stay in the CPU caches for a run of texts instead of evicting
 * each other on every mention, which costs ~20% on a 2-core machine.
 */
export function prepareBatch(payloads: readonly string[], deps: Deps, now = new Date()): PrepareResult[] {
  const out: PrepareResult[] = new Array(payloads.length);
  const raws: (RawMention | null)[] = payloads.map((payload, i) => {
    const v = parseAndValidate(payload);
    if ('error' in v) out[i] = v;
    return 'error' in v ? null : v;
  });
  // A text that makes the analysis throw fails alone (to dead letters, with the reason):
  // the other mentions of its batch go on.
  const step = <T>(i: number, f: (raw: RawMention) => T): T | null => {
    const raw = raws[i];
    if (!raw) return null;
    try {
      return f(raw);
    } catch (e) {
      out[i] = { error: `analysis failed: ${e instanceof Error ? e.message : String(e)}` };
      raws[i] = null;
      return null;
    }
  };
  const texts = raws.map((_, i) => step(i, (raw) => deps.classifier.analyse(raw.text)));
  const places = raws.map((_, i) => step(i, (raw) => resolvePlace(raw, deps.registry)));
  const ingestedAt = now.toISOString();
  // All signatures of the batch in one buffer: one transfer to the event loop, not one
  // ArrayBuffer per mention for both threads to allocate, clone and sweep.
  let sigs: Uint32Array | null = null;
  for (let i = 0; i < payloads.length; i++) {
    // only relevant texts are compared for near-duplicates (see the worker)
    const slot = texts[i]?.relevant
      ? (sigs ??= new Uint32Array(payloads.length * SIGNATURE_LENGTH)).subarray(i * SIGNATURE_LENGTH, (i + 1) * SIGNATURE_LENGTH)
      : null;
    const prepared = step(i, (raw) => serialise(raw, texts[i]!, places[i]!, deps, ingestedAt, slot));
    if (prepared) out[i] = prepared;
  }
  return out;
}

function serialise(raw: RawMention, text: TextAnalysis, place: Resolution, deps: Deps, ingestedAt: string, sigSlot: Uint32Array | null): Prepared {
  const a = combine(raw, text, place, deps.registry);
  // Listed field by field, without `dupGroup`: the type checker keeps the list complete,
  // and a literal serialises much faster than a spread or rest copy of one.
  const processed: Omit<ProcessedMention, 'dupGroup'> = {
    id: raw.id,
    source: raw.source,
    channel: raw.channel,
    authorHash: hashAuthor(raw.source, raw.author),
    text: raw.text,
    ts: new Date(raw.ts).toISOString(),
    url: raw.url ?? '',
    ingestedAt,
    category: a.category,
    relevant: a.relevant,
    confidence: a.confidence,
    urgency: a.urgency,
    reasons: a.reasons,
    address: a.address,
    houseId: a.houseId,
    lat: a.lat,
    lon: a.lon,
    district: a.district,
    organisation: a.organisation,
  };
  return {
    id: raw.id,
    tsMs: Date.parse(processed.ts),
    relevant: a.relevant,
    sig: sigSlot ? minhashOfWords(text.words, sigSlot) : null,
    row: JSON.stringify(toMentionRowWithoutGroup(processed)),
    processed: JSON.stringify(processed),
  };
}

function parseAndValidate(payload: string): RawMention | Rejected {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return { error: MALFORMED_JSON };
  }
  try {
    return validateRaw(data);
  } catch (e) {
    if (e instanceof PermanentError) return { error: e.message };
    throw e;
  }
}

/** `json` (an object's JSON text without `key`) with `key: value` added. */
export function withField(json: string, key: string, value: string | number | boolean | null): string {
  if (json.length < 2 || json[json.length - 1] !== '}') throw new TypeError('not the JSON text of an object');
  const sep = json === '{}' ? '' : ',';
  return `${json.slice(0, -1)}${sep}${JSON.stringify(key)}:${JSON.stringify(value)}}`;
}
