// Which open case a new complaint joins. The same house and category joins the
// house's open case; a supply outage (water, heat, power, gas) reported from a
// neighbouring house joins the open case of the same outage area (same street
// in the same district) instead of opening a duplicate. Pure.
import { LABELS } from '../../shared/types/taxonomy.js';

/** Categories where one failure usually hits several houses at once. */
export const AREA_CATEGORIES: ReadonlySet<string> = new Set(
  Object.entries(LABELS)
    .filter(([, info]) => (info.layers as readonly string[]).includes('outages') || (info.layers as readonly string[])[0] === 'heating')
    .map(([id]) => id),
);

export interface MatchInput {
  category: string;
  houseId: string | null;
  district: string | null;
  street: string | null;
}

export function houseKey(m: MatchInput): string | null {
  return m.houseId ? `house:${m.houseId}:${m.category}` : null;
}

export function areaKey(m: MatchInput): string | null {
  if (!AREA_CATEGORIES.has(m.category) || !m.district || !m.street) return null;
  return `area:${m.district}:${m.street.toLowerCase().replace(/ё/g, 'е')}:${m.category}`;
}

export interface OpenCaseRef {
  id: string;
  houseId: string;
  category: string;
  areaKey: string;
  openedAt: string;
}

/**
 * The case a complaint joins, or null to open a new one. House match first
 * (exact), then area; among several, the oldest open case (the one people
 * already work on).
 */
export function findCaseToJoin(m: MatchInput, open: readonly OpenCaseRef[]): OpenCaseRef | null {
  const oldest = (xs: OpenCaseRef[]) => (xs.length ? xs.sort((a, b) => (a.openedAt < b.openedAt ? -1 : 1))[0] : null);
  if (m.houseId) {
    const same = oldest(open.filter((c) => c.houseId === m.houseId && c.category === m.category));
    if (same) return same;
  }
  const area = areaKey(m);
  return area ? oldest(open.filter((c) => c.areaKey === area)) : null;
}
