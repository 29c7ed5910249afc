import { beforeAll, describe, expect, it } from 'vitest';
import { models } from '../../tests/integration/pipeline-harness.js';
import { fromMentionRow } from '../../analytics/rows/mention-row.js';
import { isRejected, prepareBatch, prepareMention, withField, type Prepared } from './prepare.js';
import { inlinePreparer, threadPreparer } from './preparer.js';

type Deps = Awaited<ReturnType<typeof models>>;
let deps: Deps;
beforeAll(async () => {
  deps = await models();
});

const NOW = new Date('2026-11-23T10:00:00.000Z');
const payload = (o: Record<string, unknown>) => JSON.stringify(o);
const complaint = {
  id: 'vk:1_2',
  source: 'vk',
  channel: 'vk:-1',
  author: 'id77',
  text: 'Третий день нет отопления, батареи ледяные! пр. Просвещения д.87 к.1',
  ts: '2026-11-23T09:59:00+03:00',
  extra: 'unknown fields are dropped',
};

function prepared(p: string): Prepared {
  const r = prepareMention(p, deps, NOW);
  if (isRejected(r)) throw new Error(r.error);
  return r;
}

describe('prepareMention', () => {
  it('turns a payload into the stored row and the published message, the same mention in both', () => {
    const r = prepared(payload(complaint));
    expect(r).toMatchObject({ id: 'vk:1_2', relevant: true, tsMs: Date.parse('2026-11-23T06:59:00Z') });
    expect(r.sig).toBeInstanceOf(Uint32Array);
    const row = JSON.parse(withField(r.row, 'dup_group', 'vk:1_1')) as Record<string, unknown>;
    const msg = JSON.parse(withField(r.processed, 'dupGroup', 'vk:1_1')) as Record<string, unknown>;
    expect(row).not.toHaveProperty('extra');
    expect(msg).toMatchObject({ category: 'heating', ts: '2026-11-23T06:59:00.000Z', ingestedAt: NOW.toISOString(), dupGroup: 'vk:1_1' });
    expect(msg.houseId).toEqual(expect.any(String));
    expect(msg.authorHash).toMatch(/^[0-9a-f]{16}$/);
    expect(fromMentionRow(row)).toEqual(msg);
  });

  it('rejects what can never be processed, with the reason, and never throws on data', () => {
    const cases: [string, RegExp][] = [
      ['{"id": "vk:1', /malformed JSON/],
      ['"a string"', /JSON object/],
      ['[1,2]', /JSON object/],
      [payload({ ...complaint, text: 'x'.repeat(30_000) }), /text/],
      [payload({ ...complaint, ts: 'вчера' }), /ts/],
      [payload({ ...complaint, source: 'pigeon' }), /source/],
      [payload({ ...complaint, text: 'Ð½ÐµÑ\uFFFD \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD' }), /encoding/],
    ];
    for (const [p, why] of cases) {
      const r = prepareMention(p, deps, NOW);
      expect(isRejected(r) && r.error).toMatch(why);
    }
  });

  it('places a message without an address at the house its chat belongs to; an address in the text wins', () => {
    const chatHouse = deps.registry.houses.find((h) => h.lat !== null && h.orgId)!;
    const inChat = { ...complaint, id: 'telegram:-1001_5', channel: 'telegram:-1001', houseId: chatHouse.id, text: 'Опять холодные батареи, когда включат отопление?' };
    const msg = (p: string) => JSON.parse(withField(prepared(p).processed, 'dupGroup', '')) as { houseId: string | null; address: unknown; district: string | null };
    expect(msg(payload(inChat))).toMatchObject({
      houseId: chatHouse.id,
      address: { street: `${chatHouse.streetType} ${chatHouse.street}`.trim(), house: chatHouse.number, raw: '' },
      district: chatHouse.district,
    });
    const named = msg(payload({ ...inChat, text: complaint.text }));
    expect(named.houseId).not.toBe(chatHouse.id);
    expect(named.houseId).toEqual(expect.any(String));
    expect(msg(payload({ ...inChat, houseId: 'no-such-house' })).houseId).toBeNull();
  });

  it('keeps SQL and HTML in a text as data', () => {
    const text = "Мусор не вывозят'; DROP TABLE mentions; -- <script>alert(1)</script>";
    const r = prepared(payload({ ...complaint, text }));
    expect((JSON.parse(withField(r.row, 'dup_group', '')) as { text: string }).text).toBe(text);
  });
});

describe('prepareBatch', () => {
  it('fails only the text that makes the analysis throw; the rest of the batch goes on', () => {
    const analyse = (t: string) => {
      if (t.includes('BOOM')) throw new Error('unexpected');
      return deps.classifier.analyse(t);
    };
    const boom = { ...deps, classifier: { analyse } };
    const rs = prepareBatch([payload(complaint), payload({ ...complaint, id: 'vk:1_9', text: 'BOOM на Невском 1' }), payload({ ...complaint, id: 'vk:1_10' })], boom, NOW);
    expect(rs.map((r) => (isRejected(r) ? r.error : r.id))).toEqual(['vk:1_2', 'analysis failed: unexpected', 'vk:1_10']);
  });
});

describe('withField', () => {
  it('adds a key to an object’s JSON text, escaping the value', () => {
    expect(JSON.parse(withField('{"a":1}', 'b', 'x"y'))).toEqual({ a: 1, b: 'x"y' });
    expect(JSON.parse(withField('{}', 'b', null))).toEqual({ b: null });
    expect(() => withField('[1]', 'b', 1)).toThrow(TypeError);
  });
});

describe('preparers', () => {
  it('threads give the same result as the inline preparer, in order, rejects included', async () => {
    const inputs = [
      payload(complaint),
      '{"broken',
      payload({ ...complaint, id: 'vk:1_3', text: 'Во дворе не убран снег, Гражданский пр., 5к2' }),
      payload({ ...complaint, id: 'vk:1_4', text: 'Спасибо за новогоднюю ёлку во дворе!' }),
    ];
    const threads = await threadPreparer({ threads: 2, batch: 2 });
    const inline = inlinePreparer(deps);
    try {
      // the whole row and message, but for the moment each was made
      const json = (text: string, drop: string) => {
        const o = JSON.parse(text) as Record<string, unknown>;
        expect(o[drop]).toEqual(expect.any(String));
        delete o[drop];
        return o;
      };
      const strip = (r: Awaited<ReturnType<typeof inline.prepare>>) =>
        isRejected(r) ? r : { ...r, processed: json(r.processed, 'ingestedAt'), row: json(r.row, 'ingested_at') };
      const a = await Promise.all(inputs.map((p) => threads.prepare(p)));
      const b = await Promise.all(inputs.map((p) => inline.prepare(p)));
      expect(a.map(strip)).toEqual(b.map(strip));
      expect(isRejected(a[1]!)).toBe(true);
    } finally {
      await threads.close();
      await inline.close();
    }
    await expect(threads.prepare(inputs[0]!)).rejects.toThrow(/closed/);
  });

  it('a thread that dies fails only its own work, as retryable, and is replaced', async () => {
    const threads = await threadPreparer({ threads: 1 });
    try {
      await threads.workers()[0]!.terminate();
      // Nothing runs until the replacement is ready: refused at once, never left hanging.
      await expect(threads.prepare(payload(complaint))).rejects.toThrow(/no analysis thread/);
      const until = Date.now() + 30_000;
      let r: Awaited<ReturnType<typeof threads.prepare>> | undefined;
      while (!r && Date.now() < until) r = await threads.prepare(payload(complaint)).catch(() => new Promise<undefined>((ok) => setTimeout(() => ok(undefined), 200)));
      expect(r && !isRejected(r) && r.id).toBe('vk:1_2');
    } finally {
      await threads.close();
    }
  }, 60_000);
});
