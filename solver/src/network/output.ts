import { toWgs84 } from './geojson';
import type { DesignedPipe, NetworkDesign } from './types';

/** The pipe properties of network.geojson (a contract, issue #17; docs/formats/network.md). */
export type PipeProperties = Pick<
  DesignedPipe,
  | 'id'
  | 'kind'
  | 'dn'
  | 'innerDiameter_m'
  | 'length_m'
  | 'designFlow_kg_s'
  | 'velocity_m_s'
  | 'pressureGradient_Pa_m'
  | 'heatLossCoefficient_W_mK'
  | 'cost_EUR'
>;

export interface PipeCollection {
  type: 'FeatureCollection';
  crs?: { type: 'name'; properties: { name: string } };
  features: {
    type: 'Feature';
    id: string;
    geometry: { type: 'LineString'; coordinates: [number, number][] };
    properties: PipeProperties;
  }[];
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/**
 * network.geojson: every pipe as a LineString. Coordinates in the CRS the input came in: WGS84
 * longitude/latitude (RFC 7946, 7 decimals ≈ 1 cm) for WGS84 input, else ETRS89 / UTM metres (cm)
 * with the `crs` member naming it.
 */
export function networkGeoJson(design: NetworkDesign, inputEpsg = design.epsg): PipeCollection {
  const wgs = inputEpsg === 4326;
  return {
    type: 'FeatureCollection',
    ...(wgs ? {} : { crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${design.epsg}` } } }),
    features: design.pipes.map((p) => ({
      type: 'Feature',
      id: p.id,
      geometry: {
        type: 'LineString',
        coordinates: p.points.map((q): [number, number] => {
          if (!wgs) return [round(q.x_m, 2), round(q.y_m, 2)];
          const [lon, lat] = toWgs84(design.epsg, q);
          return [round(lon, 7), round(lat, 7)];
        }),
      },
      properties: {
        id: p.id,
        kind: p.kind,
        dn: p.dn,
        innerDiameter_m: p.innerDiameter_m,
        length_m: round(p.length_m, 2),
        designFlow_kg_s: round(p.designFlow_kg_s, 4),
        velocity_m_s: round(p.velocity_m_s, 4),
        pressureGradient_Pa_m: round(p.pressureGradient_Pa_m, 2),
        heatLossCoefficient_W_mK: p.heatLossCoefficient_W_mK,
        cost_EUR: round(p.cost_EUR, 2),
      },
    })),
  };
}
