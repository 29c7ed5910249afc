// Which of the houses with the right street name and number the text means, when they are in
// several places: the settlement or district the text names, the caller's hint, else the city.
import type { House } from '../../shared/types/registry.js';
import { distanceM } from '../geo/geo.js';
import type { IndexedHouse, Street } from './gazetteer.js';
import type { Mentions } from './context.js';

export interface Candidate {
  street: Street;
  ih: IndexedHouse;
  fit: number;
}

export interface ResolveHint {
  lat?: number;
  lon?: number;
  locality?: string;
}

export interface Place {
  localities: Mentions;
  districts: ReadonlySet<string>;
  hint: ResolveHint;
  defaultLocality: string;
  defaultRegion: House['region'];
  /** the default city has a street of this name and type: a bare mention means that one */
  defaultHasStreet: boolean;
}

export interface Narrowed {
  cands: Candidate[];
  others: Candidate[];
  /** several places fit and nothing in the text decides: report as ambiguous */
  guessed: boolean;
  /** how much less sure the pick is: namesakes exist elsewhere, or nothing supports the place */
  penalty: number;
  /** the place the text means (named, or the city) has the street but none of the candidates */
  unfounded?: boolean;
}

export function narrow(cands: Candidate[], p: Place): Narrowed {
  const keep = (pred: (c: Candidate) => boolean, penalty = 0): Narrowed | null => {
    const yes = cands.filter(pred);
    return yes.length ? { cands: yes, others: cands.filter((c) => !pred(c)), guessed: false, penalty } : null;
  };
  const unfounded: Narrowed = { cands, others: [], guessed: false, penalty: 0.5, unfounded: true };
  const named = [...p.localities.keys()].filter((l) => l !== p.defaultLocality);
  if (named.length) {
    // the text names a settlement none of the candidates is in: the house is not in the registry
    return keep((c) => p.localities.has(c.street.locality)) ?? unfounded;
  }
  const cityNamed = p.localities.has(p.defaultLocality);
  if (cityNamed) {
    const r = keep((c) => c.street.locality === p.defaultLocality);
    if (r) return r;
    if (p.defaultHasStreet) return unfounded;
  }
  if (p.hint.locality) {
    const hl = p.hint.locality.toLowerCase();
    const r = keep((c) => c.street.locality.toLowerCase() === hl);
    if (r) return r;
  }
  if (p.hint.lat !== undefined && p.hint.lon !== undefined) {
    const { lat, lon } = p.hint as { lat: number; lon: number };
    const dist = (c: Candidate) => (c.ih.house.lat === null || c.ih.house.lon === null ? Infinity : distanceM(lat, lon, c.ih.house.lat, c.ih.house.lon));
    const nearest = Math.min(...cands.map(dist));
    if (nearest < 30_000) {
      const loc = cands.find((c) => dist(c) === nearest)!.street.locality;
      const r = keep((c) => c.street.locality === loc);
      if (r) return r;
    }
  }
  if (p.districts.size) {
    const r = keep((c) => c.ih.house.district !== null && p.districts.has(c.ih.house.district));
    if (r) return r;
  }
  const localities = new Set(cands.map((c) => c.street.locality));
  // the city proper wins over namesakes in its suburbs (less sure) and in the oblast
  const inCity = keep((c) => c.street.locality === p.defaultLocality);
  if (inCity) {
    inCity.penalty = inCity.others.some((c) => c.street.region === p.defaultRegion) ? 0.15 : inCity.others.length ? 0.05 : 0;
    return inCity;
  }
  // the city has this street but not this house: a namesake elsewhere is a guess
  if (p.defaultHasStreet) return unfounded;
  if (localities.size === 1) {
    const c = cands[0];
    // a lone namesake in the oblast needs something pointing there; settlements without streets are their own evidence
    return c.street.region === p.defaultRegion || !c.ih.house.street ? { cands, others: [], guessed: false, penalty: 0 } : unfounded;
  }
  const region = keep((c) => c.street.region === p.defaultRegion);
  if (region && new Set(region.cands.map((c) => c.street.locality)).size === 1) return { ...region, penalty: 0.15 };
  return { ...(region ?? { cands, others: [] }), guessed: true, penalty: 0.25 };
}
