// District assignment by point-in-polygon with a bounding-box prefilter.
import { bboxOf, inBBox, pointInPolygon, polygonsOf, type BBox, type Geometry, type Ring } from './geo.js';

export interface NamedGeometry {
  name: string;
  geometry: Geometry;
}

export interface DistrictIndex {
  districtOf(lat: number, lon: number): string | null;
}

export function createDistrictIndex(districts: readonly NamedGeometry[]): DistrictIndex {
  const parts: { name: string; bbox: BBox; polygon: Ring[] }[] = [];
  for (const d of districts)
    for (const polygon of polygonsOf(d.geometry)) parts.push({ name: d.name, bbox: bboxOf([polygon]), polygon });
  return {
    districtOf(lat, lon) {
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
      for (const p of parts) if (inBBox(lon, lat, p.bbox) && pointInPolygon(lon, lat, p.polygon)) return p.name;
      return null;
    },
  };
}
