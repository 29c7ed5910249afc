import { describe, expect, it } from 'vitest';
import { pickLabels } from './labels.js';

const at = (id: string, houseCount: number, x: number, y: number) => ({ id, houseCount, mentionCount: houseCount * 3, openedAt: '2025-01-01T00:00:00Z', x, y });

describe('incident labels', () => {
  it('keeps the biggest incident of a crowded spot and drops the labels that would overlap it', () => {
    const shown = pickLabels([at('small', 3, 100, 100), at('big', 12, 110, 105), at('far', 4, 600, 300)], 5);
    expect([...shown].sort()).toEqual(['big', 'far']);
  });

  it('shows at most `max` labels, the largest incidents first', () => {
    const many = Array.from({ length: 20 }, (_, i) => at(`i${i}`, i + 1, i * 200, 0));
    const shown = pickLabels(many, 4);
    expect([...shown].sort()).toEqual(['i16', 'i17', 'i18', 'i19']);
  });
});
