import { describe, expect, it } from 'vitest';
import type { Chp } from '../project/types';
import { buildModel, timeGrid } from './build';
import { battery, boiler, chpPlant, colBounds, testProject } from './testing';

/** A heat demand with a cold (day 10) peak and a daily shape, so clustering has something to do. */
function heatYear(): number[] {
  return Array.from(
    { length: 8760 },
    (_, h) => 100 + 50 * Math.cos((2 * Math.PI * h) / 8760) + (h % 24) + (h === 250 ? 500 : 0),
  );
}

describe('timeGrid', () => {
  it('full mode: the whole year or the first horizon_h hours', () => {
    const p = testProject({ technologies: [] });
    expect(timeGrid(p, () => new Float64Array(8760), { mode: 'full' }).hours).toHaveLength(8760);
    expect(timeGrid(p, () => new Float64Array(8760), { mode: 'full', horizon_h: 5 }).hours).toHaveLength(5);
  });

  it('aggregated mode: 24 hours of each typical day, weighted by its days, covering the year', () => {
    const p = testProject({ heat: heatYear(), technologies: [] });
    const series = (id: string) => Float64Array.from((p.timeSeries[id] as { values: number[] }).values);
    const g = timeGrid(p, series, { mode: 'aggregated', typicalDays: 5 });
    expect(g.numPeriods).toBe(5);
    expect(g.periodLength).toBe(24);
    expect(g.hours).toHaveLength(5 * 24);
    expect(g.sequence).toHaveLength(365);
    expect(g.weight.reduce((a, b) => a + b, 0)).toBe(8760);
    for (let k = 0; k < 5; k++) {
      const day = g.hours[k * 24] / 24;
      expect(Number.isInteger(day)).toBe(true);
      for (let h = 0; h < 24; h++) {
        expect(g.hours[k * 24 + h]).toBe(day * 24 + h);
        expect(g.weight[k * 24 + h]).toBe(g.sequence!.filter((c) => c === k).length);
      }
    }
    // The peak day (hour 250 is on day 10) is a typical day of its own, standing for itself only.
    const peak = Array.from(g.hours).indexOf(250);
    expect(peak).toBeGreaterThanOrEqual(0);
    expect(g.weight[peak]).toBe(1);
  });

  it('aggregated mode with segments: S steps per typical day of whole hours, still covering the year', () => {
    const p = testProject({ heat: heatYear(), technologies: [] });
    const series = (id: string) => Float64Array.from((p.timeSeries[id] as { values: number[] }).values);
    const hourly = timeGrid(p, series, { mode: 'aggregated', typicalDays: 5 });
    const g = timeGrid(p, series, { mode: 'aggregated', typicalDays: 5, segments: 6 });
    expect(g.periodLength).toBe(6);
    expect(g.hours).toHaveLength(5 * 6);
    expect(g.sequence).toEqual(hourly.sequence);
    expect(g.weight.reduce((a, b) => a + b, 0)).toBe(8760);
    for (let k = 0; k < 5; k++) {
      const day = hourly.hours[k * 24];
      let h = day;
      for (let j = 0; j < 6; j++) {
        // Each segment starts where the one before ended; its weight is its days times its hours.
        expect(g.hours[k * 6 + j]).toBe(h);
        expect(g.weight[k * 6 + j]).toBe(hourly.weight[k * 24] * g.duration_h![k * 6 + j]);
        h += g.duration_h![k * 6 + j];
      }
      expect(h).toBe(day + 24);
    }
    // The peak hour 250 of the peak day keeps a segment of its own (the spike is 500 kW above its neighbours).
    const peak = Array.from(g.hours).indexOf(250);
    expect(g.duration_h![peak]).toBe(1);
    // 24 segments are the hourly grid.
    expect(timeGrid(p, series, { mode: 'aggregated', typicalDays: 5, segments: 24 })).toEqual(hourly);
  });
});

describe('buildModel options', () => {
  const p = testProject({
    heat: [100, 200, 150],
    technologies: [boiler('gb', 0.9, 1), battery('bat', 1, 1)],
  });

  it('fixes capacities, the battery power with them', () => {
    const { model } = buildModel(p, {
      mode: 'full',
      horizon_h: 3,
      fixedCapacities: { gb: { value: 250 }, bat: { value: 40, power: 10 } },
    });
    expect(colBounds(model, 'cap_gb')).toEqual([250, 250]);
    expect(colBounds(model, 'cap_bat')).toEqual([40, 40]);
    expect(colBounds(model, 'cap_power_bat')).toEqual([10, 10]);
  });

  it('raises lower bounds to minimum capacities', () => {
    const { model } = buildModel(p, {
      mode: 'full',
      horizon_h: 3,
      minimumCapacities: { gb: { value: 120 }, bat: { value: 5, power: 2 } },
    });
    expect(colBounds(model, 'cap_gb')).toEqual([120, Infinity]);
    expect(colBounds(model, 'cap_power_bat')).toEqual([2, Infinity]);
  });

  it('models on/off binaries only in aggregated mode', () => {
    const chp: Chp = chpPlant({ max: 100, minLoad_share: 0.5 });
    const q = testProject({ heat: heatYear(), technologies: [chp] });
    expect(buildModel(q, { mode: 'full', horizon_h: 3, milp: true }).model.colIntegrality).toBeUndefined();
    const agg = buildModel(q, { mode: 'aggregated', milp: true, typicalDays: 3 });
    expect(agg.model.colIntegrality).toBeDefined();
    expect(agg.grid.numPeriods).toBe(3);
  });

  it('models on/off binaries in full mode when milpFull asks for them', () => {
    const chp: Chp = chpPlant({ max: 100, minLoad_share: 0.5 });
    const q = testProject({ heat: heatYear(), technologies: [chp] });
    const full = buildModel(q, { mode: 'full', horizon_h: 3, milp: true, milpFull: true }).model;
    const on = full.colNames.flatMap((n, j) => (full.colIntegrality?.[j] ? [n] : []));
    expect(on).toEqual(['on_chp[t=0]', 'on_chp[t=1]', 'on_chp[t=2]']);
    expect(full.rowNames).toContain('min_load_chp[t=2]');
    expect(
      buildModel(q, { mode: 'full', horizon_h: 3, milpFull: true }).model.colIntegrality,
    ).toBeUndefined();
  });
});
