// Recorded VK Callback and Telegram payloads map to valid raw mentions (or a reason to skip).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RawMentionSchema } from '../../shared/types/mention.js';
import { mapVkEvent } from './vk/map.js';
import { mapTelegramUpdate } from './telegram/map.js';

const fixtures = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
const load = (p: string) => JSON.parse(readFileSync(join(fixtures, p), 'utf8'));
const walk = (dir: string): string[] =>
  readdirSync(join(fixtures, dir)).flatMap((f) => (statSync(join(fixtures, dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

describe('VK Callback mapping', () => {
  it('maps a new wall comment with the thread to reply into', () => {
    const r = mapVkEvent(load('vk_callback/reply/wall_reply_new.json'));
    expect('mention' in r).toBe(true);
    if (!('mention' in r)) return;
    expect(r.mention).toMatchObject({
      id: 'vk:-78441729_50',
      source: 'vk',
      channel: 'vk:-78441729',
      author: '11412368',
      ts: '2022-02-08T14:45:11.000Z',
      replyTo: '-78441729_47:50',
      url: 'https://vk.com/wall-78441729_47?reply=50',
    });
  });

  it('reads geo "lat lon" strings of posts', () => {
    const r = mapVkEvent(load('vk_callback/wall_post_new/wall_post_new_with_geo.json'));
    if (!('mention' in r)) throw new Error(r.skip);
    expect(r.mention.lat).toBeCloseTo(55.171233, 5);
    expect(r.mention.lon).toBeCloseTo(61.433932, 5);
  });

  it('every fixture either maps to a schema-valid mention or says why it is skipped', () => {
    let mapped = 0;
    for (const f of walk('vk_callback')) {
      const r = mapVkEvent(load(f));
      if ('mention' in r) {
        expect(RawMentionSchema.safeParse(r.mention).success, f).toBe(true);
        mapped++;
      } else expect(r.skip, f).toMatch(/\S/);
    }
    expect(mapped).toBeGreaterThanOrEqual(10);
    expect(mapVkEvent(load('vk_callback/confirmation.json'))).toEqual({ skip: expect.stringMatching(/confirmation/) });
  });

  it('an edited comment keeps the id of the original', () => {
    const a = mapVkEvent(load('vk_callback/reply/wall_reply_new.json'));
    const b = mapVkEvent({ ...load('vk_callback/reply/wall_reply_edit.json') });
    if (!('mention' in a) || !('mention' in b)) throw new Error('expected mentions');
    expect(b.mention.id.startsWith('vk:-78441729_')).toBe(true);
  });
});

describe('Telegram mapping', () => {
  it('maps a message and keeps the id on edit', () => {
    const m = mapTelegramUpdate(load('telegram_bot_api/message.json'));
    if (!('mention' in m)) throw new Error(m.skip);
    expect(m.mention).toMatchObject({ id: 'telegram:12345678_11223', channel: 'telegram:12345678', text: 'Hi, world!', author: '12345678' });
    const e = mapTelegramUpdate(load('telegram_bot_api/edited_message.json'));
    if (!('mention' in e)) throw new Error(e.skip);
    expect(e.mention.id).toBe('telegram:12345678_12345');
    expect(e.mention.text).toBe('hi there (edited)');
  });

  it('skips updates without text and says why, never throws', () => {
    let mapped = 0;
    for (const f of walk('telegram_bot_api')) {
      const r = mapTelegramUpdate(load(f));
      if ('mention' in r) {
        expect(RawMentionSchema.safeParse(r.mention).success, f).toBe(true);
        mapped++;
      } else expect(r.skip, f).toMatch(/\S/);
    }
    expect(mapped).toBeGreaterThanOrEqual(4);
    expect(mapTelegramUpdate(load('telegram_bot_api/message_with_sticker.json'))).toEqual({ skip: expect.stringMatching(/no text/) });
    expect(mapTelegramUpdate(load('telegram_bot_api/pre_checkout_query.json'))).toEqual({ skip: expect.stringMatching(/pre_checkout_query/) });
  });
});
