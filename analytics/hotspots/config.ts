// Detector configuration: config/hotspots.json, validated once at start-up.
import fs from 'node:fs';
import { z } from 'zod';
// Imported, not read from disk: the web build bundles this module away from its folder.
import defaults from '../../config/hotspots.json' with { type: 'json' };
import { MAP_LAYERS, type MapLayer } from '../../shared/types/taxonomy.js';
import type { DetectorConfig, SeasonMode } from './types.js';

const layer = z.enum(MAP_LAYERS);
const thresholds = z.object({
  pValue: z.number().gt(0).lt(1),
  minMentions: z.number().int().min(1),
  minHouses: z.number().int().min(1),
  minAuthors: z.number().int().min(1),
  houseMinAuthors: z.number().int().min(1),
  fewHousesPValue: z.number().gt(0).lt(1),
});

const Schema = z.object({
  layers: z.array(layer).min(1),
  windowsMin: z.array(z.number().positive()).min(1),
  cellDeg: z.object({ lat: z.number().positive(), lon: z.number().positive() }),
  utcOffsetHours: z.number().min(-12).max(14),
  defaults: thresholds,
  perLayer: z.record(layer, thresholds.partial()).default({}),
  prior: z.object({
    rateHalfLifeHours: z.number().positive(),
    profileHours: z.number().positive(),
    sharePerArea: z.number().positive(),
    minRatePerHour: z.number().nonnegative(),
    minObservedHours: z.number().nonnegative(),
  }),
  lateMin: z.number().positive(),
  lifecycle: z.object({
    trendMin: z.number().positive(),
    subsideAfterMin: z.number().positive(),
    closeAfterMin: z.number().positive(),
    updateEverySec: z.number().nonnegative(),
  }),
  outlineBufferM: z.number().nonnegative(),
  joinM: z.number().nonnegative(),
  clusterRadiusM: z.number().positive(),
  nearM: z.number().positive(),
  maxRadiusM: z.number().positive(),
  modes: z.array(z.object({ id: z.string().regex(/^[a-z]+$/), titleRu: z.string(), layers: z.array(layer).min(1) })).min(1),
});

export interface HotspotsConfig {
  detector: DetectorConfig;
  modes: SeasonMode[];
}

export function parseHotspotsConfig(json: unknown): HotspotsConfig {
  const c = Schema.parse(json);
  const { modes, ...detector } = c;
  return { detector: detector as DetectorConfig, modes };
}

let cached: HotspotsConfig | undefined;

/** config/hotspots.json (validated once), or another file of the same shape. */
export function loadHotspotsConfig(file?: string): HotspotsConfig {
  if (file) return parseHotspotsConfig(JSON.parse(fs.readFileSync(file, 'utf8')));
  return (cached ??= parseHotspotsConfig(defaults));
}

export function modeOf(cfg: HotspotsConfig, id: string | null | undefined): SeasonMode {
  return cfg.modes.find((m) => m.id === id) ?? cfg.modes[0];
}

export function modeLayers(mode: SeasonMode): MapLayer[] {
  return mode.layers;
}
