// Candidate name stems of a text word for the street look-up: the word itself, colloquial «-ка»
// forms («по Гражданке»), and for long words the stems one or two typos away.
import { FUZZY2_MIN_LENGTH, FUZZY_MIN_LENGTH, boundedEditDistance, deletions, withinOneEdit, type Gazetteer } from './gazetteer.js';

/** a candidate stem of a text word; `twoTypos`: two edits away, trusted only with more evidence */
export type Lookup = { stem: string; fuzzy: boolean; twoTypos?: boolean }[];

const lookupCache = new WeakMap<Gazetteer, Map<string, Lookup>>();
const LOOKUP_CACHE_MAX = 100_000;

export function lookupCacheOf(g: Gazetteer): Map<string, Lookup> {
  let cache = lookupCache.get(g);
  if (!cache) lookupCache.set(g, (cache = new Map()));
  return cache;
}

/** Candidate stems of a text word: itself, and for long words those one typo away (cached per gazetteer). */
export function lookupStems(g: Gazetteer, cache: Map<string, Lookup>, s: string): Lookup {
  const hit = cache.get(s);
  if (hit) return hit;
  const out = computeLookup(g, s);
  if (cache.size >= LOOKUP_CACHE_MAX) cache.clear();
  cache.set(s, out);
  return out;
}

function computeLookup(g: Gazetteer, s: string): Lookup {
  const out: Lookup = [];
  if (g.byWord.has(s)) out.push({ stem: s, fuzzy: false });
  // colloquial «-ка» names: «по Гражданке», «на Пискарёвке» for Гражданский, Пискарёвский пр.
  if (s.length >= FUZZY_MIN_LENGTH && s.endsWith('к') && !s.endsWith('ск')) {
    const full = s.slice(0, -1) + 'ск';
    if (g.byWord.has(full)) out.push({ stem: full, fuzzy: true });
  }
  if (s.length < FUZZY_MIN_LENGTH || out.some((o) => !o.fuzzy) || g.common.has(s)) return out;
  const seen = new Set<string>();
  const add = (w: string) => {
    if (!seen.has(w) && withinOneEdit(s, w) && (g.stemFrequency.get(w) ?? 0) <= 3) {
      seen.add(w);
      out.push({ stem: w, fuzzy: true });
    }
  };
  for (const w of g.fuzzy.get(s) ?? []) add(w);
  for (const d of deletions(s)) {
    if (g.byWord.has(d)) add(d);
    for (const w of g.fuzzy.get(d) ?? []) add(w);
  }
  if (out.length === 0 && s.length >= FUZZY2_MIN_LENGTH) {
    const two = twoTypos(g, s);
    if (two) out.push({ stem: two, fuzzy: true, twoTypos: true });
  }
  return out;
}

/** The one long name stem two typos away from `s` (a swap counts as one); null when none or several. */
function twoTypos(g: Gazetteer, s: string): string | null {
  let found: string | null = null;
  // the first letter is rarely the typo, and keeps the scan to a few dozen stems
  for (const w of g.longStems.get(s[0]) ?? []) {
    if (Math.abs(w.length - s.length) > 2 || (g.stemFrequency.get(w) ?? 0) > 3) continue;
    if (boundedEditDistance(s, w, 2) > 2) continue;
    if (found !== null) return null;
    found = w;
  }
  return found;
}

