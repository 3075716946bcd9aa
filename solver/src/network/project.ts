import type { Project } from '../project/types';
import { hoursInYear } from '../project/calendar';
import { hourlyMeans } from '../timeseries/resample';
import { designNetwork, NetworkInputError, networkParams } from './design';
import { readNetworkCollection } from './geojson';
import { isPath, stepValue } from '../project/periods';
import type { NetworkDesign, NetworkIssue, NetworkParams } from './types';

/** The network input and parameters of a project with a `network` (issues when the GeoJSON is bad). */
export function projectNetworkInput(project: Project) {
  const net = project.network;
  if (!net) return undefined;
  const read = readNetworkCollection(net.geojson);
  return { ...read, params: networkParams(net.params ?? {}) };
}

/** The temperatures of each period of a path whose network lowers them (undefined: one design). */
function periodTemperatures(project: Project, params: NetworkParams) {
  if (!isPath(project) || (!params.supplyTemperaturePath_C && !params.returnTemperaturePath_C))
    return undefined;
  return project.periods!.years.map((year) => ({
    year,
    supply_C: stepValue(params.supplyTemperaturePath_C, year) ?? params.supplyTemperature_C,
    return_C: stepValue(params.returnTemperaturePath_C, year) ?? params.returnTemperature_C,
  }));
}

const feedIn = (d: NetworkDesign) => ({
  unit: 'kW',
  values: Array.from(d.plantHourly_kW),
  source: 'Wärmenetz: Gebäudebedarf + Leitungsverluste / heat network: buildings + pipe losses',
});

/**
 * A project with a heat network as the project the plants are sized for (docs/network.md,
 * "Coupling"): the network is designed with the project's heat demand as the buildings' hourly
 * shape, scaled to the buildings' annual heat; the heat demand becomes the heat the plant feeds in
 * (buildings plus pipe losses) and the pump electricity adds to the electricity demand. Both go into
 * new series (`network_heat`, `network_electricity`) so that a series used elsewhere is unchanged.
 * On a transformation path with temperature paths, the pipes are sized once for the smallest
 * spread along the path and each period gets its own feed-in and pump series
 * (`network_heat_<year>`, through periods.demand.*.series).
 */
export function withNetwork(project: Project): {
  project?: Project;
  design?: NetworkDesign;
  byYear?: { year: number; supply_C: number; return_C: number; design: NetworkDesign }[];
  issues: NetworkIssue[];
} {
  const read = projectNetworkInput(project);
  if (!read) return { project, issues: [] };
  if (!read.input) return { issues: read.issues };
  const input = read.input;
  const heat = project.timeSeries[project.demands.heat];
  // The network is designed and operated hourly: a quarter-hourly demand gives its hourly means.
  const hours = hoursInYear(project.site.year, project.site.timeZone);
  const shape = heat && 'values' in heat ? hourlyMeans(Float64Array.from(heat.values), hours) : undefined;
  const temps = periodTemperatures(project, read.params);
  const sizeAt = temps?.reduce((a, b) => (b.supply_C - b.return_C < a.supply_C - a.return_C ? b : a));
  let designs: NetworkDesign[];
  try {
    designs = (temps ?? [undefined]).map((t) =>
      designNetwork(
        input,
        t
          ? { ...read.params, supplyTemperature_C: t.supply_C, returnTemperature_C: t.return_C }
          : read.params,
        { demandShape: shape, sizeAt },
      ),
    );
  } catch (e) {
    if (e instanceof NetworkInputError) return { issues: [...read.issues, ...e.issues] };
    throw e;
  }
  const design = designs[0];
  const issues = [...read.issues, ...design.issues];
  if (design.summary.buildings === 0) return { design, issues };
  const el = project.timeSeries[project.demands.electricity];
  const elValues = el && 'values' in el ? el.values : [];
  const electricity = (d: NetworkDesign) => ({
    unit: el?.unit ?? 'kW',
    // A quarter-hourly electricity demand stays so; the hourly pump power holds over each hour's quarters.
    values:
      elValues.length === 4 * hours
        ? elValues.map((v, q) => v + d.pumpHourly_kW[Math.floor(q / 4)])
        : Array.from(d.pumpHourly_kW, (p, h) => (elValues[h] ?? 0) + p),
    source: 'Strombedarf + Netzpumpen / electricity demand + network pumps',
  });
  const timeSeries: Project['timeSeries'] = {
    ...project.timeSeries,
    network_heat: feedIn(design),
    network_electricity: electricity(design),
  };
  let periods = project.periods;
  if (temps && periods) {
    const heatSeries: Record<string, string> = { ...periods.demand?.heat?.series };
    const elSeries: Record<string, string> = { ...periods.demand?.electricity?.series };
    temps.forEach((t, k) => {
      timeSeries[`network_heat_${t.year}`] = feedIn(designs[k]);
      timeSeries[`network_electricity_${t.year}`] = electricity(designs[k]);
      heatSeries[String(t.year)] = `network_heat_${t.year}`;
      elSeries[String(t.year)] = `network_electricity_${t.year}`;
    });
    periods = {
      ...periods,
      demand: {
        ...periods.demand,
        heat: { ...periods.demand?.heat, series: heatSeries },
        electricity: { ...periods.demand?.electricity, series: elSeries },
      },
    };
  }
  return {
    design,
    byYear: temps?.map((t, k) => ({ ...t, design: designs[k] })),
    issues,
    project: {
      ...project,
      timeSeries,
      periods,
      demands: { ...project.demands, heat: 'network_heat', electricity: 'network_electricity' },
    },
  };
}
