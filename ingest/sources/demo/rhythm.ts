// The daily rhythm of a city's posting: quiet at night, a morning peak when people
// find the radiators cold, the biggest peak in the evening after work. Moscow time.

/** Relative activity per local hour (0..23) before normalisation. */
const RAW = [0.35, 0.22, 0.15, 0.12, 0.12, 0.18, 0.4, 0.8, 1.25, 1.45, 1.35, 1.25, 1.2, 1.2, 1.15, 1.15, 1.2, 1.3, 1.5, 1.65, 1.6, 1.4, 1.0, 0.6];
const MEAN = RAW.reduce((a, b) => a + b, 0) / RAW.length;

/** Normalised so the day's mean is 1: the average rate over a day equals the configured rate. */
export const HOURLY = RAW.map((w) => w / MEAN);
export const HOURLY_MAX = Math.max(...HOURLY);

const MSK_OFFSET_MS = 3 * 3600_000;
const HOUR_MS = 3600_000;

export function localHour(t: number): number {
  return Math.floor((t + MSK_OFFSET_MS) / HOUR_MS) % 24;
}

/** Activity factor at time t (ms since epoch). */
export function activity(t: number): number {
  return HOURLY[localHour(t)]!;
}
