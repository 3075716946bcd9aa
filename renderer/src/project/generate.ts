import {
  parse2025,
  standardLoadProfile,
  type Profile2025,
  heatLoadProfile,
  parseHeatTables,
  readWeather,
  type WeatherYear,
  pvYieldPerKWp,
  solarThermalYieldPerM2,
  hoursInYear,
  generatedSourceNote,
  parseGeneratedSourceNote,
  type NoteLanguage,
  siteYear,
  dailyMeans,
} from '../../../solver/src';
import {
  ELECTRICITY_PROFILES,
  HEAT_TYPES,
  type ElectricityProfile,
  type GeneratedSpec,
  type HeatType,
} from './profileTypes';
import type { TimeSeriesRecord } from '../db/schema';
export { ELECTRICITY_PROFILES, HEAT_TYPES, type HeatType } from './profileTypes';
import type { FederalState } from '../../../solver/src';

/** Standard profiles and weather-based series the planner can generate (assets loaded on demand). */

const bdew = {
  H25: () => import('../../../assets/bdew/h25.csv?raw'),
  G25: () => import('../../../assets/bdew/g25.csv?raw'),
  L25: () => import('../../../assets/bdew/l25.csv?raw'),
  P25: () => import('../../../assets/bdew/p25.csv?raw'),
  S25: () => import('../../../assets/bdew/s25.csv?raw'),
} satisfies Record<Profile2025, () => Promise<{ default: string }>>;

/** BDEW 2025 electricity profile, hourly mean kW, scaled exactly to the annual energy. */
export async function electricityProfile(
  name: Profile2025,
  annual_kWh: number,
  year: number,
  state: FederalState = 'BY',
): Promise<Float64Array> {
  const table = parse2025((await bdew[name]()).default, `${name.toLowerCase()}.csv`);
  return standardLoadProfile(table, name, { year, state, annual_kWh, resolution_min: 60 });
}

let weather: Promise<WeatherYear> | undefined;
/** The default weather (PVGIS TMY, assets/weather) as read once. */
export function defaultWeather(): Promise<WeatherYear> {
  weather ??= import('../../../assets/weather/tmy_45.000_8.000_2005_2023.csv?raw').then((m) =>
    readWeather(m.default),
  );
  return weather;
}

/**
 * An hourly series of the typical year placed on the site year in local standard time (UTC+1):
 * shifted by the file's UTC offset; a leap year repeats 28 February.
 */
export function onSiteYear(w: WeatherYear, values: Float64Array, year: number): Float64Array {
  const hours = hoursInYear(year);
  const shift = 1 - w.utcOffset_h;
  const n = values.length;
  const base = Float64Array.from({ length: n }, (_, h) => values[(((h - shift) % n) + n) % n]);
  if (hours === n) return base;
  const out = new Float64Array(hours);
  const feb29 = 59 * 24;
  out.set(base.subarray(0, feb29), 0);
  out.set(base.subarray(feb29 - 24, feb29), feb29);
  out.set(base.subarray(feb29, Math.min(n, hours - 24)), feb29 + 24);
  return out;
}

/**
 * SigLinDe heat profile (BDEW) from the default weather's daily means, hourly kW, scaled to the
 * annual energy. Days, weekdays and public holidays (as Sundays) are those of the site year
 * (solver/src/calendar/siteYear.ts) in `timeZone` and `state`.
 */
export async function heatProfile(
  type: HeatType,
  annual_kWh: number,
  year: number,
  state: FederalState = 'BY',
  timeZone = 'Europe/Berlin',
): Promise<Float64Array> {
  const [sig, hour, weekday, w] = await Promise.all([
    import('../../../assets/bdew/shlp_sigmoid_factors.csv?raw'),
    import('../../../assets/bdew/shlp_hour_factors.csv?raw'),
    import('../../../assets/bdew/shlp_weekday_factors.csv?raw'),
    defaultWeather(),
  ]);
  const tables = parseHeatTables(sig.default, hour.default, weekday.default);
  const calendar = siteYear(year, timeZone, state);
  const daily = dailyMeans(calendar, onSiteYear(w, w.temperature_C, year));
  return heatLoadProfile(tables, daily, { type, annual_kWh, calendar });
}

/** Ambient temperature (°C), PV yield (kWh/kWp, south 35°) and solar-thermal yield (kWh/m², flat plate, south 35°). */
export async function weatherSeries(
  year: number,
): Promise<{ ambient: Float64Array; pvYield: Float64Array; solarYield: Float64Array }> {
  const w = await defaultWeather();
  const plane = { tilt_deg: 35, azimuth_deg: 180 };
  return {
    ambient: onSiteYear(w, w.temperature_C, year),
    pvYield: onSiteYear(w, pvYieldPerKWp(w, plane), year),
    solarYield: onSiteYear(
      w,
      solarThermalYieldPerM2(w, plane, { eta0: 0.8, a1: 3.5, a2: 0.015, meanFluid_C: 60 }),
      year,
    ),
  };
}

/**
 * How a stored series was generated: its `generated` field, or for series generated before that
 * field existed, read from the source note the generator wrote (in either language, also with a
 * remark such as the shift to the project year after ' – '). Null for imported series.
 */
export function generatedSpecOf(
  rec: Pick<TimeSeriesRecord, 'generated' | 'source' | 'unit' | 'kind'>,
): GeneratedSpec | null {
  if (rec.generated) return rec.generated;
  const src = rec.source ?? '';
  const cut = src.indexOf(' – ');
  const note = parseGeneratedSourceNote(cut < 0 ? src : src.slice(0, cut));
  if (!note) return null;
  switch (note.kind) {
    case 'heat':
      return (HEAT_TYPES as readonly string[]).includes(note.type)
        ? { kind: 'heat', type: note.type as HeatType, annual_kWh: note.annual_kWh }
        : null;
    case 'electricity':
      return (ELECTRICITY_PROFILES as readonly string[]).includes(note.profile)
        ? { kind: 'electricity', profile: note.profile as ElectricityProfile, annual_kWh: note.annual_kWh }
        : null;
    default:
      if (rec.unit === '°C') return { kind: 'ambient' };
      if (rec.unit === 'kWh/kWp') return { kind: 'pvYield' };
      if (rec.unit === 'kWh/m2') return { kind: 'solarYield' };
      return null;
  }
}

/** The source note of a generated series in the planner's language (solver/src/profiles/sourceNotes.ts). */
export function generatedSource(spec: GeneratedSpec, language: NoteLanguage): string {
  return generatedSourceNote(spec, language);
}

/** The values of a generated series for a site year (hourly, from hour 0 of that year). */
export async function generatedValues(spec: GeneratedSpec, year: number): Promise<Float64Array> {
  switch (spec.kind) {
    case 'heat':
      return heatProfile(spec.type, spec.annual_kWh, year);
    case 'electricity':
      return electricityProfile(spec.profile, spec.annual_kWh, year);
    default:
      return (await weatherSeries(year))[spec.kind === 'ambient' ? 'ambient' : spec.kind];
  }
}
