// An operator's acknowledgement as an alert event: appended and announced like
// any other, by whichever process received it (the web server).
import type { AlertEvent, HotspotAlert } from './types.js';

export function ackEvent(alert: HotspotAlert, by: string, note: string, at = new Date()): AlertEvent {
  const ack = { by, note, at: at.toISOString() };
  const snap: HotspotAlert = { ...alert, kind: 'acknowledged', ack, updatedAt: ack.at };
  return { eventId: `${alert.id}:ack:${at.getTime()}`, alertId: alert.id, kind: 'acknowledged', at: ack.at, alert: snap };
}
