// Pure analysis of one raw mention: category, relevance, urgency, address → house → УК,
// district and near-duplicate group. No I/O: the registry and the model are passed in.
import type { Analysis, RawMention } from '../../shared/types/mention.js';
import type { Registry } from '../registry/load.js';
import type { Classifier } from '../classify/index.js';
import type { NearDuplicateIndex } from '../classify/near-dup.js';

export interface AnalyseDeps {
  registry: Registry;
  classifier: Classifier;
  /** optional: without it every mention is its own group */
  nearDup?: NearDuplicateIndex;
}

export function analyse(m: Pick<RawMention, 'id' | 'text' | 'ts' | 'lat' | 'lon'>, deps: AnalyseDeps): Analysis {
  const t = deps.classifier.analyse(m.text);
  const hint = m.lat !== undefined && m.lon !== undefined ? { lat: m.lat, lon: m.lon } : undefined;
  const r = deps.registry.resolver.resolve(m.text, hint);
  const house = r.house;
  const org = house?.orgId ? deps.registry.org(house.orgId) : undefined;
  const lat = house?.lat ?? m.lat ?? null;
  const lon = house?.lon ?? m.lon ?? null;
  const district = house?.district ?? (lat !== null && lon !== null ? deps.registry.districtOf(lat, lon) : null);
  const dupGroup = deps.nearDup && t.relevant ? deps.nearDup.check(m.id, m.text, Date.parse(m.ts)) : m.id;
  return {
    category: t.category,
    relevant: t.relevant,
    confidence: round(t.confidence),
    urgency: round(t.urgency),
    reasons: t.reasons,
    address: r.address,
    houseId: house?.id ?? null,
    lat,
    lon,
    district,
    organisation: org ? { id: org.id, name: org.name } : null,
    dupGroup: dupGroup === m.id ? '' : dupGroup,
  };
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
