import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dynamisation, parse1999, parse2025, period1999, standardLoadProfile } from './electricity';
import { hourIndex, siteYear } from '../../calendar/siteYear';
import { dayTypes } from '../../calendar/dayTypes';
import { importProfile } from '../import';

const asset = (f: string) => readFileSync(new URL(`../../../../assets/bdew/${f}`, import.meta.url), 'utf8');
const h25 = parse2025(asset('h25.csv'), 'h25.csv');
const g25 = parse2025(asset('g25.csv'), 'g25.csv');
const selp = parse1999(asset('selp_series.csv'));
const energy = (v: Float64Array, min: number) => v.reduce((s, x) => s + (x * min) / 60, 0);

describe('BDEW 2025 profiles', () => {
  it('scale to the annual energy exactly, at 15 and 60 minutes', () => {
    const q = standardLoadProfile(h25, 'H25', { year: 2025, state: 'BY', annual_kWh: 3500 });
    expect(q).toHaveLength(35040);
    expect(energy(q, 15)).toBeCloseTo(3500, 9);
    const h = standardLoadProfile(h25, 'H25', {
      year: 2025,
      state: 'BY',
      annual_kWh: 3500,
      resolution_min: 60,
    });
    expect(h).toHaveLength(8760);
    expect(energy(h, 60)).toBeCloseTo(3500, 9);
  });

  it('match the table by hand: 1 January 2025 (holiday → FT) vs 2 January (WT), first quarter hour, with dynamisation', () => {
    const q = standardLoadProfile(h25, 'H25', { year: 2025, state: 'BY', annual_kWh: 1e6 });
    // h25.csv row 00:00-00:15: January FT 23.148, WT 20.126 kWh per quarter hour.
    expect(q[0] / q[96]).toBeCloseTo((23.148 * dynamisation(1)) / (20.126 * dynamisation(2)), 12);
    // Dynamisation by hand: F(1) = −3.92e-10 + 3.2e-7 − 7.02e-5 + 2.1e-3 + 1.24
    expect(dynamisation(1)).toBeCloseTo(1.2420301, 7);
  });

  it('G25 is not dynamised and follows the federal state holidays', () => {
    const by = standardLoadProfile(g25, 'G25', { year: 2025, state: 'BY', annual_kWh: 1e6 });
    const be = standardLoadProfile(g25, 'G25', { year: 2025, state: 'BE', annual_kWh: 1e6 });
    // Fronleichnam (19 June): holiday in BY, not in BE; 12:00 CEST is 10:00 UTC (profiles follow legal time).
    const noon = hourIndex(siteYear(2025, 'Europe/Berlin'), Date.parse('2025-06-19T10:00:00Z')) * 4;
    const cells = asset('g25.csv').trim().split('\n')[2 + 48].split(','); // row 12:00-12:15
    const juneFT = Number(cells[1 + 5 * 3 + 1]);
    const juneWT = Number(cells[1 + 5 * 3 + 2]);
    // 1 January is a holiday in both states (same table cell), so by[0]/be[0] is the ratio of the two
    // scale factors; on Fronleichnam Bavaria uses the FT cell, Berlin the WT cell.
    expect(by[noon] / be[noon]).toBeCloseTo((juneFT / juneWT) * (by[0] / be[0]), 12);
    expect(juneFT).not.toBe(juneWT);
  });
});

describe('BDEW 1999 profiles', () => {
  it('seasons and the H0 table by hand', () => {
    expect(period1999(3, 20)).toBe(0);
    expect(period1999(3, 21)).toBe(2);
    expect(period1999(5, 15)).toBe(1);
    expect(period1999(9, 15)).toBe(2);
    expect(period1999(11, 1)).toBe(0);
    const q = standardLoadProfile(selp.H0, 'H0', { year: 2023, state: 'NW', annual_kWh: 1000 });
    expect(energy(q, 15)).toBeCloseTo(1000, 9);
    // 2 Jan 2023 (Monday, winter working day) vs 3 Jan (Tuesday): same table value, ratio of dynamisation only.
    expect(q[96] / q[2 * 96]).toBeCloseTo(dynamisation(2) / dynamisation(3), 12);
  });

  it('reads all eleven 1999 profiles', () => {
    expect(Object.keys(selp)).toEqual(['H0', 'G0', 'G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'L0', 'L1', 'L2']);
    const l0 = standardLoadProfile(selp.L0, 'L0', {
      year: 2024,
      state: 'NI',
      annual_kWh: 5000,
      resolution_min: 60,
    });
    expect(l0).toHaveLength(8784);
    expect(energy(l0, 60)).toBeCloseTo(5000, 9);
  });
});

describe('standard profiles in legal time (daylight saving time)', () => {
  const H0 = selp.H0;
  const DT = { WT: 0, SA: 1, FT: 2 } as const;
  const p2 = (n: number) => String(n).padStart(2, '0');

  /**
   * A meter file as a grid operator's H0 customer would deliver it: one row per quarter hour of the
   * wall clock in legal time, built from the VDEW table by date and clock time alone (no site year,
   * no UTC): on 30 March 2025 the rows 02:00–02:45 are missing, on 26 October they come twice.
   */
  function meterFile(year: number, state: 'NW'): string {
    const types = dayTypes(year, state);
    const rows = ['Zeitstempel;Leistung [kW]'];
    for (let d = 0; d < types.length; d++) {
      const date = new Date(Date.UTC(year, 0, 1 + d));
      const [m, day] = [date.getUTCMonth() + 1, date.getUTCDate()];
      const base = (period1999(m, day) * 3 + DT[types[d]]) * 96;
      const isoDay = `${year}-${p2(m)}-${p2(day)}`;
      const quarters = Array.from({ length: 96 }, (_, k) => k);
      if (isoDay === '2025-03-30') quarters.splice(8, 4); // 02:00–03:00 skipped
      if (isoDay === '2025-10-26') quarters.splice(12, 0, 8, 9, 10, 11); // 02:00–03:00 twice
      for (const k of quarters) {
        const v = H0.kW[base + k] * dynamisation(d + 1);
        rows.push(`${isoDay} ${p2(Math.floor(k / 4))}:${p2((k % 4) * 15)};${v}`);
      }
    }
    return rows.join('\n');
  }

  it('an imported H0 meter file in legal time and the generated H0 agree in every hour, change days included', () => {
    const r = importProfile(new TextEncoder().encode(meterFile(2025, 'NW')), {
      timeZone: 'Europe/Berlin',
      stamp: 'start',
      unit: 'kW',
    });
    expect(r.start).toBe('2024-12-31T23:00:00Z');
    expect(r.resolution_min).toBe(15);
    expect(r.count).toBe(35040);
    expect(r.issues).toEqual([]);
    // The file is in the table's units (kW for 1,000 kWh a year before dynamisation): scale both to 1,000 kWh.
    const imported = r.columns[0].values;
    const fileEnergy = energy(imported, 15);
    const generated = standardLoadProfile(H0, 'H0', {
      year: 2025,
      state: 'NW',
      annual_kWh: 1000,
      resolution_min: 60,
      timeZone: 'Europe/Berlin',
    });
    expect(generated).toHaveLength(8760);
    let worst = 0;
    for (let h = 0; h < 8760; h++) {
      let e = 0;
      for (let k = 0; k < 4; k++) e += imported[4 * h + k];
      worst = Math.max(worst, Math.abs(((e / 4) * 1000) / fileEnergy - generated[h]));
    }
    expect(worst).toBeLessThan(1e-6);
    // The change days by hand (both Sundays in the transition period): 30 March 01:00 UTC is 03:00 CEST (table row 03:00), 26 October 00:00 and
    // 01:00 UTC are both 02:00 on the wall clock (table row 02:00 twice).
    const sy = siteYear(2025, 'Europe/Berlin', 'NW');
    const q = standardLoadProfile(H0, 'H0', { year: 2025, state: 'NW', annual_kWh: 1000 });
    const scale = q[0] / (H0.kW[2 * 96] * dynamisation(1)); // 1 January: winter, holiday (FT)
    const spring = sy.springForward!.hour * 4;
    expect(q[spring] / scale).toBeCloseTo(H0.kW[(2 * 3 + 2) * 96 + 12] * dynamisation(89), 12);
    expect(q[spring - 1] / scale).toBeCloseTo(H0.kW[(2 * 3 + 2) * 96 + 7] * dynamisation(89), 12);
    const autumn = sy.fallBack!.hour * 4;
    for (const k of [0, 1, 2, 3]) {
      expect(q[autumn - 4 + k]).toBe(q[autumn + k]);
      expect(q[autumn + k] / scale).toBeCloseTo(H0.kW[(2 * 3 + 2) * 96 + 8 + k] * dynamisation(299), 12);
    }
  });

  it('are an hour earlier on the UTC axis in summer than on standard time, the same in winter', () => {
    const opts = { year: 2025, state: 'BY' as const, annual_kWh: 3500 };
    const legal = standardLoadProfile(h25, 'H25', opts);
    const standard = standardLoadProfile(h25, 'H25', { ...opts, timeZone: 'Etc/GMT-1' });
    const ratio = legal[10] / standard[10]; // the two years differ only in their scale factors
    for (let i = 0; i < 96; i++) expect(legal[20 * 96 + i] / standard[20 * 96 + i]).toBeCloseTo(ratio, 12);
    const june18 = hourIndex(siteYear(2025, 'Europe/Berlin'), Date.parse('2025-06-17T22:00:00Z')) * 4; // 00:00 CEST
    for (let i = 0; i < 96; i++) expect(legal[june18 + i] / standard[june18 + 4 + i]).toBeCloseTo(ratio, 12);
    expect(Math.abs(legal[june18 + 76] / standard[june18 + 76] - ratio)).toBeGreaterThan(0.01); // 19:00 vs 20:00
  });

  it('keep the annual energy exact in legal time: 1,000 kWh/a, common and leap years, 15 and 60 min', () => {
    for (const year of [2025, 2024])
      for (const resolution_min of [15, 60] as const) {
        const p = standardLoadProfile(selp.H0, 'H0', { year, state: 'HE', annual_kWh: 1000, resolution_min });
        expect(p).toHaveLength(((year === 2024 ? 8784 : 8760) * 60) / resolution_min);
        expect(Math.abs(energy(p, resolution_min) - 1000)).toBeLessThan(1e-9);
      }
  });
});
