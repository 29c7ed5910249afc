// Prior shares of areas from the registry: complaints are expected in proportion
// to the houses an area holds. Unknown areas (a street spelled differently by a
// resident) get a small floor rather than zero.
import type { House } from '../../shared/types/registry.js';
import type { AreaPrior } from './baseline.js';
import { cellId } from './areas.js';
import type { AreaKind } from './types.js';

export function registryPrior(houses: readonly Pick<House, 'lat' | 'lon' | 'district' | 'street'>[], cellDeg: { lat: number; lon: number }): AreaPrior {
  const total = Math.max(1, houses.length);
  const counts: Record<AreaKind, Map<string, number>> = { house: new Map(), street: new Map(), cell: new Map(), district: new Map() };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const h of houses) {
    if (h.district) bump(counts.district, h.district);
    if (h.street) bump(counts.street, `${h.district ?? ''}/${h.street}`);
    if (h.lat !== null && h.lon !== null) bump(counts.cell, cellId(Math.floor(h.lat / cellDeg.lat), Math.floor(h.lon / cellDeg.lon)));
  }
  const floor = 0.5 / total;
  return {
    share(kind, id) {
      if (kind === 'house') return 1 / total;
      return Math.max(floor, (counts[kind].get(id) ?? 0) / total);
    },
  };
}
