import { describe, expect, it } from 'vitest';
import { percentile, rate, round } from './stats.ts';

describe('percentile', () => {
  it('interpolates between the closest ranks', () => {
    expect(percentile([1, 2], 0.5)).toBe(1.5);
    expect(percentile([3, 1, 2], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([0.5, 4], 0.9)).toBeCloseTo(3.65, 10);
  });
  it('gives the value itself for one value and null for none', () => {
    expect(percentile([1], 0.9)).toBe(1);
    expect(percentile([], 0.5)).toBeNull();
  });
  it('does not reorder the caller’s array and refuses p outside [0, 1]', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
    expect(() => percentile(values, 1.5)).toThrow(RangeError);
  });
});

describe('rate and round', () => {
  it('is null without a denominator, so no decisions never reads as 0 %', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(0, 4)).toBe(0);
    expect(rate(3, 4)).toBe(0.75);
  });
  it('rounds, keeping null', () => {
    expect(round(2 / 3, 2)).toBe(0.67);
    expect(round(null, 2)).toBeNull();
  });
});
