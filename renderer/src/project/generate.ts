import {
  parse2025,
  standardLoadProfile,
  type Profile2025,
  heatLoadProfile,
  parseHeatTables,
  type WeatherYear,
  type Site,
  pvYieldPerKWp,
  solarThermalYieldPerM2,
  generatedSourceNote,
  parseGeneratedSourceNote,
  type NoteLanguage,
  dailyMeans,
  type FederalState,
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
import { loadTry, onSiteYear as placeOnSiteYear, siteWeather, siteYear } from '../../../solver/src';
import { tryLoader } from './tryAssets';

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

/** What of a project's site picks its weather and time axis. */
export type WeatherSite = Pick<Site, 'year' | 'timeZone' | 'latitude_deg' | 'longitude_deg' | 'weather'>;

/** A site when none is given: Germany's time zone, no coordinates (the TRY of region 4, Potsdam). */
const siteOf = (year: number, site?: Partial<WeatherSite>): WeatherSite => ({
  timeZone: 'Europe/Berlin',
  ...site,
  year,
});

const loaded = new Map<string, Promise<WeatherYear>>();
/**
 * The weather of a site (solver/src/weather/site.ts): its DWD test reference year, by default the
 * mean year 2015 of the nearest region, loaded once on demand. The PVGIS sample in assets/weather is a
 * format fixture, never a default.
 */
export function projectWeather(
  site: Pick<WeatherSite, 'latitude_deg' | 'longitude_deg' | 'weather'>,
): Promise<WeatherYear> {
  const choice = siteWeather(site);
  // read from the open project's database each time: another project may hold a file of the same name
  if (choice.kind === 'file') return storedWeatherFile(choice.name);
  const key = `${choice.region.region}/${choice.year}`;
  let w = loaded.get(key);
  if (!w) {
    w = loadTry(choice.region.region, choice.year, tryLoader);
    w.catch(() => loaded.delete(key));
    loaded.set(key, w);
  }
  return w;
}

/** The open project's imported weather file from the local database (renderer/src/db/schema.ts). */
async function storedWeatherFile(name: string): Promise<WeatherYear> {
  const { useProject } = await import('./store');
  const { db, projectId } = useProject.getState();
  const rec = db && projectId ? await db.weatherFiles.get(projectId) : undefined;
  if (!rec || rec.name !== name) throw new WeatherFileMissing(name);
  return rec.weather;
}

/** The project names a weather file this app has not stored (e.g. a project opened on another machine). */
export class WeatherFileMissing extends Error {
  constructor(readonly fileName: string) {
    super(`the weather file ${fileName} is not stored in this app; import it again`);
    this.name = 'WeatherFileMissing';
  }
}

/**
 * An hourly series of the typical year placed on the site year (solver/src/weather/site.ts
 * `onSiteYear`: by month, day and hour of the file's clock; a leap year repeats 28 February).
 */
export function onSiteYear(
  w: Pick<WeatherYear, 'utcOffset_h'>,
  values: Float64Array,
  year: number,
  timeZone = 'Europe/Berlin',
): Float64Array {
  return placeOnSiteYear(w, values, siteYear(year, timeZone));
}

/**
 * SigLinDe heat profile (BDEW) from the site weather's daily means, hourly kW, scaled to the annual
 * energy. Days, weekdays and public holidays (as Sundays) are those of the site year
 * (solver/src/calendar/siteYear.ts) in the site's time zone and `state`.
 */
export async function heatProfile(
  type: HeatType,
  annual_kWh: number,
  year: number,
  site?: Partial<WeatherSite>,
  state: FederalState = 'BY',
): Promise<Float64Array> {
  const s = siteOf(year, site);
  const [sig, hour, weekday, w] = await Promise.all([
    import('../../../assets/bdew/shlp_sigmoid_factors.csv?raw'),
    import('../../../assets/bdew/shlp_hour_factors.csv?raw'),
    import('../../../assets/bdew/shlp_weekday_factors.csv?raw'),
    projectWeather(s),
  ]);
  const tables = parseHeatTables(sig.default, hour.default, weekday.default);
  const calendar = siteYear(year, s.timeZone, state);
  const daily = dailyMeans(calendar, onSiteYear(w, w.temperature_C, year, s.timeZone));
  return heatLoadProfile(tables, daily, { type, annual_kWh, calendar });
}

/** Ambient temperature (°C), PV yield (kWh/kWp, south 35°) and solar-thermal yield (kWh/m², flat plate, south 35°). */
export async function weatherSeries(
  year: number,
  site?: Partial<WeatherSite>,
): Promise<{ ambient: Float64Array; pvYield: Float64Array; solarYield: Float64Array }> {
  const s = siteOf(year, site);
  const w = await projectWeather(s);
  const plane = { tilt_deg: 35, azimuth_deg: 180 };
  return {
    ambient: onSiteYear(w, w.temperature_C, year, s.timeZone),
    pvYield: onSiteYear(w, pvYieldPerKWp(w, plane), year, s.timeZone),
    solarYield: onSiteYear(
      w,
      solarThermalYieldPerM2(w, plane, { eta0: 0.8, a1: 3.5, a2: 0.015, meanFluid_C: 60 }),
      year,
      s.timeZone,
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

/**
 * The source note of a generated series in the planner's language (solver/src/profiles/sourceNotes.ts).
 * Given the site, a series made from weather names the site's DWD test reference year with DWD's
 * source note, a series made from an imported weather file names that file; without a site the
 * note is the old text.
 */
export function generatedSource(
  spec: GeneratedSpec,
  language: NoteLanguage,
  site?: Pick<Site, 'latitude_deg' | 'longitude_deg' | 'weather'>,
): string {
  if (!site || spec.kind === 'electricity') return generatedSourceNote(spec, language);
  const w = siteWeather(site);
  if (w.kind === 'file') return generatedSourceNote({ ...spec, weather: { file: w.name } }, language);
  const weather = { year: w.year, region: w.region.region, place: w.region.place };
  return generatedSourceNote({ ...spec, weather }, language);
}

/** The values of a generated series for a site year (hourly, from hour 0 of that year). */
export async function generatedValues(
  spec: GeneratedSpec,
  year: number,
  site?: Partial<WeatherSite>,
): Promise<Float64Array> {
  switch (spec.kind) {
    case 'heat':
      return heatProfile(spec.type, spec.annual_kWh, year, site);
    case 'electricity':
      return electricityProfile(spec.profile, spec.annual_kWh, year);
    default:
      return (await weatherSeries(year, site))[spec.kind === 'ambient' ? 'ambient' : spec.kind];
  }
}
