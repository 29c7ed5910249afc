// Colours of the map: houses by complaint count, alerts by lifecycle state. Pure.
import type { AlertState, Trend } from '../../../../analytics/hotspots/types.js';

const STEPS: [number, string][] = [
  [1, '#f6c945'],
  [2, '#f39c34'],
  [4, '#e8641f'],
  [8, '#cf2e1e'],
  [16, '#8e1010'],
];

export function houseColour(count: number): string {
  if (count <= 0) return '#8a96a3';
  let c = STEPS[0][1];
  for (const [min, col] of STEPS) if (count >= min) c = col;
  return c;
}

export function houseRadius(count: number): number {
  return count <= 0 ? 1.5 : Math.min(8, 3 + Math.log2(count + 1));
}

export function alertColour(state: AlertState, acknowledged: boolean): string {
  if (state === 'closed') return '#6b7785';
  if (state === 'subsiding') return '#2f7dbd';
  return acknowledged ? '#b35c00' : '#d0021b';
}

export const TREND_RU: Record<Trend, string> = { up: '↑ растёт', flat: '→ держится', down: '↓ спадает' };

export const STATE_RU: Record<AlertState, string> = {
  opened: 'новая',
  growing: 'растёт',
  stable: 'стабильна',
  subsiding: 'спадает',
  closed: 'закрыта',
};

/** Heat cell opacity: log-scaled against the busiest cell of the view. */
export function heatOpacity(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(0.55, 0.08 + 0.47 * (Math.log1p(count) / Math.log1p(max)));
}
