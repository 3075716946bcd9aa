import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { buildModel } from './build';
import { battery, testProject } from './testing';

/**
 * Time segments lose nothing where every profile is constant within the segments: then the hourly
 * typical-day LP has an optimum that is constant within each segment too (average any optimum over
 * a segment: same cost, same storage levels at the segment ends), so both sizings cost the same.
 */
describe('typical days in time segments against hourly typical days', () => {
  let highs: SolverBackend;
  beforeAll(async () => (highs = await createHighsBackend()));
  afterAll(() => highs.dispose());

  // Electricity and import price constant over 3-hour blocks (8 a day), different per block and day.
  const block = (h: number) => Math.floor((h % 24) / 3);
  const day = (h: number) => Math.floor(h / 24);
  const el = Array.from({ length: 8760 }, (_, h) => 50 + 10 * block(h) + 20 * Math.sin(day(h) / 9));
  const price = Array.from({ length: 8760 }, (_, h) => 0.2 + 0.05 * Math.cos(block(h) + day(h) / 30));
  const p = testProject({
    electricity: el,
    gridImport: { price, peak: 5 },
    technologies: [battery('bat', 0.5, 2)],
  });

  it('gives the hourly objective and capacities with 8 segments of 3 h', async () => {
    const hourly = buildModel(p, { mode: 'aggregated', typicalDays: 4 });
    const seg = buildModel(p, { mode: 'aggregated', typicalDays: 4, segments: 8 });
    const K = hourly.grid.numPeriods;
    expect(seg.grid.hours).toHaveLength(K * 8);
    expect(Array.from(seg.grid.duration_h!)).toEqual(new Array(K * 8).fill(3));
    const a = await highs.solve(hourly.model);
    const b = await highs.solve(seg.model);
    expect(a.status).toBe('optimal');
    expect(b.objective).toBeCloseTo(a.objective, 6);
    const cap = (m: typeof hourly, x: Float64Array) => {
      const c = m.ctx.capacities.find((q) => q.techId === 'bat')!;
      return [x[c.col], x[c.powerCol!]];
    };
    // The battery shaves the peak: it is built, and alike in both.
    expect(cap(hourly, a.x)[1]).toBeGreaterThan(1);
    expect(cap(seg, b.x)[0]).toBeCloseTo(cap(hourly, a.x)[0], 4);
    expect(cap(seg, b.x)[1]).toBeCloseTo(cap(hourly, a.x)[1], 4);
  });

  it('is an approximation with fewer segments than blocks: within 10 % here', async () => {
    const hourly = await highs.solve(buildModel(p, { mode: 'aggregated', typicalDays: 4 }).model);
    const four = await highs.solve(buildModel(p, { mode: 'aggregated', typicalDays: 4, segments: 4 }).model);
    // Averaging pairs of blocks flattens prices and loads: the battery earns less, the peak looks lower.
    // The sizing's cost moves (here 6 % up); the full-year check and refinement price the real hours.
    expect(Math.abs(four.objective - hourly.objective) / hourly.objective).toBeLessThan(0.1);
    expect(four.objective).not.toBeCloseTo(hourly.objective, 0);
  });
});
