// Development aid: how often the neighbour-number fallback would place a house within 100 m,
// measured leave-one-out on the registry itself (every plain number of a city street with a point
// is hidden in turn, and the fallback asked for it). Independent of the dev set, so its settings
// are not tuned to dev rows. Usage: npx tsx scripts/registry/neighbour-loo.ts
import { loadRegistry } from '../../analytics/registry/load.js';
import { buildGazetteer, type Street } from '../../analytics/address/gazetteer.js';
import { neighbourHouse, type NeighbourOptions } from '../../analytics/address/neighbours.js';
import { distanceM } from '../../analytics/geo/geo.js';

const reg = await loadRegistry();
const g = buildGazetteer(reg.houses.filter((h) => h.locality === 'Санкт-Петербург'));
const streets = new Set<Street>();
for (const e of g.entries) for (const s of e.streets) streets.add(s);

const variants: [string, NeighbourOptions][] = [
  ['between, span ≤ 150 m, gap ≤ 6', { maxSpanM: 150, maxNumberGap: 6 }],
  ['between, span ≤ 200 m, gap ≤ 6', { maxSpanM: 200, maxNumberGap: 6 }],
  ['between, span ≤ 250 m, gap ≤ 8', { maxSpanM: 250, maxNumberGap: 8 }],
  ['between, span ≤ 100 m, gap ≤ 4', { maxSpanM: 100, maxNumberGap: 4 }],
  ['between, span ≤ 120 m, gap ≤ 4 (default)', { maxSpanM: 120, maxNumberGap: 4 }],
  ['between or one-sided, span ≤ 150 m, gap ≤ 6', { maxSpanM: 150, maxNumberGap: 6, oneSided: true }],
  ['between or one-sided, span ≤ 100 m, gap ≤ 4', { maxSpanM: 100, maxNumberGap: 4, oneSided: true }],
];
for (const [name, opts] of variants) {
  let asked = 0;
  let answered = 0;
  let within = 0;
  for (const s of streets) {
    for (const [base, list] of [...s.byBase]) {
      const plain = list.find((ih) => !ih.hn.korpus && !ih.hn.slash && !ih.hn.dash && !ih.hn.letter && !ih.hn.stroenie && ih.house.lat !== null);
      if (!plain) continue;
      asked++;
      // hide the number
      s.byBase.delete(base);
      const nb = neighbourHouse(s, plain.hn, opts);
      s.byBase.set(base, list);
      if (!nb) continue;
      answered++;
      if (distanceM(plain.house.lat!, plain.house.lon!, nb.ih.house.lat!, nb.ih.house.lon!) <= 100) within++;
    }
  }
  console.log(`${name}: answered ${answered}/${asked} (${((100 * answered) / asked).toFixed(1)}%), within 100 m ${((100 * within) / answered).toFixed(1)}%`);
}
