// Splits a reformagkh address into region, locality, street and house number:
// "г. Санкт-Петербург, г. Колпино, пр-кт. Ленина, д. 48"
// "обл. Ленинградская, р-н. Всеволожский, г. Всеволожск, ул. Александровская, д. 88, к. 2"
// "обл. Ленинградская, р-н. Гатчинский, д. Пудомяги, д. 3" (a village «д.» before the house «д.»)
export interface RegistryAddress {
  locality: string;
  localityType: string;
  /** Lenoblast municipal district, e.g. "Всеволожский" */
  rayon: string | null;
  streetType: string;
  street: string;
  numberRaw: string;
}

const SETTLEMENT_PREFIXES = new Set(['п/ст', 'г', 'п', 'пгт', 'с', 'д', 'тер', 'нп', 'кп', 'дп', 'х', 'ст', 'м', 'массив', 'жилзона', 'жилрайон', 'рп', 'сл', 'аал']);
const SKIP_PREFIXES = new Set(['обл', 'респ', 'р-н', 'инв', 'казарма']);

export function parseRegistryAddress(address: string, defaultLocality: string): RegistryAddress | null {
  const parts = address.split(',').map((p) => p.trim());
  let locality = '';
  let localityType = '';
  let rayon: string | null = null;
  let streetType = '';
  let street = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const m = /^([А-Яа-яЁё/-]+)\.\s*(.*)$/.exec(p);
    if (!m) continue;
    const prefix = m[1].toLowerCase();
    const value = m[2].trim().replace(/^(д\.\s*)?№\s*/, '');
    if (prefix === 'д' && /^\d/.test(value)) {
      return { locality: locality || defaultLocality, localityType: localityType || 'г', rayon, streetType, street, numberRaw: [value, ...parts.slice(i + 1)].join(', ') };
    }
    if (prefix === 'р-н') rayon = value;
    else if (SKIP_PREFIXES.has(prefix)) continue;
    else if (prefix === 'г' && value === 'Санкт-Петербург') continue;
    else if (SETTLEMENT_PREFIXES.has(prefix) && !street) {
      locality = cleanLocality(value);
      localityType = prefix;
    } else {
      // «мкр. Сертолово-1, ул. Заречная»: the first named part was the settlement
      if (street && !locality) {
        locality = cleanLocality(street);
        localityType = streetType;
      }
      streetType = prefix;
      street = value.replace(/\s+/g, ' ');
    }
  }
  return null;
}

function cleanLocality(v: string): string {
  return v.replace(/\s*\(.*?\)\s*/g, ' ').replace(/\s+(гп|сп|гор\.? пос\.?)$/i, '').replace(/\s+/g, ' ').trim();
}
