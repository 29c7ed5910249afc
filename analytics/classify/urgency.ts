// Urgency 0..1 of a complaint and the Russian reasons that raised it.
//
// Rules, not a model: an operator must be able to see why a text was put on top,
// and the signals (accident words, vulnerable people, duration, scale, repetition)
// are few and stable across regions. Each matched rule adds its weight w as
// urgency = 1 − Π(1 − w), so signals add up but never exceed 1.
import type { Category } from '../../shared/types/taxonomy.js';
import { normalise } from './tokenize.js';

interface Rule {
  re: RegExp;
  weight: number;
  /** fixed reason, or null to quote the matched words */
  reason: string | null;
}

const W = (src: string): RegExp => new RegExp(src, 'u');

// `(?<![а-я])` / `(?![а-я])` stand in for \b, which does not know Cyrillic.
const B = '(?<![а-я0-9])';
const E = '(?![а-я0-9])';

const EMERGENCY: Rule[] = [
  { re: W(`(запах|пахнет|пахнуть|воняет|несет|утечк[аи])[а-я]* газ|газом (пахнет|воняет|несет)|${B}утечк[а-я]* газ`), weight: 0.6, reason: 'запах газа' },
  { re: W(`${B}(прорвал|прорыв|лопнул|сорвал|хлещет|фонтаниру)`), weight: 0.5, reason: 'прорыв' },
  { re: W(`${B}(затопил|затапливает|заливает|залил[аио]?${E}|топит соседей|потоп)`), weight: 0.45, reason: 'затопление' },
  { re: W(`${B}(искрит|искрят|искры|замыкани|дымит|дым из|горит проводк|пожар|возгорани|оголенн)`), weight: 0.5, reason: 'искрит / угроза пожара' },
  { re: W(`${B}кипят(ок|ком)`), weight: 0.4, reason: 'кипяток' },
  { re: W(`${B}(обрушени|обрушил|рухнул|рухнет|падают куски|упала сосулька|упала глыба|трещина в несущ)`), weight: 0.45, reason: 'угроза обрушения' },
  { re: W(`(застрял|застряли|застряла)[а-я]* в лифте|в лифте застрял`), weight: 0.45, reason: 'люди в лифте' },
  { re: W(`${B}(нечистоты|фекали|канализаци[а-я]* (течет|хлещет|разлил))`), weight: 0.3, reason: 'нечистоты' },
];

const NO_HEAT = W(`(нет|отключили|не дали|не дают|отсутствует|без) (отоплени|тепла)|не топят|батаре[а-я]* (холодн|ледян)|холодные батаре|замерзаем|мерзнем|мерзнут`);
const FROST = W(`${B}(мороз|морозы|холода|минус|-\\s?[1-4][0-9]${E})`);
const OUTAGE = W(`(нет|отключили|пропал[аио]?|отсутствует|перекрыли|вырубило|отрубили) (горячей |холодной )?(воды|вода|свет|света|электричеств|газ|газа|отоплени)`);

const VULNERABLE: Rule[] = [
  { re: W(`${B}(ребен|ребят|дети|детей|детьми|малыш|младен|грудн|новорожден)`), weight: 0.2, reason: 'дети' },
  { re: W(`${B}(пожил|пенсионер|бабушк|дедушк|старик|ветеран|престарел)`), weight: 0.2, reason: 'пожилые люди' },
  { re: W(`${B}(инвалид|колясочн|лежач|после инсульта|беременн|больн[а-я]+ (мам|отец|отц|реб))`), weight: 0.25, reason: 'инвалиды / больные' },
];

const DURATION: Rule[] = [
  { re: W(`${B}(второй|третий|четвертый|пятый|шестой|седьмой|десятый) (день|месяц|год)|${B}(вторые|третьи|пятые) сутки`), weight: 0.15, reason: null },
  { re: W(`${B}([2-9]|[1-9][0-9]|два|три|четыре|пять|несколько) (дня|дней|суток|недел[а-я]*|месяц[а-я]*)`), weight: 0.15, reason: null },
  { re: W(`${B}(уже )?(неделю|вторую неделю|две недели|месяц|полгода|год)${E}|${B}(больше|более) (недели|месяца)`), weight: 0.15, reason: null },
];

const SCALE: Rule[] = [
  { re: W(`${B}(весь|во всем|по всему|целый) (дом|доме|дому|подъезд|подъезде|стояк)|${B}во всех (подъездах|квартирах)|${B}все (подъезды|этажи|квартиры)`), weight: 0.15, reason: 'весь дом' },
  { re: W(`${B}(несколько|три|соседние|соседних|все|пять) (дом|корпус)[а-я]*|${B}(весь|целый) (район|квартал|микрорайон|жилой комплекс|жк)|${B}(вся|по всей) улиц`), weight: 0.25, reason: 'несколько домов / район' },
];

const REPEAT = W(`${B}(опять|снова|который раз|очередной раз|повторно|постоянно|регулярно|каждую (зиму|неделю|весну)|не впервые|в (третий|пятый|десятый) раз)${E}`);

export interface Urgency {
  urgency: number;
  reasons: string[];
}

export function scoreUrgency(text: string, category: Category): Urgency {
  if (category === 'irrelevant') return { urgency: 0, reasons: [] };
  const t = normalise(text);
  let keep = 1;
  const reasons: string[] = [];
  const hit = (weight: number, reason: string): void => {
    keep *= 1 - weight;
    if (!reasons.includes(reason)) reasons.push(reason);
  };
  for (const r of EMERGENCY) if (r.re.test(t)) hit(r.weight, r.reason!);
  const noHeat = NO_HEAT.test(t);
  if (noHeat && FROST.test(t)) hit(0.5, 'нет отопления в мороз');
  else if (noHeat) hit(0.3, 'нет отопления');
  else {
    const m = OUTAGE.exec(t);
    if (m) hit(0.25, m[0]);
  }
  for (const r of VULNERABLE) if (r.re.test(t)) hit(r.weight, r.reason!);
  for (const r of DURATION) {
    const m = r.re.exec(t);
    if (m) {
      hit(r.weight, m[0].trim());
      break;
    }
  }
  for (const r of SCALE) if (r.re.test(t)) hit(r.weight, r.reason!);
  if (REPEAT.test(t)) hit(0.1, 'повторно');
  // a gas complaint is dangerous even when nobody wrote «запах»
  if (category === 'gas' && reasons.length === 0) hit(0.2, 'газ');
  return { urgency: Math.round((1 - keep) * 1000) / 1000, reasons };
}
