import { lccToLatLon } from './lambert';
import {
  DWD_ATTRIBUTION,
  DWD_PROCESSED_ATTRIBUTION,
  readDwdTry,
  TRY_TIME_BASIS,
  weatherYear,
  WeatherFormatError,
  type WeatherYear,
} from './readers';

/**
 * The DWD test reference years of the 15 TRY climate regions (mean year 2015 and the 2045 projection), shipped
 * packed in `assets/weather/dwd-try/` (SOURCE.md there): one gzip file per region and year holding the columns
 * the app uses as integers. `loadTry` reads one on demand through a loader the caller provides (a file read in
 * Node, a fetch in the browser), so nothing is loaded at start.
 */

export type TryYear = 2015 | 2045;

export interface TryRegion {
  /** 1 … 15, as DWD numbers the climate regions. */
  region: number;
  /** The representative place whose 1 km cell DWD published. */
  place: string;
  /** The TRY climate region. */
  climateRegion: string;
  latitude_deg: number;
  longitude_deg: number;
  elevation_m: number;
  /** The 12 digits of the original file name (cell lat/lon). */
  cell: string;
}

/** assets/weather/dwd-try/SOURCE.md: the representative cell of each region. */
export const TRY_REGIONS: readonly TryRegion[] = [
  [1, 'Bremerhaven', 'Nordseeküste', 53.5591, 8.5872, 3],
  [2, 'Rostock', 'Ostseeküste', 54.0878, 12.1412, 16],
  [3, 'Hamburg', 'Nordwestdeutsches Tiefland', 53.5299, 10.0078, 5],
  [4, 'Potsdam', 'Nordostdeutsches Tiefland', 52.3938, 13.0651, 34],
  [5, 'Essen', 'Niederrheinisch-westfälische Bucht und Emsland', 51.4562, 7.0568, 102],
  [6, 'Bad Marienberg', 'Nördliche und westliche Mittelgebirge, Randgebiete', 50.6461, 7.9426, 453],
  [7, 'Kassel', 'Nördliche und westliche Mittelgebirge, zentrale Bereiche', 51.3334, 9.4725, 181],
  [8, 'Braunlage', 'Oberharz und Schwarzwald (mittlere Lagen)', 51.7239, 10.6069, 593],
  [9, 'Chemnitz', 'Thüringer Becken und Sächsisches Hügelland', 50.8233, 12.9181, 297],
  [10, 'Hof', 'Südöstliche Mittelgebirge bis 1000 m', 50.3226, 11.9124, 482],
  [11, 'Fichtelberg', 'Erzgebirge, Böhmer- und Schwarzwald oberhalb 1000 m', 50.4312, 12.9522, 1177],
  [12, 'Mannheim', 'Oberrheingraben und unteres Neckartal', 49.4902, 8.4637, 103],
  [13, 'Mühldorf', 'Schwäbisch-fränkisches Stufenland und Alpenvorland', 48.2432, 12.5286, 386],
  [14, 'Stötten', 'Schwäbische Alb und Baar', 48.6536, 9.8666, 679],
  [15, 'Garmisch-Partenkirchen', 'Alpenrand und -täler', 47.4945, 11.1046, 711],
].map(([region, place, climateRegion, lat, lon, elevation_m]) => ({
  region: region as number,
  place: place as string,
  climateRegion: climateRegion as string,
  latitude_deg: lat as number,
  longitude_deg: lon as number,
  elevation_m: elevation_m as number,
  cell: `${(lat as number).toFixed(4)}${(lon as number).toFixed(4)}`.replace(/\./g, '').padStart(12, '0'),
}));

export function tryRegion(region: number): TryRegion {
  const r = TRY_REGIONS.find((x) => x.region === region);
  if (!r) throw new Error(`TRY region must be 1 to 15, not ${region}`);
  return r;
}

/** Great-circle distance in km (mean Earth radius 6371 km). */
export function distance_km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface TryChoice {
  region: TryRegion;
  year: TryYear;
  /** Distance from the site to the region's representative cell, km. */
  distance_km: number;
  /** True when the caller named the region; false when the nearest cell picked it. */
  chosen: boolean;
}

/**
 * The TRY for a site: by default the region whose representative cell is nearest (a first rule; DWD's own
 * assignment is by climate region); a caller may name another region, and the 2045 projection instead of the
 * mean year 2015.
 */
export function tryFor(
  latitude_deg: number,
  longitude_deg: number,
  options: { region?: number; year?: TryYear } = {},
): TryChoice {
  if (!(Math.abs(latitude_deg) <= 90 && Math.abs(longitude_deg) <= 180))
    throw new Error(`latitude/longitude out of range: ${latitude_deg}, ${longitude_deg}`);
  const d = (r: TryRegion) => distance_km(latitude_deg, longitude_deg, r.latitude_deg, r.longitude_deg);
  const region =
    options.region !== undefined
      ? tryRegion(options.region)
      : TRY_REGIONS.reduce((best, r) => (d(r) < d(best) ? r : best));
  return { region, year: options.year ?? 2015, distance_km: d(region), chosen: options.region !== undefined };
}

/** The packed file of a region and year, e.g. `try2015_r04.txt.gz`. */
export const tryFileName = (region: number, year: TryYear) =>
  `try${year}_r${String(region).padStart(2, '0')}.txt.gz`;

/** The packed columns: name in the file, field in WeatherYear, scale (stored integer = value · scale). */
export const PACKED_COLUMNS = [
  ['t_0.1C', 'temperature_C', 10],
  ['p_hPa', 'pressure_hPa', 1],
  ['WG_0.1m_s', 'wind_m_s', 10],
  ['RF_pct', 'relativeHumidity_pct', 1],
  ['B_W_m2', 'beam', 1],
  ['D_W_m2', 'dhi_W_m2', 1],
] as const;

const PACK_MAGIC = 'werkplan-dwd-try 1';

interface PackHeader {
  region: number;
  year: TryYear;
  rw: number;
  hw: number;
  elevation_m: number;
  period: string;
  original: string;
}

/** Packs an original TRY .dat (the generator scripts/make-dwd-try.ts and its test use this). */
export function packTry(datText: string, region: number, year: TryYear, original: string): string {
  const w = readDwdTry(datText);
  const header = datText.slice(0, datText.indexOf('\n***'));
  const grab = (re: RegExp) => re.exec(header)?.[1] ?? '';
  const h: PackHeader = {
    region,
    year,
    rw: Number(grab(/Rechtswert\s*:\s*(\d+)/)),
    hw: Number(grab(/Hochwert\s*:\s*(\d+)/)),
    elevation_m: w.elevation_m,
    period: grab(/Bezugszeitraum\s*:\s*(\S+)/),
    original,
  };
  const beam = w.ghi_W_m2.map((g, k) => g - w.dhi_W_m2[k]);
  const lines = PACKED_COLUMNS.map(([name, field, scale]) => {
    const v = field === 'beam' ? beam : (w[field] as Float64Array);
    const ints = Array.from(v, (x) => {
      const i = Math.round(x * scale);
      if (Math.abs(i - x * scale) > 1e-6)
        throw new Error(`${original}: ${name} ${x} is not a multiple of 1/${scale}`);
      return i;
    });
    return `${name} ${ints.join(' ')}`;
  });
  return [PACK_MAGIC, JSON.stringify(h), ...lines, ''].join('\n');
}

/** Reads a packed TRY (after gunzip) into a weather year, with the DWD attribution of processed data. */
export function parseTryPack(text: string): WeatherYear {
  const lines = text.split('\n');
  if (lines[0] !== PACK_MAGIC) throw new WeatherFormatError('not a packed DWD test reference year', 1);
  const h = JSON.parse(lines[1]) as PackHeader;
  const cols = new Map<string, Float64Array>();
  PACKED_COLUMNS.forEach(([name, , scale], i) => {
    const [label, ...values] = (lines[2 + i] ?? '').split(' ');
    if (label !== name || values.length !== 8760)
      throw new WeatherFormatError(`expected column ${name} with 8760 values`, 3 + i);
    cols.set(
      name,
      Float64Array.from(values, (s) => Number(s) / scale),
    );
  });
  const col = (name: (typeof PACKED_COLUMNS)[number][0]) => cols.get(name) as Float64Array;
  const r = tryRegion(h.region);
  const pos = lccToLatLon(h.rw, h.hw);
  const dhi = col('D_W_m2');
  return weatherYear(
    {
      source: 'dwd-try',
      name: `DWD TRY${h.year} region ${String(r.region).padStart(2, '0')} ${r.place} (${r.climateRegion})`,
      attribution: DWD_ATTRIBUTION,
      derivedAttribution: DWD_PROCESSED_ATTRIBUTION,
      tryRegion: r.region,
      tryYear: h.year,
      latitude_deg: pos.latitude_deg,
      longitude_deg: pos.longitude_deg,
      elevation_m: h.elevation_m,
      utcOffset_h: 1,
      irradianceAt_h: 0.5,
      timeBasis: TRY_TIME_BASIS,
    },
    {
      ghi: col('B_W_m2').map((b, k) => b + dhi[k]),
      dhi,
      t: col('t_0.1C'),
      ws: col('WG_0.1m_s'),
      rh: col('RF_pct'),
      p: col('p_hPa'),
    },
  );
}

/**
 * Gunzips in Node and in browsers alike (the web's DecompressionStream). Bytes without the gzip magic number are
 * taken as already decompressed: a web server may send a .gz file with Content-Encoding gzip, and fetch then
 * hands over the plain text.
 */
export async function gunzip(bytes: Uint8Array): Promise<string> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return await new Response(stream).text();
}

/** Fetches the bytes of one packed file by its name (see tryFileName). */
export type TryLoader = (fileName: string) => Promise<Uint8Array>;

/** A loader for the browser: fetches `baseUrl` + file name (the URL of assets/weather/dwd-try/ as served). */
export function fetchTryLoader(baseUrl: string | URL): TryLoader {
  return async (fileName) => {
    const url = new URL(fileName, baseUrl);
    const r = await fetch(url);
    if (!r.ok) throw new Error(`cannot load ${url.href}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
}

/**
 * The TRY of a region and year as a weather year. The values are DWD's unchanged, but as the app shows them
 * together with yields derived from them, reports name both notes (DWD_ATTRIBUTION for the data,
 * DWD_PROCESSED_ATTRIBUTION for values computed from them).
 */
export async function loadTry(region: number, year: TryYear, load: TryLoader): Promise<WeatherYear> {
  tryRegion(region);
  return parseTryPack(await gunzip(await load(tryFileName(region, year))));
}

export { DWD_ATTRIBUTION, DWD_PROCESSED_ATTRIBUTION };
