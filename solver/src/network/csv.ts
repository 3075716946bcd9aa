import Papa from 'papaparse';
import { toUtm } from './geojson';
import type { Building, NetworkIssue } from './types';

/**
 * Buildings from a CSV table with a header line: `x`, `y` and `heat_MWh_a` (or `heat`), optionally
 * `id` and `peak_kW`. Coordinates are in `epsg`: 25832/25833 metres, or 4326 with x = longitude and
 * y = latitude in degrees (then projected to `utmEpsg`). Comma, semicolon or tab as separator; with a
 * semicolon a decimal comma is read (German spreadsheets). Lines are numbered as in the file (header = 1).
 */
export function readBuildingsCsv(
  text: string,
  epsg: number,
  utmEpsg = 25832,
): { buildings: Building[]; issues: NetworkIssue[] } {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const rows = parsed.data;
  const issues: NetworkIssue[] = [];
  if (rows.length === 0) return { buildings: [], issues: [{ code: 'noBuildings', severity: 'error' }] };
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const [ix, iy, ih, iid, ip] = [
    col('x', 'lon', 'rechtswert'),
    col('y', 'lat', 'hochwert'),
    col('heat_mwh_a', 'heat'),
    col('id'),
    col('peak_kw'),
  ];
  if (ix < 0 || iy < 0 || ih < 0)
    return {
      buildings: [],
      issues: [{ code: 'csvColumns', line: 1, severity: 'error', values: { columns: header.join(', ') } }],
    };
  const decimalComma = parsed.meta.delimiter === ';';
  const num = (s: string | undefined) => {
    const t = (s ?? '').trim();
    return t === '' ? NaN : Number(decimalComma ? t.replace(/\./g, '').replace(',', '.') : t);
  };
  const buildings: Building[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const [x, y, heat] = [num(row[ix]), num(row[iy]), num(row[ih])];
    const id = iid >= 0 && row[iid]?.trim() ? row[iid].trim() : `building-${r}`;
    const bad = (column: string, value: string | undefined) =>
      issues.push({
        code: 'csvValue',
        line: r + 1,
        id,
        severity: 'error',
        values: { column, value: value ?? '' },
      });
    if (!Number.isFinite(x)) bad(header[ix], row[ix]);
    else if (!Number.isFinite(y)) bad(header[iy], row[iy]);
    else if (!Number.isFinite(heat) || heat < 0) bad(header[ih], row[ih]);
    else {
      const at = epsg === 4326 ? toUtm(utmEpsg, x, y) : { x_m: x, y_m: y };
      const b: Building = { id, at, heat_MWh_a: heat };
      const peak = ip >= 0 ? num(row[ip]) : NaN;
      if (Number.isFinite(peak) && peak > 0) b.peak_kW = peak;
      buildings.push(b);
    }
  }
  return { buildings, issues };
}
