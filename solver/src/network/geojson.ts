import proj4 from 'proj4';
import type { Building, NetworkInput, NetworkIssue, Point_m, Street } from './types';

/**
 * Reads the network input from a GeoJSON FeatureCollection (RFC 7946): buildings as Point or
 * Polygon features with `heat_MWh_a` (and optionally `peak_kW`), streets as LineString features
 * with `kind: "street"`, plant sites as Point features with `kind: "plant"`. Coordinates are WGS84
 * longitude/latitude unless a `crs` member names EPSG:25832 or EPSG:25833 (ETRS89 / UTM 32N, 33N);
 * WGS84 is projected with proj4 to the UTM zone of the data's mean longitude (32 west of 12° E, 33
 * east of it), so that lengths are metres. Every problem is a located issue (feature number and
 * id); the input is returned only when there is no error.
 */

const UTM: Record<number, string> = {
  25832: '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  25833: '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
};

/** EPSG code of a GeoJSON `crs` member: 4326 for none or CRS84, 25832/25833, or undefined. */
export function crsOf(crs: unknown): number | undefined {
  if (crs === undefined || crs === null) return 4326;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return undefined;
  if (/CRS84$/i.test(name)) return 4326;
  const m = /EPSG:{1,2}(\d+)$/i.exec(name.trim());
  const code = m ? Number(m[1]) : undefined;
  return code === 4326 || (code !== undefined && code in UTM) ? code : undefined;
}

/** Projects WGS84 longitude/latitude (degrees) to ETRS89 / UTM (metres). */
export function toUtm(epsg: number, lon_deg: number, lat_deg: number): Point_m {
  const [x, y] = proj4('WGS84', UTM[epsg], [lon_deg, lat_deg]);
  return { x_m: x, y_m: y };
}

/** ETRS89 / UTM (metres) back to WGS84 longitude/latitude (degrees). */
export function toWgs84(epsg: number, p: Point_m): [number, number] {
  return proj4(UTM[epsg], 'WGS84', [p.x_m, p.y_m]);
}

type Position = [number, number];
const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** Whether two segments p1–p2 and p3–p4 cross (proper intersection or touching inside). */
function segmentsCross(p1: Position, p2: Position, p3: Position, p4: Position): boolean {
  const d = (a: Position, b: Position, c: Position) =>
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const d1 = d(p3, p4, p1);
  const d2 = d(p3, p4, p2);
  const d3 = d(p1, p2, p3);
  const d4 = d(p1, p2, p4);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Whether a closed ring (first = last) crosses itself; O(n²), rings of buildings are short. */
export function selfIntersects(ring: Position[]): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++)
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // neighbours across the closing point
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  return false;
}

/** Area centroid of a closed ring (shoelace); the vertex mean for a degenerate ring. */
export function ringCentroid(ring: Point_m[]): Point_m {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const o = ring[0];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0, x1, y1] = [
      ring[i].x_m - o.x_m,
      ring[i].y_m - o.y_m,
      ring[i + 1].x_m - o.x_m,
      ring[i + 1].y_m - o.y_m,
    ];
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  if (Math.abs(a) < 1e-9) {
    const k = ring.length;
    return { x_m: ring.reduce((s, p) => s + p.x_m, 0) / k, y_m: ring.reduce((s, p) => s + p.y_m, 0) / k };
  }
  return { x_m: o.x_m + cx / (3 * a), y_m: o.y_m + cy / (3 * a) };
}

interface Feature {
  type?: unknown;
  id?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/** All positions of a feature's geometry (for the mean longitude). */
function positionsOf(g: Feature['geometry']): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown) => {
    if (isPosition(c)) out.push(c);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(g?.coordinates);
  return out;
}

/** Parses and checks a network GeoJSON text. */
export function readNetworkGeoJson(text: string): { input?: NetworkInput; issues: NetworkIssue[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return {
      issues: [{ code: 'notFeatureCollection', severity: 'error', values: { reason: (e as Error).message } }],
    };
  }
  return readNetworkCollection(doc);
}

/** Checks an already parsed GeoJSON document (e.g. a project's network.geojson) as network input. */
export function readNetworkCollection(doc: unknown): { input?: NetworkInput; issues: NetworkIssue[] } {
  const fc = doc as { type?: unknown; features?: unknown; crs?: unknown } | null;
  if (fc === null || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    return { issues: [{ code: 'notFeatureCollection', severity: 'error', values: { reason: '' } }] };
  return readFeatures(fc.features as Feature[], fc.crs);
}

/** The features of a collection as network input (see {@link readNetworkGeoJson}). */
export function readFeatures(
  features: Feature[],
  crs: unknown,
): { input?: NetworkInput; issues: NetworkIssue[] } {
  const issues: NetworkIssue[] = [];
  const declared = crsOf(crs);
  if (declared === undefined) {
    const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
    return {
      issues: [
        {
          code: 'unknownCrs',
          severity: 'error',
          values: { crs: typeof name === 'string' ? name : JSON.stringify(crs) },
        },
      ],
    };
  }
  let epsg = declared;
  if (declared === 4326) {
    let sum = 0;
    let n = 0;
    for (const f of features)
      for (const p of positionsOf(f?.geometry))
        if (Math.abs(p[0]) <= 180) {
          sum += p[0];
          n++;
        }
    epsg = n > 0 && sum / n >= 12 ? 25833 : 25832;
  }
  const project = (p: Position): Point_m =>
    declared === 4326 ? toUtm(epsg, p[0], p[1]) : { x_m: p[0], y_m: p[1] };
  const inRange = (p: Position) => declared !== 4326 || (Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90);

  const buildings: Building[] = [];
  const streets: Street[] = [];
  const plants: NetworkInput['plants'] = [];
  const seen = new Map<string, number>();
  features.forEach((f, i) => {
    const feature = i + 1;
    const props = f?.properties ?? {};
    const kind = typeof props.kind === 'string' ? props.kind : undefined;
    const rawId = props.id ?? f?.id;
    const g = f?.geometry;
    const type = g?.type;
    const fallback = `${kind ?? (type === 'LineString' ? 'street' : 'building')}-${feature}`;
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : fallback;
    const bad = (values: Record<string, string | number> = {}) =>
      issues.push({
        code: 'badGeometry',
        feature,
        id,
        severity: 'error',
        values: { type: typeof type === 'string' ? type : '', ...values },
      });
    if (!g || typeof g !== 'object') return bad();
    if (seen.has(`${kind === 'street' ? 's' : 'b'}:${id}`)) {
      issues.push({
        code: 'duplicateId',
        feature,
        id,
        severity: 'error',
        values: { first: seen.get(`${kind === 'street' ? 's' : 'b'}:${id}`)! },
      });
      return;
    }
    seen.set(`${kind === 'street' ? 's' : 'b'}:${id}`, feature);
    if (type === 'LineString' || type === 'MultiLineString') {
      const lines = (type === 'LineString' ? [g.coordinates] : g.coordinates) as unknown[];
      if (!Array.isArray(lines)) return bad();
      lines.forEach((line, k) => {
        if (!Array.isArray(line) || line.length < 2 || !line.every(isPosition) || !line.every(inRange))
          return bad();
        streets.push({ id: lines.length > 1 ? `${id}#${k + 1}` : id, points: line.map(project) });
      });
      return;
    }
    if (type === 'Point') {
      const c = g.coordinates;
      if (!isPosition(c) || !inRange(c)) return bad();
      if (kind === 'plant') return void plants.push({ id, at: project(c) });
      return addBuilding(project(c));
    }
    if (type === 'Polygon' || type === 'MultiPolygon') {
      const polys = (type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
      if (!Array.isArray(polys) || polys.length === 0) return bad();
      const outer = (polys as unknown[][]).map((p) => (Array.isArray(p) ? p[0] : undefined));
      for (const ring of outer) {
        if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition) || !ring.every(inRange))
          return bad();
        const [a, z] = [ring[0], ring[ring.length - 1]];
        if (a[0] !== z[0] || a[1] !== z[1])
          return void issues.push({ code: 'openRing', feature, id, severity: 'error' });
        if (selfIntersects(ring))
          return void issues.push({ code: 'selfIntersection', feature, id, severity: 'error' });
      }
      const ring = (outer[0] as Position[]).map(project);
      if (kind === 'plant') return void plants.push({ id, at: ringCentroid(ring) });
      return addBuilding(ringCentroid(ring));
    }
    return bad();

    function addBuilding(at: Point_m) {
      const heat = props.heat_MWh_a;
      if (typeof heat !== 'number' || !Number.isFinite(heat) || heat < 0)
        return void issues.push({ code: 'missingHeat', feature, id, severity: 'error' });
      const peak = props.peak_kW;
      const b: Building = { id, at, heat_MWh_a: heat };
      if (typeof peak === 'number' && Number.isFinite(peak) && peak > 0) b.peak_kW = peak;
      buildings.push(b);
    }
  });
  if (!plants.length) issues.push({ code: 'noPlant', severity: 'error' });
  if (!streets.length) issues.push({ code: 'noStreets', severity: 'error' });
  if (!buildings.length) issues.push({ code: 'noBuildings', severity: 'error' });
  if (issues.some((x) => x.severity === 'error')) return { issues };
  return { input: { epsg, inputEpsg: declared, buildings, streets, plants }, issues };
}
