// Live refresh of case pages: any case event (or overdue announcement) re-runs
// the page's load, at most once a second. Joins the organisation's room when
// the page is scoped to one.
import { connectLive } from '../../live/socket.js';
import { ROOMS } from '../../../../shared/types/live-events.js';

export function watchCases(opts: { onChange: (caseIds: string[]) => void; orgId?: string; minIntervalMs?: number }): () => void {
  const socket = connectLive();
  const gap = opts.minIntervalMs ?? 1000;
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const fire = () => {
    timer = undefined;
    last = Date.now();
    const ids = [...pending];
    pending = new Set();
    opts.onChange(ids);
  };
  const bump = (ids: string[]) => {
    for (const id of ids) pending.add(id);
    if (timer) return;
    timer = setTimeout(fire, Math.max(0, last + gap - Date.now()));
  };
  socket.on('connect', () => {
    if (opts.orgId) socket.emit('rooms.join', [ROOMS.org(opts.orgId)]);
  });
  socket.on('cases.event', (items) => bump(items.map((i) => i.case.id)));
  socket.on('cases.overdue', (item) => bump([item.caseId]));
  return () => {
    if (timer) clearTimeout(timer);
    socket.disconnect();
  };
}

/** Keys typed into a field are text, not shortcuts. */
export function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName);
}
