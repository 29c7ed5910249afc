// Shapes exchanged between the map API and the map page (plain JSON).
import type { HotspotAlert } from '../../../../analytics/hotspots/types.js';
import type { MapLayer } from '../../../../shared/types/taxonomy.js';

export type { HotspotAlert };

/** Houses as parallel arrays: 25 000 houses in a few hundred kilobytes. */
export interface HouseGeometry {
  ids: string[];
  lat: number[];
  lon: number[];
}

export interface DistrictShape {
  name: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface MapCounts {
  fromMs: number;
  toMs: number;
  layers: MapLayer[];
  /** [houseId, count] for houses with complaints in the range */
  houses: [string, number][];
  /** [south lat, west lon, count] per heat cell */
  heat: [number, number, number][];
  cell: { lat: number; lon: number };
}

export interface MapMode {
  id: string;
  titleRu: string;
  layers: MapLayer[];
}
