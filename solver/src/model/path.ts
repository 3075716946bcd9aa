import type { LpModel } from '../lp/model';
import {
  builtInService,
  existingInService,
  interpolate,
  pathCalendar,
  periodProject,
  stepValue,
  type PathCalendar,
  type PeriodInfo,
} from '../project/periods';
import type { Project, Technology } from '../project/types';
import { buildModel, type BuildOptions, type BuiltModel } from './build';

/**
 * The transformation path as one LP (docs/model.md, Transformation path): one block per period,
 * each the single-year model of that period (model/build.ts on `periodProject`), coupled only
 * through the capacities:
 *
 *   cap[d,q] − Σ_{p ≤ q, in service at q} build[d,p] = existing[d,q]            (capacity of period q)
 *   min  Σ_q D_q · (operating cost_q + fixed O&M_q − aid_q)
 *      + Σ_p build[d,p] · capex_d · (1 − grant[d,p]) · (d(y_p) − residual[d,p] · d(E))
 *
 * with D_q the period's operation discount, d(y) the investment discount, E the horizon end and
 * residual[d,p] = max(0, (y_p + L_d − E) / L_d) the linear residual value. The blocks' own annuity
 * and subsidy terms are taken out of the objective (they stay in the blocks' cost records for the
 * annuity view of the results). BEW operating aid of a period, for heat pumps and solar thermal:
 *
 *   aid[t,q] ≤ rate_q · Σ_s w_s · heat[t,q,s]                         (only on heat produced)
 *   aid[t,q] ≤ rate_q · H[t,q] · Σ_{p: 0 ≤ y_q − y_p < aid years} build[t,p]  (only on plants built on the path)
 *
 * with H the most heat one unit of capacity can give in the period's year (kWh per kW or m²).
 */

export interface PathDimension {
  techId: string;
  dimension: 'value' | 'power';
  unit: 'kW' | 'kWh' | 'kWp' | 'm2';
  capex_EUR_per_unit: number;
  lifetime_a: number;
  /** Existing capacity in service per period. */
  existing: number[];
  /** Grant share of capacity built in each period. */
  grantShare: number[];
  /** Share of the investment left at the horizon end, per build period. */
  residualShare: number[];
  /** Present value per unit built in each period: investment less grant less residual value. */
  investCoef: number[];
  /** Columns (in the path model) of the build per period and of the capacity per period. */
  build: Int32Array;
  cap: Int32Array;
  /** Whether capacity built in period p is in service in period q: inService[p][q]. */
  inService: boolean[][];
}

export interface PathBlock {
  info: PeriodInfo;
  project: Project;
  built: BuiltModel;
  colOffset: number;
  rowOffset: number;
}

export interface PathAid {
  techId: string;
  period: number;
  col: number;
  rate_EUR_kWh: number;
}

export interface PathModel {
  model: LpModel;
  calendar: PathCalendar;
  blocks: PathBlock[];
  dims: PathDimension[];
  aids: PathAid[];
  /** Years of BEW operating aid after a plant is built. */
  aidYears: number;
}

const INVEST_CATEGORIES = new Set(['annuity', 'subsidy']);

/** A block's objective without its annuities and subsidies (the path prices investment itself). */
export function operatingCosts(built: BuiltModel): { cost: Float64Array; offset: number } {
  const cost = Float64Array.from(built.model.colCost);
  for (const t of built.ctx.costs) if (INVEST_CATEGORIES.has(t.category)) cost[t.col] -= t.coef;
  let offset = built.model.objectiveOffset;
  for (const c of built.ctx.constantCosts) if (INVEST_CATEGORIES.has(c.category)) offset -= c.value_EUR;
  return { cost, offset };
}

class Stack {
  names: string[] = [];
  lower: number[] = [];
  upper: number[] = [];
  cost: number[] = [];
  int: number[] = [];
  rowNames: string[] = [];
  rowLower: number[] = [];
  rowUpper: number[] = [];
  rowStart: number[] = [0];
  colIndex: number[] = [];
  values: number[] = [];
  offset = 0;
  hasInt = false;

  col(name: string, lower: number, upper: number, cost: number): number {
    this.names.push(name);
    this.lower.push(lower);
    this.upper.push(upper);
    this.cost.push(cost);
    this.int.push(0);
    return this.names.length - 1;
  }

  row(name: string, cols: number[], coefs: number[], lower: number, upper: number): number {
    for (let k = 0; k < cols.length; k++)
      if (coefs[k] !== 0) {
        this.colIndex.push(cols[k]);
        this.values.push(coefs[k]);
      }
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowStart.push(this.colIndex.length);
    return this.rowNames.length - 1;
  }

  /** Appends a whole model, its costs scaled; returns its column and row offsets. */
  block(m: LpModel, prefix: string, cost: Float64Array, scale: number): { col: number; row: number } {
    const col = this.names.length;
    const row = this.rowNames.length;
    for (let j = 0; j < m.colNames.length; j++) {
      this.names.push(prefix + m.colNames[j]);
      this.lower.push(m.colLower[j]);
      this.upper.push(m.colUpper[j]);
      this.cost.push(cost[j] * scale);
      const integer = m.colIntegrality?.[j] ?? 0;
      this.int.push(integer);
      if (integer) this.hasInt = true;
    }
    for (let i = 0; i < m.rowNames.length; i++) {
      for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) {
        this.colIndex.push(m.colIndex[k] + col);
        this.values.push(m.values[k]);
      }
      this.rowNames.push(prefix + m.rowNames[i]);
      this.rowLower.push(m.rowLower[i]);
      this.rowUpper.push(m.rowUpper[i]);
      this.rowStart.push(this.colIndex.length);
    }
    return { col, row };
  }

  build(name: string): LpModel {
    return {
      name,
      objectiveOffset: this.offset,
      colNames: this.names,
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      colCost: Float64Array.from(this.cost),
      colIntegrality: this.hasInt ? Uint8Array.from(this.int) : undefined,
      rowNames: this.rowNames,
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStart: Int32Array.from(this.rowStart),
      colIndex: Int32Array.from(this.colIndex),
      values: Float64Array.from(this.values),
    };
  }
}

/** The capacity dimensions of the path (main capacity; battery power too), without columns yet. */
function dimensionsOf(
  project: Project,
  cal: PathCalendar,
  first: BuiltModel,
): Omit<PathDimension, 'build' | 'cap'>[] {
  const ps = project.periods;
  const years = cal.periods.map((p) => p.year);
  return first.ctx.capacities.flatMap((c) => {
    const t = project.technologies.find((x) => x.id === c.techId) as Technology;
    const base = (
      dimension: 'value' | 'power',
      unit: PathDimension['unit'],
      capex: number,
      existing: number,
    ) => {
      const grantShare = years.map(
        (y) => interpolate(ps?.subsidies?.investment_share?.[t.id], y) ?? t.subsidy_share ?? 0,
      );
      const residualShare = years.map((y) => Math.max(0, (y + t.lifetime_a - cal.horizonEnd) / t.lifetime_a));
      const endDiscount = Math.pow(1 + cal.interestRate, -(cal.horizonEnd - cal.baseYear));
      return {
        techId: t.id,
        dimension,
        unit,
        capex_EUR_per_unit: capex,
        lifetime_a: t.lifetime_a,
        existing: years.map((y) => (existingInService(t, y) ? existing : 0)),
        grantShare,
        residualShare,
        investCoef: cal.periods.map(
          (p, k) => capex * (1 - grantShare[k]) * (p.investmentDiscount - residualShare[k] * endDiscount),
        ),
        inService: years.map((yp) => years.map((yq) => builtInService(t, yp, yq))),
      };
    };
    const dims = [base('value', c.unit, t.capex_EUR_per_unit, t.existing ?? 0)];
    if (c.powerCol !== undefined && t.type === 'battery')
      dims.push(base('power', 'kW', t.capexPower_EUR_kW, 0));
    return dims;
  });
}

/** Σ_s w_s · heat_out[s] of a technology in a block, as (global column, coefficient) pairs. */
function heatOutTerms(block: PathBlock, techId: string): { cols: number[]; coefs: number[] } {
  const cols: number[] = [];
  const coefs: number[] = [];
  const { ctx, grid } = block.built;
  for (const f of ctx.flows)
    if (f.techId === techId && f.name === 'heat_out')
      for (let s = 0; s < ctx.T; s++)
        if (f.cols[s] >= 0 && f.coefs[s] !== 0) {
          cols.push(f.cols[s] + block.colOffset);
          coefs.push(grid.weight[s] * f.coefs[s]);
        }
  return { cols, coefs };
}

/** The most heat per unit of capacity in a block's year: Σ_s w_s (heat pump, kWh/kW) or Σ_s w_s · yield_s (solar thermal). */
function heatPerUnit(block: PathBlock, t: Technology): number {
  const { ctx, grid } = block.built;
  let h = 0;
  const y = t.type === 'solarThermal' ? ctx.series(t.yieldSeries) : undefined;
  for (let s = 0; s < ctx.T; s++) h += grid.weight[s] * (y ? ctx.at(y, s) : 1);
  return h;
}

function addOperatingAid(st: Stack, project: Project, blocks: PathBlock[], dims: PathDimension[]): PathAid[] {
  const bew = project.periods?.bew;
  if (!bew) return [];
  const aidYears = bew.operatingAidYears ?? 10;
  const aids: PathAid[] = [];
  for (const t of project.technologies) {
    const path =
      t.type === 'heatPump'
        ? bew.heatPump_EUR_kWh
        : t.type === 'solarThermal'
          ? bew.solarThermal_EUR_kWh
          : undefined;
    const dim = dims.find((d) => d.techId === t.id && d.dimension === 'value');
    if (!path || !dim) continue;
    for (const block of blocks) {
      const q = block.info.index;
      const rate = interpolate(path, block.info.year) ?? 0;
      if (rate <= 0) continue;
      const col = st.col(`aid_${t.id}[${block.info.year}]`, 0, Infinity, -block.info.operationDiscount);
      const heat = heatOutTerms(block, t.id);
      // aid ≤ rate · Σ_s w_s · heat[s]
      st.row(
        `aid_heat_${t.id}[${block.info.year}]`,
        [col, ...heat.cols],
        [1, ...heat.coefs.map((c) => -rate * c)],
        -Infinity,
        0,
      );
      // aid ≤ rate · H · Σ_{eligible p} build[p]
      const H = heatPerUnit(block, t);
      const eligible = blocks.filter(
        (b) =>
          b.info.index <= q && dim.inService[b.info.index][q] && block.info.year - b.info.year < aidYears,
      );
      st.row(
        `aid_plants_${t.id}[${block.info.year}]`,
        [col, ...eligible.map((b) => dim.build[b.info.index])],
        [1, ...eligible.map(() => -rate * H)],
        -Infinity,
        0,
      );
      aids.push({ techId: t.id, period: q, col, rate_EUR_kWh: rate });
    }
  }
  return aids;
}

/** Builds the path LP of a project (its scenario already applied). */
export function buildPathModel(project: Project, opts: BuildOptions): PathModel {
  if (opts.objective === 'co2')
    throw new Error('a transformation path minimises cost; CO2 enters through caps and prices');
  const calendar = pathCalendar(project);
  const st = new Stack();
  const blocks: PathBlock[] = calendar.periods.map((info) => {
    const pp = periodProject(project, info.year);
    const built = buildModel(pp, { ...opts, scenarioId: undefined });
    const { cost, offset } = operatingCosts(built);
    const at = st.block(built.model, `p${info.year}:`, cost, info.operationDiscount);
    st.offset += offset * info.operationDiscount;
    return { info, project: pp, built, colOffset: at.col, rowOffset: at.row };
  });
  const dims: PathDimension[] = dimensionsOf(project, calendar, blocks[0].built).map((d) => {
    const t = project.technologies.find((x) => x.id === d.techId) as Technology;
    const build = Int32Array.from(blocks, (b, p) => {
      const limit =
        d.dimension === 'value'
          ? stepValue(project.periods?.targets?.maxNewCapacity?.[t.id], b.info.year)
          : undefined;
      return st.col(
        `build_${d.techId}${d.dimension === 'power' ? '_power' : ''}[${b.info.year}]`,
        0,
        limit ?? Infinity,
        d.investCoef[p],
      );
    });
    const cap = Int32Array.from(blocks, (b) => {
      const c = b.built.ctx.capacities.find((x) => x.techId === d.techId)!;
      return (d.dimension === 'power' ? c.powerCol! : c.col) + b.colOffset;
    });
    return { ...d, build, cap };
  });
  for (const d of dims)
    blocks.forEach((b, q) => {
      // cap[q] − Σ_{p in service at q} build[p] = existing[q]
      const builds = blocks.map((_, p) => p).filter((p) => d.inService[p][q]);
      st.row(
        `capacity_${d.techId}${d.dimension === 'power' ? '_power' : ''}[${b.info.year}]`,
        [d.cap[q], ...builds.map((p) => d.build[p])],
        [1, ...builds.map(() => -1)],
        d.existing[q],
        d.existing[q],
      );
    });
  const aids = addOperatingAid(st, project, blocks, dims);
  return {
    aidYears: project.periods?.bew?.operatingAidYears ?? 10,
    model: st.build(`${project.name} [path ${calendar.periods.map((p) => p.year).join(', ')}]`),
    calendar,
    blocks,
    dims,
    aids,
  };
}
