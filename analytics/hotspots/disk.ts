// A small disk around a mention as a test area: a burst of a few neighbouring
// houses rarely sits inside one grid cell, and a 3×3 block holds ten times its
// background. The disk's baseline is that of the cells it overlaps, each in
// proportion to the part of the cell it covers (houses assumed spread evenly
// within a cell), measured on a fixed set of sample points.
import { cellId } from './areas.js';

const M_PER_DEG = 111_320;
/** sample points on a 9 × 9 grid over the unit square, kept inside the unit disk */
const SAMPLES: [number, number][] = [];
for (let i = -4; i <= 4; i++) for (let j = -4; j <= 4; j++) if (i * i + j * j <= 16) SAMPLES.push([i / 4, j / 4]);

export interface Disk {
  ids: string[];
  /** per cell: the share of that cell's area inside the disk */
  weights: number[];
}

const cache = new Map<string, Disk>();
const CACHE_MAX = 50_000;

/** The cells a disk around (lat, lon) overlaps, with weights; cached per point (houses repeat). */
export function diskCells(lat: number, lon: number, radiusM: number, cellDeg: { lat: number; lon: number }): Disk {
  const key = `${lat},${lon},${radiusM},${cellDeg.lat},${cellDeg.lon}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const k = Math.cos((lat * Math.PI) / 180);
  const dLat = radiusM / M_PER_DEG;
  const dLon = radiusM / (M_PER_DEG * k);
  const ys: number[] = [];
  const xs: number[] = [];
  const ns: number[] = [];
  for (const [sy, sx] of SAMPLES) {
    const iy = Math.floor((lat + sy * dLat) / cellDeg.lat);
    const ix = Math.floor((lon + sx * dLon) / cellDeg.lon);
    let j = 0;
    while (j < ys.length && (ys[j] !== iy || xs[j] !== ix)) j++;
    if (j === ys.length) (ys.push(iy), xs.push(ix), ns.push(0));
    ns[j]++;
  }
  const cellArea = cellDeg.lat * M_PER_DEG * cellDeg.lon * M_PER_DEG * k;
  const diskArea = Math.PI * radiusM * radiusM;
  const d: Disk = { ids: ys.map((iy, j) => cellId(iy, xs[j])), weights: ns.map((n) => ((n / SAMPLES.length) * diskArea) / cellArea) };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, d);
  return d;
}
