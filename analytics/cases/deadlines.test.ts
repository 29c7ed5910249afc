import { describe, expect, it } from 'vitest';
import { computeDeadlines, formatDurationRu, parseDuration, ruleFor, specMinutes } from './deadlines.js';
import { loadCasesConfig } from './load-config.js';

const cfg = loadCasesConfig();
const msk = (s: string) => new Date(`${s}+03:00`);
const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;

describe('deadline table', () => {
  it('parses durations and rejects nonsense', () => {
    expect(parseDuration('16h')).toEqual({ value: 16, unit: 'h' });
    expect(parseDuration('10wd')).toEqual({ value: 10, unit: 'wd' });
    expect(specMinutes(parseDuration('1d'))).toBe(1440);
    expect(() => parseDuration('16 hours')).toThrow(/invalid duration/);
    expect(() => parseDuration('1.5wd')).toThrow(/whole/);
  });

  it('applies the federal defaults (№ 354, № 416, № 170)', () => {
    const at = msk('2026-11-10T08:00:00');
    const heat = computeDeadlines(cfg.deadlines, cfg.calendar, 'heating', at);
    expect(hours(at, heat.resolutionDue)).toBe(16);
    expect(hours(at, heat.firstResponseDue) * 60).toBe(10);
    expect(specMinutes(heat.rule.monthlyBudget!)).toBe(24 * 60);
    expect(hours(at, computeDeadlines(cfg.deadlines, cfg.calendar, 'cold_water', at).resolutionDue)).toBe(4);
    expect(hours(at, computeDeadlines(cfg.deadlines, cfg.calendar, 'hot_water', at).resolutionDue)).toBe(4);
    expect(hours(at, computeDeadlines(cfg.deadlines, cfg.calendar, 'electricity', at).resolutionDue)).toBe(2);
    expect(specMinutes(ruleFor(cfg.deadlines, 'gas').monthlyBudget!)).toBe(240);
    expect(hours(at, computeDeadlines(cfg.deadlines, cfg.calendar, 'roof', at).resolutionDue)).toBe(24);
    expect(hours(at, computeDeadlines(cfg.deadlines, cfg.calendar, 'plumbing_leak', at).resolutionDue)).toBe(72);
  });

  it('uses variants: dead-end main 24 h, single power source 24 h, blockage 2 h', () => {
    const at = msk('2026-11-10T08:00:00');
    expect(hours(at, computeDeadlines(cfg.deadlines, cfg.calendar, 'cold_water', at, 'dead_end_main').resolutionDue)).toBe(24);
    expect(hours(at, computeDeadlines(cfg.deadlines, cfg.calendar, 'electricity', at, 'single_source').resolutionDue)).toBe(24);
    expect(hours(at, computeDeadlines(cfg.deadlines, cfg.calendar, 'sewerage', at, 'blockage').resolutionDue)).toBe(2);
    // an unknown variant falls back to the base rule
    expect(hours(at, computeDeadlines(cfg.deadlines, cfg.calendar, 'electricity', at, 'nope').resolutionDue)).toBe(2);
  });

  it('gives the УК 10 working days for a written answer, across public holidays', () => {
    // Tue 3 Nov 2026, billing: 4 Nov holiday → 5,6,9,10,11,12,13,16,17,18 → Wed 18 Nov 18:00
    const d = computeDeadlines(cfg.deadlines, cfg.calendar, 'billing', msk('2026-11-03T11:00:00'));
    expect(d.resolutionDue.toISOString()).toBe(msk('2026-11-18T18:00:00').toISOString());
    // first response within 8 working hours: 7 h on Tue (11–18), Wed is a holiday, 1 h on Thu
    expect(d.firstResponseDue.toISOString()).toBe(msk('2026-11-05T10:00:00').toISOString());
  });

  it('formats durations in Russian', () => {
    expect(formatDurationRu(parseDuration('10wd'))).toBe('10 рабочих дней');
    expect(formatDurationRu(parseDuration('1d'))).toBe('1 сутки');
    expect(formatDurationRu(parseDuration('16h'))).toBe('16 ч');
  });
});
