// POST /api/alerts/:id/ack {note, by} — an operator acknowledges an alert. The event
// is appended and announced on alerts.hotspot, so every open map updates at once and
// the detector keeps the acknowledgement on its later snapshots.
import { error, json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/context.js';
import { SUBJECTS } from '$shared/types/subjects.js';
import { getAlert } from '$analytics/queries/hotspots/get-alerts.js';
import { appendAlertEvents } from '$analytics/queries/hotspots/append-alert-events.js';
import { ackEvent } from '$analytics/hotspots/ack.js';

const Body = z.object({
  note: z.string().trim().max(2000).default(''),
  by: z.string().trim().min(1).max(200).default('оператор'),
});

export const POST: RequestHandler = async ({ params, request }) => {
  const parsed = Body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) error(400, 'Ожидается JSON: { "note": "…", "by": "…" }');
  const { store, bus } = getApp();
  const alert = await getAlert(store, params.id ?? '');
  if (!alert) error(404, 'Тревога не найдена');
  const ev = ackEvent(alert, parsed.data.by, parsed.data.note);
  await appendAlertEvents(store, [ev]);
  await bus.publish(SUBJECTS.hotspotAlert, ev.alert, { msgId: ev.eventId });
  return json({ alert: ev.alert });
};
