// Word cues of the urgency rules (urgency.ts): which rule a word can start, by
// exact form or prefix, as a bit mask cached per distinct word. Kept apart from
// the rule logic so the vocabulary can grow without touching the pass.

export const CUE = {
  SMELL: 1 << 0,
  GASWORD: 1 << 1,
  BURST: 1 << 2,
  FLOOD: 1 << 3,
  FIRE: 1 << 4,
  BOIL: 1 << 5,
  COLLAPSE: 1 << 6,
  STUCK: 1 << 7,
  SEWAGE: 1 << 8,
  SEWER: 1 << 9,
  HEAT_NOUN: 1 << 10,
  BATTERY: 1 << 11,
  FREEZE: 1 << 12,
  FROST: 1 << 13,
  OFF: 1 << 14,
  KIDS: 1 << 15,
  OLD: 1 << 16,
  DISABLED: 1 << 17,
  SICK: 1 << 18,
  ORDINAL: 1 << 19,
  COUNT: 1 << 20,
  SPAN: 1 << 21,
  MORE: 1 << 22,
  ALL: 1 << 23,
  MANY: 1 << 24,
  WHOLE: 1 << 25,
  STREET_ALL: 1 << 26,
  REPEAT: 1 << 27,
  /** words the rules look at as anchors of a neighbour check (топит, дым, раз …) */
  OTHER: 1 << 28,
  /** water coming in: «течёт с потолка», «капает в квартиру» (checked with its neighbours) */
  DRIP: 1 << 29,
  /** somebody got hurt: «упала и сломала руку», «травма» */
  INJURY: 1 << 30,
} as const;

const set = (s: string): ReadonlySet<string> => new Set(s.split(' '));

export const SETS = {
  GAS: set('газ газа газом газу газе'),
  SMELL_VERB: ['пахнет', 'пахнуть', 'воняет', 'несет'],
  FLOW: set('течет хлещет разлилась разлилось разлились разлило разлита'),
  OFF_HEAT: set('нет отключили отсутствует без'),
  COLD_ADJ: ['холодн', 'ледян'],
  HOT_COLD: set('горячей холодной'),
  UTILITY: set('воды вода свет света газ газа'),
  FAMILY: ['мам', 'отец', 'отц', 'реб'],
  DAY_UNIT: ['день', 'месяц', 'год'],
  /** «двадцать пять» is a number, not «пять домов» */
  TENS: set('двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто'),
  ORDINAL_PL: set('вторые третьи пятые'),
  /** after a count: «3 дня», «5 недель», «2 месяца» (not «д. 2, неделю»: the case must agree) */
  PERIOD: set('дня дней суток недели недель месяца месяцев'),
  SPAN: set('неделю месяц полгода год'),
  /** two-word spans: first word → second */
  SPAN2: new Map([
    ['вторую', 'неделю'],
    ['две', 'недели'],
  ]),
  HOUSE: set('подъездах квартирах подъезды этажи квартиры'),
  /** «весь дом», «по всему подъезду», «во всем стояке» */
  WHOLE_OF: set('весь всем всему целый'),
  HOUSE_PREFIX: ['дом', 'подъезд', 'стояк'],
  AREA: set('район квартал микрорайон жк'),
  NTH: set('третий пятый десятый'),
  EVERY: set('зиму неделю весну'),
  /** where a drip turns into a leak into a home */
  DRIP_TARGET: ['квартир', 'потол', 'комнат', 'стен', 'проводк', 'розетк', 'люстр', 'щиток', 'щитк'],
  /** «упала сосулька» is a collapse, not an injury */
  FALLEN_THINGS: ['сосульк', 'глыб', 'кусок', 'куски', 'штукатур', 'дерев', 'ветк', 'снег', 'плит'],
};

export const startsAny = (w: string, prefixes: readonly string[]): boolean => {
  for (const p of prefixes) if (w.startsWith(p)) return true;
  return false;
};
export const inSet = (w: string, s: ReadonlySet<string>): boolean => s.has(w);

const isCount = (w: string): boolean => {
  if (/^[0-9]{1,2}$/.test(w)) return Number(w) >= 2;
  return w === 'два' || w === 'три' || w === 'четыре' || w === 'пять' || w === 'несколько';
};

function computeMask(w: string): number {
  let m = 0;
  const pre = (...ps: string[]): boolean => startsAny(w, ps);
  const one = (s: string): boolean => s.split(' ').includes(w);
  if (pre('запах', 'пахнет', 'пахнуть', 'воняет', 'несет', 'утечк')) m |= CUE.SMELL;
  if (w === 'газом') m |= CUE.GASWORD;
  if (pre('прорвал', 'прорыв', 'лопнул', 'сорвал', 'хлещет', 'фонтаниру')) m |= CUE.BURST;
  if (pre('затопил', 'затоплен', 'затапливает', 'заливает', 'потоп') || one('залил залила залило залили')) m |= CUE.FLOOD;
  if (pre('искрит', 'искрят', 'замыкани', 'дымит', 'пожар', 'возгорани', 'оголенн') || w === 'искры') m |= CUE.FIRE;
  if (pre('кипятк', 'кипяток')) m |= CUE.BOIL;
  if (pre('обрушени', 'обрушил', 'рухнул', 'рухнет')) m |= CUE.COLLAPSE;
  if (pre('застрял')) m |= CUE.STUCK;
  if (pre('нечистот', 'фекали')) m |= CUE.SEWAGE;
  if (pre('канализаци')) m |= CUE.SEWER;
  if (pre('отоплени') || w === 'тепла') m |= CUE.HEAT_NOUN;
  if (pre('батаре')) m |= CUE.BATTERY;
  if (one('замерзаем мерзнем мерзнут холодно дубак колотун')) m |= CUE.FREEZE;
  if (pre('мороз', 'минус') || w === 'холода') m |= CUE.FROST;
  if (one('нет отключили пропал пропала пропали пропало отсутствует перекрыли вырубило отрубили')) m |= CUE.OFF;
  if (pre('ребен', 'ребят', 'дети', 'детей', 'детьми', 'малыш', 'младен', 'грудн', 'новорожден')) m |= CUE.KIDS;
  if (pre('пожил', 'пенсионер', 'бабушк', 'дедушк', 'старик', 'ветеран', 'престарел')) m |= CUE.OLD;
  if (pre('инвалид', 'колясочн', 'лежач', 'беременн')) m |= CUE.DISABLED;
  if (pre('больн')) m |= CUE.SICK;
  if (one('второй третий четвертый пятый шестой седьмой десятый вторые третьи пятые')) m |= CUE.ORDINAL;
  if (isCount(w)) m |= CUE.COUNT;
  if (one('неделю вторую две месяц полгода год')) m |= CUE.SPAN;
  if (w === 'больше' || w === 'более') m |= CUE.MORE;
  if (one('весь всем всему целый всех все')) m |= CUE.ALL;
  if (one('несколько три соседние соседних все пять')) m |= CUE.MANY;
  if (w === 'весь' || w === 'целый') m |= CUE.WHOLE;
  if (w === 'вся' || w === 'всей') m |= CUE.STREET_ALL;
  if (one('опять снова повторно постоянно регулярно')) m |= CUE.REPEAT;
  if (one('топит дым горит падают упала трещина топят после раз каждую впервые')) m |= CUE.OTHER;
  if (pre('течет', 'текет', 'капает', 'льет', 'льется', 'протека', 'сочится', 'заливае')) m |= CUE.DRIP;
  if (pre('сломал', 'травм', 'перелом', 'покалеч', 'ушибл', 'госпитализ') || one('упал упала упали поскользнулся поскользнулась')) m |= CUE.INJURY;
  return m;
}

const CACHE_LIMIT = 100_000;
const cache = new Map<string, number>();

/** Cue bits of a lower-cased word (ё→е), cached. */
export function cueMask(w: string): number {
  let m = cache.get(w);
  if (m !== undefined) return m;
  m = computeMask(w);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(w, m);
  return m;
}
