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
});
