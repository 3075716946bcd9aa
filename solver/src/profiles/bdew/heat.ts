/**
 * BDEW heat load profiles (SigLinDe, as in the BDEW/VKU/GEODE guide and oemof/demandlib):
 * daily value h(T) = A / (1 + (B / (T − 40))^C) + D of the allocation temperature
 * T = (T_d + 0.5·T_{d−1} + 0.25·T_{d−2} + 0.125·T_{d−3}) / 1.875 (daily means, °C), times the weekday
 * factor; spread over the hours by the hour factors of the day's mean-temperature interval
 * (≤ −15 °C, then 5 K steps, > 25 °C); scaled to the annual heat demand. The D term carries the
 * weather-independent part (domestic hot water).
 */
export interface Sigmoid {
  a: number;
  b: number;
  c: number;
  d: number;
}

export interface HeatTables {
  sigmoid: Map<string, Sigmoid>; // key `${type}|${class}|${wind}`
  hour: Map<string, Float64Array>; // key `${type}|${class}|${weekday}` → 24 × 10 factors
  weekday: Map<string, Float64Array>; // type → 7 factors (Monday … Sunday)
}

const csvRows = (text: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));

export function parseHeatTables(sigmoidCsv: string, hourCsv: string, weekdayCsv: string): HeatTables {
  const sigmoid = new Map<string, Sigmoid>();
  for (const r of csvRows(sigmoidCsv))
    sigmoid.set(`${r[6]}|${r[5]}|${r[7]}`, { a: +r[1], b: +r[2], c: +r[3], d: +r[4] });
  const hour = new Map<string, Float64Array>();
  for (const r of csvRows(hourCsv)) {
    const key = `${r[4]}|${r[3]}|${r[2]}`;
    let f = hour.get(key);
    if (!f) hour.set(key, (f = new Float64Array(240)));
    const h = +r[1] - 1;
    for (let i = 0; i < 10; i++) f[h * 10 + i] = +r[5 + i];
  }
  const weekday = new Map<string, Float64Array>();
  const byType = new Map<string, number[]>();
  for (const r of csvRows(weekdayCsv)) byType.set(r[1], [...(byType.get(r[1]) ?? []), +r[2]]);
  for (const [t, v] of byType) weekday.set(t, Float64Array.from(v));
  return { sigmoid, hour, weekday };
}

export const sigLinDe = (s: Sigmoid, t_C: number): number => s.a / (1 + (s.b / (t_C - 40)) ** s.c) + s.d;

/** Index 0…9 of the hour-factor column for a daily mean temperature. */
export function temperatureInterval(t_C: number): number {
  if (t_C <= -15) return 0;
  return Math.min(9, Math.ceil((t_C + 15) / 5));
}

/** Allocation temperatures from daily means (the first days use the earliest available values). */
export function allocationTemperatures(daily_C: Float64Array): Float64Array {
  const at = (d: number) => daily_C[Math.max(0, d)];
  return daily_C.map((_, d) => (at(d) + 0.5 * at(d - 1) + 0.25 * at(d - 2) + 0.125 * at(d - 3)) / 1.875);
}

export interface HeatProfileOptions {
  type: string; // EFH, MFH, GHA, …
  buildingClass?: number; // 1–11 for EFH/MFH; 0 for commercial types
  wind?: boolean;
  annual_kWh: number;
  /** Weekday of 1 January: 0 Monday … 6 Sunday. */
  firstWeekday: number;
}

/** Hourly heat demand (kW) for a year of daily mean temperatures, scaled to `annual_kWh`. */
export function heatLoadProfile(
  tables: HeatTables,
  dailyMean_C: Float64Array,
  o: HeatProfileOptions,
): Float64Array {
  const cls = o.buildingClass ?? (o.type === 'EFH' || o.type === 'MFH' ? 1 : 0);
  const s = tables.sigmoid.get(`${o.type}|${cls}|${o.wind === false ? 0 : 1}`);
  if (!s) throw new Error(`no SigLinDe parameters for type ${o.type}, class ${cls}`);
  const wd = tables.weekday.get(o.type);
  if (!wd) throw new Error(`no weekday factors for type ${o.type}`);
  const alloc = allocationTemperatures(dailyMean_C);
  const out = new Float64Array(dailyMean_C.length * 24);
  for (let d = 0; d < dailyMean_C.length; d++) {
    const weekday = (o.firstWeekday + d) % 7;
    const daily = sigLinDe(s, alloc[d]) * wd[weekday];
    const hf = tables.hour.get(`${o.type}|${cls}|0`) ?? tables.hour.get(`${o.type}|${cls}|${weekday + 1}`);
    if (!hf) throw new Error(`no hour factors for type ${o.type}, class ${cls}`);
    const col = temperatureInterval(dailyMean_C[d]);
    for (let h = 0; h < 24; h++) out[d * 24 + h] = daily * hf[h * 10 + col];
  }
  const total = out.reduce((a, b) => a + b, 0);
  return out.map((v) => (v * o.annual_kWh) / total);
}

export interface SplitHeatProfileOptions extends Omit<HeatProfileOptions, 'annual_kWh'> {
  /** Annual space-heating demand (weather-dependent part). */
  spaceHeating_kWh: number;
  /** Annual domestic hot water demand, including its storage and circulation losses. */
  hotWater_kWh: number;
}

export interface SplitHeatProfile {
  spaceHeating_kW: Float64Array;
  hotWater_kW: Float64Array;
  total_kW: Float64Array;
}

/** Column of the hour factors for days above 25 °C: no space heating, so the shape of hot-water use. */
export const HOT_WATER_INTERVAL = 9;

/**
 * Space heating and domestic hot water as separate profiles, each scaled to its own annual energy
 * (an energy certificate or DIN V 18599 calculation usually gives both). The SigLinDe daily value
 * splits into its sigmoid (weather-dependent: space heating) and its constant D term (weather-
 * independent: hot water). Space heating is spread over the day with the hour factors of the day's
 * temperature interval, as in `heatLoadProfile`; hot water is the D term times the weekday factor,
 * spread with the hour factors of the warmest interval (> 25 °C), the days on which SigLinDe sees
 * hot water alone. Seasonal variation of hot-water use (colder mains water in winter) is not modelled.
 */
export function splitHeatLoadProfile(
  tables: HeatTables,
  dailyMean_C: Float64Array,
  o: SplitHeatProfileOptions,
): SplitHeatProfile {
  if (!(o.spaceHeating_kWh >= 0) || !(o.hotWater_kWh >= 0))
    throw new Error('space-heating and hot-water demands must be zero or positive');
  const cls = o.buildingClass ?? (o.type === 'EFH' || o.type === 'MFH' ? 1 : 0);
  const s = tables.sigmoid.get(`${o.type}|${cls}|${o.wind === false ? 0 : 1}`);
  if (!s) throw new Error(`no SigLinDe parameters for type ${o.type}, class ${cls}`);
  const wd = tables.weekday.get(o.type);
  if (!wd) throw new Error(`no weekday factors for type ${o.type}`);
  if (!(s.d > 0)) throw new Error(`type ${o.type} has no weather-independent (hot-water) term`);
  const alloc = allocationTemperatures(dailyMean_C);
  const n = dailyMean_C.length * 24;
  const space = new Float64Array(n);
  const water = new Float64Array(n);
  for (let d = 0; d < dailyMean_C.length; d++) {
    const weekday = (o.firstWeekday + d) % 7;
    const sigmoidPart = (sigLinDe(s, alloc[d]) - s.d) * wd[weekday];
    const waterPart = s.d * wd[weekday];
    const hf = tables.hour.get(`${o.type}|${cls}|0`) ?? tables.hour.get(`${o.type}|${cls}|${weekday + 1}`);
    if (!hf) throw new Error(`no hour factors for type ${o.type}, class ${cls}`);
    const col = temperatureInterval(dailyMean_C[d]);
    // The tables' hour factors of a column sum to 1 only to about 0.1 %: normalise them, so that each
    // day carries exactly its SigLinDe value.
    let colSum = 0;
    let waterSum = 0;
    for (let h = 0; h < 24; h++) {
      colSum += hf[h * 10 + col];
      waterSum += hf[h * 10 + HOT_WATER_INTERVAL];
    }
    for (let h = 0; h < 24; h++) {
      space[d * 24 + h] = (sigmoidPart * hf[h * 10 + col]) / colSum;
      water[d * 24 + h] = (waterPart * hf[h * 10 + HOT_WATER_INTERVAL]) / waterSum;
    }
  }
  const scale = (p: Float64Array, annual_kWh: number) => {
    const total = p.reduce((a, b) => a + b, 0);
    return annual_kWh === 0 ? p.fill(0) : p.map((v) => (v * annual_kWh) / total);
  };
  const spaceHeating_kW = scale(space, o.spaceHeating_kWh);
  const hotWater_kW = scale(water, o.hotWater_kWh);
  return { spaceHeating_kW, hotWater_kW, total_kW: spaceHeating_kW.map((v, i) => v + hotWater_kW[i]) };
}
