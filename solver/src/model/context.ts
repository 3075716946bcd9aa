import { LinExpr } from '../lp/expr';
import { LpBuilder } from '../lp/model';
import type { PriceSpec, Project, Technology } from '../project/types';
import { costOf, EURPerUnit, kgCO2PerUnit, type EUR } from '../units';
import { annualCapacityCost_EUR } from './economics';
import { numSteps, stepHours, stepLabel, stepStart_h, type TimeGrid } from './timegrid';

export type Carrier = 'heat' | 'electricity';

export type CostCategory =
  | 'annuity'
  | 'subsidy'
  | 'fixedOm'
  | 'variableOm'
  | 'fuel'
  | 'gridEnergy'
  | 'gridPeak'
  | 'co2'
  | 'exportRevenue'
  | 'bonus';

/** A per-step flow of one technology into (+) or out of (−) a carrier balance, for results. */
export interface Flow {
  techId: string;
  carrier: Carrier;
  /** e.g. 'heat_out', 'el_in', 'charge', 'discharge', 'import', 'export', 'fuel'. */
  name: string;
  /** Column per step (−1: none), and the coefficient turning the column value into kW of this flow. */
  cols: Int32Array;
  coefs: Float64Array;
  /** Fixed kW per step added to the flow (e.g. uncurtailable PV output is coef × capacity, not a column). */
}

export interface CapacityInfo {
  techId: string;
  unit: 'kW' | 'kWh' | 'kWp' | 'm2';
  col: number;
  /** Second capacity (battery power). */
  powerCol?: number;
}

export interface StorageInfo {
  techId: string;
  carrier: Carrier;
  /** Columns of the state of charge per step (full mode) or intra-period state (aggregated). */
  soc: Int32Array;
  charge: Int32Array;
  discharge: Int32Array;
  /** Aggregated mode: inter-period state per day boundary. */
  interSoc?: Int32Array;
}

export interface CostTerm {
  category: CostCategory;
  techId: string;
  col: number;
  /** EUR per unit of the column: its value times this is the term's annual cost. */
  coef: EURPerUnit;
}

/** The shared state every technology family adds its variables, rows and costs to. */
export class ModelContext {
  readonly b: LpBuilder;
  readonly T: number;
  /** Supply − use per carrier and step: the left-hand side of each balance row. */
  private readonly net: Record<Carrier, LinExpr[]>;
  readonly flows: Flow[] = [];
  readonly capacities: CapacityInfo[] = [];
  readonly storages: StorageInfo[] = [];
  readonly costs: CostTerm[] = [];
  /** Constant costs (e.g. fixed O&M of existing plant), per category and technology. */
  readonly constantCosts: { category: CostCategory; techId: string; value_EUR: EUR }[] = [];
  /** CO2 per column in kg per unit of the column value (already weighted by step). */
  readonly emissions: { col: number; kg: kgCO2PerUnit }[] = [];
  /** Renewable heat per column (weighted kWh per unit), for the renewable-share constraint. */
  readonly renewableHeat: { col: number; coef: number }[] = [];
  /** Slack columns of a diagnosis model (see run/explain.ts). */
  readonly slacks: { carrier: Carrier; step: number; unmet: number; surplus: number }[] = [];
  private readonly seriesCache = new Map<string, Float64Array>();
  /** With time segments, quarter hours or quarter-hourly series: each series' mean per step, on first use. */
  private readonly segmentMeans = new WeakMap<Float64Array, Float64Array>();

  constructor(
    readonly project: Project,
    readonly grid: TimeGrid,
    name: string,
  ) {
    this.b = new LpBuilder(name);
    this.T = numSteps(grid);
    const make = () => Array.from({ length: this.T }, () => new LinExpr());
    this.net = { heat: make(), electricity: make() };
  }

  label(step: number): string {
    return stepLabel(this.grid, step);
  }

  /** Full-year hourly values of a series (inline values only; files are resolved before model building). */
  series(id: string): Float64Array {
    let s = this.seriesCache.get(id);
    if (!s) {
      const spec = this.project.timeSeries[id];
      if (!spec) throw new Error(`time series '${id}' is not defined`);
      if (!('values' in spec))
        throw new Error(`time series '${id}' refers to file ${spec.file}; load it before building the model`);
      s = Float64Array.from(spec.values);
      this.seriesCache.set(id, s);
    }
    return s;
  }

  /**
   * Value of a series at a step: the mean of the series over the time the step covers. A series is
   * hourly (yearHours values) or quarter-hourly (4 × yearHours), each value the mean over its
   * interval; an hourly step reads its hour (or the mean of its four quarter hours), a segment the
   * mean over its hours, a quarter hour the value of its quarter or of the hour it lies in.
   */
  at(series: Float64Array, step: number): number {
    const g = this.grid;
    if (!g.duration_h && !g.stepsPerHour && series.length !== 4 * g.yearHours) return series[g.hours[step]];
    let means = this.segmentMeans.get(series);
    if (!means) {
      means = stepMeans(g, series);
      this.segmentMeans.set(series, means);
    }
    return means[step];
  }

  /** A price per step. */
  price(spec: PriceSpec): (step: number) => number {
    if (typeof spec === 'number') return () => spec;
    const s = this.series(spec.series);
    const scale = spec.scale ?? 1;
    const adder = spec.adder ?? 0;
    return (step) => this.at(s, step) * scale + adder;
  }

  /** Adds `coef · x[col]` to the supply (+) or use (−) of a carrier at a step. */
  addBalance(carrier: Carrier, step: number, col: number, coef: number): void {
    this.net[carrier][step].plus(col, coef);
  }

  /**
   * Adds `coef` EUR per unit of column `col` to the objective and records its category. The
   * coefficient is where a model expression (e.g. w[t]·price for a kW flow) becomes EUR per unit.
   */
  cost(category: CostCategory, techId: string, col: number, coef: number): void {
    if (coef === 0) return;
    this.b.addCost(col, coef);
    this.costs.push({ category, techId, col, coef: EURPerUnit(coef) });
  }

  /** A cost that no decision changes (e.g. the sunk investment in existing plant), in the objective's offset. */
  constantCost(category: CostCategory, techId: string, value_EUR: EUR): void {
    if (value_EUR === 0) return;
    this.b.objectiveOffset += value_EUR;
    this.constantCosts.push({ category, techId, value_EUR });
  }

  /** Records `kg` of CO2 per unit of column `col` (already weighted by the step's hours). */
  emission(col: number, kg: number): void {
    if (kg !== 0) this.emissions.push({ col, kg: kgCO2PerUnit(kg) });
  }

  co2Price_EUR_kg(): number {
    return this.project.economics.co2Price_EUR_t / 1000;
  }

  /**
   * The capacity variable of a technology: total capacity within [max(min, existing), max],
   * with the annualised investment on the capacity above the existing one (existing plant is sunk)
   * and fixed O&M on the whole capacity.
   */
  capacity(
    t: Technology,
    unit: CapacityInfo['unit'],
    spec: { capex: number; min?: number; max?: number; existing?: number; name?: string } = {
      capex: t.capex_EUR_per_unit,
      min: t.min,
      max: t.max,
      existing: t.existing,
    },
  ): number {
    const existing = spec.existing ?? 0;
    const lower = Math.max(spec.min ?? 0, existing);
    const upper = spec.max ?? Infinity;
    const col = this.b.addCol(`${spec.name ?? 'cap'}_${t.id}`, lower, upper);
    this.capacities.push({ techId: t.id, unit, col });
    const c = annualCapacityCost_EUR(
      spec.capex,
      t.lifetime_a,
      this.project.economics.interestRate,
      t.fixedOm_share,
      t.subsidy_share ?? 0,
    );
    this.cost('annuity', t.id, col, c.annuity);
    this.cost('subsidy', t.id, col, c.subsidy);
    this.cost('fixedOm', t.id, col, c.fixedOm);
    // Existing capacity carries no investment: remove its annuity and subsidy again as constants.
    if (existing > 0) {
      this.constantCost('annuity', t.id, costOf(c.annuity, -existing));
      this.constantCost('subsidy', t.id, costOf(c.subsidy, -existing));
    }
    return col;
  }

  /** Adds one dispatch column per step, optionally registering it as a flow. */
  dispatch(name: string, techId: string, upper: (step: number) => number = () => Infinity): Int32Array {
    const cols = new Int32Array(this.T);
    for (let s = 0; s < this.T; s++) {
      const ub = upper(s);
      cols[s] = ub === 0 ? -1 : this.b.addCol(`${name}_${techId}[${this.label(s)}]`, 0, ub);
    }
    return cols;
  }

  flow(
    techId: string,
    carrier: Carrier,
    name: string,
    cols: Int32Array,
    coefs: Float64Array,
    toBalance: boolean,
  ): void {
    this.flows.push({ techId, carrier, name, cols, coefs });
    if (toBalance)
      for (let s = 0; s < this.T; s++)
        if (cols[s] >= 0 && coefs[s] !== 0) this.addBalance(carrier, s, cols[s], coefs[s]);
  }

  /**
   * Adds the balance rows, per carrier and step: Σ supply − Σ use = demand[t]. A diagnosis model adds
   * priced slack: Σ supply − Σ use + unmet[t] − surplus[t] = demand[t].
   */
  addBalances(
    demand: Record<Carrier, Float64Array>,
    slackPenalty_EUR_kWh?: number,
  ): Record<Carrier, Int32Array> {
    const rows = { heat: new Int32Array(this.T), electricity: new Int32Array(this.T) };
    for (const carrier of ['heat', 'electricity'] as const) {
      const short = carrier === 'heat' ? 'heat' : 'el';
      for (let s = 0; s < this.T; s++) {
        const name = `${short}_balance[${this.label(s)}]`;
        const demand_kW = this.at(demand[carrier], s);
        let net = this.net[carrier][s];
        if (slackPenalty_EUR_kWh !== undefined) {
          // Diagnosis only: unmet demand and unusable surplus, at a prohibitive price.
          const unmet = this.b.addCol(`unmet_${short}[${this.label(s)}]`, 0, Infinity, slackPenalty_EUR_kWh);
          const surplus = this.b.addCol(
            `surplus_${short}[${this.label(s)}]`,
            0,
            Infinity,
            slackPenalty_EUR_kWh,
          );
          this.slacks.push({ carrier, step: s, unmet, surplus });
          net = net.copy().plus(unmet).minus(surplus);
        }
        rows[carrier][s] = this.b.addConstraint(name, net, '==', demand_kW);
      }
    }
    return rows;
  }
}

/**
 * The mean of a piecewise-constant series over every step of a grid: value i holds over
 * [i / r, (i + 1) / r) hours with r = values per hour (1 or 4), the step over
 * [start_h, start_h + duration_h).
 */
export function stepMeans(g: TimeGrid, series: Float64Array): Float64Array {
  // Quarter-hourly when it has 4 values per hour of the year, else hourly (lengths are validated
  // with the project, crossCheck.ts; tests pass the first hours only).
  const r = series.length === 4 * g.yearHours ? 4 : 1;
  const T = numSteps(g);
  const out = new Float64Array(T);
  for (let s = 0; s < T; s++) {
    const a = stepStart_h(g, s) * r;
    const b = a + stepHours(g, s) * r;
    let sum = 0;
    for (let x = a; x < b - 1e-12;) {
      const i = Math.floor(x + 1e-12);
      const next = Math.min(i + 1, b);
      sum += series[i] * (next - x);
      x = next;
    }
    out[s] = sum / (b - a);
  }
  return out;
}
