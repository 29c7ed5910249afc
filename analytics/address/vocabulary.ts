// Words of Russian addresses: street types with their abbreviations, house-number
// markers, and words that show a number is not a house number («3 дня», «5 этаж»).
// Keys are folded (lower case, ё→е) token texts as produced by tokenize().

/** Canonical street types. */
export type StreetKind =
  | 'ул' | 'пр' | 'пер' | 'наб' | 'ш' | 'б-р' | 'пл' | 'линия' | 'проезд' | 'аллея' | 'дор'
  | 'туп' | 'кв-л' | 'мкр' | 'остров' | 'канал' | 'other';

/** Registry type abbreviation (without the final dot) → canonical type. */
export const REGISTRY_TYPES: Record<string, StreetKind> = {
  'ул': 'ул', 'пр-кт': 'пр', 'пр': 'пр', 'пер': 'пер', 'наб': 'наб', 'ш': 'ш', 'б-р': 'б-р', 'пл': 'пл',
  'линия': 'линия', 'проезд': 'проезд', 'аллея': 'аллея', 'дор': 'дор', 'туп': 'туп', 'кв-л': 'кв-л',
  'мкр': 'мкр', 'остров': 'остров', 'канал': 'канал',
};

/** The canonical type of a registry abbreviation («пр-кт.», «ул.»); undefined when unknown. */
export function registryKind(rawType: string): StreetKind | undefined {
  return REGISTRY_TYPES[rawType.replace(/\.$/, '').toLowerCase()];
}

/** Text word (folded, whole token) → type. Declined forms are listed because stems of short words collide. */
const TYPE_WORDS: [StreetKind, string[]][] = [
  ['ул', ['ул', 'улица', 'улицы', 'улице', 'улицу', 'улицей', 'уд']],
  ['пр', ['пр', 'пр-кт', 'пр-т', 'прт', 'просп', 'проспект', 'проспекта', 'проспекту', 'проспектом', 'проспекте', 'пркт']],
  ['пер', ['пер', 'переулок', 'переулка', 'переулку', 'переулком', 'переулке']],
  ['наб', ['наб', 'наб-я', 'набережная', 'набережной', 'набережную']],
  ['ш', ['ш', 'шоссе', 'шос']],
  ['б-р', ['б-р', 'бр', 'бул', 'бульв', 'бульвар', 'бульвара', 'бульвару', 'бульваром', 'бульваре']],
  ['пл', ['пл', 'площадь', 'площади', 'площадью']],
  ['линия', ['линия', 'линии', 'линию', 'линией', 'лин']],
  ['проезд', ['проезд', 'проезда', 'проезду', 'проездом', 'проезде', 'пр-д']],
  ['аллея', ['аллея', 'аллеи', 'аллею', 'аллеей', 'ал']],
  ['дор', ['дор', 'дорога', 'дороги', 'дороге', 'дорогу', 'дорогой']],
  ['туп', ['туп', 'тупик', 'тупика', 'тупике']],
  ['кв-л', ['кв-л', 'квартал', 'квартала', 'квартале']],
  ['мкр', ['мкр', 'микрорайон', 'микрорайона', 'микрорайоне', 'мкрн']],
  ['канал', ['канал', 'канала', 'канале']],
];

export const TEXT_TYPES = new Map<string, StreetKind>();
for (const [kind, words] of TYPE_WORDS) for (const w of words) TEXT_TYPES.set(w, kind);

/** Words that may stand between a street and its house number: «ул. Ленина, д. 5», «Ленина дом № 5». */
export const HOUSE_MARKERS = new Set(['д', 'дом', 'дома', 'доме', 'домом', 'номер', 'н', 'зд', 'здание']);
export const KORPUS_WORDS = new Set(['к', 'корп', 'корпус', 'корпуса', 'кор', 'кп']);
export const STROENIE_WORDS = new Set(['стр', 'строение', 'строения', 'с']);
export const LITERA_WORDS = new Set(['лит', 'литера', 'литер', 'литеры', 'литеру', 'л']);

/** Words after a number that make it a quantity, not a house («3 дня», «5 этаж», «12 кв»). Matched on stems and prefixes. */
const UNIT_PREFIXES = [
  'этаж', 'суток', 'сутк', 'недел', 'месяц', 'человек', 'градус', 'литр', 'процент', 'январ', 'феврал', 'март', 'апрел',
  'мая', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр', 'семей', 'семь', 'жител', 'кубов', 'ступен',
  'метр', 'вызов', 'заяв', 'обращен', 'жалоб', 'подъездов', 'парадных', 'домов', 'утра', 'вечера', 'ночи', 'минут',
  'секунд', 'копе', 'штук', 'рубл', 'тысяч', 'раза', 'дней', 'часов', 'годам', 'годов', 'этажн', 'шагов',
];
const UNIT_EXACT = new Set([
  '%', 'x', 'х', 'р', 'м', 'л', 'ч', 'гр', 'эт', 'см', 'мм', 'км', 'кг', 'шт', 'ед', 'мин', 'сек', 'дн', 'дня', 'день',
  'чел', 'мес', 'нед', 'лет', 'год', 'года', 'году', 'раз', 'руб', 'тыс', 'млн', 'млрд', 'коп', 'час', 'часа', 'сут', 'квт',
  'куб', 'т', 'г', 'мая', 'й', 'м2', 'га',
]);

export function isUnitWord(text: string): boolean {
  if (UNIT_EXACT.has(text)) return true;
  for (const p of UNIT_PREFIXES) if (text.startsWith(p)) return true;
  return false;
}

/** Words that make the number before them a house: «в доме 15а по Гончарной», «дома 23 по …». */
export const CONNECTORS_BEFORE_STREET = new Set(['по', 'на', 'у', 'с', 'со']);

/** Abbreviated adjectives in street names: «Б. Сампсониевский», «М. Конюшенная», «Ср. Рогатская». */
export const NAME_ABBREVIATIONS: Record<string, string[]> = {
  'б': ['больш'], 'бол': ['больш'], 'больш': ['больш'],
  'м': ['мал'], 'мал': ['мал'],
  'ср': ['средн'], 'сред': ['средн'],
  'в': ['верхн'], 'н': ['нижн', 'нов'], 'нов': ['нов'], 'ст': ['стар'],
};

/** Context words that pick the island/side of names that exist on both (Большой пр. В.О. / П.С.). */
export const QUALIFIER_CUES: Record<string, string> = {
  'васильевск': 'во', 'васька': 'во', 'васильевск остров': 'во', 'петроградск': 'пс', 'петроградк': 'пс',
};
