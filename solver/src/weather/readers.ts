import { lccToLatLon } from './lambert';

/**
 * Weather files → one hourly year: PVGIS TMY (CSV and JSON), EnergyPlus EPW, DWD test reference year (.dat).
 * Irradiance in W/m² (ghi global horizontal, dhi diffuse horizontal, dni direct normal where the file has
 * it, beamHorizontal = ghi − dhi), air temperature in °C, wind speed in m/s. `hourStart` gives each row's
 * interval start as an ISO instant in UTC.
 */
export interface WeatherYear {
  source: 'pvgis-csv' | 'pvgis-json' | 'epw' | 'dwd-try';
  latitude_deg: number;
  longitude_deg: number;
  elevation_m: number;
  /** Hours of the file's own time base from UTC (EPW, TRY: local standard time; PVGIS: 0). */
  utcOffset_h: number;
  hourStart: string[];
  ghi_W_m2: Float64Array;
  dhi_W_m2: Float64Array;
  dni_W_m2?: Float64Array;
  temperature_C: Float64Array;
  wind_m_s: Float64Array;
}

export class WeatherFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `line ${line}: ${message}` : message);
    this.name = 'WeatherFormatError';
  }
}

const num = (s: string | undefined, line: number, what: string): number => {
  const v = Number((s ?? '').trim());
  if ((s ?? '').trim() === '' || !Number.isFinite(v))
    throw new WeatherFormatError(`${what}: expected a number, found '${s ?? ''}'`, line);
  return v;
};

function arrays(n: number) {
  return {
    ghi: new Float64Array(n),
    dhi: new Float64Array(n),
    dni: new Float64Array(n),
    t: new Float64Array(n),
    ws: new Float64Array(n),
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const pvgisTime = (s: string, line: number) => {
  const m = /^(\d{4})(\d{2})(\d{2}):(\d{2})(\d{2})$/.exec(s.trim());
  if (!m) throw new WeatherFormatError(`expected a PVGIS time like 20180101:0000, found '${s}'`, line);
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
};

/** PVGIS TMY as CSV: header block with lat/lon/elevation, a month/year table, hourly rows, a legend. */
export function readPvgisCsv(text: string): WeatherYear {
  const lines = text.split(/\r?\n/);
  const meta = (label: string) => {
    const l = lines.find((x) => x.startsWith(label));
    if (!l) throw new WeatherFormatError(`not a PVGIS TMY file: no '${label}' line`);
    return Number(l.split(':').pop());
  };
  const h = lines.findIndex((l) => l.startsWith('time(UTC),'));
  if (h < 0) throw new WeatherFormatError('not a PVGIS TMY file: no time(UTC) header');
  const cols = lines[h].split(',');
  const c = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new WeatherFormatError(`column ${name} missing`, h + 1);
    return i;
  };
  const [iT, iG, iB, iD, iW] = [c('T2m'), c('G(h)'), c('Gb(n)'), c('Gd(h)'), c('WS10m')];
  const rows: string[][] = [];
  for (let k = h + 1; k < lines.length && /^\d{8}:\d{4},/.test(lines[k]); k++) rows.push(lines[k].split(','));
  const a = arrays(rows.length);
  const hourStart: string[] = [];
  rows.forEach((r, k) => {
    const line = h + 2 + k;
    // A TMY stitches months of different years: the hour of the year comes from the row index.
    const t = pvgisTime(r[0], line);
    const d = new Date(t);
    hourStart.push(
      iso(Date.UTC(2001, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours())).replace('2001', 'TMY-'),
    );
    a.t[k] = num(r[iT], line, 'T2m');
    a.ghi[k] = Math.max(0, num(r[iG], line, 'G(h)'));
    a.dni[k] = Math.max(0, num(r[iB], line, 'Gb(n)'));
    a.dhi[k] = Math.max(0, num(r[iD], line, 'Gd(h)'));
    a.ws[k] = num(r[iW], line, 'WS10m');
  });
  if (rows.length !== 8760) throw new WeatherFormatError(`a TMY has 8760 hours, this file ${rows.length}`);
  return {
    source: 'pvgis-csv',
    latitude_deg: meta('Latitude'),
    longitude_deg: meta('Longitude'),
    elevation_m: meta('Elevation'),
    utcOffset_h: 0,
    hourStart,
    ghi_W_m2: a.ghi,
    dhi_W_m2: a.dhi,
    dni_W_m2: a.dni,
    temperature_C: a.t,
    wind_m_s: a.ws,
  };
}

/** PVGIS TMY as JSON (outputs.tmy_hourly). */
export function readPvgisJson(text: string): WeatherYear {
  let d: {
    inputs?: { location?: { latitude: number; longitude: number; elevation: number } };
    outputs?: { tmy_hourly?: Record<string, number | string>[] };
  };
  try {
    d = JSON.parse(text) as typeof d;
  } catch (e) {
    throw new WeatherFormatError(`not JSON: ${(e as Error).message}`);
  }
  const rows = d.outputs?.tmy_hourly;
  const loc = d.inputs?.location;
  if (!rows || !loc)
    throw new WeatherFormatError('not a PVGIS TMY JSON: no outputs.tmy_hourly or inputs.location');
  const a = arrays(rows.length);
  const hourStart: string[] = [];
  rows.forEach((r, k) => {
    const t = pvgisTime(String(r['time(UTC)']), k + 1);
    const dt = new Date(t);
    hourStart.push(
      iso(Date.UTC(2001, dt.getUTCMonth(), dt.getUTCDate(), dt.getUTCHours())).replace('2001', 'TMY-'),
    );
    a.t[k] = Number(r.T2m);
    a.ghi[k] = Math.max(0, Number(r['G(h)']));
    a.dni[k] = Math.max(0, Number(r['Gb(n)']));
    a.dhi[k] = Math.max(0, Number(r['Gd(h)']));
    a.ws[k] = Number(r.WS10m);
  });
  return {
    source: 'pvgis-json',
    latitude_deg: loc.latitude,
    longitude_deg: loc.longitude,
    elevation_m: loc.elevation,
    utcOffset_h: 0,
    hourStart,
    ghi_W_m2: a.ghi,
    dhi_W_m2: a.dhi,
    dni_W_m2: a.dni,
    temperature_C: a.t,
    wind_m_s: a.ws,
  };
}

/** EnergyPlus weather: 8 header lines (LOCATION …), then hourly rows; hour 1–24 ends the interval, local standard time. */
export function readEpw(text: string): WeatherYear {
  const lines = text.split(/\r?\n/);
  if (!lines[0].startsWith('LOCATION,'))
    throw new WeatherFormatError('not an EPW file: the first line is not LOCATION', 1);
  const loc = lines[0].split(',');
  const tz = num(loc[8], 1, 'time zone');
  const data = lines.slice(8).filter((l) => l.trim() !== '');
  const a = arrays(data.length);
  const hourStart: string[] = [];
  data.forEach((l, k) => {
    const f = l.split(',');
    const line = 9 + k;
    const [, month, day, hour] = [
      num(f[0], line, 'year'),
      num(f[1], line, 'month'),
      num(f[2], line, 'day'),
      num(f[3], line, 'hour'),
    ];
    hourStart.push(iso(Date.UTC(2001, month - 1, day, hour - 1) - tz * 3_600_000).replace(/^\d{4}/, 'TMY'));
    a.t[k] = num(f[6], line, 'dry bulb temperature');
    a.ghi[k] = num(f[13], line, 'global horizontal radiation');
    a.dni[k] = num(f[14], line, 'direct normal radiation');
    a.dhi[k] = num(f[15], line, 'diffuse horizontal radiation');
    a.ws[k] = num(f[21], line, 'wind speed');
  });
  if (data.length !== 8760) throw new WeatherFormatError(`expected 8760 hourly rows, found ${data.length}`);
  return {
    source: 'epw',
    latitude_deg: num(loc[6], 1, 'latitude'),
    longitude_deg: num(loc[7], 1, 'longitude'),
    elevation_m: num(loc[9], 1, 'elevation'),
    utcOffset_h: tz,
    hourStart,
    ghi_W_m2: a.ghi,
    dhi_W_m2: a.dhi,
    dni_W_m2: a.dni,
    temperature_C: a.t,
    wind_m_s: a.ws,
  };
}

/**
 * DWD test reference year (TRY 2015/2045, .dat): a header of varying length up to the line starting with
 * `***`; the grid cell (Rechtswert/Hochwert, EPSG:3034) gives latitude and longitude; then RW HW MM DD HH t p WR WG N x RF B D A E IL; HH 1–24 (end of hour, CET without DST);
 * B direct and D diffuse horizontal irradiance. Latitude/longitude from the header ("Koordinatensystem").
 */
export function readDwdTry(text: string): WeatherYear {
  const lines = text.split(/\r?\n/);
  const star = lines.findIndex((l) => l.startsWith('***'));
  if (star < 0) throw new WeatherFormatError('not a DWD test reference year: no line starting with ***');
  const header = lines.slice(0, star).join('\n');
  const rw = /Rechtswert\s*:\s*(\d+)/.exec(header);
  const hw = /Hochwert\s*:\s*(\d+)/.exec(header);
  const elev = /H(?:oe|ö)henlage[^:]*:\s*(-?\d+)/i.exec(header);
  const pos =
    rw && hw ? lccToLatLon(Number(rw[1]), Number(hw[1])) : { latitude_deg: NaN, longitude_deg: NaN };
  const data = lines.slice(star + 1).filter((l) => l.trim() !== '');
  const a = arrays(data.length);
  const hourStart: string[] = [];
  data.forEach((l, k) => {
    const f = l.trim().split(/\s+/);
    const line = star + 2 + k;
    if (f.length < 17) throw new WeatherFormatError(`expected 17 fields, found ${f.length}`, line);
    const [month, day, hour] = [num(f[2], line, 'MM'), num(f[3], line, 'DD'), num(f[4], line, 'HH')];
    hourStart.push(iso(Date.UTC(2001, month - 1, day, hour - 1) - 3_600_000).replace(/^\d{4}/, 'TRY'));
    a.t[k] = num(f[5], line, 't');
    a.ws[k] = num(f[8], line, 'WG');
    const b = num(f[12], line, 'B');
    const dd = num(f[13], line, 'D');
    a.ghi[k] = b + dd;
    a.dhi[k] = dd;
  });
  if (data.length !== 8760) throw new WeatherFormatError(`expected 8760 hourly rows, found ${data.length}`);
  return {
    source: 'dwd-try',
    latitude_deg: pos.latitude_deg,
    longitude_deg: pos.longitude_deg,
    elevation_m: elev ? Number(elev[1]) : NaN,
    utcOffset_h: 1,
    hourStart,
    ghi_W_m2: a.ghi,
    dhi_W_m2: a.dhi,
    temperature_C: a.t,
    wind_m_s: a.ws,
  };
}

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
  );
}
