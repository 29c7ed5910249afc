import { describe, expect, it } from 'vitest';
import { minhash, NearDuplicateIndex, similarity, minhashOfWords } from './near-dup.js';

const ORIGINAL =
  'Жители дома 15 по улице Гагарина третий день без горячей воды! В УК звонили много раз, диспетчер бросает трубку. У нас маленькие дети, помогите пожалуйста!';
const H = 3600_000;

describe('NearDuplicateIndex', () => {
  it('groups a repost with a prefix, a typo and an emoji under the first id', () => {
    const idx = new NearDuplicateIndex();
    expect(idx.check('vk:1', ORIGINAL, 0)).toBe('vk:1');
    const repost = 'Репост из группы Мой район: ' + ORIGINAL.replace('горячей', 'горячй').replace('!', '!!! 😡');
    expect(idx.check('tg:9', repost, H)).toBe('vk:1');
    // a copy of the copy still points at the earliest text
    expect(idx.check('vk:7', repost + ' Поддерживаю.', 2 * H)).toBe('vk:1');
  });

  it('does not group different complaints of the same category', () => {
    const idx = new NearDuplicateIndex();
    idx.check('a', ORIGINAL, 0);
    const other = 'Садовая 8, второй подъезд: горячей воды нет с понедельника, управляющая компания не отвечает на звонки, сколько можно терпеть это безобразие?';
    expect(idx.check('b', other, H)).toBe('b');
    const third = 'Опять отключили горячую воду в доме на Ленина 3 без всякого предупреждения, помыться нечем, куда жаловаться?';
    expect(idx.check('c', third, 2 * H)).toBe('c');
  });

  it('forgets texts older than the window', () => {
    const idx = new NearDuplicateIndex({ windowMs: 24 * H });
    idx.check('old', ORIGINAL, 0);
    expect(idx.check('new', ORIGINAL + ' Репост.', 30 * H)).toBe('new');
    expect(idx.size).toBe(1);
  });

  it('leaves very short texts ungrouped rather than guess', () => {
    const idx = new NearDuplicateIndex();
    expect(idx.check('x', 'Нет воды', 0)).toBe('x');
    expect(idx.check('y', 'Нет воды', 1)).toBe('y');
  });

  it('similarity is high for small edits and low for unrelated texts', () => {
    const a = minhash(ORIGINAL)!;
    const b = minhash(ORIGINAL.replace('15', '17'))!;
    const c = minhash('Во дворе дома на Садовой не вывозят мусор уже неделю, контейнеры переполнены, крысы бегают по площадке')!;
    expect(similarity(a, b)).toBeGreaterThan(0.8);
    expect(similarity(a, c)).toBeLessThan(0.2);
  });
  it('keeps grouping a text reposted thousands of times without scanning every copy', () => {
    const idx = new NearDuplicateIndex();
    const first = idx.check('c0', ORIGINAL, 0);
    let grouped = 0;
    for (let i = 1; i <= 5000; i++) if (idx.check(`c${i}`, `${ORIGINAL} #${i}`, i * 1000) === first) grouped++;
    expect(grouped).toBe(5000);
    // bounded buckets: a few per bucket are compared, not every earlier copy
    expect(idx.comparisons).toBeLessThanOrEqual(5000 * 16 * 8);
    expect(idx.comparisons / 5000).toBeLessThan(300);
  });
});

/** A signature whose band 0 (values 0–3) is `band0` and the rest is pseudo-random from `seed`. */
function sigWithBand0(band0: number, seed: number): Uint32Array {
  const sig = new Uint32Array(64);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < 64; i++) sig[i] = i < 4 ? band0 + i : (x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0);
  return sig;
}

describe('NearDuplicateIndex bounds', () => {
  it('compares at most the newest 8 entries of a bucket', () => {
    const idx = new NearDuplicateIndex();
    // 20 unrelated texts that share one LSH band: each compares with the bucket's newest ≤ 8
    for (let i = 0; i < 20; i++) expect(idx.checkSignature(`t${i}`, sigWithBand0(7, i + 1), i)).toBe(`t${i}`);
    expect(idx.comparisons).toBe([...Array(20).keys()].reduce((sum, i) => sum + Math.min(i, 8), 0));
    const before = idx.comparisons;
    expect(idx.checkSignature('q', sigWithBand0(7, 999), 100)).toBe('q');
    expect(idx.comparisons - before).toBe(8);
    // the oldest copies fell out of the bucket: a near-copy of t0 is no longer found through band 0 alone
    const nearT0 = sigWithBand0(7, 1);
    for (let band = 1; band < 16; band++) nearT0[4 * band] ^= 1; // 15 of 64 values differ: similar, but only band 0 is shared
    expect(idx.checkSignature('t0-copy', nearT0, 101)).not.toBe('t0');
  });

  it('never returns texts older than the window, and stays bounded on an endless stream', () => {
    const windowMs = 100_000;
    const idx = new NearDuplicateIndex({ windowMs });
    const base = minhash(ORIGINAL)!;
    let bytesAt50k = 0;
    for (let i = 0; i < 200_000; i++) {
      const sig = i % 1000 === 0 ? base : sigWithBand0(i, i); // the same text every 1000 s, fresh texts between
      const group = idx.checkSignature(`s${i}`, sig, i * 1000);
      // the previous copy is 1000 s old, far outside the 100 s window
      if (i % 1000 === 0) expect(group).toBe(`s${i}`);
      expect(idx.size).toBeLessThanOrEqual(101);
      if (i === 50_000) bytesAt50k = idx.bytes;
    }
    expect(idx.bytes).toBe(bytesAt50k);
    expect(idx.bytes).toBeLessThan(2 ** 20);
  });

  it('gives memory back after a burst', () => {
    const idx = new NearDuplicateIndex({ windowMs: 10_000 });
    for (let i = 0; i < 50_000; i++) idx.checkSignature(`b${i}`, sigWithBand0(i, i), i / 10); // 50k in 5 s
    const burst = idx.bytes;
    expect(idx.size).toBe(50_000);
    for (let i = 0; i < 100; i++) idx.checkSignature(`q${i}`, sigWithBand0(-i, i), 20_000 + i * 1000);
    expect(idx.size).toBe(11); // the window includes its start
    expect(idx.bytes).toBeLessThan(burst / 8);
  });

  it('keeps grouping copies within the window on a long stream', () => {
    const idx = new NearDuplicateIndex({ windowMs: 3600_000 });
    let grouped = 0;
    for (let i = 0; i < 50_000; i++) {
      const copy = i % 2 === 1;
      const sig = sigWithBand0(copy ? i - 1 : i, copy ? i - 1 : i); // every odd text repeats the previous one
      if (idx.checkSignature(`s${i}`, sig, i * 1000) === `s${i - 1}`) grouped++;
    }
    expect(grouped).toBe(25_000);
  });
});

describe('minhashOfWords', () => {
  it('gives the signature of the text from the classifier’s words', async () => {
    const { loadClassifier } = await import('./index.js');
    const text = 'Третий день нет горячей воды в доме 5 по улице Ленина, дети не могут помыться!';
    const words = loadClassifier().analyse(text).words;
    expect(minhashOfWords(words)).toEqual(minhash(text));
  });
});
