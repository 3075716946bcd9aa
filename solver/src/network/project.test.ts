import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveProject } from '../run/solve';
import { validateProject } from '../project/validate';
import type { Project } from '../project/types';
import { withNetwork } from './project';

function example(): Project {
  const r = validateProject(
    JSON.parse(
      readFileSync(new URL('../../../assets/examples/district-network.json', import.meta.url), 'utf8'),
    ),
  );
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.project;
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
const values = (p: Project, id: string) => {
  const s = p.timeSeries[id];
  return 'values' in s ? s.values : [];
};

describe('a project with a heat network', () => {
  const project = example();
  const net = withNetwork(project);

  it('feeds in the buildings’ heat plus the losses, hour by hour in the project’s demand shape', () => {
    const p = net.project!;
    const d = net.design!;
    expect(p.demands.heat).toBe('network_heat');
    const heat = values(p, 'network_heat');
    // Σ_h feed-in (kWh) = (delivered + losses) · 1000
    expect(sum(heat) / 1000).toBeCloseTo(d.summary.heatDelivered_MWh_a + d.summary.heatLoss_MWh_a, 6);
    // buildings' part ∝ the project's own heat demand: (feed-in − losses) / demand is one constant
    const own = values(project, project.demands.heat);
    const k = (heat[100] - d.lossesHourly_kW[100]) / own[100];
    for (const h of [0, 2000, 4000, 8000])
      expect((heat[h] - d.lossesHourly_kW[h]) / own[h]).toBeCloseTo(k, 9);
  });

  it('adds the pump electricity to the electricity demand', () => {
    const p = net.project!;
    const before = sum(values(project, project.demands.electricity));
    const after = sum(values(p, 'network_electricity'));
    expect((after - before) / 1000).toBeCloseTo(net.design!.summary.pumpElectricity_MWh_a, 6);
    expect(net.design!.summary.pumpElectricity_MWh_a).toBeGreaterThan(0);
  });

  it('on a quarter-hourly site: designs on hourly means and keeps the electricity quarter-hourly', () => {
    const q: Project = structuredClone(project);
    q.site.timeStep_min = 15;
    for (const id of [q.demands.heat, q.demands.electricity]) {
      const v = values(project, id);
      // each hour's value as four quarters of +10 %, −10 %, +10 %, −10 % (the hour's mean kept)
      q.timeSeries[id] = { unit: 'kW', values: v.flatMap((x) => [1.1 * x, 0.9 * x, 1.1 * x, 0.9 * x]) };
    }
    const qn = withNetwork(q);
    const heat = values(qn.project!, 'network_heat');
    expect(heat).toHaveLength(8760);
    expect(heat[100]).toBeCloseTo(values(net.project!, 'network_heat')[100], 9);
    const el = values(qn.project!, 'network_electricity');
    expect(el).toHaveLength(4 * 8760);
    expect(sum(el) / 4).toBeCloseTo(sum(values(net.project!, 'network_electricity')), 3);
    expect(el[400] - el[401]).toBeCloseTo(0.2 * values(project, project.demands.electricity)[100], 9);
  });

  it('ends a run with the located input problem when the GeoJSON is bad', async () => {
    const bad: Project = {
      ...project,
      network: { geojson: { type: 'FeatureCollection', features: [] } },
    };
    expect(withNetwork(bad).project).toBeUndefined();
    const out = await solveProject(bad);
    expect(out.results.status).toBe('error');
    expect(out.reasons).toContain('There is no plant site: add a point feature with "kind": "plant".');
  });

  it('on a path, lowers losses with the temperatures while the pipes stay those sized for the smallest spread', () => {
    const path: Project = {
      ...project,
      periods: { years: [2025, 2035, 2045] },
      network: {
        ...project.network!,
        params: {
          supplyTemperaturePath_C: { '2025': 75, '2035': 65 },
          returnTemperaturePath_C: { '2035': 40 },
        },
      },
    };
    const r = withNetwork(path);
    expect(r.byYear!.map((y) => [y.year, y.supply_C, y.return_C])).toEqual([
      [2025, 75, 45],
      [2035, 65, 40],
      [2045, 65, 40],
    ]);
    const [d2025, d2035] = r.byYear!.map((y) => y.design);
    // the same pipes in every period, sized for 65/40 °C (ΔT 25 K): at least the DN of a 75/45 design
    expect(d2035.pipes.map((p) => p.dn)).toEqual(d2025.pipes.map((p) => p.dn));
    const own = net.design!.pipes;
    d2025.pipes.forEach((p, i) => expect(p.dn).toBeGreaterThanOrEqual(own[i].dn));
    // losses ∝ (Ts + Tr − 2·Tsoil): (65 + 40 − 20) / (75 + 45 − 20) = 85 / 100 with the same pipes
    expect(d2035.summary.heatLoss_MWh_a / d2025.summary.heatLoss_MWh_a).toBeCloseTo(0.85, 9);
    const p = r.project!;
    expect(p.periods!.demand!.heat!.series).toEqual({
      '2025': 'network_heat_2025',
      '2035': 'network_heat_2035',
      '2045': 'network_heat_2045',
    });
    expect(sum(values(p, 'network_heat_2035')) / 1000).toBeCloseTo(
      d2035.summary.heatDelivered_MWh_a + d2035.summary.heatLoss_MWh_a,
      6,
    );
  });
});
