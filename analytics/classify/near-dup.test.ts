import { describe, expect, it } from 'vitest';
import { minhash, NearDuplicateIndex, similarity } from './near-dup.js';

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
