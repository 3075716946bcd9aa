import { toUtm, toWgs84 } from '../solver/src/network/geojson';
import type { Project } from '../solver/src/project/types';

/**
 * assets/examples/district-network.geojson: an invented district of 128 buildings on a street grid
 * (4 streets west–east of 400 m, 5 streets south–north of 240 m) in Potsdam (DWD TRY region 4), with
 * the heating plant west of it. WGS84 (RFC 7946); built in ETRS89 / UTM 33N metres. Heat demands
 * are invented (Annahme), 20–90 MWh/a per house, a school and a swimming pool larger.
 */
const EPSG = 25833;
const ORIGIN = toUtm(EPSG, 13.07, 52.39);

type Feature = {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
};

const lonLat = (x: number, y: number) => {
  const [lon, lat] = toWgs84(EPSG, { x_m: ORIGIN.x_m + x, y_m: ORIGIN.y_m + y });
  return [Number(lon.toFixed(7)), Number(lat.toFixed(7))];
};

export function districtGeoJson(): { type: 'FeatureCollection'; name: string; features: Feature[] } {
  const features: Feature[] = [];
  const westEast = ['lindenstrasse', 'ahornweg', 'birkenallee', 'eichenring'];
  const southNorth = ['am-anger', 'schulstrasse', 'gartenweg', 'muehlenweg', 'feldstrasse'];
  const xs = [0, 100, 200, 300, 400];
  const ys = [0, 80, 160, 240];
  ys.forEach((y, i) =>
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: xs.map((x) => lonLat(x, y)) },
      properties: { kind: 'street', id: westEast[i] },
    }),
  );
  xs.forEach((x, i) =>
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: ys.map((y) => lonLat(x, y)) },
      properties: { kind: 'street', id: southNorth[i] },
    }),
  );
  let seed = 17;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  let n = 0;
  for (const [i, y] of ys.entries())
    for (const side of [-1, 1])
      for (let x = 12.5; x < 400; x += 25) {
        if (x % 100 < 10 || x % 100 > 90) continue;
        n++;
        const cy = y + side * 15;
        const ring = [
          [x - 6, cy - 5],
          [x + 6, cy - 5],
          [x + 6, cy + 5],
          [x - 6, cy + 5],
          [x - 6, cy - 5],
        ].map(([a, b]) => lonLat(a, b));
        const special =
          n === 37
            ? { heat_MWh_a: 420, peak_kW: 260, use: 'Schule' }
            : n === 90
              ? { heat_MWh_a: 650, peak_kW: 300, use: 'Hallenbad' }
              : undefined;
        features.push({
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [ring] },
          properties: {
            id: `${westEast[i]}-${side < 0 ? 's' : 'n'}${Math.round(x)}`,
            ...(special ?? { heat_MWh_a: Math.round(20 + 70 * random()) }),
          },
        });
      }
  features.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: lonLat(-25, 120) },
    properties: { kind: 'plant', id: 'heizzentrale' },
  });
  return { type: 'FeatureCollection', name: 'Beispielquartier Wärmenetz (erfunden)', features };
}

/** assets/examples/district-network.json: the reference hub's plants sized for the example district's network. */
export function districtNetwork(hub: Project): Project {
  return {
    ...hub,
    name: 'Wärmenetz Beispielquartier',
    description:
      'Ein erfundenes Quartier mit 128 Gebäuden (assets/examples/district-network.geojson): das Wärmenetz wird aus Gebäuden und Straßen entworfen, die Erzeuger des Referenz-Quartiers werden für seine Wärme einschließlich der Netzverluste ausgelegt. Der Wärmebedarf des Projekts gibt nur den stündlichen Verlauf vor.',
    network: { geojson: districtGeoJson() },
  };
}
