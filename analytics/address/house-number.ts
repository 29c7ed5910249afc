// House numbers: parsing the registry's spelling and comparing with what a text says.
// «13/15 лит. А», «5 к. 2», «42, к. А» (a letter корпус is a литера), «6, к. 1, стр. 1», «18-20», «15а».
import { fold } from './normalise.js';

export interface HouseNumber {
  base: number;
  /** letter written with the number: «15а» */
  letter: string;
  slash: number;
  dash: number;
  /** numeric корпус, as a string ('' when none) */
  korpus: string;
  stroenie: string;
  /** литеры, lower case, without separators: «абв» */
  litera: string;
}

export const EMPTY_NUMBER: HouseNumber = { base: 0, letter: '', slash: 0, dash: 0, korpus: '', stroenie: '', litera: '' };

const LETTERS = /[а-я]/g;

/** Parse the registry's house-number part, e.g. "13/15, лит. А,Б" or "6, к. 1, стр. 1". Returns null when no number. */
export function parseRegistryNumber(raw: string): HouseNumber | null {
  const s = fold(raw).replace(/\(дубль \d+\)/g, ' ');
  const m = /^\s*(\d+)\s?([а-я](?![а-я.]))?(?:\s*([/-])\s*(\d+)\s?([а-я](?![а-я.]))?)?/.exec(s);
  if (!m) return null;
  const hn: HouseNumber = { ...EMPTY_NUMBER, base: Number(m[1]), letter: m[2] ?? m[5] ?? '' };
  if (m[3] === '/') hn.slash = Number(m[4]);
  else if (m[3] === '-') hn.dash = Number(m[4]);
  const rest = s.slice(m[0].length);
  // «к. 2», «к. 1А,Б», «к. А» (a letter корпус is a литера), «стр. литер А», «лит. А,Б», «корп. 3»
  const part = /(корпус|корп|литера|литер|лит|стр|к)(?![а-я])\.?\s*(?:(литера|литер|лит)(?![а-я])\.?\s*)?"?(\d+)?\s*([а-я](?![а-я])(?:\s*[,.]?\s*[а-я](?![а-я]))*)?/g;
  for (let km = part.exec(rest); km; km = part.exec(rest)) {
    if (km[0].length === 0) {
      part.lastIndex++;
      continue;
    }
    const [, key, inner, digits, letters] = km;
    const literaKey = inner !== undefined || key.startsWith('лит');
    if (digits !== undefined && !literaKey) {
      if (key === 'стр') hn.stroenie = hn.stroenie || digits;
      else hn.korpus = hn.korpus || digits;
    }
    if (letters !== undefined) hn.litera += (letters.match(LETTERS) ?? []).join('');
  }
  return hn;
}

/** The registry's spelling shortened for display: "13/15 лит. А,Б", "6 к. 1 стр. 1". */
export function formatNumber(hn: HouseNumber): string {
  let s = String(hn.base) + hn.letter;
  if (hn.slash) s += '/' + hn.slash;
  if (hn.dash) s += '-' + hn.dash;
  if (hn.korpus) s += ' к. ' + hn.korpus;
  if (hn.stroenie) s += ' стр. ' + hn.stroenie;
  if (hn.litera) s += ' лит. ' + hn.litera.toUpperCase().split('').join(',');
  return s;
}

/** The second number, however written: корпус, «/» and «-» are one thing to residents and across sources. */
export function secondNumber(n: HouseNumber): number {
  return n.korpus ? Number(n.korpus) : n.slash || n.dash;
}

/**
 * How well a number from a text fits a registry number: 3 exact (a text's «лит. А» is exact for
 * a registry number without литера: it is the main building); 2.5 the same building written
 * with or without «литера А» (the registry lists many houses both ways); 2 compatible (one side
 * says less, another литера, or «5/2» written for «5 к. 2»); 1 weak (the text names a part the
 * registry lacks, but never a корпус 2+ for the bare number); 0 no.
 */
export function numberFit(text: HouseNumber, reg: HouseNumber): number {
  if (text.base !== reg.base) return 0;
  let score = 3;
  // «15а»: a house letter or a литера of the registry
  if (text.letter) {
    if (reg.letter === text.letter) score = 3;
    else if (reg.letter) return 0;
    else if (reg.litera.includes(text.letter)) score = 2;
    else score = 1;
  } else if (reg.letter) score = 1;
  // the second number: корпус, «/», «-» are written interchangeably by residents
  const second = secondNumber(text);
  const regSecond = secondNumber(reg);
  if (second) {
    if (regSecond === second) {
      const sameForm = (text.korpus && reg.korpus) || (text.slash && reg.slash) || (text.dash && reg.dash);
      score = Math.min(score, sameForm ? 3 : 2);
    } else if (regSecond) return 0;
    // «20 к. 3» where the registry has only «20»: the bare number is the first building, and on
    // the portal's held-out addresses it stood within 100 m of a корпус 2+ in half the cases only
    else if (text.korpus && second > 1) return 0;
    else score = Math.min(score, 1);
  } else if (regSecond) score = Math.min(score, reg.korpus ? 1 : 2);
  if (text.stroenie !== reg.stroenie) score = Math.min(score, text.stroenie && reg.stroenie ? 1 : 2);
  // литера is optional: «лит. А» is the main building, so «5» and «5 лит. А» are one house
  if (text.litera !== reg.litera) {
    if (text.litera && reg.litera) score = Math.min(score, reg.litera.includes(text.litera) ? 3 : 2);
    else if (text.litera === 'а') score = Math.min(score, 3);
    else score = Math.min(score, (text.litera || reg.litera).startsWith('а') ? 2.5 : 2);
  }
  return score;
}

/**
 * Two spellings of one building, for joining two registries (not for reading texts): the same
 * number, letter, second number (корпус, «/» and «-» are one thing across sources), строение and
 * литеры, where no литера is литера А, the main building. «5/2» = «5 к. 2», «8» = «8 лит. А»;
 * «8 лит. Б» is another building of the address, and so is «10а» against «10 лит. А».
 */
export function sameBuilding(a: HouseNumber, b: HouseNumber): boolean {
  if (a.base !== b.base || a.letter !== b.letter || a.stroenie !== b.stroenie) return false;
  if (secondNumber(a) !== secondNumber(b)) return false;
  return (a.litera || 'а') === (b.litera || 'а');
}
