// Area keys of a mention: its house, street, district and grid cell. Keys are
// plain strings so the detector can keep its counters in Maps.
import type { AreaKind, DetectorMention } from './types.js';

export interface CellSize {
  lat: number;
  lon: number;
}

export interface CellRef {
  iy: number;
  ix: number;
}

export function cellOf(lat: number, lon: number, size: CellSize): CellRef {
  return { iy: Math.floor(lat / size.lat), ix: Math.floor(lon / size.lon) };
}

export function cellId(iy: number, ix: number): string {
  return `${iy}:${ix}`;
}

export function parseCellId(id: string): CellRef {
  const [iy, ix] = id.split(':').map(Number);
  return { iy, ix };
}

/** Ids of the (2r+1)² cells around a cell, the cell itself included. */
export function blockIds(c: CellRef, r = 1): string[] {
  const out: string[] = [];
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) out.push(cellId(c.iy + dy, c.ix + dx));
  return out;
}

export interface MentionAreas {
  house: string | null;
  street: string | null;
  district: string | null;
  cell: CellRef | null;
}

/** Street keys carry the district so that two «ул. Ленина» in different places stay apart. */
export function areasOf(m: DetectorMention, size: CellSize): MentionAreas {
  const hasPoint = m.lat !== null && m.lon !== null && Number.isFinite(m.lat) && Number.isFinite(m.lon);
  return {
    house: m.houseId || null,
    street: m.street ? `${m.district ?? ''}/${m.street}` : null,
    district: m.district || null,
    cell: hasPoint ? cellOf(m.lat as number, m.lon as number, size) : null,
  };
}

export function areaKey(kind: AreaKind, id: string): string {
  return `${kind}:${id}`;
}

/** Russian label of an area for titles. */
export function areaLabelRu(kind: AreaKind, id: string): string {
  if (kind === 'street') return id.slice(id.indexOf('/') + 1);
  if (kind === 'district') return id;
  if (kind === 'cell') return 'квартал';
  return 'дом';
}
