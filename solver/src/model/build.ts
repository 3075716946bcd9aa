import type { LpModel } from '../lp/model';
import { applyScenario } from '../project/scenario';
import { hoursInYear } from '../project/calendar';
import type { Project } from '../project/types';
import { clusterDays } from '../aggregation/typicalDays';
import { segmentDays } from '../aggregation/segments';
import { ModelContext, type Carrier } from './context';
import { fullGrid, type TimeGrid } from './timegrid';
import { hourlyMeans } from '../timeseries/resample';
import { addBoiler, addElectricBoiler } from './boilers';
import { addChp } from './chp';
import { addHeatPump } from './heatPump';
import { addPv, addSolarThermal } from './pv';
import { addBattery } from './battery';
import { addHeatStorage } from './heatStorage';
import { addGrid } from './grid';
import { addHeatDump } from './heatDump';
import { addConstraints, type Objective } from './constraints';

export type ModelMode = 'aggregated' | 'full';

export interface BuildOptions {
  scenarioId?: string;
  mode: ModelMode;
  /** Typical days in aggregated mode including the extreme days (default 24; 12 with `milp`). */
  typicalDays?: number;
  /** Minimum part loads with on/off binaries (aggregated mode only, unless `milpFull`). */
  milp?: boolean;
  /**
   * Full mode: honour `milp` too, one on/off binary per CHP and hour (the rolling-horizon dispatch of
   * run/rollingDispatch.ts solves that model window by window). Off by default, so that a full-year
   * run with `milp` stays the LP it has always been.
   */
  milpFull?: boolean;
  objective?: Objective;
  /**
   * Aggregated mode: steps per typical day (time segments of whole hours, aggregation/segments.ts);
   * 24 or absent: hourly typical days.
   */
  segments?: number;
  /** Epsilon constraint: annual CO2 at most this many tonnes (Pareto front). */
  co2Limit_t?: number;
  /** Fix capacities (full-year check after aggregated sizing): techId → capacity (and power for batteries). */
  fixedCapacities?: Record<string, { value: number; power?: number }>;
  /**
   * Full mode only: model just the first N hours, storage cyclic over them (analytic tests,
   * benchmarks); on a quarter-hourly site their 4 N quarter hours.
   */
  horizon_h?: number;
  /** Capacities at least these (a full-year check that may add capacity). */
  minimumCapacities?: Record<string, { value: number; power?: number }>;
  /** Diagnosis: add priced slack for unmet demand and unusable surplus to every balance row. */
  slackPenalty_EUR_kWh?: number;
}

export interface BuiltModel {
  model: LpModel;
  ctx: ModelContext;
  project: Project;
  grid: TimeGrid;
  demand: Record<Carrier, Float64Array>;
  balanceRows: Record<Carrier, Int32Array>;
  options: BuildOptions;
  /** The columns each technology added, in model order: `from` to `to` − 1. */
  techColumns: TechColumns[];
}

/** The columns one technology's model added (its capacity, dispatch and storage levels). */
export interface TechColumns {
  techId: string;
  from: number;
  to: number;
}

export const DEFAULT_TYPICAL_DAYS = 24;
/** The MILP's on/off binaries make each typical day costly; 12 keep it interactive (reference hub ~18 s). */
export const DEFAULT_MILP_TYPICAL_DAYS = 12;
/**
 * Time segments per typical day of an LP sizing (docs/decisions: time segments). Measured on the
 * reference hub: 8 segments take the sizing from 2.9 s to 0.5 s and its objective's error against the
 * exact year from 0.72 % to 0.64 %, where 8 hourly typical days of the same LP size err by 1.98 %.
 */
export const DEFAULT_SEGMENTS = 8;

/**
 * The segments a run sizes on: the caller's, else {@link DEFAULT_SEGMENTS} for an LP and hourly
 * typical days for a MILP (its on/off binaries and start-ups are per hour).
 */
export function sizingSegments(opts: { segments?: number; milp?: boolean }): number | undefined {
  return opts.segments ?? (opts.milp ? undefined : DEFAULT_SEGMENTS);
}

/** Model steps per hour of a project's full year: 4 with site.timeStep_min = 15, else 1. */
export const stepsPerHourOf = (project: Project): number => (project.site.timeStep_min === 15 ? 4 : 1);

export function timeGrid(
  project: Project,
  ctxSeries: (id: string) => Float64Array,
  opts: BuildOptions,
): TimeGrid {
  const yearHours = hoursInYear(project.site.year, project.site.timeZone);
  if (opts.mode === 'full')
    return fullGrid(yearHours, Math.min(yearHours, opts.horizon_h ?? yearHours), stepsPerHourOf(project));
  // Typical days are chosen and cut into segments on hourly values (quarter-hourly series averaged
  // per hour); the model then reads every series' mean over each step (ModelContext.at).
  const hourly = (id: string) => hourlyMeans(ctxSeries(id), yearHours);
  const heat = hourly(project.demands.heat);
  const el = hourly(project.demands.electricity);
  const features = [heat, el];
  for (const t of project.technologies)
    if (t.type === 'pv' || t.type === 'solarThermal') features.push(hourly(t.yieldSeries));
  if (project.site.ambientTemperature) features.push(hourly(project.site.ambientTemperature));
  const imp = project.grid.import?.price_EUR_kWh;
  if (imp && typeof imp === 'object') features.push(hourly(imp.series));
  const days = clusterDays(
    features,
    opts.typicalDays ?? (opts.milp ? DEFAULT_MILP_TYPICAL_DAYS : DEFAULT_TYPICAL_DAYS),
    [heat, el],
  );
  const K = days.medoidDays.length;
  // Day blocks of 24 axis hours from hour 0: days of the site's standard time (see ARCHITECTURE.md, Time axis).
  // With time segments each typical day is cut into S steps of whole hours (aggregation/segments.ts).
  const S = opts.segments !== undefined && opts.segments < 24 ? opts.segments : 24;
  const lengths = S < 24 ? segmentDays(features, days.medoidDays, S) : undefined;
  const hours = new Int32Array(K * S);
  const weight = new Float64Array(K * S);
  const duration = lengths ? new Float64Array(K * S) : undefined;
  for (let k = 0; k < K; k++) {
    let h = 0;
    for (let j = 0; j < S; j++) {
      const n = lengths ? lengths[k][j] : 1;
      hours[k * S + j] = days.medoidDays[k] * 24 + h;
      weight[k * S + j] = days.counts[k] * n;
      if (duration) duration[k * S + j] = n;
      h += n;
    }
  }
  return {
    mode: 'aggregated',
    hours,
    weight,
    ...(duration ? { duration_h: duration } : {}),
    periodLength: S,
    numPeriods: K,
    sequence: days.sequence,
    yearHours,
  };
}

/** Builds the LP/MILP of a project (one scenario) by technology family. */
export function buildModel(base: Project, opts: BuildOptions): BuiltModel {
  const project = applyScenario(base, opts.scenarioId);
  const probe = new ModelContext(
    project,
    fullGrid(hoursInYear(project.site.year, project.site.timeZone)),
    'probe',
  );
  const grid = timeGrid(project, (id) => probe.series(id), opts);
  const ctx = new ModelContext(project, grid, `${project.name} [${opts.scenarioId ?? 'base'}, ${opts.mode}]`);
  const milp = (opts.milp ?? false) && (opts.mode === 'aggregated' || (opts.milpFull ?? false));
  addGrid(ctx);
  const techColumns: TechColumns[] = [];
  for (const t of project.technologies) {
    const from = ctx.b.numCols;
    switch (t.type) {
      case 'boiler':
        addBoiler(ctx, t);
        break;
      case 'electricBoiler':
        addElectricBoiler(ctx, t);
        break;
      case 'chp':
        addChp(ctx, t, milp);
        break;
      case 'heatPump':
        addHeatPump(ctx, t);
        break;
      case 'pv':
        addPv(ctx, t);
        break;
      case 'solarThermal':
        addSolarThermal(ctx, t);
        break;
      case 'battery':
        addBattery(ctx, t);
        break;
      case 'heatStorage':
        addHeatStorage(ctx, t);
        break;
      case 'heatDump':
        addHeatDump(ctx, t);
        break;
    }
    techColumns.push({ techId: t.id, from, to: ctx.b.numCols });
  }
  if (opts.fixedCapacities) {
    for (const c of ctx.capacities) {
      const fixed = opts.fixedCapacities[c.techId];
      if (!fixed) continue;
      ctx.b.setBounds(c.col, fixed.value, fixed.value);
      if (c.powerCol !== undefined && fixed.power !== undefined)
        ctx.b.setBounds(c.powerCol, fixed.power, fixed.power);
    }
  }
  if (opts.minimumCapacities) {
    for (const c of ctx.capacities) {
      const min = opts.minimumCapacities[c.techId];
      if (!min) continue;
      ctx.b.raiseLower(c.col, min.value);
      if (c.powerCol !== undefined && min.power !== undefined) ctx.b.raiseLower(c.powerCol, min.power);
    }
  }
  const demand = {
    heat: ctx.series(project.demands.heat),
    electricity: ctx.series(project.demands.electricity),
  };
  const balanceRows = ctx.addBalances(demand, opts.slackPenalty_EUR_kWh);
  addConstraints(ctx, demand.heat, opts);
  return { model: ctx.b.build(), ctx, project, grid, demand, balanceRows, options: opts, techColumns };
}
