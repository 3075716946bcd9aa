import type { DemandPath, PriceSpec, Project, Technology, YearPath } from './types';

/**
 * The periods of a transformation path and the single-year project each period stands for
 * (docs/model.md, Transformation path). A period p with year y_p stands for the years
 * y_p … y_{p+1} − 1 (the last for `lastPeriodYears`); the horizon ends at E = y_last + years_last.
 * Money is discounted to the base year b at the project's interest rate i:
 *   operation discount D_p = Σ_{k=0}^{years_p − 1} (1 + i)^−(y_p + k − b),
 *   investment discount   d(y) = (1 + i)^−(y − b).
 */
export interface PeriodInfo {
  index: number;
  year: number;
  /** Years the period stands for. */
  years: number;
  /** Σ of the discount factors of its years: turns an annual cost into its present value. */
  operationDiscount: number;
  /** Discount factor of its first year (investments are paid then). */
  investmentDiscount: number;
}

export interface PathCalendar {
  periods: PeriodInfo[];
  baseYear: number;
  horizonEnd: number;
  interestRate: number;
}

/** Whether a project is a transformation path of two or more periods (one period is the single year). */
export const isPath = (p: Project): boolean => (p.periods?.years.length ?? 0) > 1;

export function pathCalendar(project: Project): PathCalendar {
  const ys = project.periods?.years ?? [project.site.year];
  const i = project.economics.interestRate;
  const baseYear = project.periods?.baseYear ?? ys[0];
  const last =
    project.periods?.lastPeriodYears ?? (ys.length > 1 ? ys[ys.length - 1] - ys[ys.length - 2] : 1);
  const df = (y: number) => Math.pow(1 + i, -(y - baseYear));
  const periods = ys.map((year, index) => {
    const years = index < ys.length - 1 ? ys[index + 1] - year : last;
    let operationDiscount = 0;
    for (let k = 0; k < years; k++) operationDiscount += df(year + k);
    return { index, year, years, operationDiscount, investmentDiscount: df(year) };
  });
  const end = periods[periods.length - 1];
  return { periods, baseYear, horizonEnd: end.year + end.years, interestRate: i };
}

/**
 * A path's value in a year: 'interpolate' (prices, factors) linearly between the given years and
 * the nearest one held outside them; 'step' (targets, caps) the latest given year at or before it,
 * none before the first. `from` is the year the value comes from when it is one year's value.
 */
export function pathValue(
  path: YearPath | undefined,
  year: number,
  mode: 'interpolate' | 'step',
): { value: number; from?: number } | undefined {
  const pts = Object.entries(path ?? {})
    .map(([y, v]) => [Number(y), v] as const)
    .sort((a, b) => a[0] - b[0]);
  if (!pts.length) return undefined;
  if (mode === 'step') {
    const before = pts.filter(([y]) => y <= year).pop();
    return before && { value: before[1], from: before[0] };
  }
  if (year <= pts[0][0]) return { value: pts[0][1], from: pts[0][0] };
  const last = pts[pts.length - 1];
  if (year >= last[0]) return { value: last[1], from: last[0] };
  const k = pts.findIndex(([y]) => y > year);
  const [y0, v0] = pts[k - 1];
  const [y1, v1] = pts[k];
  return { value: v0 + ((v1 - v0) * (year - y0)) / (y1 - y0) };
}

/** A price or factor path at a year: linear between the given years, constant outside them. */
export const interpolate = (path: YearPath | undefined, year: number): number | undefined =>
  pathValue(path, year, 'interpolate')?.value;

/** A target at a year: the value of the latest given year up to it (a step); none before the first. */
export const stepValue = (path: YearPath | undefined, year: number): number | undefined =>
  pathValue(path, year, 'step')?.value;

/** Whether existing capacity of a plant is still in service in a period of that year. */
export const existingInService = (t: Technology, year: number): boolean =>
  t.commissioned_year === undefined || year < t.commissioned_year + t.lifetime_a;

/** Whether capacity built in year `built` is still in service in a period of year `year`. */
export const builtInService = (t: Technology, built: number, year: number): boolean =>
  year >= built && year < built + t.lifetime_a;

const scalePrice = (spec: PriceSpec, f: number): PriceSpec =>
  f === 1
    ? spec
    : typeof spec === 'number'
      ? spec * f
      : { series: spec.series, scale: (spec.scale ?? 1) * f, adder: (spec.adder ?? 0) * f };

function demandSeries(
  project: Project,
  out: Project,
  which: 'heat' | 'electricity',
  path: DemandPath | undefined,
  year: number,
  firstYear: number,
): void {
  if (!path) return;
  const id = path.series?.[String(year)] ?? project.demands[which];
  const factor =
    (interpolate(path.factor, year) ?? 1) * Math.pow(1 - (path.renovationRate_per_a ?? 0), year - firstYear);
  if (factor === 1 && id === project.demands[which]) return;
  const spec = project.timeSeries[id];
  if (!spec || !('values' in spec))
    throw new Error(`time series '${id}' refers to a file; load it before building the model`);
  const derived = `${which}_${year}`;
  out.timeSeries[derived] = { ...spec, values: spec.values.map((v) => v * factor) };
  out.demands[which] = derived;
}

/**
 * The single-year project of one period: demand, prices, CO2 price, grid emission factor and
 * renewable share, targets and the existing capacity still in service in that year. Capacities
 * built on the path are added by the path model (model/path.ts), not here.
 */
export function periodProject(project: Project, year: number): Project {
  const ps = project.periods;
  const out: Project = { ...structuredClone({ ...project, periods: undefined, scenarios: undefined }) };
  delete out.periods;
  delete out.scenarios;
  if (!ps) return out;
  const firstYear = ps.years[0];
  demandSeries(project, out, 'heat', ps.demand?.heat, year, firstYear);
  demandSeries(project, out, 'electricity', ps.demand?.electricity, year, firstYear);
  const pr = ps.prices ?? {};
  for (const [fuelId, path] of Object.entries(pr.fuelPrice_factor ?? {})) {
    const f = interpolate(path, year);
    if (f !== undefined && out.fuels[fuelId])
      out.fuels[fuelId].price_EUR_kWh = scalePrice(out.fuels[fuelId].price_EUR_kWh, f);
  }
  const imp = out.grid.import;
  if (imp) {
    imp.price_EUR_kWh = scalePrice(imp.price_EUR_kWh, interpolate(pr.gridImportPrice_factor, year) ?? 1);
    imp.co2_kg_kWh = interpolate(pr.gridCo2_kg_kWh, year) ?? imp.co2_kg_kWh;
    const ren = interpolate(pr.gridRenewableShare, year);
    if (ren !== undefined) imp.renewableShare = ren;
  }
  const exp = out.grid.export;
  if (exp)
    exp.price_EUR_kWh = scalePrice(exp.price_EUR_kWh, interpolate(pr.gridExportPrice_factor, year) ?? 1);
  out.economics.co2Price_EUR_t = interpolate(pr.co2Price_EUR_t, year) ?? out.economics.co2Price_EUR_t;
  const share = stepValue(ps.targets?.minRenewableHeatShare, year);
  const cap = stepValue(ps.targets?.co2Cap_t, year);
  if (share !== undefined || cap !== undefined) {
    out.constraints = { ...out.constraints };
    if (share !== undefined) out.constraints.minRenewableHeatShare = share;
    if (cap !== undefined) out.constraints.co2Cap_t = cap;
  }
  out.technologies = out.technologies.map((t) => {
    const copy = { ...t };
    if (!existingInService(t, year)) delete copy.existing;
    delete copy.commissioned_year;
    return copy;
  });
  return out;
}
