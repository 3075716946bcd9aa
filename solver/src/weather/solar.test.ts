import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cosIncidence, poaHayDavies, sunPosition } from './solar';
import { readWeather } from './readers';
import { poaSeries, pvYieldPerKWp, solarThermalYieldPerM2 } from './yields';

const shared = (f: string) =>
  readFileSync(new URL(`../../../../shared/data/weather/${f}`, import.meta.url), 'utf8');

/** The short PVGIS series on a 30° south plane at 45° N 8° E (2016-01-01, rows with Int = 1). */
const pvgis = shared('pvgis_hourly_Timeseries_45.000_8.000_SA_30deg_0deg_2016_2016.csv')
  .split('\n')
  .filter((l) => /^\d{8}:\d{4},/.test(l))
  .map((l) => l.split(',').map((c, i) => (i === 0 ? c : Number(c))))
  .filter((r) => r[7] === 1) as [string, number, number, number, number][];

const utc = (s: string) =>
  Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(9, 11), +s.slice(11, 13));

describe('sun position', () => {
  it('matches PVGIS sun heights to 0.3° (SPA: to 0.05°, at the HH:10 instants PVGIS states)', () => {
    expect(pvgis.length).toBe(5);
    for (const [t, , , , hSun] of pvgis) {
      expect(Math.abs(sunPosition(utc(t), 45, 8).elevation_deg - hSun)).toBeLessThan(0.3);
      expect(Math.abs(sunPosition(utc(t), 45, 8, 250).elevation_deg - hSun)).toBeLessThan(0.05);
    }
  });

  it('gives the textbook noon elevation at the equinox and solstice', () => {
    // At solar noon, elevation = 90° − latitude + declination; 52° N, 13° E: noon ≈ 11:08 UTC.
    const june = sunPosition(Date.UTC(2023, 5, 21, 11, 9), 52, 13);
    expect(june.elevation_deg).toBeCloseTo(90 - 52 + 23.44, 0);
    expect(june.azimuth_deg).toBeCloseTo(180, 0);
  });
});

describe('plane-of-array irradiance against PVGIS (30° south)', () => {
  it('reproduces PVGIS in-plane beam and diffuse from horizontal values derived from its own output', () => {
    // PVGIS gives only in-plane values here; recover the horizontal inputs from its beam and reflected
    // parts (albedo 0.2) and transpose them back. Beam agrees by construction of DNI; diffuse tests the
    // sky model: Hay–Davies against PVGIS's Muneer, within 25 % on these low-sun hours.
    const plane = { tilt_deg: 30, azimuth_deg: 180, albedo: 0.2 };
    for (const [t, gb, gd, gr] of pvgis.filter((r) => r[1] > 10)) {
      const sun = sunPosition(utc(t), 45, 8);
      const cosAoi = cosIncidence(sun, plane);
      const dni = gb / cosAoi;
      const ghi = gr / (0.2 * ((1 - Math.cos(Math.PI / 6)) / 2));
      const dhi = Math.max(0, ghi - dni * Math.cos((sun.zenith_deg * Math.PI) / 180));
      const poa = poaHayDavies(sun, plane, dni, dhi, ghi);
      expect(poa.beam_W_m2).toBeCloseTo(gb, 9);
      expect(Math.abs(poa.diffuse_W_m2 - gd) / gd).toBeLessThan(0.25);
    }
  });
});

describe('yields from the PVGIS TMY (45° N, 8° E)', () => {
  const w = readWeather(shared('tmy_45.000_8.000_2005_2023.csv'));
  it('a 30° south plane receives 10–20 % more than the horizontal over the year', () => {
    const poa = poaSeries(w, { tilt_deg: 30, azimuth_deg: 180 }).reduce((a, b) => a + b, 0);
    const ghi = w.ghi_W_m2.reduce((a, b) => a + b, 0);
    expect(poa / ghi).toBeGreaterThan(1.1);
    expect(poa / ghi).toBeLessThan(1.2);
  });

  it('PV yields 1,100–1,500 kWh/kWp a year there and zero at night; solar thermal follows the collector equation', () => {
    const y = pvYieldPerKWp(w, { tilt_deg: 30, azimuth_deg: 180 });
    const annual = y.reduce((a, b) => a + b, 0);
    expect(annual).toBeGreaterThan(1100);
    expect(annual).toBeLessThan(1500);
    expect(y[0]).toBe(0); // 1 January 00:00 UTC
    const plane = { tilt_deg: 45, azimuth_deg: 180 };
    const c = { eta0: 0.8, a1: 3.5, a2: 0.015, meanFluid_C: 50 };
    const st = solarThermalYieldPerM2(w, plane, c);
    const poa = poaSeries(w, plane);
    // Hour by hour the collector equation, by hand for the sunniest hour.
    let k = 0;
    for (let i = 1; i < poa.length; i++) if (poa[i] > poa[k]) k = i;
    const dT = 50 - w.temperature_C[k];
    expect(st[k]).toBeCloseTo(((0.8 - (3.5 * dT) / poa[k] - (0.015 * dT * dT) / poa[k]) * poa[k]) / 1000, 12);
    // Never more than η0 of the in-plane irradiation, and nothing at night.
    expect(st.reduce((a, b) => a + b, 0)).toBeLessThan((0.8 * poa.reduce((a, b) => a + b, 0)) / 1000);
    expect(st[0]).toBe(0);
  });
});
