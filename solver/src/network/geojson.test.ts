import { describe, expect, it } from 'vitest';
import { readBuildingsCsv } from './csv';
import { crsOf, readNetworkGeoJson, ringCentroid, selfIntersects, toUtm, toWgs84 } from './geojson';
import { networkIssueText } from './messages';

/** Meridian arc length of GRS80 (Snyder 1987, eq. 3-21), for an independent UTM check. */
function meridianArc_m(lat_deg: number): number {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = 2 * f - f * f;
  const p = (lat_deg * Math.PI) / 180;
  return (
    a *
    ((1 - e2 / 4 - (3 * e2 ** 2) / 64 - (5 * e2 ** 3) / 256) * p -
      ((3 * e2) / 8 + (3 * e2 ** 2) / 32 + (45 * e2 ** 3) / 1024) * Math.sin(2 * p) +
      ((15 * e2 ** 2) / 256 + (45 * e2 ** 3) / 1024) * Math.sin(4 * p) -
      ((35 * e2 ** 3) / 3072) * Math.sin(6 * p))
  );
}

const fc = (features: unknown[], crs?: unknown) =>
  JSON.stringify({ type: 'FeatureCollection', crs, features });
const street = (id: string, coords: number[][]) => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates: coords },
  properties: { kind: 'street', id },
});
const plant = (coords: number[]) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: coords },
  properties: { kind: 'plant', id: 'p' },
});
const house = (id: string, coords: number[], heat: unknown = 30) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: coords },
  properties: { id, heat_MWh_a: heat },
});

describe('coordinates', () => {
  it('projects WGS84 to ETRS89 / UTM 32N: on the central meridian 9° E, x = 500 km and y = 0.9996 · meridian arc', () => {
    const p = toUtm(25832, 9, 52);
    expect(p.x_m).toBeCloseTo(500000, 3);
    expect(p.y_m).toBeCloseTo(0.9996 * meridianArc_m(52), 2);
  });

  it('goes back to the same longitude and latitude (zone 33N, Potsdam)', () => {
    const p = toUtm(25833, 13.07, 52.39);
    const [lon, lat] = toWgs84(25833, p);
    expect(lon).toBeCloseTo(13.07, 9);
    expect(lat).toBeCloseTo(52.39, 9);
  });

  it('reads the crs member: none or CRS84 = WGS84, EPSG:25832/25833, else unknown', () => {
    expect(crsOf(undefined)).toBe(4326);
    expect(crsOf({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe(4326);
    expect(crsOf({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } })).toBe(25832);
    expect(crsOf({ type: 'name', properties: { name: 'EPSG:25833' } })).toBe(25833);
    expect(crsOf({ type: 'name', properties: { name: 'EPSG:31467' } })).toBeUndefined();
  });
});

describe('polygons', () => {
  it('finds the area centroid of an L-shaped outline (hand-computed)', () => {
    // squares [0,2]×[0,1] (area 2, centroid 1,0.5) and [0,1]×[1,2] (area 1, centroid 0.5,1.5): (2.5/3, 2.5/3)
    const ring = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ].map(([x, y]) => ({ x_m: x, y_m: y }));
    const c = ringCentroid(ring);
    expect(c.x_m).toBeCloseTo(2.5 / 3, 12);
    expect(c.y_m).toBeCloseTo(2.5 / 3, 12);
  });

  it('detects a bow-tie outline', () => {
    expect(
      selfIntersects([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ] as [number, number][]),
    ).toBe(true);
    expect(
      selfIntersects([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ] as [number, number][]),
    ).toBe(false);
  });
});

describe('reading a network GeoJSON', () => {
  const utm = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } };

  it('keeps declared UTM metres, takes polygon centroids and plants', () => {
    const r = readNetworkGeoJson(
      fc(
        [
          street('a', [
            [0, 0],
            [100, 0],
          ]),
          plant([-10, 0]),
          {
            type: 'Feature',
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [40, 10],
                  [50, 10],
                  [50, 20],
                  [40, 20],
                  [40, 10],
                ],
              ],
            },
            properties: { id: 'h1', heat_MWh_a: 25, peak_kW: 14 },
          },
        ],
        utm,
      ),
    );
    expect(r.issues).toEqual([]);
    expect(r.input?.epsg).toBe(25832);
    expect(r.input?.buildings).toEqual([{ id: 'h1', at: { x_m: 45, y_m: 15 }, heat_MWh_a: 25, peak_kW: 14 }]);
    expect(r.input?.plants).toEqual([{ id: 'p', at: { x_m: -10, y_m: 0 } }]);
  });

  it('projects WGS84 to the UTM zone of the mean longitude (13° E → 33N)', () => {
    const r = readNetworkGeoJson(
      fc([
        street('a', [
          [13.0, 52.4],
          [13.001, 52.4],
        ]),
        plant([12.9999, 52.4]),
        house('h', [13.0005, 52.4001]),
      ]),
    );
    expect(r.input?.epsg).toBe(25833);
    expect(r.input?.inputEpsg).toBe(4326);
    const s = r.input!.streets[0].points;
    // 0.001° of longitude at 52.4° N ≈ 111.32 km · cos(52.4°) / 1000 ≈ 67.9 m
    expect(Math.hypot(s[1].x_m - s[0].x_m, s[1].y_m - s[0].y_m)).toBeCloseTo(67.9, 0);
  });

  it('locates every problem: open ring, self-intersection, missing heat, duplicate id', () => {
    const r = readNetworkGeoJson(
      fc(
        [
          street('a', [
            [0, 0],
            [100, 0],
          ]),
          plant([0, 5]),
          {
            type: 'Feature',
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 10],
                  [10, 10],
                  [10, 20],
                  [0, 20],
                ],
              ],
            },
            properties: { id: 'open', heat_MWh_a: 1 },
          },
          {
            type: 'Feature',
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 1],
                  [1, 0],
                  [0, 1],
                  [0, 0],
                ],
              ],
            },
            properties: { id: 'bow', heat_MWh_a: 1 },
          },
          house('noheat', [5, 5], 'viel'),
          house('twice', [6, 6]),
          house('twice', [7, 7]),
        ],
        utm,
      ),
    );
    expect(r.input).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.feature, i.id])).toEqual([
      ['openRing', 3, 'open'],
      ['selfIntersection', 4, 'bow'],
      ['missingHeat', 5, 'noheat'],
      ['duplicateId', 7, 'twice'],
    ]);
    const de = networkIssueText(r.issues[0], 'de');
    const en = networkIssueText(r.issues[0], 'en');
    expect(de).toContain('Objekt 3 (open)');
    expect(en).toContain('Feature 3 (open)');
    expect(networkIssueText(r.issues[3], 'en')).toContain('feature 6');
  });

  it('names what is missing and what cannot be read', () => {
    expect(readNetworkGeoJson('{').issues[0].code).toBe('notFeatureCollection');
    expect(
      readNetworkGeoJson(fc([], { type: 'name', properties: { name: 'EPSG:31467' } })).issues[0],
    ).toMatchObject({
      code: 'unknownCrs',
      values: { crs: 'EPSG:31467' },
    });
    expect(readNetworkGeoJson(fc([])).issues.map((i) => i.code)).toEqual([
      'noPlant',
      'noStreets',
      'noBuildings',
    ]);
    for (const i of readNetworkGeoJson(fc([])).issues)
      expect(networkIssueText(i, 'de')).not.toMatch(/\{\{|undefined|NaN/);
  });
});

describe('buildings from CSV', () => {
  it('reads a German semicolon table with decimal commas and locates a bad value by line', () => {
    const r = readBuildingsCsv('id;x;y;heat_MWh_a\nh1;100,5;200;12,5\nh2;101;201;viel\n', 25832);
    expect(r.buildings).toEqual([{ id: 'h1', at: { x_m: 100.5, y_m: 200 }, heat_MWh_a: 12.5 }]);
    expect(r.issues).toEqual([
      {
        code: 'csvValue',
        line: 3,
        id: 'h2',
        severity: 'error',
        values: { column: 'heat_mwh_a', value: 'viel' },
      },
    ]);
    expect(networkIssueText(r.issues[0], 'de')).toBe(
      'Zeile 3 (h2): „viel“ in Spalte heat_mwh_a ist keine gültige Zahl.',
    );
  });

  it('asks for the columns it needs', () => {
    const r = readBuildingsCsv('a,b\n1,2\n', 25832);
    expect(r.issues[0]).toMatchObject({ code: 'csvColumns', line: 1 });
  });
});
