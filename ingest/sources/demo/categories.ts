// The everyday mix: which complaints residents write how often, by season, and the
// kinds of non-complaint posts that make up a third of what city groups carry.
import type { Label } from '../../../shared/types/taxonomy.js';
import { WeightedTable } from './prng.js';
import * as U from './texts-utilities.js';
import * as H from './texts-house.js';
import * as Y from './texts-yard.js';
import * as M from './texts-management.js';
import * as C from './texts-chatter.js';

export const COMPLAINT_TEXTS: Partial<Record<Label, readonly string[]>> = {
  heating: U.HEATING, hot_water: U.HOT_WATER, cold_water: U.COLD_WATER, sewerage: U.SEWERAGE,
  electricity: U.ELECTRICITY, gas: U.GAS, plumbing_leak: U.PLUMBING_LEAK, water_supply: U.WATER_SUPPLY,
  elevator: H.ELEVATOR, roof: H.ROOF, entrance_cleaning: H.ENTRANCE_CLEANING, entrance_repair: H.ENTRANCE_REPAIR,
  basement: H.BASEMENT, facade: H.FACADE, pests: H.PESTS, common_property: H.COMMON_PROPERTY,
  housing_repair: H.HOUSING_REPAIR, capital_repair: H.CAPITAL_REPAIR,
  snow_ice: Y.SNOW_ICE, garbage: Y.GARBAGE, yard: Y.YARD, roads: Y.ROADS, street_lighting: Y.STREET_LIGHTING,
  city_landscaping: Y.CITY_LANDSCAPING,
  billing: M.BILLING, uk_conduct: M.UK_CONDUCT,
};

/** Base weights (percent of complaints) for an average month. */
const BASE: [Label, number][] = [
  ['heating', 11], ['hot_water', 8], ['cold_water', 4], ['sewerage', 4], ['electricity', 4], ['gas', 1.2],
  ['plumbing_leak', 4], ['water_supply', 1], ['elevator', 7], ['roof', 4], ['entrance_cleaning', 5],
  ['entrance_repair', 3], ['basement', 1.2], ['facade', 1.2], ['pests', 1.5], ['common_property', 1],
  ['housing_repair', 1.2], ['capital_repair', 1.5], ['snow_ice', 5], ['garbage', 8], ['yard', 6],
  ['roads', 2], ['street_lighting', 1.2], ['city_landscaping', 1], ['billing', 6], ['uk_conduct', 7],
];

/** Month factors (Jan..Dec): no snow in July, no heating complaints in June, more garbage in summer. */
const SEASON: Partial<Record<Label, number[]>> = {
  heating: [1.6, 1.5, 1.2, 0.8, 0.3, 0.1, 0.05, 0.05, 0.6, 1.8, 1.6, 1.6],
  snow_ice: [2.4, 2.4, 1.6, 0.3, 0, 0, 0, 0, 0, 0.1, 1, 2.2],
  hot_water: [0.8, 0.8, 0.8, 0.9, 1.4, 2, 1.8, 1.4, 0.9, 0.8, 0.8, 0.8],
  roof: [1.2, 1.4, 1.6, 1.3, 0.8, 0.8, 0.9, 1, 1, 1, 1, 1.1],
  garbage: [0.8, 0.8, 0.9, 1.1, 1.2, 1.3, 1.3, 1.3, 1.1, 1, 0.9, 1.1],
  yard: [0.6, 0.6, 0.8, 1.2, 1.5, 1.4, 1.3, 1.3, 1.1, 0.9, 0.7, 0.6],
  pests: [0.6, 0.6, 0.7, 0.9, 1.3, 1.5, 1.6, 1.5, 1.2, 0.9, 0.7, 0.6],
};

const byMonth = new Map<number, WeightedTable<Label>>();

/** Complaint categories for the given month (0 = January). */
export function complaintTable(month: number): WeightedTable<Label> {
  let t = byMonth.get(month);
  if (!t) {
    t = new WeightedTable(BASE.map(([l, w]) => [l, w * (SEASON[l]?.[month] ?? 1)] as const));
    byMonth.set(month, t);
  }
  return t;
}

export type ChatterKind = 'news' | 'advert' | 'planned_works' | 'thanks' | 'chatter' | 'question' | 'meeting';

export const CHATTER_TEXTS: Record<ChatterKind, readonly string[]> = {
  news: C.NEWS, advert: C.ADVERTS, planned_works: C.PLANNED_WORKS, thanks: C.THANKS,
  chatter: C.CHATTER, question: C.QUESTIONS_INFO, meeting: C.MEETINGS,
};

export const CHATTER_TABLE = new WeightedTable<ChatterKind>([
  ['news', 18], ['advert', 20], ['planned_works', 10], ['thanks', 8], ['chatter', 28], ['question', 12], ['meeting', 4],
]);

/** Share of the background that is a complaint; the rest is chatter (real groups are mostly chatter). */
export const COMPLAINT_SHARE = 0.64;
