// Current alerts: the latest detector snapshot of each alert with its latest
// acknowledgement laid over it (acks are written by the web process and may
// race the detector's own events, so they are folded in at read time).
import type { Store } from '../../../shared/storage/store.js';
import type { AlertAck, HotspotAlert } from '../../hotspots/types.js';

export interface AlertsQuery {
  /** alerts opened at or after this instant (epoch ms) */
  sinceMs: number;
  /** include closed alerts */
  includeClosed?: boolean;
  layers?: string[];
  id?: string;
}

interface Row {
  alert_id: string;
  snap: string;
  ack: string;
}

export async function getAlerts(store: Store, q: AlertsQuery): Promise<HotspotAlert[]> {
  const where = ["opened_at >= fromUnixTimestamp64Milli({sinceMs:Int64}, 'UTC')"];
  const params: Record<string, unknown> = { sinceMs: Math.floor(q.sinceMs) };
  if (q.id) {
    where.push('alert_id = {id:String}');
    params.id = q.id;
  }
  if (q.layers?.length) {
    where.push('layer IN {layers:Array(String)}');
    params.layers = q.layers;
  }
  const rows = await store.query<Row>(
    `SELECT alert_id,
            argMaxIf(payload, (seq, at), kind != 'acknowledged') AS snap,
            argMaxIf(payload, at, kind = 'acknowledged') AS ack
     FROM alert_events FINAL
     WHERE ${where.join(' AND ')}
     GROUP BY alert_id`,
    params,
  );
  const out: HotspotAlert[] = [];
  for (const r of rows) {
    if (!r.snap) continue;
    const alert = JSON.parse(r.snap) as HotspotAlert;
    if (r.ack) {
      const ack = (JSON.parse(r.ack) as HotspotAlert).ack as AlertAck | null;
      if (ack && (!alert.ack || alert.ack.at < ack.at)) alert.ack = ack;
    }
    if (!q.includeClosed && alert.state === 'closed') continue;
    out.push(alert);
  }
  return out.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}

export async function getAlert(store: Store, id: string, sinceMs = 0): Promise<HotspotAlert | null> {
  const [a] = await getAlerts(store, { sinceMs, id, includeClosed: true });
  return a ?? null;
}
