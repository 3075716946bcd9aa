import type { HeatPump } from '../project/types';
import type { ModelContext } from './context';
import { capacityLimit } from './boilers';

/** Heating-curve defaults when the plant leaves them out (see docs/model/heat-pump.md). */
export const HEATING_CURVE_DEFAULTS = {
  /** Outdoor temperature at which the curve reaches supplyTemp_C (Werkplan assumption). */
  designOutdoor_C: -12,
  /** Heating limit: at and above it the curve gives supplyMin_C. */
  heatingLimit_C: 15,
  /** Supply temperature at the heating limit (Werkplan assumption). */
  supplyMin_C: 30,
} as const;

/** Default temperature below which an air-source unit loses COP to defrosting (oemof-thermal's icing threshold form). */
export const DEFROST_BELOW_C = 2;

/**
 * Source temperatures of the water-borne sources when groundTemp_C leaves them out. All are Werkplan
 * assumptions (Annahme), not taken from a cited table: groundwater near-constant at 10 °C (the usual
 * order of magnitude for shallow groundwater in Germany); wastewater and river water as a cosine over
 * the year with its maximum on `warmestDay` (day of the year, 0 = 1 January).
 */
export const SOURCE_DEFAULTS = {
  groundwater: { mean_C: 10, amplitude_K: 0, warmestDay: 0 },
  wastewater: { mean_C: 15, amplitude_K: 4, warmestDay: 227 },
  river: { mean_C: 11, amplitude_K: 8, warmestDay: 213 },
} as const;

/**
 * Source temperature per hour of the year: the ambient air for 'air', the constant groundTemp_C for
 * 'ground', and for groundwater, wastewater and river mean + amplitude · cos(2π (day − warmestDay) / 365)
 * with the mean from groundTemp_C when given.
 */
export function sourceTemperature(
  t: HeatPump,
  hours: number,
  ambient?: Float64Array,
  yearHours?: number,
): Float64Array | number {
  if (t.heatSource === 'air') return ambient!;
  if (t.heatSource === 'ground') return t.groundTemp_C!;
  const d = SOURCE_DEFAULTS[t.heatSource];
  const mean = t.groundTemp_C ?? d.mean_C;
  if (d.amplitude_K === 0) return mean;
  // `hours` values over the year: hourly, or quarter-hourly (then value i lies in hour i / 4).
  const perHour = yearHours ? hours / yearHours : 1;
  const out = new Float64Array(hours);
  for (let h = 0; h < hours; h++)
    out[h] = mean + d.amplitude_K * Math.cos((2 * Math.PI * (h / perHour / 24 - d.warmestDay)) / 365);
  return out;
}

/**
 * Supply temperature of a heating curve: linear between (designOutdoor_C, supplyTemp_C) and
 * (heatingLimit_C, supplyMin_C), clamped to that range outside it.
 */
export function heatingCurveSupply(t: HeatPump, outdoor_C: number): number {
  const lo = t.designOutdoor_C ?? HEATING_CURVE_DEFAULTS.designOutdoor_C;
  const hi = t.heatingLimit_C ?? HEATING_CURVE_DEFAULTS.heatingLimit_C;
  const min = t.supplyMin_C ?? HEATING_CURVE_DEFAULTS.supplyMin_C;
  if (hi <= lo) return t.supplyTemp_C;
  const x = Math.min(hi, Math.max(lo, outdoor_C));
  return t.supplyTemp_C + ((min - t.supplyTemp_C) * (x - lo)) / (hi - lo);
}

/**
 * Coefficient of performance per hour: COP = η · T_supply,K / (T_supply − (T_source − ΔT)), clipped to
 * [copMin, copMax]. ΔT is the temperature drop across the evaporator. An air-source unit with
 * defrostLoss_share loses that share of its COP while the air is below defrostBelow_C (icing of the
 * evaporator, the step form of oemof-thermal's calc_cops). With supplyMode 'curve' the supply
 * temperature follows the heating curve on the outdoor temperature `outdoor_C` (the source
 * temperature when it is not given).
 */
export function copSeries(
  t: HeatPump,
  sourceTemp_C: Float64Array | number,
  hours: number,
  outdoor_C?: Float64Array,
): Float64Array {
  const cop = new Float64Array(hours);
  const curve = t.supplyMode === 'curve';
  const defrost = t.heatSource === 'air' ? (t.defrostLoss_share ?? 0) : 0;
  const defrostBelow = t.defrostBelow_C ?? DEFROST_BELOW_C;
  for (let h = 0; h < hours; h++) {
    const src = typeof sourceTemp_C === 'number' ? sourceTemp_C : sourceTemp_C[h];
    const out = outdoor_C ? outdoor_C[h] : src;
    const supply = curve ? heatingCurveSupply(t, out) : t.supplyTemp_C;
    const lift = supply - (src - t.sourceDelta_K);
    let raw = lift <= 0 ? t.copMax : (t.carnotEfficiency * (273.15 + supply)) / lift;
    if (defrost > 0 && src < defrostBelow) raw *= 1 - defrost;
    cop[h] = Math.min(t.copMax, Math.max(t.copMin, raw));
  }
  return cop;
}

/** Heat pump (capacity thermal): electricity = heat / COP[t], taken straight into the balance. */
export function addHeatPump(ctx: ModelContext, t: HeatPump): Float64Array {
  const cap = ctx.capacity(t, 'kW');
  const q = ctx.dispatch('heat', t.id);
  capacityLimit(ctx, t.id, q, cap);
  const ambientId = ctx.project.site.ambientTemperature;
  const ambient = ambientId ? ctx.series(ambientId) : undefined;
  // The COP on the ambient series' own time basis (hourly or quarter-hourly), read per step by `at`.
  const n = ambient?.length ?? ctx.grid.yearHours;
  const source = sourceTemperature(t, n, ambient, ctx.grid.yearHours);
  const cop = copSeries(t, source, n, ambient);
  const elCoef = new Float64Array(ctx.T);
  const gridRen = ctx.project.grid.import?.renewableShare ?? 0;
  for (let s = 0; s < ctx.T; s++) {
    const c = ctx.at(cop, s);
    elCoef[s] = -1 / c;
    const w = ctx.grid.weight[s];
    ctx.cost('variableOm', t.id, q[s], w * (t.varOm_EUR_kWh ?? 0));
    // Ambient heat counts as renewable (EU RED), the electric part by the grid's renewable share.
    ctx.renewableHeat.push({ col: q[s], coef: w * (1 - 1 / c + gridRen / c) });
  }
  ctx.flow(t.id, 'heat', 'heat_out', q, new Float64Array(ctx.T).fill(1), true);
  ctx.flow(t.id, 'electricity', 'el_in', q, elCoef, true);
  return cop;
}
