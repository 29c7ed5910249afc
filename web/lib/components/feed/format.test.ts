import { describe, expect, it } from 'vitest';
import { addressOf, categoryColorVar, categoryLabel, formatTime, plural, safeUrl, sourceName, urgencyLevel } from './format.js';

describe('feed formatting', () => {
  it('shows Moscow time, with the date only when it is not today', () => {
    const now = Date.parse('2026-01-15T20:00:00Z');
    expect(formatTime('2026-01-15T12:05:09Z', now)).toBe('15:05:09');
    expect(formatTime('2026-01-13T12:05:09Z', now)).toMatch(/^13 янв\.? 15:05:09$/);
    // 22:30 UTC on the 14th is already the 15th in Moscow
    expect(formatTime('2026-01-14T22:30:00Z', now)).toBe('01:30:00');
    expect(formatTime('nonsense', now)).toBe('—');
  });

  it('names sources and categories in Russian', () => {
    expect(sourceName('vk')).toBe('ВКонтакте');
    expect(sourceName('unknown-src')).toBe('unknown-src');
    expect(categoryLabel('heating')).toBe('Отопление');
    expect(categoryLabel('irrelevant')).toBe('Не жалоба');
  });

  it('colours a category by its map layer', () => {
    expect(categoryColorVar('hot_water')).toBe('var(--layer-heating)');
    expect(categoryColorVar('snow_ice')).toBe('var(--layer-snow)');
    expect(categoryColorVar('irrelevant')).toBe('var(--layer-none)');
  });

  it('prefers the resolved address, then what the resident wrote', () => {
    expect(addressOf({ street: 'ул. Ленина', houseNumber: '5', addressRaw: 'ленина 5' })).toBe('ул. Ленина, 5');
    expect(addressOf({ street: '', houseNumber: '', addressRaw: 'у метро' })).toBe('у метро');
  });

  it('marks urgency and declines Russian nouns', () => {
    expect(urgencyLevel(0.9)).toBe('high');
    expect(urgencyLevel(0.5)).toBe('medium');
    expect(urgencyLevel(0.1)).toBeNull();
    const forms: [string, string, string] = ['жалоба', 'жалобы', 'жалоб'];
    expect([1, 2, 5, 11, 21, 22, 112].map((n) => plural(n, forms))).toEqual(['жалоба', 'жалобы', 'жалоб', 'жалоб', 'жалоба', 'жалобы', 'жалоб']);
  });

  it('lets only web links through as hrefs', () => {
    expect(safeUrl('https://vk.com/wall-1_2')).toBe('https://vk.com/wall-1_2');
    expect(safeUrl('javascript:alert(1)')).toBe('');
    expect(safeUrl(' JavaScript:alert(1)')).toBe('');
    expect(safeUrl('data:text/html,<script>')).toBe('');
    expect(safeUrl('not a url')).toBe('');
    expect(safeUrl('')).toBe('');
  });
});
