// Urgency 0..1 of a complaint and the Russian reasons that raised it.
//
// Rules, not a model: an operator must be able to see why a text was put on top,
// and the signals (accident words, vulnerable people, duration, scale, repetition)
// are few and stable across regions. Each matched rule adds its weight w as
// urgency = 1 − Π(1 − w), so signals add up but never exceed 1.
//
// One pass over the words the classifier already has: each distinct word gets a
// bit mask of the cues it can start (cached), and only words with a cue look at
// their neighbours. Most words have none, so a text costs little more than its length.
import type { Category } from '../../shared/types/taxonomy.js';
import { cueMask, CUE as Q, inSet, SETS as S, startsAny } from './urgency-cues.js';
import { tokenize } from './tokenize.js';

export interface Urgency {
  urgency: number;
  reasons: string[];
}

const NONE: Urgency = Object.freeze({ urgency: 0, reasons: [] }) as Urgency;

export function scoreUrgency(text: string, category: Category): Urgency {
  if (category === 'irrelevant') return { urgency: 0, reasons: [] };
  return scoreUrgencyWords(tokenize(text), category, text);
}

/** `words` as produced by tokenize(text); `text` is only read for «-25»-style frost. */
export function scoreUrgencyWords(words: string[], category: Category, text: string): Urgency {
  if (category === 'irrelevant') return NONE;
  let all = 0;
  const n = words.length;
  const masks = new Int32Array(n);
  for (let i = 0; i < n; i++) all |= masks[i] = cueMask(words[i]);
  const at = (i: number): string => (i >= 0 && i < n ? words[i] : '');
  let gasSmell = false;
  let burst = false;
  let flood = false;
  let fire = false;
  let boil = false;
  let collapse = false;
  let stuck = false;
  let leakIn = false;
  let injury = false;
  let sewage = false;
  let noHeat = false;
  let frost = false;
  let outage: string | null = null;
  let kids = false;
  let old = false;
  let disabled = false;
  const duration: Array<string | null> = [null, null, null];
  let house = false;
  let district = false;
  let repeat = false;
  if (all !== 0) {
    for (let i = 0; i < n; i++) {
      const m = masks[i];
      if (m === 0) continue;
      const w = words[i];
      const next = at(i + 1);
      if (m & Q.SMELL && (S.GAS.has(next) || S.GAS.has(at(i + 2)))) gasSmell = true;
      if (m & Q.GASWORD && startsAny(next, S.SMELL_VERB)) gasSmell = true;
      if (m & Q.BURST) burst = true;
      if (m & Q.FLOOD) flood = true;
      if (w === 'топит' && next.startsWith('сосед')) flood = true;
      if (m & Q.FIRE) fire = true;
      if ((w === 'дым' && next === 'из') || (w === 'горит' && next.startsWith('проводк'))) fire = true;
      if (m & Q.BOIL) boil = true;
      if (m & Q.COLLAPSE) collapse = true;
      if ((w === 'падают' && next === 'куски') || (w === 'упала' && (next === 'сосулька' || next === 'глыба'))) collapse = true;
      if (w === 'трещина' && next === 'в' && at(i + 2).startsWith('несущ')) collapse = true;
      if (m & Q.STUCK && ((next === 'в' && at(i + 2).startsWith('лифт')) || (at(i - 1).startsWith('лифт') && at(i - 2) === 'в'))) stuck = true;
      if (m & Q.DRIP && !leakIn) {
        for (let k = i - 3; k <= i + 4 && !leakIn; k++) if (k !== i && startsAny(at(k), S.DRIP_TARGET)) leakIn = true;
      }
      if (m & Q.INJURY && !injury && !startsAny(next, S.FALLEN_THINGS) && !startsAny(at(i - 1), S.FALLEN_THINGS)) injury = true;
      if (m & Q.SEWAGE) sewage = true;
      if (m & Q.SEWER && inSet(next, S.FLOW)) sewage = true;
      // no heating: «нет отопления», «не дали тепла», «не топят», «батареи холодные»
      if (m & Q.HEAT_NOUN) {
        const p = at(i - 1);
        if (S.OFF_HEAT.has(p) || ((p === 'дали' || p === 'дают') && at(i - 2) === 'не')) noHeat = true;
      }
      if (w === 'топят' && at(i - 1) === 'не') noHeat = true;
      if (m & Q.BATTERY && (startsAny(next, S.COLD_ADJ) || at(i - 1) === 'холодные' || next === 'еле' || next === 'чуть')) noHeat = true;
      // «холодно» means no heat only in a heating complaint (not «холодно на остановке»)
      if (m & Q.FREEZE && (category === 'heating' || (w !== 'холодно' && w !== 'дубак' && w !== 'колотун'))) noHeat = true;
      if (m & Q.FROST) frost = true;
      if (m & Q.OFF && outage === null) {
        const j = S.HOT_COLD.has(next) ? i + 2 : i + 1;
        if (S.UTILITY.has(at(j)) || at(j).startsWith('электричеств') || at(j).startsWith('отоплени')) outage = words.slice(i, j + 1).join(' ');
      }
      if (m & Q.KIDS) kids = true;
      if (m & Q.OLD) old = true;
      if (m & Q.DISABLED) disabled = true;
      if (w === 'после' && next.startsWith('инсульт')) disabled = true;
      if (m & Q.SICK && startsAny(next, S.FAMILY)) disabled = true;
      // duration, in the priority of the original rules: ordinal, count, span
      if (m & Q.ORDINAL && duration[0] === null && (startsAny(next, S.DAY_UNIT) || (next === 'сутки' && S.ORDINAL_PL.has(w)))) duration[0] = `${w} ${next}`;
      if (m & Q.COUNT && duration[1] === null && S.PERIOD.has(next)) duration[1] = `${w} ${next}`;
      if (m & Q.SPAN && duration[2] === null) {
        const two = S.SPAN2.get(w);
        if (two !== undefined) {
          if (next === two) duration[2] = `${at(i - 1) === 'уже' ? 'уже ' : ''}${w} ${next}`;
        } else if (S.SPAN.has(w)) duration[2] = `${at(i - 1) === 'уже' ? 'уже ' : ''}${w}`;
      }
      if (m & Q.MORE && duration[2] === null && (next === 'недели' || next === 'месяца')) duration[2] = `${w} ${next}`;
      // scale
      if (m & Q.ALL && (S.HOUSE.has(next) || (S.WHOLE_OF.has(w) && startsAny(next, S.HOUSE_PREFIX)))) house = true;
      if (m & Q.MANY && (next.startsWith('дом') || next.startsWith('корпус')) && !S.TENS.has(at(i - 1))) district = true;
      if (m & Q.WHOLE && (S.AREA.has(next) || (next === 'жилой' && at(i + 2) === 'комплекс'))) district = true;
      if (m & Q.STREET_ALL && next.startsWith('улиц')) district = true;
      // repetition
      if (m & Q.REPEAT) repeat = true;
      if (w === 'раз' && (at(i - 1) === 'который' || at(i - 1) === 'очередной' || (S.NTH.has(at(i - 1)) && at(i - 2) === 'в'))) repeat = true;
      if (w === 'каждую' && S.EVERY.has(next)) repeat = true;
      if (w === 'впервые' && at(i - 1) === 'не') repeat = true;
    }
  }
  // «-25» loses its sign in tokenising: look at the raw text only when it matters
  if (noHeat && !frost && text.indexOf('-') >= 0) frost = /-\s?[1-4][0-9](?![а-яё0-9])/u.test(text);

  let keep = 1;
  const reasons: string[] = [];
  const hit = (weight: number, reason: string): void => {
    keep *= 1 - weight;
    if (!reasons.includes(reason)) reasons.push(reason);
  };
  if (gasSmell) hit(0.6, 'запах газа');
  if (burst) hit(0.5, 'прорыв');
  if (flood) hit(0.45, 'затопление');
  if (fire) hit(0.5, 'искрит / угроза пожара');
  if (boil) hit(0.4, 'кипяток');
  if (collapse) hit(0.45, 'угроза обрушения');
  if (stuck) hit(0.45, 'люди в лифте');
  if (leakIn && !flood && !burst) hit(0.35, 'течёт в квартиру');
  if (injury) hit(0.4, 'пострадали люди');
  if (sewage) hit(0.3, 'нечистоты');
  if (noHeat && frost) hit(0.5, 'нет отопления в мороз');
  else if (noHeat) hit(0.3, 'нет отопления');
  else if (outage !== null) hit(0.25, outage);
  if (kids) hit(0.2, 'дети');
  if (old) hit(0.2, 'пожилые люди');
  if (disabled) hit(0.25, 'инвалиды / больные');
  const d = duration[0] ?? duration[1] ?? duration[2];
  if (d !== null) hit(0.15, d);
  if (house) hit(0.15, 'весь дом');
  if (district) hit(0.25, 'несколько домов / район');
  if (repeat) hit(0.1, 'повторно');
  // a gas complaint is dangerous even when nobody wrote «запах»
  if (category === 'gas' && reasons.length === 0) hit(0.2, 'газ');
  if (reasons.length === 0) return { urgency: 0, reasons };
  return { urgency: Math.round((1 - keep) * 1000) / 1000, reasons };
}
