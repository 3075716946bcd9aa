import { readFile, writeFile } from 'node:fs/promises';
import type { CliIo } from './main';
import { parseArgs, stringOption, type ParsedArgs } from './args';
import { readWeather, type WeatherYear } from '../weather/readers';
import { loadTry, tryFor, tryRegion, type TryChoice, type TryLoader } from '../weather/try';
import { pvYieldPerKWp } from '../weather/yields';
import { summarizeWeather } from '../weather/summary';

/**
 * `werkplan weather [FILE] [--lat LAT --lon LON] [--region N] [--projection 2045] [--json]` and
 * `werkplan yield pv --weather FILE|--lat LAT --lon LON --tilt DEG --azimuth DEG [--losses PCT] [--out FILE.csv]
 * [--json]`. Without a FILE the weather is the one the app picks for the site: the DWD test reference year of
 * the nearest TRY region (or the named --region), mean year 2015 or the 2045 projection.
 */

/** The packed TRY files next to the sources (assets/weather/dwd-try), read from disk. */
const TRY_DIR = new URL('../../../assets/weather/dwd-try/', import.meta.url);
export const nodeTryLoader: TryLoader = async (file) =>
  new Uint8Array(await readFile(new URL(file, TRY_DIR)));

/** Reads a weather file as UTF-8, or as Latin-1 when it is not valid UTF-8 (older DWD and EPW files). */
async function readText(file: string): Promise<string> {
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function numberOption(o: ParsedArgs['options'], name: string, min: number, max: number): number | undefined {
  const s = stringOption(o, name);
  if (o[name] === true) throw new Error(`option --${name} needs a value`);
  if (s === undefined) return undefined;
  const v = Number(s);
  if (s.trim() === '' || !Number.isFinite(v) || v < min || v > max)
    throw new Error(`--${name} must be a number from ${min} to ${max}, not '${s}'`);
  return v;
}

const SITE_OPTIONS = {
  lat: 'value',
  lon: 'value',
  region: 'value',
  projection: 'value',
  json: 'flag',
} as const;

interface Resolved {
  weather: WeatherYear;
  /** The TRY picked for the site (no FILE), or the region of a TRY file. */
  choice: TryChoice | null;
}

/** The weather of a FILE, or of the site (--lat/--lon) by its TRY region. */
async function resolveWeather(file: string | undefined, o: ParsedArgs['options']): Promise<Resolved> {
  const lat = numberOption(o, 'lat', -90, 90);
  const lon = numberOption(o, 'lon', -180, 180);
  const region = numberOption(o, 'region', 1, 15);
  if (region !== undefined && !Number.isInteger(region))
    throw new Error('--region must be a whole number from 1 to 15');
  const projection = stringOption(o, 'projection');
  if (projection !== undefined && projection !== '2045') throw new Error('--projection must be 2045');
  if (file !== undefined) {
    if (lat !== undefined || lon !== undefined || region !== undefined || projection !== undefined)
      throw new Error('give a weather FILE or the site (--lat, --lon, --region, --projection), not both');
    const weather = readWeather(await readText(file));
    // A DWD TRY file of one of the 15 representative cells names its region.
    const near = Number.isFinite(weather.latitude_deg)
      ? tryFor(weather.latitude_deg, weather.longitude_deg)
      : null;
    const choice =
      weather.source === 'dwd-try' && near && near.distance_km < 1
        ? { ...near, year: weather.tryYear === 2045 ? (2045 as const) : (2015 as const), chosen: true }
        : null;
    return { weather: choice ? { ...weather, tryRegion: choice.region.region } : weather, choice };
  }
  if (region !== undefined) tryRegion(region);
  if (lat === undefined || lon === undefined) {
    if (region === undefined) throw new Error("give a weather FILE or the site's --lat and --lon");
    const r = tryRegion(region);
    const choice = tryFor(lat ?? r.latitude_deg, lon ?? r.longitude_deg, {
      region,
      year: projection ? 2045 : 2015,
    });
    return { weather: await loadTry(region, choice.year, nodeTryLoader), choice };
  }
  const choice = tryFor(lat, lon, { region, year: projection ? 2045 : 2015 });
  return { weather: await loadTry(choice.region.region, choice.year, nodeTryLoader), choice };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

function regionJson(c: TryChoice | null) {
  if (!c) return null;
  return {
    number: c.region.region,
    place: c.region.place,
    climateRegion: c.region.climateRegion,
    year: c.year,
    distance_km: round(c.distance_km, 1),
    chosen: c.chosen,
  };
}

function regionLine(c: TryChoice | null, fromFile: boolean): string | null {
  if (!c) return null;
  const name = `TRY region ${c.region.region} ${c.region.place} (${c.region.climateRegion})`;
  if (fromFile) return `  ${name}: the file is its representative cell`;
  const how = c.chosen ? 'chosen' : 'nearest to the site';
  return `  ${name}, ${how}, ${c.distance_km.toFixed(1)} km from the site`;
}

export async function weatherCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, SITE_OPTIONS);
  if (parsed.positional.length > 1)
    throw new Error(`one weather FILE at most, found ${parsed.positional.join(', ')}`);
  const file = parsed.positional[0];
  const { weather: w, choice } = await resolveWeather(file, parsed.options);
  const summary = summarizeWeather(w);
  const [meanT, ghi] = [summary.meanTemperature_C, summary.globalHorizontal_kWh_m2];
  if (parsed.options.json === true) {
    const out = {
      source: w.name,
      attribution: w.attribution,
      latitude: round(w.latitude_deg, 4),
      longitude: round(w.longitude_deg, 4),
      region: regionJson(choice),
      timeBasis: w.timeBasis,
      hours: summary.hours,
      meanTemperature_C: round(meanT, 3),
      globalHorizontal_kWh_m2: round(ghi, 1),
    };
    io.stdout(JSON.stringify(out) + '\n');
    return 0;
  }
  const lines = [
    w.name,
    `  position ${w.latitude_deg.toFixed(4)}° N, ${w.longitude_deg.toFixed(4)}° E, ${w.elevation_m} m`,
    regionLine(choice, file !== undefined),
    `  time basis: ${w.timeBasis}`,
    `  ${summary.hours} hours, mean temperature ${meanT.toFixed(2)} °C, global horizontal ${ghi.toFixed(0)} kWh/m²`,
    `  month     ${MONTHS.map((m) => m.padStart(5)).join('')}`,
    `  °C        ${summary.months.map((m) => m.meanTemperature_C.toFixed(1).padStart(5)).join('')}`,
    `  kWh/m²    ${summary.months.map((m) => m.globalHorizontal_kWh_m2.toFixed(0).padStart(5)).join('')}`,
    `  ${w.attribution}`,
  ];
  io.stdout(lines.filter((l) => l !== null).join('\n') + '\n');
  return 0;
}

const YIELD_USAGE =
  'usage: werkplan yield pv --weather FILE|--lat LAT --lon LON --tilt DEG --azimuth DEG [--losses PCT] [--out FILE.csv] [--json]';

export async function yieldCommand(args: string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'pv') throw new Error(YIELD_USAGE);
  const parsed = parseArgs(rest, {
    ...SITE_OPTIONS,
    weather: 'value',
    tilt: 'value',
    azimuth: 'value',
    losses: 'value',
    out: 'value',
  });
  const o = parsed.options;
  if (parsed.positional.length) throw new Error(`unexpected argument(s): ${parsed.positional.join(', ')}`);
  const tilt = numberOption(o, 'tilt', 0, 90);
  const azimuth = numberOption(o, 'azimuth', 0, 360);
  const losses = numberOption(o, 'losses', 0, 100) ?? 14;
  if (tilt === undefined || azimuth === undefined)
    throw new Error('--tilt DEG and --azimuth DEG (180 = south) are required');
  const file = stringOption(o, 'weather');
  const { weather: w, choice } = await resolveWeather(file, o);
  const y = pvYieldPerKWp(w, { tilt_deg: tilt, azimuth_deg: azimuth, losses: losses / 100 });
  const annual = sum(y);
  const out = stringOption(o, 'out');
  if (out !== undefined) {
    const rows = Array.from(y, (v, k) => `${w.hourStart[k]},${round(v, 6)}`);
    await writeFile(out, ['time_utc,pv_kWh_per_kWp', ...rows, ''].join('\n'));
  }
  if (o.json === true) {
    io.stdout(JSON.stringify({ annual_kWh_per_kWp: round(annual, 1) }) + '\n');
    return 0;
  }
  const lines = [
    `PV ${tilt}° tilt, azimuth ${azimuth}° (180 = south), ${losses} % losses: ${annual.toFixed(0)} kWh/kWp a year`,
    `  weather: ${w.name}`,
    regionLine(choice, file !== undefined),
    out !== undefined ? `  hourly series (UTC hour start) written to ${out}` : null,
    `  ${w.derivedAttribution}`,
  ];
  io.stdout(lines.filter((l) => l !== null).join('\n') + '\n');
  return 0;
}
