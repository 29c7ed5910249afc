import { z } from 'zod';
import type { Category } from './taxonomy.js';

/** Hard limits on what a source may send; larger input is a dead letter, not a crash. */
export const MAX_TEXT_CHARS = 20_000;
/** Lengths of the other fields of a raw mention (the schema below and its hand-written fast path share them). */
export const RAW_LIMITS = { idMin: 3, idMax: 256, channel: 256, author: 256, url: 2048, replyTo: 512, houseId: 64 } as const;
/** A mention id: `<source>:<native id>`. */
export const MENTION_ID = /^[a-z0-9_]+:\S+$/;
export const SOURCES = ['vk', 'telegram', 'max', 'ok', 'open311', 'dispatch', 'portal', 'demo', 'replay', 'csv'] as const;
export type SourceKind = (typeof SOURCES)[number];

/**
 * A raw mention as a source publishes it on `mentions.raw.<source>`.
 * The id is `<source>:<native id>` and stable across re-deliveries and replays.
 * Unknown fields are dropped (sources evolve; we do not fail on extras).
 */
export const RawMentionSchema = z
  .object({
    id: z
      .string()
      .min(RAW_LIMITS.idMin)
      .max(RAW_LIMITS.idMax)
      .regex(MENTION_ID, 'id must be "<source>:<native id>"'),
    source: z.enum(SOURCES),
    /** group, chat or portal the mention came from, e.g. "vk:-123456" */
    channel: z.string().max(RAW_LIMITS.channel).default(''),
    /** opaque author id from the source; hashed before storage */
    author: z.string().max(RAW_LIMITS.author).default(''),
    text: z.string().min(1, 'text is empty').max(MAX_TEXT_CHARS, `text longer than ${MAX_TEXT_CHARS} characters`),
    /** when the resident wrote it, ISO-8601 */
    ts: z.string().datetime({ offset: true }),
    url: z.string().max(RAW_LIMITS.url).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    /** the native thread to reply into, when the source allows replies */
    replyTo: z.string().max(RAW_LIMITS.replyTo).optional(),
    /**
     * The registry house the channel itself belongs to, when the source knows it (a house
     * chat in Telegram or MAX): the place of a message that names no address.
     */
    houseId: z.string().min(1).max(RAW_LIMITS.houseId).optional(),
  })
  .strip();
export type RawMention = z.infer<typeof RawMentionSchema>;

export interface AddressMatch {
  street: string;
  house: string;
  raw: string;
}

export interface Organisation {
  id: string;
  name: string;
}

/** What processing learnt about a mention. Pure output of analyse(). */
export interface Analysis {
  category: Category;
  relevant: boolean;
  confidence: number;
  urgency: number;
  /** short human-readable reasons for the operator's screen */
  reasons: string[];
  address: AddressMatch | null;
  houseId: string | null;
  lat: number | null;
  lon: number | null;
  district: string | null;
  organisation: Organisation | null;
  /** near-duplicate group: the id of the first mention of the group, or '' */
  dupGroup: string;
}

/** A processed mention as published on `mentions.processed` and stored in `mentions`. */
export interface ProcessedMention extends Analysis {
  id: string;
  source: SourceKind;
  channel: string;
  authorHash: string;
  text: string;
  ts: string;
  url: string;
  ingestedAt: string;
}
