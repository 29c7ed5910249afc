// Development aid: would another корпус of the same number stand in for a корпус the registry
// lacks («Академика Павлова 6 к. 1» when it lists 6 к. 2 and 6 к. 3)? Measured leave-one-out on the
// registry's own city houses: each корпус of a number with other корпуса is hidden in turn and the
// nearest-numbered other корпус is answered when the others stand within `spread` metres of each
// other. Usage: npx tsx scripts/registry/korpus-loo.ts
import { loadRegistry } from '../../analytics/registry/load.js';
import { buildGazetteer, type Street } from '../../analytics/address/gazetteer.js';
import { distanceM } from '../../analytics/geo/geo.js';
const reg = await loadRegistry();
const g = buildGazetteer(reg.houses.filter((h) => h.locality === 'Санкт-Петербург'));
const streets = new Set<Street>();
for (const e of g.entries) for (const s of e.streets) streets.add(s);
for (const spread of [100, 150, 200, 300, 1e9]) for (const minOthers of [1, 2, 3]) {
  let asked = 0, answered = 0, within = 0;
  for (const s of streets) for (const [, list] of s.byBase) {
    const ks = new Map<string, typeof list[0]>();
    for (const ih of list) if (ih.hn.korpus && !ih.hn.stroenie && ih.house.lat !== null && !ks.has(ih.hn.korpus)) ks.set(ih.hn.korpus, ih);
    if (ks.size < 2) continue;
    for (const [k, hidden] of ks) {
      const others = [...ks].filter(([k2]) => k2 !== k).map(([, ih]) => ih);
      asked++;
      if (others.length < minOthers) continue;
      let maxd = 0;
      for (const a of others) for (const b of others) maxd = Math.max(maxd, distanceM(a.house.lat!, a.house.lon!, b.house.lat!, b.house.lon!));
      if (maxd > spread) continue;
      others.sort((a, b) => Math.abs(Number(a.hn.korpus) - Number(k)) - Math.abs(Number(b.hn.korpus) - Number(k)) || Number(a.hn.korpus) - Number(b.hn.korpus));
      answered++;
      if (distanceM(hidden.house.lat!, hidden.house.lon!, others[0].house.lat!, others[0].house.lon!) <= 100) within++;
    }
  }
  console.log(`spread ≤ ${spread} m, ≥ ${minOthers} other корпуса: answered ${answered}/${asked}, within 100 m ${(100 * within / answered).toFixed(1)}%`);
}
