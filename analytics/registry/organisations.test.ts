import { describe, expect, it } from 'vitest';
import { cleanSpelling, groupOrganisations, isMissing, organisationKey, organisationKind } from './organisations.js';

describe('organisation names', () => {
  it('collapses spellings of one company to one key', () => {
    const spellings = [
      'ООО "ЖКС №2 Центрального района"',
      'ООО  " ЖКС №2 Центрального района "',
      'OOO "ЖКС № 2 Центрального района"',
      'ЖКС №2 Центрального района',
      'ООО «ЖКС № 2 Центрального района»',
      'ООО "Жилкомсервис №2 Центрального района"',
      'Общество с ограниченной ответственностью "ЖКС №2 Центрального района"',
    ];
    expect(new Set(spellings.map(organisationKey)).size).toBe(1);
  });

  it('keeps different companies apart', () => {
    const keys = ['ЖКС №1 Центрального района', 'ЖКС №2 Центрального района', 'ЖКС №2 Невского района', 'ЖКС №12 Центрального района', 'ТСЖ "Радуга"', 'ЖСК "Радуга"'].map(organisationKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('declined district names in a name compare equal', () => {
    expect(organisationKey('ООО ЖКС №2 Пушкинский район')).toBe(organisationKey('ООО "ЖКС №2 Пушкинского района"'));
  });

  it('treats «Не заполнено» as missing', () => {
    expect(isMissing('Не заполнено')).toBe(true);
    expect(isMissing('Незаполнено')).toBe(true);
    expect(organisationKey('Не заполнено')).toBeNull();
  });

  it('tells management companies from homeowners associations', () => {
    expect(organisationKind(organisationKey('ТСЖ "Каменный остров"')!)).toBe('hoa');
    expect(organisationKind(organisationKey('Товарищество собственников жилья «Дача Шварца»')!)).toBe('hoa');
    expect(organisationKind(organisationKey('ЖСК № 1234')!)).toBe('hoa');
    expect(organisationKind(organisationKey('ООО "ЖКС №3 Центрального района"')!)).toBe('uk');
  });

  it('groups with a stable id, the most used spelling as name and every spelling kept', () => {
    const g = groupOrganisations(new Map([['ООО "УК Мир"', 3], ['ООО  " УК Мир "', 1], ['ТСЖ "Мир"', 2]]));
    expect(g.size).toBe(2);
    const uk = [...g.values()].find((o) => o.kind === 'uk')!;
    expect(uk.name).toBe('ООО "УК Мир"');
    expect(uk.spellings).toEqual(['ООО "УК Мир"']);
    expect(uk.houseCount).toBe(4);
    expect(groupOrganisations(new Map([['ООО "УК Мир"', 1]])).values().next().value!.id).toBe(uk.id);
  });

  it('cleans spaces inside quotes for display', () => {
    expect(cleanSpelling('ООО  " ЖКС №2 Центрального района "')).toBe('ООО "ЖКС №2 Центрального района"');
  });
});
