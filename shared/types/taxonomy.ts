// The label vocabulary of Domovoy: labels of the training data plus `gas`,
// and `irrelevant` for texts that are not a ЖКХ complaint at all.

export const MAP_LAYERS = ['heating', 'snow', 'outages', 'yard', 'house', 'management', 'city'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

export const LAYER_NAMES_RU: Record<MapLayer, string> = {
  heating: 'Отопление',
  snow: 'Снег и наледь',
  outages: 'Отключения',
  yard: 'Двор и мусор',
  house: 'Дом',
  management: 'Управление',
  city: 'Город (вне ЖКХ)',
};

export interface LabelInfo {
  /** Russian name for the UI */
  nameRu: string;
  /** Map layers the label is drawn on (first = primary) */
  layers: MapLayer[];
  /** Whether the house's management company is normally responsible */
  ukResponsible: boolean;
  /** Part of the 14 core labels the quality target is measured on */
  core: boolean;
  /** Organisation kind a case of this label is routed to by default */
  routeTo: OrgKind;
}

export const ORG_KINDS = ['uk', 'hoa', 'district_admin', 'supplier', 'city'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const LABELS = {
  heating: { nameRu: 'Отопление', layers: ['heating'], ukResponsible: true, core: true, routeTo: 'uk' },
  hot_water: { nameRu: 'Горячая вода', layers: ['heating', 'outages'], ukResponsible: true, core: true, routeTo: 'uk' },
  cold_water: { nameRu: 'Холодная вода', layers: ['outages'], ukResponsible: true, core: true, routeTo: 'uk' },
  sewerage: { nameRu: 'Канализация', layers: ['outages'], ukResponsible: true, core: true, routeTo: 'uk' },
  electricity: { nameRu: 'Электроснабжение', layers: ['outages'], ukResponsible: true, core: true, routeTo: 'uk' },
  gas: { nameRu: 'Газ', layers: ['outages'], ukResponsible: true, core: true, routeTo: 'supplier' },
  elevator: { nameRu: 'Лифт', layers: ['house'], ukResponsible: true, core: true, routeTo: 'uk' },
  roof: { nameRu: 'Кровля и протечки', layers: ['house', 'snow'], ukResponsible: true, core: true, routeTo: 'uk' },
  snow_ice: { nameRu: 'Снег и наледь', layers: ['snow'], ukResponsible: true, core: true, routeTo: 'uk' },
  garbage: { nameRu: 'Мусор', layers: ['yard'], ukResponsible: true, core: true, routeTo: 'uk' },
  yard: { nameRu: 'Двор', layers: ['yard'], ukResponsible: true, core: true, routeTo: 'uk' },
  entrance_cleaning: { nameRu: 'Уборка подъезда', layers: ['house'], ukResponsible: true, core: true, routeTo: 'uk' },
  billing: { nameRu: 'Оплата и квитанции', layers: ['management'], ukResponsible: true, core: true, routeTo: 'uk' },
  uk_conduct: { nameRu: 'Работа УК', layers: ['management'], ukResponsible: true, core: true, routeTo: 'uk' },
  water_supply: { nameRu: 'Водоснабжение', layers: ['outages'], ukResponsible: true, core: false, routeTo: 'uk' },
  plumbing_leak: { nameRu: 'Протечки труб', layers: ['house'], ukResponsible: true, core: false, routeTo: 'uk' },
  entrance_repair: { nameRu: 'Состояние парадной', layers: ['house'], ukResponsible: true, core: false, routeTo: 'uk' },
  facade: { nameRu: 'Фасад', layers: ['house'], ukResponsible: true, core: false, routeTo: 'uk' },
  basement: { nameRu: 'Подвал', layers: ['house'], ukResponsible: true, core: false, routeTo: 'uk' },
  pests: { nameRu: 'Насекомые и грызуны', layers: ['house'], ukResponsible: true, core: false, routeTo: 'uk' },
  common_property: { nameRu: 'Общее имущество', layers: ['house'], ukResponsible: true, core: false, routeTo: 'uk' },
  housing_repair: { nameRu: 'Ремонт дома', layers: ['house'], ukResponsible: true, core: false, routeTo: 'uk' },
  capital_repair: { nameRu: 'Капремонт', layers: ['house'], ukResponsible: false, core: false, routeTo: 'district_admin' },
  roads: { nameRu: 'Дороги', layers: ['city'], ukResponsible: false, core: false, routeTo: 'district_admin' },
  street_lighting: { nameRu: 'Уличное освещение', layers: ['city'], ukResponsible: false, core: false, routeTo: 'district_admin' },
  city_landscaping: { nameRu: 'Городское благоустройство', layers: ['city'], ukResponsible: false, core: false, routeTo: 'district_admin' },
  other: { nameRu: 'Прочее', layers: ['city'], ukResponsible: false, core: false, routeTo: 'district_admin' },
} as const satisfies Record<string, LabelInfo>;

export type Label = keyof typeof LABELS;
export type Category = Label | 'irrelevant';

export const LABEL_IDS = Object.keys(LABELS) as Label[];
export const CORE_LABELS = LABEL_IDS.filter((l) => LABELS[l].core);
export const CATEGORIES: Category[] = [...LABEL_IDS, 'irrelevant'];

export function isCategory(x: string): x is Category {
  return x === 'irrelevant' || x in LABELS;
}

export function categoryNameRu(c: string): string {
  if (c === 'irrelevant') return 'Не жалоба';
  return (LABELS as Record<string, LabelInfo>)[c]?.nameRu ?? c;
}

export function primaryLayer(c: string): MapLayer | null {
  if (c === 'irrelevant') return null;
  return (LABELS as Record<string, LabelInfo>)[c]?.layers[0] ?? null;
}
