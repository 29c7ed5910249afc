// `domovoy classify` as a user runs it: a real process, JSON Lines on stdin.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/domovoy.js', import.meta.url));

function classify(input: string) {
  const r = spawnSync(process.execPath, [bin, 'classify'], { input, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
  return { code: r.status, out: r.stdout.split('\n').filter((l) => l !== ''), err: r.stderr };
}

const good = (id: string, text: string, extra: Record<string, unknown> = {}) => JSON.stringify({ id, text, ...extra });

describe('domovoy classify', () => {
  it('answers every line in order, errors in place of broken lines, summary on stderr', () => {
    const lines = [
      good('1', 'Третий день нет отопления, батареи ледяные, дети мёрзнут. ул. Барочная, д. 2'),
      '{"id": "2", "text": "обрезанная стр',
      good('3', 'Продам диван, недорого, самовывоз', { source: 'vk', ts: '2026-11-20T10:00:00+03:00' }),
      JSON.stringify({ text: 'без id' }),
      JSON.stringify({ id: 5, text: 'id числом' }),
      '',
      JSON.stringify({ id: '7', text: 'x', ts: 'вчера' }),
      JSON.stringify({ id: '8' }),
      '[1,2,3]',
      good('10', "'; DROP TABLE mentions; -- <img src=x onerror=alert(1)> не работает лифт", { unknown: { a: 1 } }),
      good('11', 'очень длинный текст '.repeat(6000)),
      good('12', 'Не вывозят мусор уже неделю, контейнеры переполнены, крысы бегают'),
    ];
    const { code, out, err } = classify(lines.join('\n') + '\n');
    expect(code).toBe(0);
    expect(out.length).toBe(lines.length);
    const rows = out.map((l) => JSON.parse(l));

    const keys = ['id', 'category', 'relevant', 'confidence', 'urgency', 'address', 'houseId', 'lat', 'lon', 'district', 'organisation'];
    for (const i of [0, 2, 9, 11]) {
      expect(Object.keys(rows[i]).sort()).toEqual([...keys].sort());
      expect(rows[i].confidence).toBeGreaterThanOrEqual(0);
      expect(rows[i].confidence).toBeLessThanOrEqual(1);
      expect(rows[i].urgency).toBeGreaterThanOrEqual(0);
      expect(rows[i].urgency).toBeLessThanOrEqual(1);
    }
    expect(rows[0]).toMatchObject({ id: '1', category: 'heating', relevant: true });
    expect(rows[0].houseId).toMatch(/\S/);
    expect(rows[0].address.street).toMatch(/Барочн/);
    expect(rows[0].lat).toBeGreaterThan(59);
    expect(rows[0].district).toMatch(/район/);
    expect(rows[2]).toMatchObject({ id: '3', category: 'irrelevant', relevant: false, houseId: null, organisation: null });
    expect(rows[11]).toMatchObject({ id: '12', category: 'garbage', relevant: true });
    expect(rows[0].urgency).toBeGreaterThan(rows[11].urgency);

    expect(rows[1]).toEqual({ error: expect.stringMatching(/malformed JSON/) });
    expect(rows[3]).toEqual({ error: expect.stringMatching(/id/) });
    expect(rows[4]).toEqual({ error: expect.stringMatching(/id/) });
    expect(rows[5]).toEqual({ error: 'empty line' });
    expect(rows[6]).toEqual({ id: '7', error: expect.stringMatching(/ts/) });
    expect(rows[7]).toEqual({ id: '8', error: expect.stringMatching(/text/) });
    expect(rows[8]).toEqual({ error: expect.stringMatching(/object/) });
    expect(rows[9].id).toBe('10');
    expect(rows[9].category).toBe('elevator');
    expect(rows[10]).toEqual({ id: '11', error: expect.stringMatching(/longer/) });

    expect(err).toMatch(/classified 12 lines: 4 ok, 8 errors/);
  });

  it('copes with empty input and with input that does not end in a newline', () => {
    const empty = classify('');
    expect(empty.code).toBe(0);
    expect(empty.out).toEqual([]);
    expect(empty.err).toMatch(/classified 0 lines/);
    const one = classify(good('a', 'Нет горячей воды'));
    expect(one.out.length).toBe(1);
    expect(JSON.parse(one.out[0]!).category).toBe('hot_water');
  });

  it('reads non-UTF-8 bytes without crashing', () => {
    const cp1251 = Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0x77, 0x22, 0x2c, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xcd, 0xe5, 0xf2, 0x20, 0xe2, 0xee, 0xe4, 0xfb, 0x22, 0x7d, 0x0a]);
    const r = spawnSync(process.execPath, [bin, 'classify'], { input: cp1251, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const row = JSON.parse(r.stdout.trim());
    expect(row).toEqual({ id: 'w', error: expect.stringMatching(/UTF-8/) });
  });
});
