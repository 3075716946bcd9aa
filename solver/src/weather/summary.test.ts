import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readWeather } from './readers';
import { summarizeWeather } from './summary';

const shared = (f: string) =>
  readFileSync(new URL(`../../../../shared/data/weather/${f}`, import.meta.url), 'utf8');

describe('weather summary', () => {
  it('Potsdam TRY2015: annual and monthly figures add up; January is the TRY rows MM = 1', () => {
    const text = shared('TRY2015_523938130651_Jahr.dat');
    const w = readWeather(text);
    const s = summarizeWeather(w);
    expect(s.hours).toBe(8760);
    expect(s.meanTemperature_C).toBeCloseTo(870658 / 87600, 9);
    const monthSum = s.months.reduce((a, m) => a + m.globalHorizontal_kWh_m2, 0);
    expect(monthSum).toBeCloseTo(s.globalHorizontal_kWh_m2, 9);
    // January by hand from the file: the rows with MM = 1.
    const lines = text.split('\n');
    const jan = lines
      .slice(lines.findIndex((l) => l.startsWith('***')) + 1)
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f[2] === '1');
    expect(jan).toHaveLength(744);
    const janT = jan.reduce((a, f) => a + Number(f[5]), 0) / 744;
    const janG = jan.reduce((a, f) => a + Number(f[12]) + Number(f[13]), 0) / 1000;
    expect(s.months[0].meanTemperature_C).toBeCloseTo(janT, 9);
    expect(s.months[0].globalHorizontal_kWh_m2).toBeCloseTo(janG, 9);
    // Summer is sunnier and warmer than winter.
    expect(s.months[5].globalHorizontal_kWh_m2).toBeGreaterThan(5 * s.months[11].globalHorizontal_kWh_m2);
    expect(s.months[6].meanTemperature_C).toBeGreaterThan(s.months[0].meanTemperature_C + 10);
  });
});
