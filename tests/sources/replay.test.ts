import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../shared/bus/memory-bus.js';
import { silentLogger } from '../../shared/log/logger.js';
import { SUBJECTS, type DeadLetter } from '../../shared/types/subjects.js';
import type { RawMention } from '../../shared/types/mention.js';
import { checkLine, replayFile } from '../../ingest/sources/replay/replay.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const mention = (n: number, extra: Partial<RawMention> = {}): RawMention => ({
  id: `demo:t${n}`,
  source: 'demo',
  channel: 'vk:-1',
  author: `id${n}`,
  text: `Нет горячей воды, Типанова ${n}`,
  ts: new Date(Date.UTC(2024, 0, 15, 10, 0, n)).toISOString(),
  ...extra,
});

function writeFile(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Counts what reached the bus: stored mentions per id, and dead letters. */
function watch(bus: ReturnType<typeof createMemoryBus>) {
  const seen = new Map<string, number>();
  const dead: DeadLetter[] = [];
  bus.subscribe<RawMention>(SUBJECTS.rawAll, (m) => seen.set(m.id, (seen.get(m.id) ?? 0) + 1));
  bus.subscribe<DeadLetter>(SUBJECTS.deadLetter, (d) => dead.push(d));
  return { seen, dead };
}

describe('replayFile', () => {
  it('publishes valid lines exactly once and dead-letters every bad line with its number and reason', async () => {
    const lines = [
      JSON.stringify(mention(1)),
      '{"id": "demo:t2", "text": "обрыв',                                   // 2: malformed JSON
      JSON.stringify(mention(3)),
      '',                                                                   // 4: blank, skipped
      JSON.stringify({ ...mention(5), ts: 'вчера' }),                       // 5: bad timestamp
      JSON.stringify({ ...mention(6), id: 'no-source-prefix' }),            // 6: bad id
      JSON.stringify(mention(7, { text: 'я'.repeat(20_001) })),             // 7: text too long
      '[1, 2, 3]',                                                          // 8: not an object
      JSON.stringify(mention(1)),                                           // 9: duplicate of line 1
      JSON.stringify({ ...mention(10), extra: { nested: true } }),          // 10: extras are dropped, valid
      'null',                                                               // 11
      JSON.stringify({ ...mention(12), source: 'fax' }),                    // 12: unknown source
      JSON.stringify({ ...mention(13), text: '' }),                         // 13: empty text
    ];
    const file = writeFile('mixed.jsonl', lines);
    const bus = createMemoryBus();
    const { seen, dead } = watch(bus);
    const r = await replayFile(file, { bus, rate: 0, log: silentLogger });
    await new Promise((res) => setTimeout(res, 20));
    expect(r.invalid).toBe(8);
    expect(r.published).toBe(4);
    expect(r.duplicates).toBe(1);
    expect([...seen.keys()].sort()).toEqual(['demo:t1', 'demo:t10', 'demo:t3']);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(dead).toHaveLength(8);
    const reasons = dead.map((d) => d.reason).join('\n');
    for (const n of [2, 5, 6, 7, 8, 11, 12, 13]) expect(reasons).toContain(`line ${n}:`);
    expect(r.errors.find((e) => e.startsWith('line 2:'))).toMatch(/malformed JSON/);
    expect(r.errors.find((e) => e.startsWith('line 7:'))).toMatch(/longer than 20000/);
    // a huge line is kept truncated, not whole
    expect(dead.find((d) => d.reason.includes('line 7:'))!.payload.length).toBeLessThan(5_000);
    await bus.close();
  });

  it('publishes on the source given, and stays under the given rate', async () => {
    const file = writeFile('paced.jsonl', Array.from({ length: 30 }, (_, i) => JSON.stringify(mention(100 + i))));
    const bus = createMemoryBus();
    const subjects = new Set<string>();
    bus.subscribe(SUBJECTS.rawAll, (_d, s) => subjects.add(s));
    const t0 = Date.now();
    const r = await replayFile(file, { bus, rate: 60, log: silentLogger, source: 'replay' });
    const ms = Date.now() - t0;
    await new Promise((res) => setTimeout(res, 20));
    expect(r).toMatchObject({ published: 30, duplicates: 0, invalid: 0 });
    expect([...subjects]).toEqual(['mentions.raw.replay']);
    // 30 mentions at 60/s: the last one is due after 29/60 s
    expect(ms).toBeGreaterThanOrEqual(450);
    await bus.close();
  });

  it('streams a large recording', async () => {
    const file = path.join(dir, 'large.jsonl');
    const out = fs.createWriteStream(file);
    for (let i = 0; i < 20_000; i++) out.write(JSON.stringify(mention(1000 + i)) + '\n');
    await new Promise((res) => out.end(res));
    const bus = createMemoryBus({ maxMsgsPerStream: 50_000 });
    const { seen } = watch(bus);
    const r = await replayFile(file, { bus, rate: 0, log: silentLogger });
    await new Promise((res) => setTimeout(res, 50));
    expect(r).toMatchObject({ published: 20_000, duplicates: 0, invalid: 0 });
    expect(seen.size).toBe(20_000);
    await bus.close();
  });

  it('checkLine explains why a line is not a mention', () => {
    expect(checkLine(JSON.stringify(mention(1))).ok).toBe(true);
    expect(checkLine('{').ok).toBe(false);
    const r = checkLine(JSON.stringify({ id: 'demo:1', source: 'demo', ts: '2024-01-01T00:00:00Z' }));
    expect(r.ok ? '' : r.reason).toMatch(/text/);
  });
});
