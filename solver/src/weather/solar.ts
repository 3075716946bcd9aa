/**
 * Sun position and plane-of-array irradiance.
 *
 * Sun position: NOAA's general solar position equations (Spencer's Fourier series for declination and
 * equation of time), accurate to about 0.1–0.2° between ±60° latitude, enough for hourly yields.
 * Transposition: Hay–Davies (1980) anisotropic sky (circumsolar part by the anisotropy index DNI/I0,
 * the rest isotropic), ground reflection with albedo (default 0.2). PVGIS itself uses Muneer's model,
 * so diffuse in-plane values differ by some per cent (docs/weather.md).
 */
const RAD = Math.PI / 180;

export interface SunPosition {
  zenith_deg: number;
  azimuth_deg: number; // from north, clockwise (180 = south)
  elevation_deg: number;
  /** Extraterrestrial normal irradiance, W/m². */
  extraterrestrial_W_m2: number;
}

/** Sun position at a UTC instant (ms) for a site. */
export function sunPosition(utc_ms: number, latitude_deg: number, longitude_deg: number): SunPosition {
  const d = new Date(utc_ms);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  const doy = Math.floor((utc_ms - startOfYear) / 86_400_000) + 1;
  const hours = d.getUTCHours() + d.getUTCMinutes() / 60 + d.getUTCSeconds() / 3600;
  const g = ((2 * Math.PI) / 365) * (doy - 1 + (hours - 12) / 24);
  const eqtime_min =
    229.18 *
    (0.000075 +
      0.001868 * Math.cos(g) -
      0.032077 * Math.sin(g) -
      0.014615 * Math.cos(2 * g) -
      0.040849 * Math.sin(2 * g));
  const decl =
    0.006918 -
    0.399912 * Math.cos(g) +
    0.070257 * Math.sin(g) -
    0.006758 * Math.cos(2 * g) +
    0.000907 * Math.sin(2 * g) -
    0.002697 * Math.cos(3 * g) +
    0.00148 * Math.sin(3 * g);
  const trueSolarTime_min = hours * 60 + eqtime_min + 4 * longitude_deg;
  const ha = (trueSolarTime_min / 4 - 180) * RAD;
  const lat = latitude_deg * RAD;
  const cosZ = Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(ha);
  const zenith = Math.acos(Math.max(-1, Math.min(1, cosZ)));
  const sinZ = Math.sin(zenith);
  let az = 0;
  if (sinZ > 1e-9) {
    const cosAz = (Math.sin(decl) - Math.sin(lat) * cosZ) / (Math.cos(lat) * sinZ);
    az = Math.acos(Math.max(-1, Math.min(1, cosAz)));
    if (ha > 0) az = 2 * Math.PI - az;
  }
  const extraterrestrial = 1367 * (1 + 0.033 * Math.cos((2 * Math.PI * doy) / 365));
  return {
    zenith_deg: zenith / RAD,
    azimuth_deg: az / RAD,
    elevation_deg: 90 - zenith / RAD,
    extraterrestrial_W_m2: extraterrestrial,
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
