// The gazetteer: street names of the registry indexed by the stems of their words,
// so that a text is matched by a few map look-ups per word (no scan over all streets).
import type { House } from '../../shared/types/registry.js';
import { tokenize } from './normalise.js';
import { parseRegistryNumber, type HouseNumber } from './house-number.js';
import { registryKind, type StreetKind } from './vocabulary.js';
import { registryGender, type Gender } from './agreement.js';

export interface IndexedHouse {
  house: House;
  hn: HouseNumber;
}

/** One street of one locality with its houses. */
export interface Street {
  name: string;
  /** registry abbreviation, e.g. "ул." */
  rawType: string;
  kind: StreetKind;
  locality: string;
  region: House['region'];
  houses: IndexedHouse[];
  /** houses by base number, for quick look-up */
  byBase: Map<number, IndexedHouse[]>;
  /** grammatical gender of an adjectival name («Загородный»: m), null otherwise */
  gender: Gender | null;
}

/** A street name as it can be written in a text, shared by streets of every type and locality. */
export interface NameEntry {
  id: number;
  /** word stems (numbers as digits), in order */
  words: string[];
  ordinal: number;
  /** «во» / «пс» for names that say the island/side */
  qualifier: string;
  /** a named settlement whose houses have no street («д. Пудомяги, д. 3») */
  area: boolean;
  streets: Street[];
  /** houses of every street of this name by base number: one look-up instead of one per street */
  byBase: Map<number, { street: Street; ih: IndexedHouse }[]>;
}

export interface LocalityName {
  /** word stems */
  words: string[];
  /** folded words as written in the registry, for mentions without «г.»/«пос.» */
  folded: string[];
  locality: string;
}

export interface Gazetteer {
  entries: NameEntry[];
  /** word stem → postings (entry, word position) */
  byWord: Map<string, { entry: NameEntry; pos: number }[]>;
  /** "ordinal|kind" → entries without words (lines of Vasilyevsky Island: «7-я линия») */
  byOrdinalKind: Map<string, NameEntry[]>;
  /** single-deletion variants of long name stems → the stems (typo tolerance) */
  fuzzy: Map<string, string[]>;
  /** first word stem → localities */
  localities: Map<string, LocalityName[]>;
  /** first word stem of a district name («калининск») → district names as in House.district */
  districts: Map<string, string[]>;
  /** how many entries use a stem: rare long stems are the ones typos are tolerated on */
  stemFrequency: Map<string, number>;
  /** stems frequent in residents' texts («парадн», «двор»): never typos, and alone they need a street type */
  common: Set<string>;
  /** long name stems (≥ FUZZY2_MIN_LENGTH letters) by first letter: two typos are tolerated on them */
  longStems: Map<string, string[]>;
}

export const FUZZY_MIN_LENGTH = 6;
/** from this length on a stem may carry two typos («Коменланиский» for «Комендантский») */
export const FUZZY2_MIN_LENGTH = 9;

interface ParsedName {
  words: string[];
  ordinal: number;
  qualifier: string;
}

export function parseStreetName(name: string): ParsedName {
  const words: string[] = [];
  let ordinal = 0;
  let qualifier = '';
  for (const t of tokenize(name)) {
    if (t.kind === 'num') {
      if (t.ordinal && !ordinal && words.length === 0) ordinal = t.value;
      else words.push(String(t.value));
    } else if (t.kind === 'word') {
      if (t.text === 'во' || t.text === 'пс') qualifier = t.text;
      else words.push(t.stem);
    }
  }
  return { words, ordinal, qualifier };
}

export function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

export function buildGazetteer(houses: readonly House[], commonStems: readonly string[] = []): Gazetteer {
  const streets = new Map<string, Street>();
  // the same number strings recur thousands of times («1», «5 к. 1»): parse each once
  const numbers = new Map<string, HouseNumber | null>();
  for (const house of houses) {
    let hn = numbers.get(house.number);
    if (hn === undefined) numbers.set(house.number, (hn = parseRegistryNumber(house.number)));
    if (!hn) continue;
    const area = !house.street;
    const rawType = house.streetType;
    const key = [house.region, house.locality, rawType, house.street].join('|');
    let s = streets.get(key);
    if (!s) {
      const kind: StreetKind = area ? 'other' : (registryKind(rawType) ?? 'other');
      const name = area ? house.locality : house.street;
      s = { name, rawType, kind, locality: house.locality, region: house.region, houses: [], byBase: new Map(), gender: area ? null : registryGender(name) };
      streets.set(key, s);
    }
    const ih = { house, hn };
    s.houses.push(ih);
    const list = s.byBase.get(hn.base) ?? [];
    list.push(ih);
    s.byBase.set(hn.base, list);
  }
  const entriesByKey = new Map<string, NameEntry>();
  const localityNames = new Map<string, LocalityName>();
  for (const s of [...streets.values()]) {
    const area = !s.houses[0].house.street;
    const p = parseStreetName(s.name);
    const key = `${area ? 'a' : 's'}|${p.ordinal}|${p.qualifier}|${p.words.join(' ')}`;
    let e = entriesByKey.get(key);
    if (!e) {
      e = { id: entriesByKey.size, words: p.words, ordinal: p.ordinal, qualifier: p.qualifier, area, streets: [], byBase: new Map() };
      entriesByKey.set(key, e);
    }
    e.streets.push(s);
    for (const ih of s.houses) {
      const list = e.byBase.get(ih.hn.base);
      if (list) list.push({ street: s, ih });
      else e.byBase.set(ih.hn.base, [{ street: s, ih }]);
    }
    const lw = parseStreetName(s.locality).words;
    if (lw.length) localityNames.set(s.locality, localityName(s.locality));
  }
  const g: Gazetteer = { entries: [...entriesByKey.values()], byWord: new Map(), byOrdinalKind: new Map(), fuzzy: new Map(), localities: new Map(), districts: new Map(), stemFrequency: new Map(), common: new Set(commonStems), longStems: new Map() };
  for (const e of g.entries) {
    if (e.words.length === 0) {
      for (const kind of new Set(e.streets.map((s) => s.kind))) {
        const k = `${e.ordinal}|${kind}`;
        g.byOrdinalKind.set(k, [...(g.byOrdinalKind.get(k) ?? []), e]);
      }
      continue;
    }
    e.words.forEach((w, pos) => {
      const list = g.byWord.get(w) ?? [];
      list.push({ entry: e, pos });
      g.byWord.set(w, list);
      g.stemFrequency.set(w, (g.stemFrequency.get(w) ?? 0) + 1);
    });
  }
  for (const w of g.byWord.keys()) {
    if (w.length < FUZZY_MIN_LENGTH || /\d/.test(w)) continue;
    if (w.length >= FUZZY2_MIN_LENGTH) {
      const list = g.longStems.get(w[0]);
      if (list) list.push(w);
      else g.longStems.set(w[0], [w]);
    }
    for (const d of deletions(w)) {
      const list = g.fuzzy.get(d);
      if (list) list.push(w);
      else g.fuzzy.set(d, [w]);
    }
  }
  const city = 'Санкт-Петербург';
  for (const ln of [...localityNames.values(), localityName(city), { ...localityName('спб'), locality: city }, { ...localityName('Петербург'), locality: city }, { ...localityName('питер'), locality: city }]) {
    const list = g.localities.get(ln.words[0]) ?? [];
    list.push(ln);
    g.localities.set(ln.words[0], list);
  }
  const districtNames = new Set<string>();
  for (const h of houses) if (h.district) districtNames.add(h.district);
  for (const d of [...districtNames].sort()) {
    const first = parseStreetName(d).words[0];
    if (first && first !== 'район') g.districts.set(first, [...(g.districts.get(first) ?? []), d]);
  }
  return g;
}

function localityName(locality: string): LocalityName {
  const words = parseStreetName(locality).words;
  const folded = tokenize(locality).filter((t) => t.kind === 'word').map((t) => t.text);
  return { words, folded, locality };
}

/** Levenshtein distance ≤ 1 (one insertion, deletion or substitution). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Damerau-Levenshtein distance (optimal string alignment) when it is at most `max`, else max + 1.
 * Rows stop early once every cell exceeds `max`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[lb], max + 1);
}
