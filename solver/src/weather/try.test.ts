import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { irradianceInstant_ms } from './readers';
import {
  DWD_ATTRIBUTION,
  DWD_PROCESSED_ATTRIBUTION,
  fetchTryLoader,
  loadTry,
  TRY_REGIONS,
  tryFileName,
  tryFor,
} from './try';
import { pvYieldPerKWp } from './yields';

const asset = async (f: string) =>
  new Uint8Array(readFileSync(new URL(`../../../assets/weather/dwd-try/${f}`, import.meta.url)));
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('TRY region of a site', () => {
  it('picks the nearest representative cell and says how far it is', () => {
    const berlin = tryFor(52.52, 13.405);
    expect(berlin.region.region).toBe(4);
    expect(berlin.region.place).toBe('Potsdam');
    expect(berlin.distance_km).toBeCloseTo(26.97, 1);
    expect(berlin.year).toBe(2015);
    expect(berlin.chosen).toBe(false);
    expect(tryFor(48.137, 11.575).region.place).toBe('Mühldorf');
    expect(tryFor(53.55, 9.99).region.place).toBe('Hamburg');
    expect(tryFor(47.99, 7.85).region.place).toBe('Stötten'); // Freiburg: nearest cell, not the official region
    // Every representative cell picks its own region at distance 0.
    for (const r of TRY_REGIONS) {
      const c = tryFor(r.latitude_deg, r.longitude_deg);
      expect(c.region.region).toBe(r.region);
      expect(c.distance_km).toBeCloseTo(0, 9);
    }
  });

  it('lets the caller pick another region or the 2045 projection', () => {
    const c = tryFor(52.52, 13.405, { region: 12, year: 2045 });
    expect(c.region.place).toBe('Mannheim');
    expect(c.year).toBe(2045);
    expect(c.chosen).toBe(true);
    expect(c.distance_km).toBeGreaterThan(400);
    expect(() => tryFor(52, 13, { region: 16 })).toThrow(/TRY region must be 1 to 15/);
    expect(() => tryFor(95, 13)).toThrow(/out of range/);
  });

  it('names the packed file of each region and year', () => {
    expect(tryFileName(4, 2015)).toBe('try2015_r04.txt.gz');
    expect(tryFileName(15, 2045)).toBe('try2045_r15.txt.gz');
  });
});

describe('packed DWD TRY', () => {
  it('Potsdam TRY2015: the reader returns the attribution, position, time basis and mean 9.939 °C', async () => {
    const w = await loadTry(4, 2015, asset);
    expect(w.source).toBe('dwd-try');
    expect(w.name).toBe('DWD TRY2015 region 04 Potsdam (Nordostdeutsches Tiefland)');
    expect(w.attribution).toBe('Quelle: Deutscher Wetterdienst');
    expect(w.derivedAttribution).toBe('Datenbasis: Deutscher Wetterdienst, Werte verarbeitet');
    expect([DWD_ATTRIBUTION, DWD_PROCESSED_ATTRIBUTION]).toEqual([w.attribution, w.derivedAttribution]);
    expect([w.tryRegion, w.tryYear]).toEqual([4, 2015]);
    expect(w.latitude_deg).toBeCloseTo(52.3938, 3);
    expect(w.longitude_deg).toBeCloseTo(13.0651, 3);
    expect(w.elevation_m).toBe(34);
    expect(w.hourStart[0]).toBe('2000-12-31T23:00:00Z');
    expect(new Date(irradianceInstant_ms(w, 0)).toISOString()).toBe('2000-12-31T23:30:00.000Z');
    // Σ t over the 8,760 rows of region04_TRY2015_523938130651_Jahr.dat is 87,065.8 °C·h.
    expect(sum(w.temperature_C) / 8760).toBeCloseTo(870658 / 87600, 9);
    expect(sum(w.temperature_C) / 8760).toBeCloseTo(9.939, 3);
    const p = await loadTry(4, 2045, asset);
    expect(p.name).toMatch(/^DWD TRY2045 region 04 Potsdam/);
    expect(sum(p.temperature_C) / 8760).toBeCloseTo(11.09, 2);
  });

  it('every region: annual global horizontal 950–1250 kWh/m², 2045 warmer than 2015', async () => {
    for (const r of TRY_REGIONS) {
      const [a, b] = await Promise.all([loadTry(r.region, 2015, asset), loadTry(r.region, 2045, asset)]);
      for (const w of [a, b]) {
        const ghi = sum(w.ghi_W_m2) / 1000;
        expect(ghi, w.name).toBeGreaterThan(950);
        expect(ghi, w.name).toBeLessThan(1250);
      }
      expect(sum(b.temperature_C), r.place).toBeGreaterThan(sum(a.temperature_C));
    }
  });

  it('PV facing south at 35° in Potsdam with 14 % losses: 900–1150 kWh/kWp', async () => {
    const w = await loadTry(4, 2015, asset);
    const y = sum(pvYieldPerKWp(w, { tilt_deg: 35, azimuth_deg: 180, losses: 0.14 }));
    expect(y).toBeGreaterThan(900);
    expect(y).toBeLessThan(1150);
  });

  it('reads plain (already decompressed) bytes too, as fetch gives them when a server sends Content-Encoding', async () => {
    const plain = async (f: string) => gunzipSync(await asset(f));
    const w = await loadTry(4, 2015, plain);
    expect(sum(w.temperature_C) / 8760).toBeCloseTo(870658 / 87600, 9);
  });

  it('fetchTryLoader fetches the file by name under the base URL', async () => {
    const seen: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: URL) => {
      seen.push(String(url));
      return new Response(await asset('try2015_r04.txt.gz'));
    }) as typeof fetch;
    try {
      const w = await loadTry(4, 2015, fetchTryLoader('https://app.example/assets/dwd-try/'));
      expect(w.tryRegion).toBe(4);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(seen).toEqual(['https://app.example/assets/dwd-try/try2015_r04.txt.gz']);
  });

  it('refuses an unknown region', async () => {
    await expect(loadTry(0, 2015, asset)).rejects.toThrow(/TRY region must be 1 to 15/);
  });
});
