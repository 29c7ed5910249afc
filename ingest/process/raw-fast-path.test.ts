import { describe, expect, it } from 'vitest';
import { RawMentionSchema, MAX_TEXT_CHARS } from '../../shared/types/mention.js';
import { fastRawMention } from './raw-fast-path.js';

const base = {
  id: 'vk:-1_2_3',
  source: 'vk',
  channel: 'vk:-1',
  author: 'id42',
  text: 'Нет отопления, ул. Ленина 12',
  ts: '2026-11-20T06:00:00.000Z',
};

// Each case changes one thing of a valid payload; every limit is tried on both sides.
const variants: Record<string, unknown>[] = [
  base,
  { ...base, channel: undefined, author: undefined },
  { ...base, url: 'https://vk.com/wall-1_2', lat: 59.93, lon: 30.31, replyTo: 'wall-1_2', houseId: 'h123' },
  { ...base, extra: 'dropped', nested: { a: 1 } },
  { ...base, id: 'ab' },
  { ...base, id: 'x'.repeat(250) + ':12345' },
  { ...base, id: 'vk:' + 'x'.repeat(254) },
  { ...base, id: 'VK:1' },
  { ...base, id: 'vk:1 2' },
  { ...base, id: 'vk1' },
  { ...base, id: 42 },
  { ...base, source: 'fax' },
  { ...base, source: undefined },
  { ...base, channel: 'c'.repeat(256) },
  { ...base, channel: 'c'.repeat(257) },
  { ...base, channel: null },
  { ...base, author: 7 },
  { ...base, text: '' },
  { ...base, text: 'т'.repeat(MAX_TEXT_CHARS) },
  { ...base, text: 'т'.repeat(MAX_TEXT_CHARS + 1) },
  { ...base, text: ['нет'] },
  { ...base, ts: '2026-11-20T06:00:00Z' },
  { ...base, ts: '2026-11-20T06:00Z' },
  { ...base, ts: '2026-11-20T09:00:00.123456+03:00' },
  { ...base, ts: '2026-11-20T09:00:00+0300' },
  { ...base, ts: '2026-11-20 06:00:00' },
  { ...base, ts: '2026-02-30T06:00:00Z' },
  { ...base, ts: '2024-02-29T06:00:00Z' },
  { ...base, ts: '2026-11-20T24:00:00Z' },
  { ...base, ts: '2026-11-20T06:00:00' },
  { ...base, ts: 1763618400000 },
  { ...base, url: 'u'.repeat(2048) },
  { ...base, url: 'u'.repeat(2049) },
  { ...base, url: null },
  { ...base, lat: 90, lon: -180 },
  { ...base, lat: 90.0001 },
  { ...base, lon: -180.5 },
  { ...base, lat: '59.9' },
  { ...base, lat: Number.NaN },
  { ...base, replyTo: 'r'.repeat(512) },
  { ...base, replyTo: 'r'.repeat(513) },
  { ...base, houseId: '' },
  { ...base, houseId: 'h'.repeat(64) },
  { ...base, houseId: 'h'.repeat(65) },
  JSON.parse(`{"id":"vk:1","source":"vk","text":"нет воды","ts":"2026-11-20T06:00:00Z","__proto__":{"x":1}}`),
];

describe('fastRawMention', () => {
  it.each(variants.map((v, i) => [i, v] as const))('case %i: accepts only what the schema accepts, as the schema returns it', (_i, v) => {
    const fast = fastRawMention(v);
    const schema = RawMentionSchema.safeParse(v);
    if (fast !== undefined) {
      expect(schema.success).toBe(true);
      expect(fast).toStrictEqual(schema.data);
      expect(Object.keys(fast)).toEqual(Object.keys(schema.data!));
    }
  });

  it('takes the common payloads itself', () => {
    const taken = variants.filter((v) => fastRawMention(v) !== undefined).length;
    const valid = variants.filter((v) => RawMentionSchema.safeParse(v).success).length;
    // every valid case above except the one with `__proto__`, which the schema judges
    expect(taken).toBe(valid - 1);
  });
});
