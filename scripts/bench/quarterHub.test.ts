import { describe, expect, it } from 'vitest';
import { validateProject } from '../../solver/src/project/validate';
import type { Project } from '../../solver/src/project/types';
import { quarterHourly, quarterHub } from './quarterHub';
import { loadHub } from './examples';

describe('quarterHourly', () => {
  it('keeps every hour mean and stays on the line between neighbouring hours', () => {
    const q = quarterHourly([0, 8, 8, 16]);
    for (let h = 0; h < 4; h++)
      expect((q[4 * h] + q[4 * h + 1] + q[4 * h + 2] + q[4 * h + 3]) / 4).toBeCloseTo([0, 8, 8, 16][h], 12);
    // Hour 2 (8 kW between 8 and 16): the line 8, 8, 9, 11 has mean 9; scaled to mean 8.
    expect(q.slice(8, 12).map((v) => +v.toFixed(9))).toEqual([7.111111111, 7.111111111, 8, 9.777777778]);
    expect(Math.min(...q)).toBeGreaterThanOrEqual(0);
  });
});

describe('quarterHub', () => {
  it('is a valid quarter-hourly project with the hub’s annual demands', () => {
    const hub = loadHub();
    const p = quarterHub(hub);
    const again = validateProject(JSON.parse(JSON.stringify(p)));
    expect(again.ok).toBe(true);
    expect(p.site.timeStep_min).toBe(15);
    const sum = (id: string, proj: Project) =>
      (proj.timeSeries[id] as { values: number[] }).values.reduce((a, v) => a + v, 0);
    const heat = hub.demands.heat;
    expect((p.timeSeries[heat] as { values: number[] }).values).toHaveLength(35040);
    expect(sum(heat, p) / 4).toBeCloseTo(sum(heat, hub), 3);
    expect(hub.site.timeStep_min).toBeUndefined();
  });
});
