import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readWeather } from './readers';
import { coverTransmittance, incidenceAngleModifier, poaComponents, pvYieldPerKWp } from './yields';

const shared = (f: string) =>
  readFileSync(new URL(`../../../../shared/data/weather/${f}`, import.meta.url), 'utf8');
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('cover reflection loss (PVWatts v5 glass cover: n 1.526, K 4/m, L 2 mm)', () => {
  it('normal incidence: τ(0) = e^(−K·L) · (1 − ((n − 1)/(n + 1))²), IAM 1', () => {
    // e^(−0.008) = 0.9920319; ((0.526/2.526))² = 0.0433615; τ(0) = 0.9920319 · 0.9566385 = 0.9490159.
    expect(coverTransmittance(0)).toBeCloseTo(0.9920319148 * (1 - 0.0433615498), 9);
    expect(incidenceAngleModifier(0)).toBe(1);
    expect(incidenceAngleModifier(1e-7)).toBeCloseTo(1, 12);
  });

  it('60° by hand: θr = asin(sin 60°/1.526) = 34.5770°, reflectance ½(0.1854775 + 0.0014479), IAM 0.94600', () => {
    // sin²(θr − θ)/sin²(θr + θ) = 0.1854775, tan²(θr − θ)/tan²(θr + θ) = 0.0014479, e^(−0.008/cos θr) = 0.9903308.
    const tau60 = 0.9903308149 * (1 - 0.5 * (0.1854775353 + 0.0014479475));
    expect(coverTransmittance(60)).toBeCloseTo(tau60, 9);
    expect(incidenceAngleModifier(60)).toBeCloseTo(tau60 / 0.9490158736, 8);
    expect(incidenceAngleModifier(60)).toBeCloseTo(0.946, 5);
  });

  it('falls slowly to 45°, steeply towards grazing, zero from 90° on', () => {
    expect(incidenceAngleModifier(30)).toBeCloseTo(0.99789, 5);
    expect(incidenceAngleModifier(45)).toBeCloseTo(0.98798, 5);
    expect(incidenceAngleModifier(75)).toBeCloseTo(0.77406, 5);
    expect(incidenceAngleModifier(85)).toBeCloseTo(0.40088, 5);
    expect(incidenceAngleModifier(90)).toBe(0);
    expect(incidenceAngleModifier(120)).toBe(0);
  });

  it('the PV yield applies it to the beam only: per hour, exactly beam · (1 − IAM) less', () => {
    const w = readWeather(shared('TRY2015_523938130651_Jahr.dat'));
    const plane = { tilt_deg: 35, azimuth_deg: 180 };
    // Without temperature effect and losses the yield is the effective in-plane irradiance / 1000.
    const flat = { ...plane, gamma_per_K: 0, losses: 0, inverterEfficiency: 1 };
    const withLoss = pvYieldPerKWp(w, flat);
    const without = pvYieldPerKWp(w, { ...flat, reflectionLoss: false });
    const c = poaComponents(w, plane);
    const k = 171 * 24 + 8; // 21 June, 08:00–09:00 UTC (morning sun, large incidence angle)
    expect(c.aoi_deg[k]).toBeGreaterThan(45);
    expect(without[k] - withLoss[k]).toBeCloseTo(
      (c.beam[k] * (1 - incidenceAngleModifier(c.aoi_deg[k]))) / 1000,
      12,
    );
    // Over the year a south-facing module in Potsdam loses about 1.2 % to reflection at the cover.
    const loss = 1 - sum(withLoss) / sum(without);
    expect(loss).toBeGreaterThan(0.01);
    expect(loss).toBeLessThan(0.05);
  });
});
