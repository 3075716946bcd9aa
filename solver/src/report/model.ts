import type { Project } from '../project/types';
import { hoursInYear } from '../project/calendar';
import { hourlyMeans } from '../timeseries/resample';
import type { Dispatch, Results } from '../results/results';
import { carrierStacks } from '../results/views';
import { networkOf, type ReportNetwork } from './network';
import { pathOf, type ReportPath } from './transformation';

/** The result of one scenario as the report reads it (from `solveProject` or the planner's store). */
export interface ReportRun {
  scenarioId: string;
  scenarioName: string;
  results: Results;
  /** Hourly dispatch of the full year; null when none was kept (then the charts are left out). */
  dispatch: Dispatch | null;
}

export interface ReportInput {
  project: Project;
  /** The base first, then the scenarios in the order they appear in the report. */
  runs: ReportRun[];
  generatedAt?: Date;
}

export interface DemandSummary {
  annual_MWh: number;
  peak_kW: number;
  /** The hourly values sorted from high to low (load duration curve), kW. */
  duration_kW: Float64Array;
  /** The hourly values in time order, kW. */
  hourly_kW: Float64Array;
}

export interface ReportModel {
  project: Project;
  generatedAt: Date;
  runs: ReportRun[];
  base: ReportRun;
  demands: { heat: DemandSummary | null; electricity: DemandSummary | null };
  /** First row (index into the base dispatch) of the week with the most and the least heat output. */
  weeks: { winter: number; summer: number } | null;
  /** Technology id → display name and type ('grid' included). */
  techs: Record<string, { name: string; type: string }>;
  /** Every technology and flow with an annual energy in any run, in a stable order. */
  flows: { techId: string; flow: string }[];
  /** The Transformationsplan: the figures of the base result's transformation path; null for a single year. */
  path: ReportPath | null;
  /** The heat network section: the figures of the base result's network; null when it has none. */
  network: ReportNetwork | null;
}

export class ReportInputError extends Error {}

const WEEK = 168;

function demandSummary(project: Project, seriesId: string): DemandSummary | null {
  const spec = project.timeSeries[seriesId];
  if (!spec || !('values' in spec) || !Array.isArray(spec.values) || spec.values.length === 0) return null;
  // Hourly for the profile and the duration curve (a quarter-hourly series as its hourly means); the
  // peak is the series' own, a quarter hour's on a quarter-hourly site.
  const values = Float64Array.from(spec.values);
  const hourly = hourlyMeans(values, hoursInYear(project.site.year, project.site.timeZone));
  let sum = 0;
  let peak = -Infinity;
  for (const v of hourly) sum += v;
  for (const v of values) peak = Math.max(peak, v);
  const duration = Float64Array.from(hourly).sort().reverse();
  return { annual_MWh: sum / 1000, peak_kW: peak, duration_kW: duration, hourly_kW: hourly };
}

/** Heat delivered per dispatch row: heat output of the plants and net discharge of heat storage. */
export function heatOutput(d: Dispatch, techs: ReportModel['techs']): Float64Array {
  const out = new Float64Array(d.hours.length);
  for (const s of carrierStacks(d, 'heat', techs).supply)
    for (let k = 0; k < s.values.length; k++) out[k] += s.values[k];
  return out;
}

/** The week (starting at midnight) with the largest and the smallest heat output of the dispatch. */
export function pickWeeks(heat: Float64Array): { winter: number; summer: number } | null {
  if (heat.length < WEEK) return null;
  let best = { winter: 0, summer: 0, max: -Infinity, min: Infinity };
  for (let start = 0; start + WEEK <= heat.length; start += 24) {
    let s = 0;
    for (let k = start; k < start + WEEK; k++) s += heat[k];
    if (s > best.max) best = { ...best, winter: start, max: s };
    if (s < best.min) best = { ...best, summer: start, min: s };
  }
  return { winter: best.winter, summer: best.summer };
}

/** Collects what every part of the report needs from the project and the results of its scenarios. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { project, runs } = input;
  if (runs.length === 0) throw new ReportInputError('a report needs at least one result (the base)');
  const seen = new Set<string>();
  for (const [i, r] of runs.entries()) {
    if (!r.results || typeof r.results !== 'object' || !r.results.capacities)
      throw new ReportInputError(`result ${i + 1} (scenario '${r.scenarioId}') has no results`);
    if (seen.has(r.scenarioId))
      throw new ReportInputError(`scenario '${r.scenarioId}' appears twice in the report`);
    seen.add(r.scenarioId);
  }
  const base = runs[0];
  const techs: ReportModel['techs'] = { grid: { name: 'grid', type: 'grid' } };
  for (const t of project.technologies) techs[t.id] = { name: t.name ?? t.id, type: t.type };
  for (const r of runs)
    for (const id of Object.keys(r.results.annual)) techs[id] ??= { name: id, type: 'unknown' };
  const path = pathOf(base.results);
  // Technologies that only a later period of the path has (built on the path) keep their ids as names too.
  for (const pr of path?.periods ?? [])
    for (const id of [...Object.keys(pr.capacities), ...Object.keys(pr.generation_MWh.heat)])
      techs[id.replace(/\.power$/, '')] ??= { name: id.replace(/\.power$/, ''), type: 'unknown' };

  const flows: ReportModel['flows'] = [];
  const flowKeys = new Set<string>();
  for (const r of runs)
    for (const [techId, byFlow] of Object.entries(r.results.annual))
      for (const key of Object.keys(byFlow)) {
        const flow = key.replace(/_MWh$/, '');
        if (!flowKeys.has(`${techId}.${flow}`)) {
          flowKeys.add(`${techId}.${flow}`);
          flows.push({ techId, flow });
        }
      }

  return {
    project,
    generatedAt: input.generatedAt ?? new Date(),
    runs,
    base,
    demands: {
      heat: demandSummary(project, project.demands.heat),
      electricity: demandSummary(project, project.demands.electricity),
    },
    weeks: base.dispatch ? pickWeeks(heatOutput(base.dispatch, techs)) : null,
    techs,
    flows,
    path,
    network: networkOf(base.results),
  };
}

/** The overrides of a scenario, for the comparison table (empty for the base). */
export function scenarioOverrides(project: Project, scenarioId: string): Record<string, unknown> {
  return project.scenarios?.find((s) => s.id === scenarioId)?.overrides ?? {};
}
