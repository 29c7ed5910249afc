// The demo stream as a pure, seeded generator: an everyday background with a daily
// rhythm, seasonal category mix and chatter, plus the scripted bursts of the scenario.
// Same options and seed → the same mentions, byte for byte.
import type { RawMention } from '../../../shared/types/mention.js';
import type { House } from '../../../shared/types/registry.js';
import type { Category, Label } from '../../../shared/types/taxonomy.js';
import { createRng, hash32, WeightedTable, type Rng } from './prng.js';
import { HOURLY_MAX, activity, localHour } from './rhythm.js';
import { CHATTER_TABLE, CHATTER_TEXTS, COMPLAINT_SHARE, COMPLAINT_TEXTS, complaintTable } from './categories.js';
import { composeChatter, composeComplaint, type AddressMode } from './compose.js';
import { authorId, chooseChannel, cityGroup, districtGroup, People, type Channel, type Person } from './channels.js';
import { planScenario, rateAt, type BurstConfig, type BurstTruth, type PlannedBurst } from './scenario.js';

export interface GenerateOptions {
  houses: readonly House[];
  seed: number;
  start: Date;
  end: Date;
  /** background mentions per minute, averaged over a day */
  ratePerMin: number;
  scenario?: readonly BurstConfig[];
  /** prefix of the native id, e.g. a run tag, so that separate runs never share ids */
  idPrefix?: string;
  /** stop after this many mentions */
  limit?: number;
  /** seed of the scenario's choice of houses, when it should stay put while the background varies */
  scenarioSeed?: number;
  /** houses the bursts may hit (default: all houses) */
  burstHouses?: readonly House[];
}

/** What the generator knows about a mention that the mention itself does not say. */
export interface MentionTruth {
  category: Category;
  houseId: string | null;
  /** name of the scripted burst this mention belongs to */
  burst: string | null;
  address: AddressMode;
  /** id of the mention this one reposts */
  repostOf: string | null;
}

export interface LabelledMention {
  mention: RawMention;
  truth: MentionTruth;
}

interface Pending {
  t: number;
  mention: RawMention;
  truth: MentionTruth;
}

const REPOST_SHARE = 0.03;
const GEO_SHARE = 0.03;

/** Ground truth of the scenario without generating the stream. */
export function scenarioTruth(opts: Pick<GenerateOptions, 'houses' | 'seed' | 'start' | 'scenario' | 'scenarioSeed' | 'burstHouses'>): BurstTruth[] {
  return planScenario(opts.burstHouses ?? opts.houses, opts.scenario ?? [], opts.start, opts.scenarioSeed ?? opts.seed).map((p) => p.truth);
}

export function generateMentions(opts: GenerateOptions): Iterable<RawMention> {
  const it = generateLabelled(opts);
  return {
    *[Symbol.iterator]() {
      for (const x of it) yield x.mention;
    },
  };
}

export function generateLabelled(opts: GenerateOptions): Iterable<LabelledMention> {
  return { [Symbol.iterator]: () => stream(opts) };
}

function* stream(opts: GenerateOptions): Generator<LabelledMention> {
  const { houses, seed, ratePerMin } = opts;
  const startMs = opts.start.getTime();
  const endMs = opts.end.getTime();
  const limit = opts.limit ?? Infinity;
  if (houses.length === 0) throw new Error('the demo generator needs at least one house');
  const root = createRng(seed);
  const bgRng = root.fork('background');
  const textRng = root.fork('text');
  const people = new People(hash32(`people:${seed}:${opts.idPrefix ?? ''}`) % 1000);
  const houseTable = new WeightedTable(houses.map((h) => [h, Math.sqrt(h.apartments ?? 60)] as const));
  const plans = planScenario(opts.burstHouses ?? houses, opts.scenario ?? [], opts.start, opts.scenarioSeed ?? seed);
  const prefix = `demo:${opts.idPrefix ?? ''}`;
  let n = 0;
  const nextId = () => `${prefix}${++n}`;

  const bgMean = ratePerMin > 0 ? 60_000 / (ratePerMin * HOURLY_MAX) : Infinity;
  const nextBackground = (t: number): number => {
    // thinning: candidates at the peak rate, kept with the probability of the hour's activity
    for (let c = t + bgRng.exp(bgMean); c <= endMs; c += bgRng.exp(bgMean)) if (bgRng.next() * HOURLY_MAX < activity(c)) return c;
    return Infinity;
  };
  const burstRngs = plans.map((p, i) => root.fork(`burst-stream:${i}:${p.config.name}`));
  const nextBurst = (i: number, t: number): number => {
    const p = plans[i]!;
    const r = burstRngs[i]!;
    const mean = 60_000 / p.config.peakPerMin;
    for (let c = Math.max(t, p.startMs) + r.exp(mean); c <= Math.min(endMs, p.endMs); c += r.exp(mean)) {
      if (r.next() * p.config.peakPerMin < rateAt(p.config, (c - p.startMs) / 60_000)) return c;
    }
    return Infinity;
  };

  let bgT = nextBackground(startMs);
  const burstT = plans.map((_, i) => nextBurst(i, startMs));
  const pending: Pending[] = [];

  while (n < limit) {
    let which = -1;
    let t = bgT;
    for (let i = 0; i < burstT.length; i++) if (burstT[i]! < t) [t, which] = [burstT[i]!, i];
    const repostT = pending.length ? pending[0]!.t : Infinity;
    if (repostT < t && repostT <= endMs) {
      const p = pending.shift()!;
      p.mention.id = nextId();
      yield { mention: p.mention, truth: p.truth };
      continue;
    }
    if (t === Infinity || t > endMs) return;
    const tm = Math.floor(t);
    const item =
      which < 0 ? background(tm, nextId(), textRng, houseTable, people) : burstMention(plans[which]!, tm, nextId(), textRng, people);
    if (which < 0) bgT = nextBackground(t);
    else burstT[which] = nextBurst(which, t);
    if (item.truth.category !== 'irrelevant' && textRng.chance(REPOST_SHARE)) schedule(pending, repost(item, tm, textRng));
    yield item;
  }
}

/** Calendar of the last day seen: a Date per mention costs more than the rest of the arithmetic. */
const calendar = { dayIndex: -1, day: 1, month: 0 };
function dayOf(t: number): typeof calendar {
  const i = Math.floor(t / 86_400_000);
  if (i !== calendar.dayIndex) {
    const d = new Date(t);
    calendar.dayIndex = i;
    calendar.day = d.getUTCDate();
    calendar.month = d.getUTCMonth();
  }
  return calendar;
}

function background(t: number, id: string, rng: Rng, houseTable: WeightedTable<House>, people: People): LabelledMention {
  const { day, month } = dayOf(t);
  if (rng.next() < COMPLAINT_SHARE) {
    const label = complaintTable(month).draw(rng);
    const house = houseTable.draw(rng);
    const ch = chooseChannel(house, rng);
    const mode = addressMode(rng, ch.kind === 'vk' ? 0.65 : 0.3, 0.15);
    const other = complaintTable(month).draw(rng);
    const text = composeComplaint(
      { fragments: COMPLAINT_TEXTS[label]!, extra: other !== label ? COMPLAINT_TEXTS[other] : undefined, house, mode, day, hour: localHour(t) },
      rng,
    );
    const person = people.forHouse(house.id, rng, 0.25);
    return build(id, t, ch, person, text, house, rng, { category: label, houseId: house.id, burst: null, address: mode, repostOf: null });
  }
  const kind = CHATTER_TABLE.draw(rng);
  const house = houseTable.draw(rng);
  const ch = chooseChannel(house, rng);
  const text = composeChatter(CHATTER_TEXTS[kind], house, day, rng);
  const person = people.forHouse(null, rng, 0.35);
  return build(id, t, ch, person, text, null, rng, { category: 'irrelevant', houseId: null, burst: null, address: 'none', repostOf: null });
}

function burstMention(p: PlannedBurst, t: number, id: string, rng: Rng, people: People): LabelledMention {
  const c = p.config;
  const house = rng.pick(p.houses);
  const late = (t - p.startMs) / 60_000 > c.riseMin + c.plateauMin;
  const fragments = late && c.lateTexts && rng.chance(0.5) ? c.lateTexts : c.texts;
  const mode = addressMode(rng, c.addressShare, 0.05);
  const ch = chooseChannel(house, rng, 0.5);
  const text = composeComplaint({ fragments, house, mode, day: dayOf(t).day, hour: localHour(t) }, rng);
  const person = rng.chance(c.newAuthorShare) ? people.fresh(house.id) : people.forHouse(house.id, rng, 1);
  return build(id, t, ch, person, text, house, rng, { category: c.label as Label, houseId: house.id, burst: c.name, address: mode, repostOf: null });
}

function addressMode(rng: Rng, full: number, street: number): AddressMode {
  const r = rng.next();
  return r < full ? 'full' : r < full + street ? 'street' : 'none';
}

function build(id: string, t: number, ch: Channel, person: Person, text: string, house: House | null, rng: Rng, truth: MentionTruth): LabelledMention {
  const m: RawMention = { id, source: 'demo', channel: ch.channel, author: authorId(person, ch), text, ts: new Date(t).toISOString() };
  // A house chat's connector knows whose chat it is, as a real one will from its channel directory.
  if (ch.houseId) m.houseId = ch.houseId;
  if (ch.kind === 'vk') {
    // comments hang under a post; one post per community per hour is close enough
    const post = 10_000 + ((Math.imul(Number(ch.nativeId), 0x9e3779b1) ^ Math.imul(Math.floor(t / 3_600_000), 0x85ebca6b)) >>> 0) % 90_000;
    m.replyTo = `wall-${ch.nativeId}_${post}`;
    m.url = `https://vk.com/wall-${ch.nativeId}_${post}`;
  }
  if (house && house.lat !== null && house.lon !== null && rng.chance(GEO_SHARE)) {
    m.lat = Math.round((house.lat + (rng.next() - 0.5) * 6e-4) * 1e6) / 1e6;
    m.lon = Math.round((house.lon + (rng.next() - 0.5) * 1e-3) * 1e6) / 1e6;
  }
  return { mention: m, truth };
}

const REPOST_FRAMES = [(s: string) => s, (s: string) => `Репост: ${s}`, (s: string) => `Дублирую сюда. ${s}`, (s: string) => `${s} Поддержите, пусть увидят!`, (s: string) => `+1. ${s}`];

/** The same text, minutes later, in another community: the near-duplicate processing must group. */
function repost(orig: LabelledMention, t: number, rng: Rng): Pending {
  const m = orig.mention;
  let ch = rng.chance(0.5) ? cityGroup(rng) : districtGroup(null);
  if (ch.channel === m.channel) ch = districtGroup(`repost:${m.channel}`);
  // the same person, by their id in the network the repost goes to
  const author = m.author.replace(/^(tg|max)/, 'id');
  const mention: RawMention = { id: '', source: 'demo', channel: ch.channel, author, text: rng.pick(REPOST_FRAMES)(m.text), ts: '' };
  const at = t + rng.int(2, 30) * 60_000 + rng.int(0, 59_999);
  mention.ts = new Date(at).toISOString();
  return { t: at, mention, truth: { ...orig.truth, repostOf: m.id } };
}

function schedule(pending: Pending[], p: Pending): void {
  let i = pending.length;
  while (i > 0 && pending[i - 1]!.t > p.t) i--;
  pending.splice(i, 0, p);
}
