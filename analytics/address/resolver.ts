// Free-text Russian address → a house of the registry (or only its street), with the
// matched span, a confidence, and the other candidates when the text is ambiguous.
import type { House } from '../../shared/types/registry.js';
import { distanceM } from '../geo/geo.js';
import { tokenize, type Token } from './normalise.js';
import { formatNumber, numberFit } from './house-number.js';
import { buildGazetteer, type Gazetteer, type IndexedHouse, type Street } from './gazetteer.js';
import { findStreets, type StreetMatch } from './matcher.js';

export interface Resolution {
  /** the house; when `ambiguous`, the preferred candidate (default locality) or null */
  house: House | null;
  street: { name: string; type: string } | null;
  address: { street: string; house: string; raw: string } | null;
  /** [start, end) character offsets of the address in the text */
  span: [number, number] | null;
  confidence: number;
  ambiguous: boolean;
  /** house ids when ambiguous */
  candidates: string[];
}

export interface ResolveHint {
  lat?: number;
  lon?: number;
  locality?: string;
}

export interface Resolver {
  resolve(text: string, hint?: ResolveHint): Resolution;
}

export interface ResolverOptions {
  /** the city residents do not name because they live in it */
  defaultLocality?: string;
  /** houses closer than this to each other count as one place (korpuses, registry duplicates) */
  clusterM?: number;
  /** below this confidence no house is returned, only the street */
  minConfidence?: number;
  /** longer texts are cut: addresses come early and this bounds the work per text */
  maxChars?: number;
  /** the region preferred after the default locality (its suburbs before the oblast) */
  defaultRegion?: House['region'];
  /** stems frequent in residents' texts (assets/registry/common-stems.txt.gz) */
  commonStems?: readonly string[];
}

export const NO_ADDRESS: Resolution = Object.freeze({ house: null, street: null, address: null, span: null, confidence: 0, ambiguous: false, candidates: [] }) as Resolution;

interface Candidate {
  street: Street;
  ih: IndexedHouse;
  fit: number;
}

export function createResolver(houses: readonly House[], options: ResolverOptions = {}): Resolver {
  const g = buildGazetteer(houses, options.commonStems ?? []);
  const opts = { defaultLocality: 'Санкт-Петербург', defaultRegion: 'spb' as const, clusterM: 150, minConfidence: 0.5, maxChars: 4000, commonStems: [], ...options };
  return { resolve: (text, hint) => resolveWith(g, opts, text, hint) };
}

type Opts = Required<ResolverOptions>;

function resolveWith(g: Gazetteer, opts: Opts, input: string, hint: ResolveHint = {}): Resolution {
  if (!input) return { ...NO_ADDRESS, candidates: [] };
  const text = input.length > opts.maxChars ? input.slice(0, opts.maxChars) : input;
  const tokens = tokenize(text);
  const found = findStreets(tokens, g, text);
  // «Народного» inside «Народного Ополчения» is not a street of its own
  const matches = found.filter((m) => !found.some((o) => o !== m && !o.partial && o.last - o.first > m.last - m.first && o.first <= m.first && o.last >= m.last));
  if (matches.length === 0) return { ...NO_ADDRESS, candidates: [] };
  // context is computed only when a candidate needs it (most texts never do)
  let localities: Map<string, [number, number]> | null = null;
  let cue: string | null = null;
  const ctx: Ctx = {
    get localities() {
      return (localities ??= mentionedLocalities(tokens, g, text));
    },
    get cue() {
      return (cue ??= qualifierCue(tokens));
    },
    hint,
  };
  let best: Resolution | null = null;
  let bestScore = -Infinity;
  const scored: { r: Resolution; score: number }[] = [];
  // matches with a number first: once a house is found, number-less matches cannot win
  matches.sort((a, b) => Number(b.number !== null) - Number(a.number !== null));
  for (const m of matches) {
    if (!m.number && bestScore >= 10) break;
    const r = evaluate(g, m, tokens, text, ctx, opts);
    if (!r) continue;
    const score = (r.house ? 10 : r.candidates.length ? 5 : 0) + r.confidence + (addressCue(tokens, m.first) ? 0.05 : 0);
    scored.push({ r, score });
    if (score > bestScore + 1e-9) {
      best = r;
      bestScore = score;
    }
  }
  if (!best) return { ...NO_ADDRESS, candidates: [] };
  // two readings of the same words as equally good, different houses («Малый пр.» of В.О. and of П.С.)
  const b = best;
  const rivals = scored.filter(({ r, score }) => r !== b && score > bestScore - 1e-9 && r.house && b.house && r.span && b.span && r.span[0] < b.span[1] && b.span[0] < r.span[1] && !near(r.house, b.house, opts.clusterM));
  if (rivals.length) {
    const ids = [...new Set([b.house!.id, ...rivals.map(({ r }) => r.house!.id), ...b.candidates])].sort();
    return { ...b, house: null, ambiguous: true, confidence: Math.min(b.confidence, 0.4), candidates: ids };
  }
  return best;
}

interface Ctx {
  readonly localities: Map<string, [number, number]>;
  readonly cue: string;
  hint: ResolveHint;
}

function evaluate(g: Gazetteer, m: StreetMatch, tokens: Token[], text: string, ctx: Ctx, opts: Opts): Resolution | null {
  const e = m.entry;
  if (m.qualifier && e.qualifier !== m.qualifier) return null;
  if (e.area && !m.marker) return null;
  // «парадная 3» is not «ул. Парадная, 3»: names made of everyday words need their type
  if (!m.kind && !m.qualifier && !e.ordinal && e.words.every((w) => g.common.has(w))) return null;
  let streets = e.streets;
  let typeMismatch = false;
  if (m.kind) {
    const same = streets.filter((s) => s.kind === m.kind);
    if (same.length) streets = same;
    else if (e.area) return null;
    else typeMismatch = true;
  }
  // «Большой пр.» with «Васильевский» elsewhere in the text: the В.О. one
  const cueMismatch = !m.qualifier && e.qualifier !== '' && ctx.cue !== '' && e.qualifier !== ctx.cue;
  let confidence = 0.9 - (cueMismatch ? 0.3 : 0) - (m.kind ? 0 : 0.1) - (m.partial ? 0.15 : 0) - (m.fuzzy ? 0.15 : 0) - (typeMismatch ? 0.25 : 0);
  const spanStart = m.numFirst >= 0 ? Math.min(m.first, m.numFirst) : m.first;
  const spanEnd = m.numLast >= 0 ? Math.max(m.last, m.numLast) : m.last;
  const span: [number, number] = [tokens[spanStart].start, tokens[spanEnd].end];
  const raw = text.slice(span[0], span[1]);
  const streetOnly = (conf: number): Resolution => {
    const s = preferStreet(streets, ctx, opts);
    return { house: null, street: { name: s.name, type: s.rawType }, address: { street: `${s.rawType} ${s.name}`.trim(), house: m.number ? formatNumber(m.number) : '', raw }, span, confidence: round(conf), ambiguous: false, candidates: [] };
  };
  if (!m.number) return streetOnly(confidence * 0.5);
  // houses with the number on every street of this name, best fit only
  let cands: Candidate[] = [];
  let bestFit = 0;
  for (const street of streets)
    for (const ih of street.byBase.get(m.number.base) ?? []) {
      const fit = numberFit(m.number, ih.hn);
      if (fit === 0 || fit < bestFit) continue;
      if (fit > bestFit) {
        bestFit = fit;
        cands = [];
      }
      cands.push({ street, ih, fit });
    }
  if (cands.length === 0) return streetOnly(confidence * 0.6);
  // the text or the caller says the locality; else the default city wins over namesakes elsewhere
  let ambiguous = false;
  const localities = new Map([...ctx.localities].filter(([, [a, z]]) => z < m.first || a > m.last));
  const narrowed = narrow(cands, { ...ctx, localities }, opts);
  cands = narrowed.cands;
  if (narrowed.foreign || narrowed.unfounded) confidence -= 0.5;
  if (narrowed.guessed) {
    ambiguous = true;
    confidence -= 0.25;
  }
  confidence -= bestFit >= 3 ? 0 : bestFit >= 2 ? 0.05 : 0.2;
  if (m.marker) confidence += 0.05;
  cands.sort(candidateOrder);
  const head = cands[0];
  const spread = cands.some((c) => !near(c.ih.house, head.ih.house, opts.clusterM));
  if (spread) {
    const all = [...new Set([...narrowed.others, ...cands].map((c) => c.ih.house.id))].sort();
    return { house: null, street: { name: head.street.name, type: head.street.rawType }, address: { street: `${head.street.rawType} ${head.street.name}`.trim(), house: formatNumber(m.number), raw }, span, confidence: round(Math.min(confidence, 0.4)), ambiguous: true, candidates: all };
  }
  if (cands.length > 1) confidence -= 0.05;
  const house = confidence >= opts.minConfidence ? head.ih.house : null;
  return {
    house,
    street: { name: head.street.name, type: head.street.rawType },
    address: { street: `${head.street.rawType} ${head.street.name}`.trim(), house: formatNumber(m.number), raw },
    span,
    confidence: round(Math.max(0, Math.min(1, confidence))),
    ambiguous,
    candidates: ambiguous ? [...new Set([...cands, ...narrowed.others].map((c) => c.ih.house.id))].sort() : [],
  };
}

/** guessed: several places fit and a default picked one; unfounded: nothing points to the remaining place(s). */
function narrow(cands: Candidate[], ctx: Ctx, opts: Opts): { cands: Candidate[]; others: Candidate[]; guessed: boolean; foreign?: boolean; unfounded?: boolean } {
  const localities = new Set(cands.map((c) => c.street.locality));
  // the text names a settlement none of the candidates is in: the house is not in the registry
  const named = [...ctx.localities.keys()].filter((l) => l !== opts.defaultLocality);
  if (named.length && !cands.some((c) => ctx.localities.has(c.street.locality))) return { cands, others: [], guessed: false, foreign: true };
  if (localities.size <= 1) {
    // a lone namesake outside the default region, with nothing in the text or hint pointing there
    const c = cands[0];
    const evidence = c.street.region === opts.defaultRegion || !c.ih.house.street || ctx.localities.has(c.street.locality) || ctx.hint.locality?.toLowerCase() === c.street.locality.toLowerCase() || ctx.hint.lat !== undefined;
    return { cands, others: [], guessed: !evidence, unfounded: !evidence };
  }
  const keep = (pred: (c: Candidate) => boolean) => {
    const yes = cands.filter(pred);
    return yes.length ? { cands: yes, others: cands.filter((c) => !pred(c)) } : null;
  };
  const byText = keep((c) => ctx.localities.has(c.street.locality) || (ctx.localities.has(opts.defaultLocality) && c.street.region === 'spb' && c.street.locality === opts.defaultLocality));
  if (byText) return { ...byText, guessed: false };
  if (ctx.hint.locality) {
    const hl = ctx.hint.locality.toLowerCase();
    const r = keep((c) => c.street.locality.toLowerCase() === hl);
    if (r) return { ...r, guessed: false };
  }
  if (ctx.hint.lat !== undefined && ctx.hint.lon !== undefined) {
    const { lat, lon } = ctx.hint as { lat: number; lon: number };
    const dist = (c: Candidate) => (c.ih.house.lat === null || c.ih.house.lon === null ? Infinity : distanceM(lat, lon, c.ih.house.lat, c.ih.house.lon));
    const nearest = Math.min(...cands.map(dist));
    if (nearest < 30_000) {
      const loc = cands.find((c) => dist(c) === nearest)!.street.locality;
      const r = keep((c) => c.street.locality === loc);
      if (r) return { ...r, guessed: false };
    }
  }
  const r = keep((c) => c.street.locality === opts.defaultLocality) ?? keep((c) => c.street.region === opts.defaultRegion);
  if (r) return { ...r, guessed: true };
  return { cands, others: [], guessed: true, unfounded: true };
}

function preferStreet(streets: Street[], ctx: Ctx, opts: Opts): Street {
  return streets.find((s) => ctx.localities.has(s.locality)) ?? streets.find((s) => s.locality === (ctx.hint.locality ?? opts.defaultLocality)) ?? streets[0];
}

function candidateOrder(a: Candidate, b: Candidate): number {
  if (a.fit !== b.fit) return b.fit - a.fit;
  const ka = Number(a.ih.hn.korpus || 0) + (a.ih.hn.slash ? 0.5 : 0);
  const kb = Number(b.ih.hn.korpus || 0) + (b.ih.hn.slash ? 0.5 : 0);
  if (ka !== kb) return ka - kb;
  return a.ih.house.id < b.ih.house.id ? -1 : a.ih.house.id > b.ih.house.id ? 1 : 0;
}

function near(a: House, b: House, m: number): boolean {
  if (a === b) return true;
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return false;
  return distanceM(a.lat, a.lon, b.lat, b.lon) <= m;
}

const LOCALITY_MARKERS = new Set(['г', 'гор', 'город', 'городе', 'пос', 'поселок', 'поселке', 'п', 'пгт', 'дер', 'деревня', 'деревне', 'село', 'селе', 'мкр', 'тер']);

const isUpper = (c: number) => (c >= 0x410 && c <= 0x42f) || c === 0x401;

export function mentionedLocalities(tokens: Token[], g: Gazetteer, text: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const prev = tokens[i - 1]?.text === '.' ? tokens[i - 2] : tokens[i - 1];
    const marked = prev !== undefined && LOCALITY_MARKERS.has(prev.text);
    // unmarked, only a capitalised rare word counts («Парголово, ул. Заречная»; not «в заводское состояние»)
    if (!marked && (t.stem.length < 5 || g.common.has(t.stem) || !isUpper(text.charCodeAt(t.start)))) continue;
    for (const ln of g.localities.get(t.stem) ?? []) {
      let ok = true;
      for (let k = 1; k < ln.words.length && ok; k++) ok = tokens[i + k]?.stem === ln.words[k];
      if (ok && !out.has(ln.locality)) out.set(ln.locality, [i, i + ln.words.length - 1]);
    }
  }
  return out;
}

function qualifierCue(tokens: Token[]): string {
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (t.text.startsWith('васильевск')) return 'во';
    if (t.text.startsWith('петроградск')) return 'пс';
  }
  return '';
}

function addressCue(tokens: Token[], first: number): boolean {
  for (let k = Math.max(0, first - 4); k < first; k++) if (tokens[k].kind === 'word' && tokens[k].text.startsWith('адрес')) return true;
  return false;
}

const round = (x: number) => Math.round(x * 100) / 100;
