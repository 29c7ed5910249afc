import { describe, expect, it } from 'vitest';
import { agrees, registryGender } from './agreement.js';
import { tokenize } from './normalise.js';

const check = (text: string, name: string) => {
  const t = tokenize(text);
  return agrees(t, 0, t.length - 1, name);
};

describe('gender agreement of street names', () => {
  it('reads the gender of registry names in the nominative, not of genitive names', () => {
    expect(registryGender('Загородный')).toBe('m');
    expect(registryGender('Садовая')).toBe('f');
    expect(registryGender('Ропшинское')).toBe('n');
    expect(registryGender('Обуховской Обороны')).toBeNull();
    expect(registryGender('Ленина')).toBeNull();
  });

  it('compares declined forms, and says nothing on ambiguous endings', () => {
    expect(check('загородная', 'Загородный')).toBe(false);
    expect(check('Загородного', 'Загородный')).toBe(true);
    expect(check('Загородном пр.', 'Загородный')).toBeNull();
    expect(check('Садовую', 'Садовая')).toBe(true);
    expect(check('Садовой', 'Садовый')).toBeNull();
    expect(check('Ропшинского шоссе', 'Ропшинское')).toBe(true);
    expect(check('Ропшинская', 'Ропшинское')).toBe(false);
    expect(check('ул. Ленина', 'Ленина')).toBeNull();
  });
});
