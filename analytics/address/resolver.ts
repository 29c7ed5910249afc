// Free-text Russian address → a house of the registry (or only its street), with the
// matched span, a confidence, and the other candidates when the text is ambiguous.
import type { House } from '../../shared/types/registry.js';
import { distanceM } from '../geo/geo.js';
import { tokenize, type Token } from './normalise.js';
import { formatNumber, numberFit } from './house-number.js';
import { buildGazetteer, type Gazetteer, type Street } from './gazetteer.js';
import { capitalisedInside, findStreets, type StreetMatch } from './matcher.js';
import { addressCue, mentionedDistricts, mentionedLocalities, qualifierCue, type Mentions } from './context.js';
import { narrow, type Candidate, type ResolveHint } from './narrow.js';
import { genderAgrees, textGender, type TextGender } from './agreement.js';
import { DEFAULT_NEIGHBOUR_OPTIONS, neighbourHouse, type NeighbourOptions } from './neighbours.js';
import { streetOnly, writtenAsStreet } from './street-only.js';

export interface Resolution {
  /** the house; when `ambiguous`, the preferred candidate (default locality) or null */
  house: House | null;
  /** the street named, with its city or settlement (also when no house matches) */
  street: { name: string; type: string; locality: string } | null;
  address: { street: string; house: string; raw: string } | null;
  /** [start, end) character offsets of the address in the text */
  span: [number, number] | null;
  confidence: number;
  ambiguous: boolean;
  /** house ids when ambiguous */
  candidates: string[];
  /**
   * The text's house number is not in the registry and `house` is the registry house with the
   * nearest number on the same street, between two close neighbours (absent = exact).
   */
  approximate?: boolean;
}

export type { ResolveHint };

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
  /** the neighbour-number fallback (`approximate` results); null turns it off */
  neighbours?: NeighbourOptions | null;
}

export const NO_ADDRESS: Resolution = Object.freeze({ house: null, street: null, address: null, span: null, confidence: 0, ambiguous: false, candidates: [] }) as Resolution;


export function createResolver(houses: readonly House[], options: ResolverOptions = {}): Resolver {
  const g = buildGazetteer(houses, options.commonStems ?? []);
  const opts = { defaultLocality: 'Санкт-Петербург', defaultRegion: 'spb' as const, clusterM: 150, minConfidence: 0.5, maxChars: 4000, commonStems: [], neighbours: DEFAULT_NEIGHBOUR_OPTIONS, ...options };
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
  const ctx = new Ctx(tokens, g, text, found, hint);
  let best: Resolution | null = null;
  let bestScore = -Infinity;
  const scored: { r: Resolution; score: number }[] = [];
  // matches with a number first: once a house is found, number-less matches cannot win
  matches.sort((a, b) => Number(b.number !== null) - Number(a.number !== null));
  for (const m of matches) {
    // a street without a number scores at most 0.95 × 0.5 + 0.05: it cannot beat a better result
    if (!m.number && bestScore >= 0.53) break;
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

/**
 * What the text says about the place, computed only when a candidate needs it (most texts never
 * do). A class: getters on its prototype cost nothing per text, while an object literal with
 * getters made every resolution allocate accessors and tripled the time spent in GC.
 */
class Ctx {
  private loc: Mentions | null = null;
  private dist: Set<string> | null = null;
  private q: string | null = null;
  constructor(
    private readonly tokens: Token[],
    private readonly g: Gazetteer,
    private readonly text: string,
    private readonly found: StreetMatch[],
    readonly hint: ResolveHint,
  ) {}
  get localities(): Mentions {
    return (this.loc ??= mentionedLocalities(this.tokens, this.g, this.text, this.found));
  }
  get districts(): Set<string> {
    return (this.dist ??= mentionedDistricts(this.tokens, this.g));
  }
  get cue(): string {
    return (this.q ??= qualifierCue(this.tokens));
  }
}

function evaluate(g: Gazetteer, m: StreetMatch, tokens: Token[], text: string, ctx: Ctx, opts: Opts): Resolution | null {
  const e = m.entry;
  if (m.qualifier && e.qualifier !== m.qualifier) return null;
  if (e.area && !m.marker) return null;
  // «парадная 3» is not «ул. Парадная, 3»: names made of everyday words need their type; a
  // house marker is no evidence («в парадной номер 3», «лестница номер 4. Больше месяца…»)
  if (!m.kind && !m.qualifier && !e.ordinal && e.words.every((w) => g.common.has(w)) && !(properName(tokens, m.first, text) && m.number && !counted(tokens, m))) return null;
  let streets = e.streets;
  let typeMismatch = false;
  if (m.kind) {
    const same = streets.filter((s) => s.kind === m.kind);
    if (same.length) streets = same;
    else if (e.area || m.partial) return null; // «Морская наб.» is not «Большая Морская ул.»
    else typeMismatch = true;
  }
  // «Загородная» is not «Загородный пр.»: for the street alone, the streets whose name agrees
  // in gender (if any); houses are chosen below by number first, then gender
  const tg = textGender(tokens, m.first, m.last);
  const agreeingStreets = tg ? streets.filter((s) => !disagrees(tg, s)) : streets;
  const streetsAsWritten = agreeingStreets.length ? agreeingStreets : streets;
  // «Большой пр.» with «Васильевский» elsewhere in the text: the В.О. one
  const cueMismatch = !m.qualifier && e.qualifier !== '' && ctx.cue !== '' && e.qualifier !== ctx.cue;
  let confidence = 0.9 - (cueMismatch ? 0.3 : 0) - (m.kind ? 0 : 0.1) - (m.partial ? 0.15 : 0) - (m.fuzzy ? 0.15 : 0) - (typeMismatch ? 0.25 : 0);
  const spanStart = m.numFirst >= 0 ? Math.min(m.first, m.numFirst) : m.first;
  const spanEnd = m.numLast >= 0 ? Math.max(m.last, m.numLast) : m.last;
  const span: [number, number] = [tokens[spanStart].start, tokens[spanEnd].end];
  const raw = text.slice(span[0], span[1]);
  if (!m.number) return writtenAsStreet(m, tokens, text) ? streetOnly(preferStreet(streetsAsWritten, ctx, opts), m, span, raw, confidence * 0.5) : null;
  // houses with the number on every street of this name; the place is chosen among the
  // compatible ones before the best spelling, or «10 лит. А» in the city would lose to «10» elsewhere
  let cands: Candidate[] = [];
  for (const { street, ih } of e.byBase.get(m.number.base) ?? []) {
    if (streets !== e.streets && !streets.includes(street)) continue;
    const fit = numberFit(m.number, ih.hn);
    if (fit > 0) cands.push({ street, ih, fit });
  }
  const localities = new Map([...ctx.localities].filter(([, [a, z]]) => z < m.first || a > m.last));
  // the number is not on the street the text means: its neighbours may stand in (`approximate`)
  const standIn: Approx = { m, streets: streetsAsWritten, localities, tg, confidence, span, raw };
  if (cands.length === 0) return approximate(standIn, ctx.hint, opts) ?? streetOnly(preferStreet(streetsAsWritten, ctx, opts), m, span, raw, confidence * 0.6);
  if (cands.some((c) => c.fit >= 2)) cands = cands.filter((c) => c.fit >= 2);
  // gender decides among the best-fitting numbers («Саперная 6»: Пушкин's ул., not the city's
  // пер.), not against a better fit; when no house of an agreeing street has the number
  // («загородная 41»: only Загородный пр. has 41), it is probably a house the registry lacks
  const topFit = Math.max(...cands.map((c) => c.fit));
  const agreeing = tg ? cands.filter((c) => !disagrees(tg, c.street)) : cands;
  if (agreeing.length === 0) confidence -= GENDER_PENALTY;
  else if (agreeing.length < cands.length && agreeing.some((c) => c.fit === topFit)) cands = agreeing;
  let ambiguous = false;
  const defaultHasStreet = streetsAsWritten.some((s) => s.locality === opts.defaultLocality);
  const narrowed = narrow(cands, { localities, districts: ctx.districts, hint: ctx.hint, defaultLocality: opts.defaultLocality, defaultRegion: opts.defaultRegion, defaultHasStreet });
  // «Колпино, пр. Ленина 27»: the named place lacks 27, namesakes elsewhere have it. Only when the
  // text names the place: a bare «Школьная 32» the city lacks may well be a suburb's exact house
  const instead = narrowed.unfounded && localities.size > 0 ? approximate(standIn, ctx.hint, opts) : null;
  if (instead) return instead;
  const bestFit = Math.max(...narrowed.cands.map((c) => c.fit));
  cands = narrowed.cands.filter((c) => c.fit === bestFit);
  confidence -= narrowed.penalty;
  ambiguous = narrowed.guessed;
  confidence -= bestFit >= 3 ? 0 : bestFit >= 2 ? 0.05 : 0.2;
  if (m.marker) confidence += 0.05;
  cands.sort(candidateOrder);
  const head = cands[0];
  const spread = cands.some((c) => !near(c.ih.house, head.ih.house, opts.clusterM));
  if (spread) {
    const all = [...new Set([...narrowed.others, ...cands].map((c) => c.ih.house.id))].sort();
    return { house: null, street: { name: head.street.name, type: head.street.rawType, locality: head.street.locality }, address: { street: `${head.street.rawType} ${head.street.name}`.trim(), house: formatNumber(m.number), raw }, span, confidence: round(Math.min(confidence, 0.4)), ambiguous: true, candidates: all };
  }
  if (cands.length > 1) confidence -= 0.05;
  const house = confidence >= opts.minConfidence ? head.ih.house : null;
  return {
    house,
    street: { name: head.street.name, type: head.street.rawType, locality: head.street.locality },
    address: { street: `${head.street.rawType} ${head.street.name}`.trim(), house: formatNumber(m.number), raw },
    span,
    confidence: round(Math.max(0, Math.min(1, confidence))),
    ambiguous,
    candidates: ambiguous ? [...new Set([...cands, ...narrowed.others].map((c) => c.ih.house.id))].sort() : [],
  };
}

/** «Парадная № 4», «Лестница номер 2»: a number counted with «№» / «номер», not a house's «д.» / «дом». */
function counted(tokens: Token[], m: StreetMatch): boolean {
  if (m.numFirst <= m.last) return false;
  let numero = false;
  for (let k = m.last + 1; k < m.numFirst; k++) {
    const t = tokens[k].text;
    if (t === 'д' || t.startsWith('дом')) return false;
    if (t === '№' || t === 'номер' || t === 'н') numero = true;
  }
  return numero;
}

const disagrees = (tg: TextGender, s: Street) => genderAgrees(tg, s.gender) === false;

interface Approx {
  m: StreetMatch;
  streets: Street[];
  localities: Mentions;
  tg: TextGender | null;
  confidence: number;
  span: [number, number];
  raw: string;
}

/** The neighbour-number stand-in (a function of the module: closures per text cost a __name each under tsx). */
function approximate(a: Approx, hint: ResolveHint, opts: Opts): Resolution | null {
  const { m } = a;
  const street = opts.neighbours && !m.partial && !m.fuzzy ? certainStreet(a.streets, a.localities, hint, opts) : null;
  if (!street || (a.tg && disagrees(a.tg, street))) return null;
  const nb = neighbourHouse(street, m.number!, opts.neighbours!);
  const conf = a.confidence - APPROXIMATE_PENALTY + (m.marker ? 0.05 : 0);
  if (!nb || conf < opts.minConfidence) return null;
  return { house: nb.ih.house, street: { name: street.name, type: street.rawType, locality: street.locality }, address: { street: `${street.rawType} ${street.name}`.trim(), house: formatNumber(m.number!), raw: a.raw }, span: a.span, confidence: round(Math.min(1, conf)), ambiguous: false, candidates: [], approximate: true };
}

/** A name whose gender disagrees is another street unless the type word says otherwise. */
const GENDER_PENALTY = 0.4;

/** How much less sure a neighbour-number house is than an exact one. */
const APPROXIMATE_PENALTY = 0.25;

/**
 * The one street a name means, when nothing is left to guess: the settlement the text names, the
 * caller's hint, or the default city (a lone namesake elsewhere in the default region too, as for
 * exact numbers). Null when several fit.
 */
function certainStreet(streets: Street[], localities: Mentions, hint: ResolveHint, opts: Opts): Street | null {
  const one = (list: Street[]) => (list.length === 1 ? list[0] : null);
  const named = streets.filter((s) => localities.has(s.locality));
  if (named.length) return one(named);
  if ([...localities.keys()].some((l) => l !== opts.defaultLocality)) return null;
  if (hint.locality) return one(streets.filter((s) => s.locality.toLowerCase() === hint.locality!.toLowerCase()));
  const city = streets.filter((s) => s.locality === opts.defaultLocality);
  if (city.length) return one(city);
  return streets.length === 1 && streets[0].region === opts.defaultRegion ? streets[0] : null;
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

/** Capitalised inside a sentence: a name («по адресу Невский 166»), not a sentence's first word («Парадная 3 …»). */
const properName = capitalisedInside;

const round = (x: number) => Math.round(x * 100) / 100;
