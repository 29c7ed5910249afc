// Acceptance of the detector on synthetic streams: injected bursts of several
// sizes and layers over weeks of background (bench/hotspots.ts prints more).
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { loadHotspotsConfig } from './config.js';

describe('detector on synthetic streams', () => {
  it.each([7, 8])('seed %i: finds ≥95 percent of bursts within 10 min, < 1 false alert per district-week', (seed) => {
    const s = evaluate(
      { districts: 10, housesPerDistrict: 800, perDistrictPerDay: 150, weeks: 5, bursts: 60, sizes: [4, 8, 12], layers: ['heating', 'outages', 'snow'], seed },
      loadHotspotsConfig().detector,
    );
    expect(s.bursts).toBe(60);
    expect(s.foundWithin10 / s.bursts).toBeGreaterThanOrEqual(0.95);
    expect(s.falsePerDistrictWeek).toBeLessThan(1);
    // the detector must actually be working on a noisy stream, not silent
    expect(s.mentions).toBeGreaterThan(40_000);
  });
});
