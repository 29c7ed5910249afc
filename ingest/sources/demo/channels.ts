// Where a message is posted and who posts it: district VK communities, city-wide
// VK groups, Telegram and MAX house chats; residents who post more than once.
import type { House } from '../../../shared/types/registry.js';
import { hash32, type Rng } from './prng.js';

export interface Channel {
  channel: string;
  kind: 'vk' | 'telegram' | 'max';
  /** native id of the VK community (positive) or chat, for thread ids and urls */
  nativeId: string;
  /** the house a house chat belongs to (its members live there) */
  houseId?: string;
}

/** City-wide communities («Жалобы Петербурга», «Подслушано СПб»…): same ids in every run. */
const CITY_GROUPS = [57_846_937, 36_101_247, 121_493_412, 68_471_405];

export function cityGroup(rng: Rng): Channel {
  const id = rng.pick(CITY_GROUPS);
  return { channel: `vk:-${id}`, kind: 'vk', nativeId: String(id) };
}

/** One community per district («Купчино онлайн», «Мой Приморский»…). */
const districtGroups = new Map<string, Channel>();
export function districtGroup(district: string | null): Channel {
  const key = district ?? 'город';
  let ch = districtGroups.get(key);
  if (!ch) {
    const id = 100_000_000 + (hash32(`district:${key}`) % 90_000_000);
    ch = { channel: `vk:-${id}`, kind: 'vk', nativeId: String(id) };
    if (districtGroups.size > 10_000) districtGroups.clear();
    districtGroups.set(key, ch);
  }
  return ch;
}

/** Each house has its own chat, in Telegram for most houses and MAX for some. */
const houseChats = new Map<string, Channel>();
export function houseChat(house: House): Channel {
  let ch = houseChats.get(house.id);
  if (!ch) {
    ch = makeHouseChat(house);
    if (houseChats.size > 200_000) houseChats.clear();
    houseChats.set(house.id, ch);
  }
  return ch;
}

function makeHouseChat(house: House): Channel {
  const h = hash32(`chat:${house.id}`);
  if (h % 5 === 0) {
    const id = String(40_000_000_000 + (h % 900_000_000));
    return { channel: `max:${id}`, kind: 'max', nativeId: id, houseId: house.id };
  }
  const id = `-100${1_500_000_000 + (h % 500_000_000)}`;
  return { channel: `telegram:${id}`, kind: 'telegram', nativeId: id, houseId: house.id };
}

/** Pick a channel for a message about a house (or about nothing in particular). */
export function chooseChannel(house: House | null, rng: Rng, houseChatShare = 0.35): Channel {
  const r = rng.next();
  if (house && r < houseChatShare) return houseChat(house);
  if (r < houseChatShare + 0.5) return districtGroup(house?.district ?? null);
  return cityGroup(rng);
}

/** A resident: one id per network, so the same person is recognisable within a network. */
export interface Person {
  n: number;
  houseId: string | null;
}

export function authorId(p: Person, ch: Channel): string {
  // a multiplicative hash scatters sequential person numbers into plausible user ids
  const uid = 1_000_000 + (Math.imul(p.n ^ (p.n >>> 16), 0x45d9f3b) >>> 0) % 800_000_000;
  return ch.kind === 'vk' ? `id${uid}` : ch.kind === 'telegram' ? `tg${uid}` : `max${uid}`;
}

/**
 * Residents who wrote before write again: a few prolific posters per house and a ring of
 * recent posters for messages not tied to a house. Bounded memory for endless streams.
 */
export class People {
  private next = 1;
  private readonly byHouse = new Map<string, Person[]>();
  private readonly recent: Person[] = [];
  private ring = 0;

  constructor(private readonly salt: number) {}

  fresh(houseId: string | null): Person {
    const p = { n: this.salt * 10_000_000 + this.next++, houseId };
    if (houseId) {
      const list = this.byHouse.get(houseId) ?? [];
      if (list.length < 6) list.push(p);
      else list[p.n % 6] = p;
      this.byHouse.set(houseId, list);
      if (this.byHouse.size > 200_000) this.byHouse.clear();
    }
    if (this.recent.length < 500) this.recent.push(p);
    else this.recent[this.ring++ % 500] = p;
    return p;
  }

  /** An author for a message about this house; `repeat` is the chance it is someone who posted before. */
  forHouse(houseId: string | null, rng: Rng, repeat: number): Person {
    if (rng.chance(repeat)) {
      const list = houseId ? this.byHouse.get(houseId) : this.recent;
      if (list && list.length) return rng.pick(list);
    }
    return this.fresh(houseId);
  }
}
