// Which incidents get a permanent label on the map: the most important first
// (more houses, then more complaints, then newer), at most `max` of them, and
// none that would overlap a label already placed on screen. The rest show their
// label on hover. Pure: the map passes screen points in.

export interface LabelCandidate {
  id: string;
  houseCount: number;
  mentionCount: number;
  openedAt: string;
  /** anchor of the label in screen pixels */
  x: number;
  y: number;
}

export interface LabelBox {
  width: number;
  height: number;
}

export function rankIncidents<T extends Omit<LabelCandidate, 'x' | 'y'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.houseCount - a.houseCount || b.mentionCount - a.mentionCount || b.openedAt.localeCompare(a.openedAt));
}

/** Ids of the incidents whose labels are shown permanently. */
export function pickLabels(items: readonly LabelCandidate[], max: number, box: LabelBox = { width: 150, height: 26 }): Set<string> {
  const placed: LabelCandidate[] = [];
  for (const c of rankIncidents(items)) {
    if (placed.length >= max) break;
    if (placed.some((p) => Math.abs(p.x - c.x) < box.width && Math.abs(p.y - c.y) < box.height)) continue;
    placed.push(c);
  }
  return new Set(placed.map((p) => p.id));
}
