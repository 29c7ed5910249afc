// What a raw mention must be before anything works on it. Pure; throws PermanentError
// with the reason, which the bus turns into a dead letter.
import crypto from 'node:crypto';
import { PermanentError } from '../../shared/bus/bus.js';
import { RawMentionSchema, type RawMention } from '../../shared/types/mention.js';
import { looksMisencoded, normaliseText } from '../../analytics/analyse/normalise.js';
import { fastRawMention } from './raw-fast-path.js';

/** Validation and normalisation of a bus payload; throws PermanentError with the reason. */
export function validateRaw(data: unknown): RawMention {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new PermanentError(`invalid mention: expected a JSON object, got ${Array.isArray(data) ? 'array' : typeof data}`);
  }
  const mention = fastRawMention(data as Record<string, unknown>) ?? schemaParse(data);
  const text = normaliseText(mention.text);
  if (!text) throw new PermanentError('invalid mention: text is empty after normalisation');
  if (looksMisencoded(text)) throw new PermanentError('invalid mention: text is in a wrong encoding (replacement characters)');
  mention.text = text;
  return mention;
}

function schemaParse(data: unknown): RawMention {
  const parsed = RawMentionSchema.safeParse(data);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new PermanentError(`invalid mention: ${why}`);
  }
  return parsed.data;
}

/** Authors are stored as a salted-by-source hash: enough to count distinct residents, not to name them. */
export function hashAuthor(source: string, author: string): string {
  if (!author) return '';
  return sha256Hex(`${source}\u0000${author}`).slice(0, 16);
}

// One-shot hashing (Node ≥ 20.12) is a third of a Hash object's cost; same digest.
const sha256Hex: (s: string) => string =
  typeof crypto.hash === 'function' ? (s) => crypto.hash('sha256', s, 'hex') : (s) => crypto.createHash('sha256').update(s).digest('hex');
