import { describe, expect, it } from 'vitest';
import { formatDuration, formatShare } from './duration.js';

describe('formatDuration', () => {
  it('reads like a person would say it', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(42)).toBe('42 с');
    expect(formatDuration(600)).toBe('10 мин');
    expect(formatDuration(3600)).toBe('1 ч');
    expect(formatDuration(2 * 3600 + 15 * 60)).toBe('2 ч 15 мин');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3 дн 4 ч');
    expect(formatDuration(-5)).toBe('0 с');
  });
  it('shares as whole percents', () => {
    expect(formatShare(0.874)).toBe('87 %');
    expect(formatShare(null)).toBe('—');
  });
});
