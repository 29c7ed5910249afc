import { describe, expect, it } from 'vitest';
import { MicroBatcher } from './micro-batch.js';

describe('MicroBatcher', () => {
  it('groups items that arrive while a batch runs and gives each its own outcome', async () => {
    const batches: number[][] = [];
    const b = new MicroBatcher<number, number>(
      async (xs) => {
        batches.push(xs);
        await new Promise((r) => setTimeout(r, 20));
        return xs.map((x) => (x === 13 ? { ok: false, error: new Error('unlucky') } : { ok: true, value: x * 2 }));
      },
      { maxItems: 4, maxWaitMs: 5 },
    );
    const first = b.add(1);
    await new Promise((r) => setTimeout(r, 10)); // the first batch is running now
    const rest = [2, 3, 13, 5, 6].map((x) => b.add(x));
    const settled = await Promise.allSettled([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 13, 5], [6]]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([2, 4, 6, 'unlucky', 10, 12]);
  });

  it('rejects every item of a batch whose handler fails, and drain waits for all', async () => {
    let calls = 0;
    const b = new MicroBatcher<number, number>(async () => {
      calls++;
      throw new Error('store down');
    }, { maxItems: 10, maxWaitMs: 50 });
    const ps = [1, 2, 3].map((x) => b.add(x).catch((e: Error) => e.message));
    await b.drain();
    expect(await Promise.all(ps)).toEqual(['store down', 'store down', 'store down']);
    expect(calls).toBe(1);
    expect(b.pending).toBe(0);
  });
});
