// Append alert events (idempotent: same event id → same row after merge).
import type { Store } from '../../../shared/storage/store.js';
import type { AlertEvent } from '../../hotspots/types.js';

export function alertEventRow(e: AlertEvent, recordedAt = new Date()): Record<string, unknown> {
  const a = e.alert;
  return {
    alert_id: e.alertId,
    event_id: e.eventId,
    seq: a.seq,
    kind: e.kind,
    state: a.state,
    layer: a.layer,
    opened_at: new Date(a.openedAt),
    at: new Date(e.at),
    recorded_at: recordedAt,
    districts: a.districts,
    house_ids: a.houses.map((h) => h.id),
    house_count: a.houseCount,
    mention_count: a.mentionCount,
    actor: e.kind === 'acknowledged' ? (a.ack?.by ?? '') : '',
    note: e.kind === 'acknowledged' ? (a.ack?.note ?? '') : '',
    payload: JSON.stringify(a),
  };
}

export async function appendAlertEvents(store: Store, events: readonly AlertEvent[]): Promise<void> {
  if (!events.length) return;
  await store.insert('alert_events', events.map((e) => alertEventRow(e)));
}
