// Prior shares of areas from the registry: complaints are expected in proportion
// to the residents an area holds (a house weighs √apartments: a big house has
// more people, but not proportionally more who write). Unknown areas (a street
// spelled differently by a resident) get a small floor rather than zero.
import type { House } from '../../shared/types/registry.js';
import type { AreaPrior } from './baseline.js';
import { cellId } from './areas.js';
import type { AreaKind } from './types.js';

const DEFAULT_APARTMENTS = 60;

export function registryPrior(
  houses: readonly Pick<House, 'id' | 'lat' | 'lon' | 'district' | 'street' | 'apartments'>[],
  cellDeg: { lat: number; lon: number },
): AreaPrior {
  const weights: Record<AreaKind, Map<string, number>> = { house: new Map(), street: new Map(), cell: new Map(), district: new Map() };
  const bump = (m: Map<string, number>, k: string, w: number) => m.set(k, (m.get(k) ?? 0) + w);
  let total = 0;
  for (const h of houses) {
    const w = Math.sqrt(h.apartments && h.apartments > 0 ? h.apartments : DEFAULT_APARTMENTS);
    total += w;
    bump(weights.house, h.id, w);
    if (h.district) bump(weights.district, h.district, w);
    if (h.street) bump(weights.street, `${h.district ?? ''}/${h.street}`, w);
    if (h.lat !== null && h.lon !== null) bump(weights.cell, cellId(Math.floor(h.lat / cellDeg.lat), Math.floor(h.lon / cellDeg.lon)), w);
  }
  total = Math.max(1, total);
  const floor = (0.5 * Math.sqrt(DEFAULT_APARTMENTS)) / total;
  return {
    share: (kind, id) => Math.max(floor, (weights[kind].get(id) ?? 0) / total),
    areas: (kind) => Math.max(1, weights[kind].size),
  };
}
