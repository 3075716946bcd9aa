import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { syntheticStandIn } from './standin';
import { parse2025, standardLoadProfile } from '../bdew/electricity';

const asset = (f: string) => readFileSync(new URL(`../../../../assets/bdew/${f}`, import.meta.url), 'utf8');

describe('synthetic stand-in profile', () => {
  it('keeps annual energy and peak to 1e-6 with a standard shape and none of the original values', () => {
    // An "original": a bakery-like load with its own pattern and noise.
    const original = Float64Array.from(
      { length: 8760 },
      (_, h) => 20 + (h % 24 < 6 ? 60 : 5) + 10 * Math.sin(h * 1.7) ** 2,
    );
    const shape = standardLoadProfile(parse2025(asset('g25.csv'), 'g25.csv'), 'G25', {
      year: 2023,
      state: 'NW',
      annual_kWh: 1,
      resolution_min: 60,
    });
    const { values_kW, gamma } = syntheticStandIn(original, shape, 60);
    const e = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    const max = (a: Float64Array) => a.reduce((m, v) => Math.max(m, v), 0);
    expect(Math.abs(e(values_kW) - e(original)) / e(original)).toBeLessThan(1e-6);
    expect(Math.abs(max(values_kW) - max(original)) / max(original)).toBeLessThan(1e-6);
    expect(gamma).toBeGreaterThan(0);
    // No traceable detail: the stand-in depends on the original only through its energy and peak, so
    // the same hours in another order give exactly the same stand-in.
    const shuffled = Float64Array.from(original).reverse();
    const again = syntheticStandIn(shuffled, shape, 60).values_kW;
    expect(again.reduce((m, v, i) => Math.max(m, Math.abs(v - values_kW[i])), 0)).toBeLessThan(1e-9); // sums differ only in rounding
    expect(values_kW.some((v, i) => v === original[i])).toBe(false);
  });

  it('refuses gaps', () => {
    expect(() => syntheticStandIn(Float64Array.from([1, NaN]), Float64Array.from([1, 1]), 60)).toThrow(
      /fill the gaps/,
    );
  });
});
