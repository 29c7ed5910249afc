// Reconciling rebuilt incidents with stored alerts after a restart. The replayed
// window rebuilds incidents, but delivery order (and so grouping) may differ from
// the first time: each rebuilt incident takes over the stored identity of an open
// alert of its layer that shares a house with it, and stored alerts that nothing
// rebuilt are closed. Pure.
import type { Incident } from './incident.js';
import type { AlertEvent, AlertEventKind, HotspotAlert } from './types.js';

export interface AdoptScope {
  now: number;
  /** the detector's open incidents by id (re-keyed in place) */
  open: Map<string, Incident>;
  emit(inc: Incident, kind: AlertEventKind): AlertEvent;
}

/** The events that reconcile the store with the detector. */
export function adoptStored(s: AdoptScope, stored: readonly HotspotAlert[]): AlertEvent[] {
  const events: AlertEvent[] = [];
  const taken = new Set<string>();
  for (const inc of [...s.open.values()]) {
    const match = stored.find((a) => !taken.has(a.id) && a.state !== 'closed' && a.layer === inc.layer && a.houses.some((h) => inc.houses.has(h.id)));
    if (!match) {
      events.push(s.emit(inc, 'opened'));
      continue;
    }
    taken.add(match.id);
    s.open.delete(inc.id);
    inc.id = match.id;
    inc.openedMs = Date.parse(match.openedAt);
    inc.seq = match.seq;
    inc.ack = match.ack;
    inc.state = match.state;
    inc.surprise = Math.max(inc.surprise, match.surprise);
    s.open.set(inc.id, inc);
    if (inc.houses.size !== match.houseCount || inc.mentionCount !== match.mentionCount) events.push(s.emit(inc, 'updated'));
    else {
      inc.emittedHouses = inc.houses.size;
      inc.lastEmitMs = s.now;
    }
  }
  for (const a of stored) {
    if (taken.has(a.id) || a.state === 'closed') continue;
    const closed: HotspotAlert = { ...a, seq: a.seq + 1, kind: 'closed', state: 'closed', updatedAt: new Date(Math.max(s.now, Date.parse(a.updatedAt))).toISOString() };
    events.push({ eventId: `${a.id}:${closed.seq}`, alertId: a.id, kind: 'closed', at: closed.updatedAt, alert: closed });
  }
  return events;
}
