import { describe, expect, it } from 'vitest';
import { siteYear } from '../calendar/siteYear';
import { onSiteYear, siteWeather } from './site';

describe('the weather of a site', () => {
  it('is the DWD TRY 2015 of the nearest region when the project names none', () => {
    const w = siteWeather({ latitude_deg: 52.52, longitude_deg: 13.4 }); // Berlin
    expect(w.kind).toBe('dwd-try');
    if (w.kind !== 'dwd-try') return;
    expect(w.region.region).toBe(4);
    expect(w.region.place).toBe('Potsdam');
    expect(w.year).toBe(2015);
    expect(w.chosen).toBe(false);
    expect(w.distance_km).toBeGreaterThan(20);
    expect(w.distance_km).toBeLessThan(30);
    const munich = siteWeather({ latitude_deg: 48.14, longitude_deg: 11.58 });
    expect(munich.kind === 'dwd-try' && munich.region.region).toBe(13);
  });

  it('takes the region and year the project chose, and a file as named', () => {
    const w = siteWeather({
      latitude_deg: 52.52,
      longitude_deg: 13.4,
      weather: { kind: 'dwd-try', region: 2, year: 2045 },
    });
    expect(w.kind === 'dwd-try' && [w.region.region, w.year, w.chosen]).toEqual([2, 2045, true]);
    const f = siteWeather({ weather: { kind: 'file', name: 'x.epw', format: 'epw' } });
    expect(f).toEqual({ kind: 'file', name: 'x.epw', format: 'epw' });
  });

  it('falls back to region 4 (Potsdam) without coordinates and says so', () => {
    const w = siteWeather({});
    expect(w.kind === 'dwd-try' && [w.region.region, w.noPosition, w.year]).toEqual([4, true, 2015]);
  });

  it('places a typical year on the site year by the file clock, leap day repeated', () => {
    const v = Float64Array.from({ length: 8760 }, (_, i) => i);
    const berlin = siteYear(2023, 'Europe/Berlin');
    // TRY rows are in CET: hour 0 of the site year (00:00 CET) is row 0
    const tr = onSiteYear({ utcOffset_h: 1 }, v, berlin);
    expect(tr).toHaveLength(8760);
    expect(Array.from(tr)).toEqual(Array.from(v));
    // PVGIS rows are in UTC: 00:00 CET = 23:00 UTC of the previous day (cyclic), 01:00 CET = row 0
    const pv = onSiteYear({ utcOffset_h: 0 }, v, berlin);
    expect(pv[0]).toBe(8759);
    expect(pv[1]).toBe(0);
    // a leap year: 29 February repeats 28 February, 1 March onwards as in the file
    const leap = onSiteYear({ utcOffset_h: 1 }, v, siteYear(2024, 'Europe/Berlin'));
    expect(leap).toHaveLength(8784);
    expect(leap[59 * 24]).toBe(58 * 24);
    expect(leap[60 * 24]).toBe(59 * 24);
    expect(leap[8783]).toBe(8759);
  });
});
