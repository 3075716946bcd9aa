import type { Project } from '../project/types';
import { designNetwork, NetworkInputError, networkParams } from './design';
import { readFeatures } from './geojson';
import type { NetworkDesign, NetworkIssue } from './types';

/** The network input and parameters of a project with a `network` (issues when the GeoJSON is bad). */
export function projectNetworkInput(project: Project) {
  const net = project.network;
  if (!net) return undefined;
  const doc = net.geojson as { type?: unknown; features?: unknown; crs?: unknown };
  const read =
    doc.type === 'FeatureCollection' && Array.isArray(doc.features)
      ? readFeatures(doc.features as Parameters<typeof readFeatures>[0], doc.crs)
      : {
          issues: [
            { code: 'notFeatureCollection', severity: 'error', values: { reason: '' } } as NetworkIssue,
          ],
        };
  return { ...read, params: networkParams(net.params ?? {}) };
}

/**
 * A project with a heat network as the project the plants are sized for (docs/network.md,
 * "Coupling"): the network is designed with the project's heat demand as the buildings' hourly
 * shape, scaled to the buildings' annual heat; the heat demand becomes the heat the plant feeds in
 * (buildings plus pipe losses) and the pump electricity adds to the electricity demand. Both go into
 * new series (`network_heat`, `network_electricity`) so that a series used elsewhere is unchanged.
 */
export function withNetwork(project: Project): {
  project?: Project;
  design?: NetworkDesign;
  issues: NetworkIssue[];
} {
  const read = projectNetworkInput(project);
  if (!read) return { project, issues: [] };
  if (!read.input) return { issues: read.issues };
  const heat = project.timeSeries[project.demands.heat];
  const shape = heat && 'values' in heat ? Float64Array.from(heat.values) : undefined;
  let design: NetworkDesign;
  try {
    design = designNetwork(read.input, read.params, { demandShape: shape });
  } catch (e) {
    if (e instanceof NetworkInputError) return { issues: [...read.issues, ...e.issues] };
    throw e;
  }
  const issues = [...read.issues, ...design.issues];
  if (design.summary.buildings === 0) return { design, issues };
  const el = project.timeSeries[project.demands.electricity];
  const elValues = el && 'values' in el ? el.values : [];
  const electricity = Array.from(design.pumpHourly_kW, (p, h) => (elValues[h] ?? 0) + p);
  return {
    design,
    issues,
    project: {
      ...project,
      timeSeries: {
        ...project.timeSeries,
        network_heat: {
          unit: 'kW',
          values: Array.from(design.plantHourly_kW),
          source: 'Wärmenetz: Gebäudebedarf + Leitungsverluste / heat network: buildings + pipe losses',
        },
        network_electricity: {
          unit: el?.unit ?? 'kW',
          values: electricity,
          source: 'Strombedarf + Netzpumpen / electricity demand + network pumps',
        },
      },
      demands: { ...project.demands, heat: 'network_heat', electricity: 'network_electricity' },
    },
  };
}
