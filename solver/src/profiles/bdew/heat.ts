import type { SiteYear } from '../../calendar/siteYear';

/**
 * BDEW heat load profiles (SigLinDe), after the BDEW/VKU/GEODE guide "Leitfaden Abwicklung von
 * Standardlastprofilen Gas" (28 June 2013 and later editions; chapter 3, "Grundlagen und Beschreibung
 * der Profilfunktionen") and its reference implementations oemof/demandlib
 * (src/demandlib/bdew/heat_building.py) and RWTH-EBC/pyCity (pycity_base/functions/slp_thermal.py):
 *
 * - daily value h(T) = A / (1 + (B / (T − T0))^C) + D, T0 = 40 °C, of the allocation temperature
 *   T = (T_d + 0.5·T_{d−1} + 0.25·T_{d−2} + 0.125·T_{d−3}) / 1.875 (the "geometric series" of
 *   daily means, weights 1, ½, ¼, ⅛ normalised to 1; guide 2014 §3.5.2 as cited by pyCity). The year
 *   is cyclic: 1–3 January take the days before from the end of the same series (31 December …),
 *   as demandlib does (np.roll), instead of repeating 1 January;
 * - times the weekday factor F of the type; public holidays count as Sundays (demandlib:
 *   `holiday_is_sunday=True`; for EFH/MFH all factors are 1, so this only changes the commercial
 *   types), for the weekday factor and for the weekday-specific hour factors alike;
 * - spread over the hours by the hour factors of a temperature interval (≤ −15 °C, then 5 K steps,
 *   > 25 °C). The interval is picked by the allocation temperature, the same T as the sigmoid
 *   (demandlib `get_temperature_interval` on `temperature_geo`; pyCity `_daily_profiles` on the same
 *   averages); `hourFactorTemperature: 'dailyMean'` picks it by the day's plain mean instead (what
 *   this module did before). The guide's own wording on this point was not available when this was
 *   written: Annahme, following both implementations;
 * - scaled to the annual heat demand. The D term carries the weather-independent part (hot water).
 *
 * Days are the calendar days of the series; with `calendar` (solver/src/calendar/siteYear.ts) they
 * are the site year's local days, with its weekdays and the federal state's holidays. The hours of a
 * day are its 24 table hours placed from the day's first hour on the year's axis (the gas day of the
 * guide, 06:00–06:00, is not modelled).
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

/**
 * Allocation temperatures from daily means, the year taken as cyclic: day 0 (1 January) uses the
 * last three days of the series as its predecessors.
 */
export function allocationTemperatures(daily_C: Float64Array): Float64Array {
  const n = daily_C.length;
  const at = (d: number) => daily_C[(d + n) % n];
  return daily_C.map((_, d) => (at(d) + 0.5 * at(d - 1) + 0.25 * at(d - 2) + 0.125 * at(d - 3)) / 1.875);
}

/** Which temperature picks the hour-factor column of a day. */
export type HourFactorTemperature = 'allocation' | 'dailyMean';

/** Weekday (0 Monday … 6 Sunday) of each day, public holidays as Sundays. */
function weekdaysOf(days: number, o: { firstWeekday?: number; calendar?: SiteYear }): Uint8Array {
  const c = o.calendar;
  if (c && c.days !== days)
    throw new Error(`the temperature series has ${days} days, the site year ${c.year} has ${c.days}`);
  if (!c && o.firstWeekday === undefined) throw new Error('give the weekday of 1 January or a site year');
  return Uint8Array.from({ length: days }, (_, d) =>
    c ? (c.holiday[d] ? 6 : c.weekday[d]) : ((o.firstWeekday ?? 0) + d) % 7,
  );
}

/**
 * Places 24 values per day on the hours: on the site year's axis by local legal day and hour (the
 * spring change day lacks 02:00, the autumn day has it twice), else as days × 24 hours.
 */
function placeHours(
  days: number,
  calendar: SiteYear | undefined,
  value: (day: number, hour: number) => number,
) {
  if (!calendar) {
    const out = new Float64Array(days * 24);
    for (let d = 0; d < days; d++) for (let h = 0; h < 24; h++) out[d * 24 + h] = value(d, h);
    return out;
  }
  return Float64Array.from({ length: calendar.hours }, (_, h) =>
    value(calendar.day[h], calendar.hourOfDay[h]),
  );
}

function tablesFor(tables: HeatTables, o: HeatProfileOptions | SplitHeatProfileOptions) {
  const cls = o.buildingClass ?? (o.type === 'EFH' || o.type === 'MFH' ? 1 : 0);
  const s = tables.sigmoid.get(`${o.type}|${cls}|${o.wind === false ? 0 : 1}`);
  if (!s) throw new Error(`no SigLinDe parameters for type ${o.type}, class ${cls}`);
  const wd = tables.weekday.get(o.type);
  if (!wd) throw new Error(`no weekday factors for type ${o.type}`);
  const hourFactors = (weekday: number) => {
    const hf = tables.hour.get(`${o.type}|${cls}|0`) ?? tables.hour.get(`${o.type}|${cls}|${weekday + 1}`);
    if (!hf) throw new Error(`no hour factors for type ${o.type}, class ${cls}`);
    return hf;
  };
  return { s, wd, hourFactors };
}

export interface HeatProfileOptions {
  type: string; // EFH, MFH, GHA, …
  buildingClass?: number; // 1–11 for EFH/MFH; 0 for commercial types
  wind?: boolean;
  annual_kWh: number;
  /** Weekday of 1 January: 0 Monday … 6 Sunday (not needed with `calendar`). */
  firstWeekday?: number;
  /** The site year: weekdays and public holidays (as Sundays) of its local days. */
  calendar?: SiteYear;
  /** Temperature that picks the hour-factor column (default: the allocation temperature). */
  hourFactorTemperature?: HourFactorTemperature;
}

/** Hourly heat demand (kW) for a year of daily mean temperatures, scaled to `annual_kWh`. */
export function heatLoadProfile(
  tables: HeatTables,
  dailyMean_C: Float64Array,
  o: HeatProfileOptions,
): Float64Array {
  const { s, wd, hourFactors } = tablesFor(tables, o);
  const weekdays = weekdaysOf(dailyMean_C.length, o);
  const alloc = allocationTemperatures(dailyMean_C);
  const pick = o.hourFactorTemperature === 'dailyMean' ? dailyMean_C : alloc;
  const daily = alloc.map((t, d) => sigLinDe(s, t) * wd[weekdays[d]]);
  const hf = Array.from(weekdays, (weekday) => hourFactors(weekday));
  const col = pick.map(temperatureInterval);
  const out = placeHours(dailyMean_C.length, o.calendar, (d, h) => daily[d] * hf[d][h * 10 + col[d]]);
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
 * temperature interval (picked as in `heatLoadProfile`); hot water is the D term times the weekday factor,
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
  const { s, wd, hourFactors } = tablesFor(tables, o);
  if (!(s.d > 0)) throw new Error(`type ${o.type} has no weather-independent (hot-water) term`);
  const weekdays = weekdaysOf(dailyMean_C.length, o);
  const alloc = allocationTemperatures(dailyMean_C);
  const pick = o.hourFactorTemperature === 'dailyMean' ? dailyMean_C : alloc;
  const sigmoidPart = alloc.map((t, d) => (sigLinDe(s, t) - s.d) * wd[weekdays[d]]);
  const waterPart = Float64Array.from(weekdays, (weekday) => s.d * wd[weekday]);
  const hf = Array.from(weekdays, (weekday) => hourFactors(weekday));
  const col = pick.map(temperatureInterval);
  // The tables' hour factors of a column sum to 1 only to about 0.1 %: normalise them, so that each
  // day carries exactly its SigLinDe value (on the clock-change days of a site year, 23 or 25 hours).
  const colSum = (d: number, c: number) => {
    let sum = 0;
    for (let h = 0; h < 24; h++) sum += hf[d][h * 10 + c];
    return sum;
  };
  const spaceSum = col.map((c, d) => colSum(d, c));
  const waterSum = col.map((_, d) => colSum(d, HOT_WATER_INTERVAL));
  const space = placeHours(
    dailyMean_C.length,
    o.calendar,
    (d, h) => (sigmoidPart[d] * hf[d][h * 10 + col[d]]) / spaceSum[d],
  );
  const water = placeHours(
    dailyMean_C.length,
    o.calendar,
    (d, h) => (waterPart[d] * hf[d][h * 10 + HOT_WATER_INTERVAL]) / waterSum[d],
  );
  const scale = (p: Float64Array, annual_kWh: number) => {
    const total = p.reduce((a, b) => a + b, 0);
    return annual_kWh === 0 ? p.fill(0) : p.map((v) => (v * annual_kWh) / total);
  };
  const spaceHeating_kW = scale(space, o.spaceHeating_kWh);
  const hotWater_kW = scale(water, o.hotWater_kWh);
  return { spaceHeating_kW, hotWater_kW, total_kW: spaceHeating_kW.map((v, i) => v + hotWater_kW[i]) };
}
