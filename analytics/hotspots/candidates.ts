// The areas tested for a burst around one mention (house, cell, a disk of a few
// hundred metres, the 3×3 block, the street) and the spatial trimming of a burst's
// members to one compact place. Pure.
import { areaKey, blockIds, cellId, type CellRef } from './areas.js';
import { diskCells } from './disk.js';
import { approxM } from './incident.js';
import type { Entry } from './window.js';
import type { AreaKind, DetectorConfig } from './types.js';

/** above this many members the cluster is centred on the revealing mention, not searched for */
const MAX_CLUSTER_SEARCH = 300;

export interface Candidate {
  kind: AreaKind;
  /** ids of the areas whose windows are summed (a 3×3 block for cells) */
  ids: string[];
  trigger: string;
  /** a disk around the mention: only entries within it count, its baseline is the covered part of its cells */
  disk?: { lat: number; lon: number; radiusM: number; weights: number[] };
}

/**
 * Areas tested for a burst, smallest first. Districts are not among them: a district
 * holds thousands of unrelated houses, and an incident must be a place one can send
 * a crew to. A burst over a district shows up in its cells.
 */
export function candidates(cfg: DetectorConfig, house: string | null, street: string | null, cell: CellRef | null, lat: number | null, lon: number | null): Candidate[] {
  const out: Candidate[] = [];
  if (house) out.push({ kind: 'house', ids: [house], trigger: areaKey('house', house) });
  // Small areas first (little background to hide a small burst): the mention's own cell,
  // a disk around it (a few neighbouring houses across a cell border), then the 3×3 block.
  if (cell) {
    const here = cellId(cell.iy, cell.ix);
    out.push({ kind: 'cell', ids: [here], trigger: areaKey('cell', here) });
    if (lat !== null && lon !== null) {
      const d = diskCells(lat, lon, cfg.nearM, cfg.cellDeg);
      out.push({ kind: 'cell', ids: d.ids, trigger: `near:${here}`, disk: { lat, lon, radiusM: cfg.nearM, weights: d.weights } });
    }
    out.push({ kind: 'cell', ids: blockIds(cell), trigger: `block:${here}` });
  }
  if (street) out.push({ kind: 'street', ids: [street], trigger: areaKey('street', street) });
  return out;
}

/**
 * The burst's members that lie close together: those within `radiusM` of the densest
 * member (the one with most others within that distance; ties go to the one nearest
 * the revealing mention). Members without coordinates (a street named, no house) stay.
 */
export function compact(entries: Entry[], lat: number | null, lon: number | null, radiusM: number): Entry[] {
  const located = entries.filter((e) => e.lat !== null && e.lon !== null);
  if (!located.length) return entries;
  let seed: Entry | { lat: number; lon: number } | null = lat !== null && lon !== null ? { lat, lon } : null;
  if (located.length <= MAX_CLUSTER_SEARCH || !seed) {
    let best = -1;
    let bestD = Infinity;
    for (const e of located.length <= MAX_CLUSTER_SEARCH ? located : located.slice(-MAX_CLUSTER_SEARCH)) {
      let n = 0;
      for (const f of located) if (approxM(e.lat as number, e.lon as number, f.lat as number, f.lon as number) <= radiusM) n++;
      const d = lat !== null && lon !== null ? approxM(e.lat as number, e.lon as number, lat, lon) : 0;
      if (n > best || (n === best && d < bestD)) (best = n), (bestD = d), (seed = e);
    }
  }
  const s = seed as { lat: number; lon: number };
  return entries.filter((e) => e.lat === null || e.lon === null || approxM(e.lat, e.lon, s.lat, s.lon) <= radiusM);
}

export function inDisk(e: Entry, d: { lat: number; lon: number; radiusM: number }): boolean {
  return e.lat !== null && e.lon !== null && approxM(e.lat, e.lon, d.lat, d.lon) <= d.radiusM;
}

