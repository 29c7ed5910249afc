import { describe, expect, it } from 'vitest';
import { HotspotDetector } from './detector.js';
import { uniformPrior } from './baseline.js';
import { loadHotspotsConfig } from './config.js';
import { topUpDetector } from './warm.js';

const cfg = loadHotspotsConfig().detector;
const H = 3_600_000;

describe('baselines topped up from the store', () => {
  it('hours stored in full but seen in part take the stored counts once, and the level follows them', () => {
    const det = new HotspotDetector(cfg, uniformPrior({ house: 100, street: 10, cell: 10, district: 1 }));
    const h0 = Math.floor(Date.UTC(2025, 0, 15, 12) / H);
    // this worker saw 10 heating complaints an hour; the store holds 100 (another worker had the rest)
    for (let h = h0 - 6; h < h0; h++)
      for (let i = 0; i < 10; i++) det.add({ id: `${h}:${i}`, ts: h * H + i * 360_000, category: 'heating', relevant: true, houseId: 'x', lat: null, lon: null, district: null, street: '', authorHash: `a${i}` });
    const before = det.baseline.cityRate('heating', h0 * H);
    const hours = Array.from({ length: 6 }, (_, k) => ({ category: 'heating', hour: h0 - 6 + k, n: 100 }));
    const seen = hours.map((r) => ({ hour: r.hour, lo: r.hour * H, hi: r.hour * H + H - 1 }));
    expect(topUpDetector(det, { hours, seen })).toBe(6);
    expect(topUpDetector(det, { hours, seen })).toBe(0);
    const after = det.baseline.cityRate('heating', h0 * H + 60_000);
    expect(before).toBeLessThan(20);
    expect(after).toBeGreaterThan(70);
    expect(after).toBeLessThan(130);
  });
});
