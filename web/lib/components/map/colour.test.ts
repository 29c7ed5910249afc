import { describe, expect, it } from 'vitest';
import { alertColour, heatOpacity, houseColour, houseRadius } from './colour.js';

describe('map colours', () => {
  it('houses get hotter and bigger with more complaints', () => {
    expect(houseColour(0)).not.toBe(houseColour(1));
    expect(houseColour(3)).toBe(houseColour(2));
    expect(houseColour(20)).not.toBe(houseColour(4));
    expect(houseRadius(10)).toBeGreaterThan(houseRadius(1));
    expect(houseRadius(1e6)).toBeLessThanOrEqual(8);
  });
  it('acknowledged and subsiding alerts are told apart from new ones', () => {
    expect(alertColour('growing', true)).not.toBe(alertColour('growing', false));
    expect(alertColour('subsiding', false)).not.toBe(alertColour('opened', false));
  });
  it('heat opacity is bounded and monotone', () => {
    expect(heatOpacity(0, 10)).toBe(0);
    expect(heatOpacity(5, 10)).toBeLessThan(heatOpacity(10, 10));
    expect(heatOpacity(10, 10)).toBeLessThanOrEqual(0.55);
  });
});
