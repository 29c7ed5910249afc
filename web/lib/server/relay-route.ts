// The shape of one live route (see live-routes.ts for the table, relay.ts for the engine).
import type { LiveEventName, LiveEventPayload } from '../../../shared/types/live-events.js';

export type ItemOf<E extends LiveEventName> = LiveEventPayload<E> extends readonly (infer I)[] ? I : LiveEventPayload<E>;

export interface RelayRoute<E extends LiveEventName = LiveEventName> {
  subject: string;
  event: E;
  /** bus payload → one item; null skips it (malformed or not for the browser) */
  toItem(data: unknown): ItemOf<E> | null;
  /** rooms the item is sent to; default: everyone (ROOMS.all) */
  rooms?(item: ItemOf<E>): string[];
  /** set for events whose payload is an array: buffer and emit at most this often */
  batch?: { ms: number; max: number };
}

/** Helper that keeps each route's item type tied to its event. */
export function route<E extends LiveEventName>(r: RelayRoute<E>): RelayRoute<E> {
  return r;
}

