// Pure analysis of one raw mention: category, relevance, urgency, address → house → УК,
// district and near-duplicate group. No I/O: the registry and the model are passed in.
// The text part and the place part are separate steps so that a batch can run each
// step over all its texts in turn (each keeps its own tables warm in the CPU caches).
import type { Analysis, RawMention } from '../../shared/types/mention.js';
import type { Registry } from '../registry/load.js';
import type { Classifier, TextAnalysis } from '../classify/index.js';
import type { NearDuplicateIndex } from '../classify/near-dup.js';
import type { Resolution } from '../address/resolver.js';

export interface AnalyseDeps {
  registry: Registry;
  classifier: Classifier;
  /** optional: without it every mention is its own group */
  nearDup?: NearDuplicateIndex;
}

export type AnalyseInput = Pick<RawMention, 'id' | 'text' | 'ts' | 'lat' | 'lon' | 'houseId'>;

/** The address in the text (the source's own point as a hint), or nothing. */
export function resolvePlace(m: AnalyseInput, registry: Registry): Resolution {
  const hint = m.lat !== undefined && m.lon !== undefined ? { lat: m.lat, lon: m.lon } : undefined;
  return registry.resolver.resolve(m.text, hint);
}

/**
 * The analysis from the classifier's and the resolver's answers about `m`. An address in
 * the text wins (a resident in a house chat may write about the house next door); a text
 * without one takes the house its channel belongs to, when the source gave it.
 */
export function combine(m: AnalyseInput, t: TextAnalysis, r: Resolution, registry: Registry, dupGroup = ''): Analysis {
  const chatHouse = !r.house && m.houseId ? (registry.house(m.houseId) ?? null) : null;
  const house = r.house ?? chatHouse;
  // The house of the chat, written as the registry writes it; `raw` stays empty: the text named no address.
  const address = chatHouse ? { street: `${chatHouse.streetType} ${chatHouse.street}`.trim(), house: chatHouse.number, raw: '' } : r.address;
  const org = house?.orgId ? registry.org(house.orgId) : undefined;
  const lat = house?.lat ?? m.lat ?? null;
  const lon = house?.lon ?? m.lon ?? null;
  const district = house?.district ?? (lat !== null && lon !== null ? registry.districtOf(lat, lon) : null);
  return {
    category: t.category,
    relevant: t.relevant,
    confidence: round(t.confidence),
    urgency: round(t.urgency),
    reasons: t.reasons,
    address,
    houseId: house?.id ?? null,
    lat,
    lon,
    district,
    organisation: org ? { id: org.id, name: org.name } : null,
    dupGroup,
  };
}

export function analyse(m: AnalyseInput, deps: AnalyseDeps): Analysis {
  const t = deps.classifier.analyse(m.text);
  const r = resolvePlace(m, deps.registry);
  const group = deps.nearDup && t.relevant ? deps.nearDup.check(m.id, m.text, Date.parse(m.ts)) : m.id;
  return combine(m, t, r, deps.registry, group === m.id ? '' : group);
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
