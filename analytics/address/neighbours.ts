// The neighbour-number fallback: the text names a number the registry lacks on a street it
// knows well («Моховая 47», the 2016 registry has 45 and 49). When the registry houses with the
// nearest numbers of the same parity on both sides stand close together, the named house stands
// between them, and the nearer-numbered one is a good approximation of its place (and usually of
// its УК). One-sided ends of a street and wide gaps are not guessed.
import { distanceM } from '../geo/geo.js';
import type { HouseNumber } from './house-number.js';
import type { IndexedHouse, Street } from './gazetteer.js';

export interface NeighbourOptions {
  /** the two neighbours must stand closer than this to each other */
  maxSpanM: number;
  /** and their numbers differ by at most this much (45 and 49: 4) */
  maxNumberGap: number;
  /**
   * also when only one side has a neighbour two numbers away (the end of what the registry lists),
   * if that neighbour and the next one on its side stand closer than `maxSpanM` (dense numbering)
   */
  oneSided?: boolean;
}

export const DEFAULT_NEIGHBOUR_OPTIONS: NeighbourOptions = { maxSpanM: 120, maxNumberGap: 4 };

export interface Neighbour {
  /** the registry house standing in for the named one */
  ih: IndexedHouse;
  /** the numbers on either side */
  lower: number;
  upper: number;
  spanM: number;
}

/** The main building of a number: no корпус / second number first, then no letter, then id. */
function mainHouse(list: readonly IndexedHouse[]): IndexedHouse | null {
  let best: IndexedHouse | null = null;
  let bestKey = '';
  for (const ih of list) {
    if (ih.house.lat === null || ih.house.lon === null) continue;
    const hn = ih.hn;
    const key = `${hn.korpus || hn.slash || hn.dash ? 1 : 0}${hn.letter ? 1 : 0}${hn.stroenie ? 1 : 0}${hn.litera && hn.litera !== 'а' ? 1 : 0}|${ih.house.id}`;
    if (best === null || key < bestKey) {
      best = ih;
      bestKey = key;
    }
  }
  return best;
}

/**
 * The stand-in house for number `n` on `street`, or null. Only for plain numbers the street does
 * not have at all: another корпус or литера of the same number is a different building.
 */
export function neighbourHouse(street: Street, n: HouseNumber, opts: NeighbourOptions = DEFAULT_NEIGHBOUR_OPTIONS): Neighbour | null {
  if (street.byBase.has(n.base) || n.korpus || n.stroenie || n.slash || n.dash) return null;
  let lower: IndexedHouse | null = null;
  let upper: IndexedHouse | null = null;
  for (let d = 2; d <= opts.maxNumberGap && (!lower || !upper); d += 2) {
    if (!lower && n.base - d > 0) lower = mainHouse(street.byBase.get(n.base - d) ?? []);
    if (!upper) upper = mainHouse(street.byBase.get(n.base + d) ?? []);
  }
  if ((!lower || !upper) && opts.oneSided) return oneSide(street, n, opts);
  if (!lower || !upper || upper.hn.base - lower.hn.base > opts.maxNumberGap) return null;
  const spanM = distanceM(lower.house.lat!, lower.house.lon!, upper.house.lat!, upper.house.lon!);
  if (spanM > opts.maxSpanM) return null;
  // the nearer number; on a tie the lower one (deterministic)
  const ih = n.base - lower.hn.base <= upper.hn.base - n.base ? lower : upper;
  return { ih, lower: lower.hn.base, upper: upper.hn.base, spanM };
}

function oneSide(street: Street, n: HouseNumber, opts: NeighbourOptions): Neighbour | null {
  for (const dir of [-1, 1]) {
    const next = mainHouse(street.byBase.get(n.base + 2 * dir) ?? []);
    const further = mainHouse(street.byBase.get(n.base + 4 * dir) ?? []);
    if (!next || !further) continue;
    const spanM = distanceM(next.house.lat!, next.house.lon!, further.house.lat!, further.house.lon!);
    if (spanM <= opts.maxSpanM) return { ih: next, lower: Math.min(next.hn.base, further.hn.base), upper: Math.max(next.hn.base, further.hn.base), spanM };
  }
  return null;
}
