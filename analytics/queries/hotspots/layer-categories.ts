// Categories drawn on a map layer (from the taxonomy), for SQL filters.
import { LABELS, MAP_LAYERS, type LabelInfo, type MapLayer } from '../../../shared/types/taxonomy.js';

export function categoriesOf(layers: readonly MapLayer[]): string[] {
  return Object.entries(LABELS as Record<string, LabelInfo>)
    .filter(([, info]) => info.layers.some((l) => layers.includes(l)))
    .map(([c]) => c);
}

export function parseLayer(x: string | null | undefined): MapLayer | null {
  return x && (MAP_LAYERS as readonly string[]).includes(x) ? (x as MapLayer) : null;
}
