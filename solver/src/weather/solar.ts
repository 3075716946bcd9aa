import { spa } from './spa';

/**
 * Sun position and plane-of-array irradiance.
 *
 * Sun position: NREL's Solar Position Algorithm (`spa.ts`, Reda & Andreas 2004/2008), uncertainty ±0.0003°;
 * the paper's example is a test. Transposition: Hay–Davies (1980) anisotropic sky (circumsolar part by the
 * anisotropy index DNI/I0, the rest isotropic), ground reflection with albedo (default 0.2). PVGIS itself uses
 * Muneer's model, so diffuse in-plane values differ by some per cent (docs/weather.md).
 */
const RAD = Math.PI / 180;

export interface SunPosition {
  /** Topocentric zenith angle including atmospheric refraction. */
  zenith_deg: number;
  azimuth_deg: number; // from north, clockwise (180 = south)
  elevation_deg: number;
  /** Extraterrestrial normal irradiance, W/m² (1367 W/m² at 1 AU, by the Earth–sun distance of the instant). */
  extraterrestrial_W_m2: number;
}

/** Solar constant as PVWatts and Hay–Davies use it, W/m². */
export const SOLAR_CONSTANT_W_M2 = 1367;

/** Sun position at a UTC instant (ms) for a site, by NREL's SPA (standard atmosphere, ΔT 69 s). */
export function sunPosition(
  utc_ms: number,
  latitude_deg: number,
  longitude_deg: number,
  elevation_m = 0,
): SunPosition {
  const r = spa({ utc_ms, latitude_deg, longitude_deg, elevation_m });
  return {
    zenith_deg: r.zenith_deg,
    azimuth_deg: r.azimuth_deg,
    elevation_deg: 90 - r.zenith_deg,
    extraterrestrial_W_m2: SOLAR_CONSTANT_W_M2 / (r.radius_AU * r.radius_AU),
  };
}

export interface Plane {
  tilt_deg: number;
  /** Azimuth of the surface normal from north, clockwise: 180 = facing south. */
  azimuth_deg: number;
  albedo?: number;
}

export interface PoaIrradiance {
  beam_W_m2: number;
  diffuse_W_m2: number;
  reflected_W_m2: number;
  total_W_m2: number;
  cosAoi: number;
}

/** Angle of incidence cosine of the sun on a plane. */
export function cosIncidence(sun: SunPosition, plane: Plane): number {
  const z = sun.zenith_deg * RAD;
  const t = plane.tilt_deg * RAD;
  return (
    Math.cos(z) * Math.cos(t) +
    Math.sin(z) * Math.sin(t) * Math.cos((sun.azimuth_deg - plane.azimuth_deg) * RAD)
  );
}

/** Plane-of-array irradiance by Hay–Davies from DNI, DHI and GHI (W/m²). */
export function poaHayDavies(
  sun: SunPosition,
  plane: Plane,
  dni: number,
  dhi: number,
  ghi: number,
): PoaIrradiance {
  const cosAoi = cosIncidence(sun, plane);
  const cosZ = Math.cos(sun.zenith_deg * RAD);
  const t = plane.tilt_deg * RAD;
  const up = sun.elevation_deg > 0;
  const beam = up ? Math.max(0, dni * cosAoi) : 0;
  const ai = up ? Math.min(1, Math.max(0, dni / sun.extraterrestrial_W_m2)) : 0;
  const rb = up ? Math.max(0, cosAoi) / Math.max(cosZ, 0.01745) : 0;
  const diffuse = Math.max(0, dhi * (ai * rb + (1 - ai) * ((1 + Math.cos(t)) / 2)));
  const reflected = Math.max(0, ghi * (plane.albedo ?? 0.2) * ((1 - Math.cos(t)) / 2));
  return {
    beam_W_m2: beam,
    diffuse_W_m2: diffuse,
    reflected_W_m2: reflected,
    total_W_m2: beam + diffuse + reflected,
    cosAoi,
  };
}
