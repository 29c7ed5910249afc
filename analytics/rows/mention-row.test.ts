import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessedMention } from '../../shared/types/mention.js';
import { tempStore, type TempStore } from '../../tests/helpers/temp-store.js';
import { fromDbTime, fromMentionRow, toDbTime, toMentionRow } from './mention-row.js';

const full: ProcessedMention = {
  id: 'vk:-123_456',
  source: 'vk',
  channel: 'vk:-123',
  authorHash: 'a1b2c3d4e5f60718',
  text: 'Третий день нет отопления в доме 5 по ул. Ленина 🥶 <b>Сделайте что-нибудь!</b> \'"\\',
  ts: '2024-01-15T06:30:00.123Z',
  url: 'https://vk.com/wall-123_456',
  ingestedAt: '2024-01-15T06:30:02.500Z',
  category: 'heating',
  relevant: true,
  confidence: 0.9, // Float32 column: decimals of up to ~7 digits read back as written
  urgency: 0.5,
  reasons: ['отопление', 'третий день'],
  address: { street: 'улица Ленина', house: '5', raw: 'ул. Ленина 5' },
  houseId: 'spb:12345',
  lat: 59.9386,
  lon: 30.3141,
  district: 'Петроградский',
  organisation: { id: 'org:77', name: 'ООО «Жилкомсервис №1»' },
  dupGroup: 'vk:-123_400',
};

const bare: ProcessedMention = {
  ...full,
  id: 'telegram:chat42:9',
  source: 'telegram',
  text: 'Спасибо за новости',
  category: 'irrelevant',
  relevant: false,
  confidence: 0.25,
  urgency: 0,
  reasons: [],
  address: null,
  houseId: null,
  lat: null,
  lon: null,
  district: null,
  organisation: null,
  dupGroup: '',
  url: '',
};

describe('toDbTime / fromDbTime', () => {
  it('converts any ISO offset to UTC with milliseconds and back', () => {
    expect(toDbTime('2024-01-15T09:30:00.123+03:00')).toBe('2024-01-15 06:30:00.123');
    expect(toDbTime('2024-01-15T06:30:00Z')).toBe('2024-01-15 06:30:00.000');
    expect(fromDbTime('2024-01-15 06:30:00.123')).toBe('2024-01-15T06:30:00.123Z');
    expect(fromDbTime('2024-01-15 06:30:00')).toBe('2024-01-15T06:30:00.000Z');
    expect(() => toDbTime('вчера')).toThrow(RangeError);
    expect(() => fromDbTime('15.01.2024')).toThrow(RangeError);
  });

  it('maps empty columns to null and back', () => {
    const row = toMentionRow(bare);
    expect(row).toMatchObject({ house_id: '', org_id: '', org_name: '', district: '', address_raw: '', relevant: 0, lat: null });
  });
});

describe('mention row round trip through chDB', () => {
  let t: TempStore;
  beforeAll(async () => {
    t = await tempStore();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('reads back exactly what was written, with and without optional parts', async () => {
    await t.store.insert('mentions', [toMentionRow(full), toMentionRow(bare)]);
    const rows = await t.store.query('SELECT * FROM mentions FINAL ORDER BY id DESC');
    expect(rows.map(fromMentionRow)).toEqual([full, bare]);
  });

  it('stores an offset timestamp as the same instant in UTC', async () => {
    const m = { ...bare, id: 'demo:tz', ts: '2024-01-15T09:30:00.123+03:00' };
    await t.store.insert('mentions', [toMentionRow(m)]);
    const [row] = await t.store.query<{ ts: string; h: string }>(
      "SELECT ts, toString(toStartOfHour(ts)) AS h FROM mentions WHERE id = {id:String}",
      { id: 'demo:tz' },
    );
    expect(row).toEqual({ ts: '2024-01-15 06:30:00.123', h: '2024-01-15 06:00:00' });
    expect(fromMentionRow({ ...toMentionRow(m), ts: row!.ts }).ts).toBe('2024-01-15T06:30:00.123Z');
  });
});
