import { lccToLatLon } from './lambert';

/**
 * Weather files → one hourly year: PVGIS TMY (CSV and JSON), EnergyPlus EPW, DWD test reference year (.dat).
 * Irradiance in W/m² (ghi global horizontal, dhi diffuse horizontal, dni direct normal where the file has
 * it), air temperature in °C, wind speed in m/s.
 *
 * Time basis: a typical year has no calendar year of its own; every reader places its rows on the non-leap
 * reference year {@link REFERENCE_YEAR} in the file's own clock and turns that into UTC. Row k covers the hour
 * from `start_ms + k h` (UTC) on; its irradiance belongs to the instant `start_ms + (k + irradianceAt_h) h`
 * (the middle of the hour for hourly means, PVGIS's stated offset for its instantaneous satellite values).
 */
export interface WeatherYear {
  source: 'pvgis-csv' | 'pvgis-json' | 'epw' | 'dwd-try';
  /** What the data are, for people: "DWD TRY2015, region 04 Potsdam", "PVGIS TMY 45.000 N 8.000 E" … */
  name: string;
  /** Source note to show wherever the data are shown unchanged (licence terms of the data provider). */
  attribution: string;
  /** Source note for values computed from the data (yields, profiles, resampled series). */
  derivedAttribution: string;
  /** DWD test reference years: the TRY climate region (1–15) where known, and 2015 or 2045. */
  tryRegion?: number;
  tryYear?: number;
  latitude_deg: number;
  longitude_deg: number;
  elevation_m: number;
  /** Hours of the file's own clock from UTC (TRY: CET = 1; EPW: its time zone; PVGIS and PVGIS's EPW: 0). */
  utcOffset_h: number;
  /** Start of the first row's hour, ms since 1970 (UTC). Rows are consecutive hours. */
  start_ms: number;
  /** Where within each row's hour the irradiance belongs, in hours from its start (0.5 = hourly mean). */
  irradianceAt_h: number;
  /** The time basis in words: clock, labelling, irradiance instant. */
  timeBasis: string;
  /** Each row's interval start as an ISO instant in UTC (in the reference year). */
  hourStart: string[];
  ghi_W_m2: Float64Array;
  dhi_W_m2: Float64Array;
  dni_W_m2?: Float64Array;
  temperature_C: Float64Array;
  wind_m_s: Float64Array;
  /** Relative humidity in %, where the file has it. */
  relativeHumidity_pct?: Float64Array;
  /** Air pressure in hPa, where the file has it. */
  pressure_hPa?: Float64Array;
}

/** The calendar year typical years are placed on (non-leap). */
export const REFERENCE_YEAR = 2001;

export const PVGIS_ATTRIBUTION = 'PVGIS © European Union, 2001–2025';
export const DWD_ATTRIBUTION = 'Quelle: Deutscher Wetterdienst';
export const DWD_PROCESSED_ATTRIBUTION = 'Datenbasis: Deutscher Wetterdienst, Werte verarbeitet';

export class WeatherFormatError extends Error {
  /**
   * `code` and `params` name the fault for a translated message (the planner's
   * `planner.weather.errors.<code>`); `message` stays the English text of the CLI.
   */
  constructor(
    message: string,
    readonly line?: number,
    readonly code?: WeatherErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(line ? `line ${line}: ${message}` : message);
    this.name = 'WeatherFormatError';
  }
}

/** The faults a weather file can have, each with its own translated message in the planner. */
export type WeatherErrorCode =
  | 'number'
  | 'hours'
  | 'pvgisTime'
  | 'pvgisNoLine'
  | 'pvgisNoHeader'
  | 'column'
  | 'notJson'
  | 'pvgisJson'
  | 'notEpw'
  | 'notTry'
  | 'fields'
  | 'hour'
  | 'unknownFormat';

const HOUR_MS = 3_600_000;

const num = (s: string | undefined, line: number, what: string): number => {
  const v = Number((s ?? '').trim());
  if ((s ?? '').trim() === '' || !Number.isFinite(v))
    throw new WeatherFormatError(`${what}: expected a number, found '${s ?? ''}'`, line, 'number', {
      column: what,
      found: s ?? '',
    });
  return v;
};

/** ISO instant without milliseconds. */
export const isoUtc = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The UTC instant (ms) each row's irradiance belongs to. */
export function irradianceInstant_ms(w: WeatherYear, k: number): number {
  return w.start_ms + (k + w.irradianceAt_h) * HOUR_MS;
}

/**
 * Checks that row k, labelled month/day/hour-start in the file's clock, is the k-th hour of the reference
 * year, and returns the start of the first row in UTC.
 */
function expectHour(k: number, month: number, day: number, hour0: number, line: number, utcOffset_h: number) {
  const start = Date.UTC(REFERENCE_YEAR, month - 1, day, hour0) - utcOffset_h * HOUR_MS;
  const first = Date.UTC(REFERENCE_YEAR, 0, 1) - utcOffset_h * HOUR_MS;
  if (start !== first + k * HOUR_MS)
    throw new WeatherFormatError(
      `expected hour ${k + 1} of the year, found ${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} hour ${hour0}`,
      line,
      'hour',
      { expected: k + 1, month, day, hour: hour0 },
    );
  return first;
}

interface Columns {
  ghi: Float64Array;
  dhi: Float64Array;
  dni?: Float64Array;
  t: Float64Array;
  ws: Float64Array;
  rh?: Float64Array;
  p?: Float64Array;
}

function columns(n: number): Required<Columns> {
  return {
    ghi: new Float64Array(n),
    dhi: new Float64Array(n),
    dni: new Float64Array(n),
    t: new Float64Array(n),
    ws: new Float64Array(n),
    rh: new Float64Array(n),
    p: new Float64Array(n),
  };
}

/** Assembles a weather year from its columns and time basis; all readers end here. */
export function weatherYear(
  meta: Pick<
    WeatherYear,
    | 'source'
    | 'name'
    | 'attribution'
    | 'derivedAttribution'
    | 'tryRegion'
    | 'tryYear'
    | 'latitude_deg'
    | 'longitude_deg'
    | 'elevation_m'
    | 'utcOffset_h'
    | 'irradianceAt_h'
    | 'timeBasis'
  >,
  c: Columns,
): WeatherYear {
  const n = c.ghi.length;
  if (n !== 8760)
    throw new WeatherFormatError(`a typical year has 8760 hourly rows, this file ${n}`, undefined, 'hours', {
      count: n,
    });
  const start_ms = Date.UTC(REFERENCE_YEAR, 0, 1) - meta.utcOffset_h * HOUR_MS;
  return {
    ...meta,
    start_ms,
    hourStart: Array.from({ length: n }, (_, k) => isoUtc(start_ms + k * HOUR_MS)),
    ghi_W_m2: c.ghi,
    dhi_W_m2: c.dhi,
    ...(c.dni ? { dni_W_m2: c.dni } : {}),
    temperature_C: c.t,
    wind_m_s: c.ws,
    ...(c.rh ? { relativeHumidity_pct: c.rh } : {}),
    ...(c.p ? { pressure_hPa: c.p } : {}),
  };
}

const pvgisTime = (s: string, line: number) => {
  const m = /^(\d{4})(\d{2})(\d{2}):(\d{2})(\d{2})$/.exec(s.trim());
  if (!m)
    throw new WeatherFormatError(
      `expected a PVGIS time like 20180101:0000, found '${s}'`,
      line,
      'pvgisTime',
      {
        found: s,
      },
    );
  return { month: +m[2], day: +m[3], hour: +m[4] };
};

const pvgisTimeBasis = (offset_h: number | undefined) =>
  offset_h === undefined
    ? 'UTC; row HH:00 is the hour from HH:00; the file states no irradiance time offset, the middle of the hour is assumed'
    : `UTC; row HH:00 is the hour from HH:00, its irradiance the instant HH:00 + ${offset_h} h (PVGIS irradiance time offset)`;

const pvgisName = (lat: number, lon: number) => `PVGIS TMY ${lat.toFixed(3)} N ${lon.toFixed(3)} E`;

/**
 * PVGIS TMY as CSV: header block with lat/lon/elevation and "Irradiance Time Offset (h)", a month/year table,
 * hourly rows labelled HH:00 in UTC, a legend. The irradiance of row HH:00 belongs to HH:00 + offset (the time
 * of the satellite scan); without an offset line, the middle of the hour is assumed.
 */
export function readPvgisCsv(text: string): WeatherYear {
  const lines = text.split(/\r?\n/);
  const metaLine = (label: string) => lines.find((x) => x.startsWith(label));
  const meta = (label: string) => {
    const l = metaLine(label);
    if (!l)
      throw new WeatherFormatError(`not a PVGIS TMY file: no '${label}' line`, undefined, 'pvgisNoLine', {
        label,
      });
    return Number(l.split(':').pop());
  };
  const offsetLine = metaLine('Irradiance Time Offset');
  const offset_h = offsetLine ? Number(offsetLine.split(':').pop()) : undefined;
  const h = lines.findIndex((l) => l.startsWith('time(UTC),'));
  if (h < 0)
    throw new WeatherFormatError('not a PVGIS TMY file: no time(UTC) header', undefined, 'pvgisNoHeader');
  const cols = lines[h].split(',');
  const c = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new WeatherFormatError(`column ${name} missing`, h + 1, 'column', { column: name });
    return i;
  };
  const [iT, iG, iB, iD, iW] = [c('T2m'), c('G(h)'), c('Gb(n)'), c('Gd(h)'), c('WS10m')];
  const [iRH, iSP] = [cols.indexOf('RH'), cols.indexOf('SP')];
  const rows: string[][] = [];
  for (let k = h + 1; k < lines.length && /^\d{8}:\d{4},/.test(lines[k]); k++) rows.push(lines[k].split(','));
  const a = columns(rows.length);
  rows.forEach((r, k) => {
    const line = h + 2 + k;
    // A TMY stitches months of different years: the row's month, day and hour place it in the reference year.
    const { month, day, hour } = pvgisTime(r[0], line);
    expectHour(k, month, day, hour, line, 0);
    a.t[k] = num(r[iT], line, 'T2m');
    a.ghi[k] = Math.max(0, num(r[iG], line, 'G(h)'));
    a.dni[k] = Math.max(0, num(r[iB], line, 'Gb(n)'));
    a.dhi[k] = Math.max(0, num(r[iD], line, 'Gd(h)'));
    a.ws[k] = num(r[iW], line, 'WS10m');
    a.rh[k] = iRH >= 0 ? num(r[iRH], line, 'RH') : NaN;
    a.p[k] = iSP >= 0 ? num(r[iSP], line, 'SP') / 100 : NaN;
  });
  const [lat, lon] = [meta('Latitude'), meta('Longitude')];
  return weatherYear(
    {
      source: 'pvgis-csv',
      name: pvgisName(lat, lon),
      attribution: PVGIS_ATTRIBUTION,
      derivedAttribution: PVGIS_ATTRIBUTION,
      latitude_deg: lat,
      longitude_deg: lon,
      elevation_m: meta('Elevation'),
      utcOffset_h: 0,
      irradianceAt_h: offset_h ?? 0.5,
      timeBasis: pvgisTimeBasis(offset_h),
    },
    { ...a, rh: iRH >= 0 ? a.rh : undefined, p: iSP >= 0 ? a.p : undefined },
  );
}

/** PVGIS TMY as JSON (outputs.tmy_hourly; inputs.location.irradiance_time_offset as in the CSV). */
export function readPvgisJson(text: string): WeatherYear {
  let d: {
    inputs?: {
      location?: { latitude: number; longitude: number; elevation: number; irradiance_time_offset?: number };
    };
    outputs?: { tmy_hourly?: Record<string, number | string>[] };
  };
  try {
    d = JSON.parse(text) as typeof d;
  } catch (e) {
    throw new WeatherFormatError(`not JSON: ${(e as Error).message}`, undefined, 'notJson');
  }
  const rows = d.outputs?.tmy_hourly;
  const loc = d.inputs?.location;
  if (!rows || !loc)
    throw new WeatherFormatError(
      'not a PVGIS TMY JSON: no outputs.tmy_hourly or inputs.location',
      undefined,
      'pvgisJson',
    );
  const offset_h = loc.irradiance_time_offset;
  const a = columns(rows.length);
  const hasRh = rows.length > 0 && 'RH' in rows[0];
  const hasSp = rows.length > 0 && 'SP' in rows[0];
  rows.forEach((r, k) => {
    const { month, day, hour } = pvgisTime(String(r['time(UTC)']), k + 1);
    expectHour(k, month, day, hour, k + 1, 0);
    a.t[k] = Number(r.T2m);
    a.ghi[k] = Math.max(0, Number(r['G(h)']));
    a.dni[k] = Math.max(0, Number(r['Gb(n)']));
    a.dhi[k] = Math.max(0, Number(r['Gd(h)']));
    a.ws[k] = Number(r.WS10m);
    a.rh[k] = Number(r.RH);
    a.p[k] = Number(r.SP) / 100;
  });
  return weatherYear(
    {
      source: 'pvgis-json',
      name: pvgisName(loc.latitude, loc.longitude),
      attribution: PVGIS_ATTRIBUTION,
      derivedAttribution: PVGIS_ATTRIBUTION,
      latitude_deg: loc.latitude,
      longitude_deg: loc.longitude,
      elevation_m: loc.elevation,
      utcOffset_h: 0,
      irradianceAt_h: offset_h ?? 0.5,
      timeBasis: pvgisTimeBasis(offset_h),
    },
    { ...a, rh: hasRh ? a.rh : undefined, p: hasSp ? a.p : undefined },
  );
}

/**
 * EnergyPlus weather: 8 header lines (LOCATION …), then hourly rows; hour 1–24 ends the interval in the
 * declared time zone (LOCATION field 9), radiation is the hour's mean. PVGIS writes EPW files too, but its rows
 * are its CSV's UTC rows (hour h is the UTC hour from h − 1) whatever time zone LOCATION declares; such a file
 * says so in a comment "Irradiance Time Offset (h): x" with x relative to the hour's end (−0.8239 = +0.1761
 * from its start).
 */
export function readEpw(text: string): WeatherYear {
  const lines = text.split(/\r?\n/);
  if (!lines[0].startsWith('LOCATION,'))
    throw new WeatherFormatError('not an EPW file: the first line is not LOCATION', 1, 'notEpw');
  const loc = lines[0].split(',');
  const tz = num(loc[8], 1, 'time zone');
  const offsetComment = /Irradiance Time Offset \(h\):\s*(-?[\d.]+)/.exec(lines.slice(0, 8).join('\n'));
  // PVGIS names its data source "ECMWF/ERA" in LOCATION; its rows are UTC whatever the declared zone.
  const isPvgis = offsetComment !== null || /ECMWF\/ERA/.test(loc[4] ?? '');
  const utcOffset_h = isPvgis ? 0 : tz;
  const irradianceAt_h = offsetComment ? Math.round((1 + Number(offsetComment[1])) * 1e9) / 1e9 : 0.5;
  const data = lines.slice(8).filter((l) => l.trim() !== '');
  const a = columns(data.length);
  data.forEach((l, k) => {
    const f = l.split(',');
    const line = 9 + k;
    const [month, day, hour] = [num(f[1], line, 'month'), num(f[2], line, 'day'), num(f[3], line, 'hour')];
    expectHour(k, month, day, hour - 1, line, utcOffset_h);
    a.t[k] = num(f[6], line, 'dry bulb temperature');
    a.rh[k] = num(f[8], line, 'relative humidity');
    a.p[k] = num(f[9], line, 'atmospheric pressure') / 100;
    a.ghi[k] = Math.max(0, num(f[13], line, 'global horizontal radiation'));
    a.dni[k] = Math.max(0, num(f[14], line, 'direct normal radiation'));
    a.dhi[k] = Math.max(0, num(f[15], line, 'diffuse horizontal radiation'));
    a.ws[k] = num(f[21], line, 'wind speed');
  });
  const hours = (x: number) => `UTC${x >= 0 ? '+' : '−'}${Math.abs(x)}`;
  return weatherYear(
    {
      source: 'epw',
      name: isPvgis
        ? `PVGIS TMY (EPW) ${num(loc[6], 1, 'latitude').toFixed(3)} N ${num(loc[7], 1, 'longitude').toFixed(3)} E`
        : `EPW ${[loc[1], loc[3], loc[4]].filter((s) => s && s !== '-').join(', ')}`,
      attribution: isPvgis ? PVGIS_ATTRIBUTION : (loc[4] ?? '').trim(),
      derivedAttribution: isPvgis ? PVGIS_ATTRIBUTION : (loc[4] ?? '').trim(),
      latitude_deg: num(loc[6], 1, 'latitude'),
      longitude_deg: num(loc[7], 1, 'longitude'),
      elevation_m: num(loc[9], 1, 'elevation'),
      utcOffset_h,
      irradianceAt_h,
      timeBasis: isPvgis
        ? `UTC (the file declares ${hours(tz)}, but PVGIS writes its UTC rows); hour h is the hour from h − 1, its irradiance the instant h − 1 + ${irradianceAt_h.toFixed(4)} h`
        : `${hours(tz)} standard time; hour 1–24 ends the interval, irradiance is the hour's mean`,
    },
    a,
  );
}

/**
 * DWD test reference year (TRY 2015/2045, .dat): a header of varying length up to the line starting with
 * `***`; the grid cell (Rechtswert/Hochwert, EPSG:3034) gives latitude and longitude; then
 * RW HW MM DD HH t p WR WG N x RF B D A E IL. HH runs 1–24 and ends the hour, in CET (UTC+1) all year without
 * daylight saving time; B direct and D diffuse horizontal irradiance are the hour's means.
 */
export function readDwdTry(text: string): WeatherYear {
  const lines = text.split(/\r?\n/);
  const star = lines.findIndex((l) => l.startsWith('***'));
  if (star < 0)
    throw new WeatherFormatError(
      'not a DWD test reference year: no line starting with ***',
      undefined,
      'notTry',
    );
  const header = lines.slice(0, star).join('\n');
  const rw = /Rechtswert\s*:\s*(\d+)/.exec(header);
  const hw = /Hochwert\s*:\s*(\d+)/.exec(header);
  const elev = /H(?:oe|ö)henlage[^:]*:\s*(-?\d+)/i.exec(header);
  // TRY2015: reference period 1995–2012; TRY2045: 2031–2060 (projection).
  const period = /Bezugszeitraum\s*:\s*(\d{4})-(\d{4})/.exec(header);
  const kind = period ? (Number(period[1]) >= 2020 ? '2045' : '2015') : '';
  const pos =
    rw && hw ? lccToLatLon(Number(rw[1]), Number(hw[1])) : { latitude_deg: NaN, longitude_deg: NaN };
  const data = lines.slice(star + 1).filter((l) => l.trim() !== '');
  const a = columns(data.length);
  data.forEach((l, k) => {
    const f = l.trim().split(/\s+/);
    const line = star + 2 + k;
    if (f.length < 17)
      throw new WeatherFormatError(`expected 17 fields, found ${f.length}`, line, 'fields', {
        count: f.length,
      });
    const [month, day, hour] = [num(f[2], line, 'MM'), num(f[3], line, 'DD'), num(f[4], line, 'HH')];
    expectHour(k, month, day, hour - 1, line, 1);
    a.t[k] = num(f[5], line, 't');
    a.p[k] = num(f[6], line, 'p');
    a.ws[k] = num(f[8], line, 'WG');
    a.rh[k] = num(f[11], line, 'RF');
    const b = num(f[12], line, 'B');
    const dd = num(f[13], line, 'D');
    a.ghi[k] = b + dd;
    a.dhi[k] = dd;
  });
  return weatherYear(
    {
      source: 'dwd-try',
      name: `DWD TRY${kind} ${pos.latitude_deg.toFixed(4)} N ${pos.longitude_deg.toFixed(4)} E`,
      attribution: DWD_ATTRIBUTION,
      derivedAttribution: DWD_PROCESSED_ATTRIBUTION,
      ...(kind ? { tryYear: Number(kind) } : {}),
      latitude_deg: pos.latitude_deg,
      longitude_deg: pos.longitude_deg,
      elevation_m: elev ? Number(elev[1]) : NaN,
      utcOffset_h: 1,
      irradianceAt_h: 0.5,
      timeBasis: TRY_TIME_BASIS,
    },
    { ...a, dni: undefined },
  );
}

export const TRY_TIME_BASIS =
  'CET (UTC+1) all year, no daylight saving time; hour 1–24 ends the interval, irradiance is the hour’s mean';

/** Picks the reader from the content. */
export function readWeather(text: string): WeatherYear {
  const head = text.trimStart().slice(0, 200);
  if (head.startsWith('{')) return readPvgisJson(text);
  if (head.startsWith('LOCATION,')) return readEpw(text);
  if (head.startsWith('Latitude (decimal degrees)')) return readPvgisCsv(text);
  if (
    /^\s*(\*\*\*|Koordinatensystem|Rechtswert|Testreferenzjahr|TRY)/im.test(text.slice(0, 4000)) ||
    text.includes('\n***')
  )
    return readDwdTry(text);
  throw new WeatherFormatError(
    'unknown weather format: expected PVGIS TMY (CSV or JSON), EPW or a DWD test reference year',
    undefined,
    'unknownFormat',
  );
}
