// Outline of an incident: the convex hull of its houses, buffered by a few
// dozen metres so that one or two houses still draw as a visible shape.

import { pointInRing } from '../geo/geo.js';
type P = [number, number];

function cross(o: P, a: P, b: P): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Andrew's monotone chain; returns the hull counter-clockwise, not closed. */
export function convexHull(points: readonly P[]): P[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length <= 2) return pts;
  const lower: P[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: P[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

/**
 * Buffered hull of [lon, lat] points: each point becomes a small octagon of radius
 * `bufferM`, and the hull of all of them is returned closed (first = last).
 */
export function bufferedHull(points: readonly P[], bufferM: number): P[] {
  if (points.length === 0) return [];
  const lat0 = points.reduce((s, p) => s + p[1], 0) / points.length;
  const dLat = bufferM / 111_320;
  const dLon = bufferM / (111_320 * Math.max(0.1, Math.cos((lat0 * Math.PI) / 180)));
  const ring: P[] = [];
  for (const [lon, lat] of points)
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
    }
  const hull = convexHull(ring).map(([x, y]) => [round6(x), round6(y)] as P);
  if (hull.length) hull.push(hull[0]);
  return hull;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Point-in-ring test (even-odd) for checking that houses lie inside an outline. */
export const insideRing = pointInRing;
