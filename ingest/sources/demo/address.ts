// How residents write a house's address: «Ленина 12», «пр. Просвещения д.87 к.1»,
// «дом 5к2 по Гражданке», «у нас на Типанова 21», «Невский, 100». Derived from the
// registry's street, type and number; declension only where a simple rule is safe.
import type { House } from '../../../shared/types/registry.js';
import { WeightedTable, type Rng } from './prng.js';

interface TypeWords {
  short: string;
  long: string;
  /** residents may drop the type altogether («Ленина 12») */
  droppable: boolean;
}

const TYPES: Record<string, TypeWords> = {
  'ул': { short: 'ул.', long: 'улица', droppable: true },
  'пр-кт': { short: 'пр.', long: 'проспект', droppable: true },
  'пр': { short: 'пр.', long: 'проспект', droppable: true },
  'пер': { short: 'пер.', long: 'переулок', droppable: false },
  'наб': { short: 'наб.', long: 'набережная', droppable: false },
  'ш': { short: 'ш.', long: 'шоссе', droppable: false },
  'б-р': { short: 'б-р', long: 'бульвар', droppable: false },
  'пл': { short: 'пл.', long: 'площадь', droppable: false },
  'линия': { short: 'линия', long: 'линия', droppable: false },
  'проезд': { short: 'проезд', long: 'проезд', droppable: false },
  'аллея': { short: 'аллея', long: 'аллея', droppable: false },
  'дор': { short: 'дор.', long: 'дорога', droppable: false },
  'кв-л': { short: 'кв-л', long: 'квартал', droppable: false },
};
const OTHER_TYPE: TypeWords = { short: '', long: '', droppable: true };

/** Nicknames residents use in «на …» / «по …» («на Гражданке», «на Просвете»). */
const SLANG: Record<string, string> = { 'Гражданский': 'Гражданке', 'Просвещения': 'Просвете', 'Энгельса': 'Энгельса' };

export interface AddressParts {
  street: string;
  type: TypeWords;
  /** the type goes after an adjective name («Невский пр.»), before a genitive one («пр. Просвещения») */
  typeAfter: boolean;
  num: string;
  korp: string | null;
  lit: string | null;
  /** «на Садовой», «на Невском»; null when no safe form exists */
  locative: string | null;
  /** «по Садовой», «по Невскому» */
  dative: string | null;
  slang: string | null;
  /** suburbs (Колпино, Пушкин) are named before the street */
  locality: string | null;
}

const cache = new Map<string, AddressParts>();

export function addressParts(h: House): AddressParts {
  let p = cache.get(h.id);
  if (!p) {
    p = computeParts(h);
    if (cache.size > 100_000) cache.clear();
    cache.set(h.id, p);
  }
  return p;
}

function computeParts(h: House): AddressParts {
  const typeKey = h.streetType.replace(/\.$/, '').toLowerCase();
  const type = TYPES[typeKey] ?? (typeKey ? { short: typeKey, long: typeKey, droppable: false } : OTHER_TYPE);
  // «Республиканская (Володарский)»: the registry's disambiguation is not what people type
  const street = h.street.replace(/\s*\(.*?\)/g, '').trim();
  const adjective = /(ий|ый|ой|ая|яя|ое)$/.test(street) || /^\d/.test(street);
  const single = /^[А-ЯЁ][а-яё-]+$/.test(street);
  const numMatch = /^(\d+[а-яА-Я]?(?:\/\d+[а-яА-Я]?)?)/.exec(h.number.trim());
  const korp = /(?:к|корп|корпус)\.?\s*(\d+)/i.exec(h.number);
  const lit = /лит(?:ера)?\.?\s*([А-ЯA-Z])/i.exec(h.number);
  return {
    street,
    type,
    typeAfter: adjective,
    num: numMatch ? numMatch[1]! : h.number.trim(),
    korp: korp ? korp[1]! : null,
    lit: lit ? lit[1]!.toUpperCase() : null,
    locative: single ? locativeOf(street) : null,
    dative: single ? dativeOf(street) : null,
    slang: SLANG[street] ?? null,
    locality: h.locality && h.locality !== 'Санкт-Петербург' ? h.locality : null,
  };
}

function locativeOf(s: string): string | null {
  if (s.endsWith('ая')) return s.slice(0, -2) + 'ой';
  if (s.endsWith('яя')) return s.slice(0, -2) + 'ей';
  if (/[кгх]ий$/.test(s) || s.endsWith('ый') || s.endsWith('ой') || s.endsWith('ое')) return s.slice(0, -2) + 'ом';
  if (s.endsWith('ий')) return s.slice(0, -2) + 'ем';
  // genitive names («Ленина», «Ветеранов», «Просвещения») do not decline
  if (/(а|я|ов|ев|ых|их|ин)$/.test(s)) return s;
  return null;
}

function dativeOf(s: string): string | null {
  if (s.endsWith('ая')) return s.slice(0, -2) + 'ой';
  if (s.endsWith('яя')) return s.slice(0, -2) + 'ей';
  if (/[кгх]ий$/.test(s) || s.endsWith('ый') || s.endsWith('ой') || s.endsWith('ое')) return s.slice(0, -2) + 'ому';
  if (s.endsWith('ий')) return s.slice(0, -2) + 'ему';
  if (/(а|я|ов|ев|ых|их|ин)$/.test(s)) return s;
  return null;
}

/** «12», «д.12», «87к1», «д.87 к.1», «5 корп 2» … */
function numberText(p: AddressParts, rng: Rng, withHouseWord: boolean): string {
  const head = withHouseWord ? rng.pick(['д.', 'д. ', 'дом ', 'д']) + p.num : p.num;
  let s = head;
  if (p.korp) s += rng.pick(['к', ' к', ' к.', ' к. ', ' корп ', ' корп. ', ' корпус ', 'к']) + p.korp;
  if (p.lit && rng.chance(0.15)) s += rng.pick([' лит. ', ' лит ', ' литера ']) + p.lit;
  return s;
}

/** The street with its type, in the order residents write it. */
function streetText(p: AddressParts, rng: Rng, style: 'short' | 'long' | 'bare'): string {
  const t = style === 'long' ? p.type.long : p.type.short;
  if (!t || (style === 'bare' && p.type.droppable)) return p.street;
  // Vasilyevsky lines carry the island after the type: «5-я линия В.О.»
  if (t === 'линия') {
    const ord = /^(\d+-[яй])\s+(.+)$/.exec(p.street);
    if (ord) return `${ord[1]} линия ${ord[2]}`;
  }
  return p.typeAfter ? `${p.street} ${t}` : `${t} ${p.street}`;
}

type Form = (p: AddressParts, rng: Rng) => string | null;

const FORMS = new WeightedTable<Form>([
  [(p, r) => `${streetText(p, r, 'bare')} ${numberText(p, r, false)}`, 5],
  [(p, r) => `${streetText(p, r, 'short')} ${numberText(p, r, true)}`, 4],
  [(p, r) => `${streetText(p, r, 'short')}, ${numberText(p, r, true)}`, 2],
  [(p, r) => `${streetText(p, r, 'bare')}, ${numberText(p, r, false)}`, 2],
  [(p, r) => `${streetText(p, r, 'long')} ${numberText(p, r, r.chance(0.4))}`, 2],
  [(p, r) => ((p.dative && p.type.droppable) || p.slang ? `дом ${numberText(p, r, false)} по ${p.slang && r.chance(0.6) ? p.slang : p.dative ?? p.slang}` : null), 2],
  [(p, r) => ((p.locative && p.type.droppable) || p.slang ? `у нас на ${p.slang && r.chance(0.5) ? p.slang : p.locative ?? p.slang} ${numberText(p, r, false)}` : null), 3],
  [(p, r) => (p.locative && p.type.droppable ? `на ${p.locative} ${numberText(p, r, r.chance(0.3))}` : null), 2],
  [(p, r) => (p.typeAfter ? null : `${numberText(p, r, true)} по ${streetText(p, r, 'short')}`), 1],
]);

/** A full address as a resident would type it. */
export function writeAddress(h: House, rng: Rng): string {
  const p = addressParts(h);
  let s: string | null = null;
  for (let i = 0; i < 4 && !s; i++) s = FORMS.draw(rng)(p, rng);
  s ??= `${streetText(p, rng, 'short')} ${numberText(p, rng, true)}`;
  if (p.locality && !/^(у нас|на|дом|тут) /.test(s) && rng.chance(0.7)) return `${p.locality}, ${s}`;
  return s;
}

/** Only the street: «на Садовой», «на ул. Большая Морская», «у нас на Типанова». */
export function writeStreetOnly(h: House, rng: Rng, plain = false): string {
  const p = addressParts(h);
  const on = plain ? 'на' : rng.pick(['на', 'у нас на', 'тут на']);
  if (p.locative && p.type.droppable) return `${on} ${p.locative}`;
  // abbreviated types keep the name in the nominative, which reads naturally: «на ул. Большая Морская»
  return `${on} ${streetText(p, rng, 'short')}`;
}

/** The way notices and management companies write it: «ул. Типанова, д. 19», «пр. Просвещения, д. 87, корп. 1». */
export function writeFormalAddress(h: House, rng: Rng): string {
  const p = addressParts(h);
  const street = streetText(p, rng, 'short');
  const korp = p.korp ? rng.pick([`, корп. ${p.korp}`, ` к. ${p.korp}`]) : '';
  return `${p.locality ? `${p.locality}, ` : ''}${street}, д. ${p.num}${korp}`;
}
