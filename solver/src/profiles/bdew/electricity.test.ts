import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dynamisation, parse1999, parse2025, period1999, standardLoadProfile } from './electricity';

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
    const d = (Date.UTC(2025, 5, 19) - Date.UTC(2025, 0, 1)) / 86_400_000; // Fronleichnam: holiday in BY, not in BE
    const noon = d * 96 + 48;
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
