import { describe, expect, it } from 'vitest';
import { titleRu } from './incident.js';

describe('incident titles', () => {
  const t = Date.parse('2026-01-15T03:40:00Z'); // 06:40 in Saint Petersburg
  it('calls many houses of a shared-equipment layer a probable accident', () => {
    expect(titleRu('heating', 9, 30, t, 3)).toBe('вероятная авария: 9 домов, отопление, с 06:40');
  });
  it('does not call a snowfall or a dirty yard an accident', () => {
    expect(titleRu('snow', 27, 31, t, 3)).toMatch(/^массовые жалобы: 27 домов, /);
    expect(titleRu('yard', 3, 5, t, 3)).toMatch(/^массовые жалобы: 3 дома, /);
  });
  it('calls one or two houses a burst of complaints', () => {
    expect(titleRu('heating', 2, 6, t, 3)).toMatch(/^всплеск жалоб: 2 дома, /);
  });
});
