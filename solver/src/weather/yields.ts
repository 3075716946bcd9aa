import { irradianceInstant_ms, type WeatherYear } from './readers';
import { poaHayDavies, sunPosition, type Plane, type SunPosition } from './solar';

export interface PvSystem extends Plane {
  /** Temperature coefficient of power per K (PVWatts standard module: −0.0037). */
  gamma_per_K?: number;
  /** System losses (soiling, wiring, mismatch, availability …), PVWatts default 0.14. */
  losses?: number;
  /** Inverter efficiency (PVWatts nominal 0.96). */
  inverterEfficiency?: number;
  /** Cell temperature rise per W/m² of in-plane irradiance (NOCT 45 °C: (45 − 20)/800). */
  cellRise_K_per_W_m2?: number;
  /** Cover reflection (incidence-angle) loss on the beam; default true (PVWatts v5). */
  reflectionLoss?: boolean;
}

const RAD = Math.PI / 180;

/**
 * Transmittance of a glass cover for light arriving at `aoi_deg` from its normal: Fresnel reflection of
 * unpolarised light at the air–glass interface (refraction angle by Snell's law, θr = asin(sin θ / n)) times
 * absorption in the glass, τ(θ) = exp(−K·L / cos θr) · [1 − ½ (sin²(θr − θ)/sin²(θr + θ) + tan²(θr − θ)/tan²(θr + θ))].
 * PVWatts v5 (Dobos 2014, NREL/TP-6A20-62641, "angle of incidence correction"; after De Soto et al. 2006)
 * uses n = 1.526, K = 4 m⁻¹, L = 2 mm.
 */
export function coverTransmittance(aoi_deg: number, n = 1.526, K = 4, L = 0.002): number {
  if (aoi_deg >= 90) return 0;
  const t = Math.abs(aoi_deg) * RAD;
  if (t < 1e-9) return Math.exp(-K * L) * (1 - ((1 - n) / (1 + n)) ** 2); // the limit at normal incidence
  const r = Math.asin(Math.sin(t) / n);
  const reflected =
    0.5 * (Math.sin(r - t) ** 2 / Math.sin(r + t) ** 2 + Math.tan(r - t) ** 2 / Math.tan(r + t) ** 2);
  return Math.exp((-K * L) / Math.cos(r)) * (1 - reflected);
}

/** Incidence angle modifier: the cover's transmittance relative to normal incidence, τ(θ)/τ(0) (PVWatts v5). */
export function incidenceAngleModifier(aoi_deg: number): number {
  return coverTransmittance(aoi_deg) / coverTransmittance(0);
}

const sunCache = new WeakMap<WeatherYear, SunPosition[]>();

/** The sun at the instant each row's irradiance belongs to (cached per weather year). */
export function sunSeries(w: WeatherYear): SunPosition[] {
  let s = sunCache.get(w);
  if (!s) {
    s = Array.from({ length: w.ghi_W_m2.length }, (_, k) =>
      sunPosition(irradianceInstant_ms(w, k), w.latitude_deg, w.longitude_deg, w.elevation_m || 0),
    );
    sunCache.set(w, s);
  }
  return s;
}

/**
 * Direct normal irradiance, from the file or from beam on the horizontal and the sun's zenith (zero below 3°
 * sun height, never above the extraterrestrial irradiance).
 */
export function dniSeries(w: WeatherYear): Float64Array {
  if (w.dni_W_m2) return w.dni_W_m2;
  const sun = sunSeries(w);
  const out = new Float64Array(w.ghi_W_m2.length);
  for (let k = 0; k < out.length; k++) {
    const cosZ = Math.cos(sun[k].zenith_deg * RAD);
    const beamH = Math.max(0, w.ghi_W_m2[k] - w.dhi_W_m2[k]);
    out[k] = cosZ > 0.05 ? Math.min(beamH / cosZ, sun[k].extraterrestrial_W_m2) : 0;
  }
  return out;
}

export interface PoaSeries {
  beam: Float64Array;
  diffuse: Float64Array;
  reflected: Float64Array;
  /** Angle of incidence of the sun on the plane, degrees (> 90: behind the plane). */
  aoi_deg: Float64Array;
}

/** Hourly in-plane components by Hay–Davies, W/m². */
export function poaComponents(w: WeatherYear, plane: Plane): PoaSeries {
  const dni = dniSeries(w);
  const sun = sunSeries(w);
  const n = w.ghi_W_m2.length;
  const out = {
    beam: new Float64Array(n),
    diffuse: new Float64Array(n),
    reflected: new Float64Array(n),
    aoi_deg: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const p = poaHayDavies(sun[k], plane, dni[k], w.dhi_W_m2[k], w.ghi_W_m2[k]);
    out.beam[k] = p.beam_W_m2;
    out.diffuse[k] = p.diffuse_W_m2;
    out.reflected[k] = p.reflected_W_m2;
    out.aoi_deg[k] = Math.acos(Math.max(-1, Math.min(1, p.cosAoi))) / RAD;
  }
  return out;
}

/** Hourly in-plane irradiance in W/m² (= Wh/m² per hour). */
export function poaSeries(w: WeatherYear, plane: Plane): Float64Array {
  const c = poaComponents(w, plane);
  return c.beam.map((b, k) => b + c.diffuse[k] + c.reflected[k]);
}

/**
 * PV yield per kWp and hour (kWh/kWp), PVWatts-like (docs/weather.md): the irradiance reaching the cells is
 * beam · IAM(θ) + sky diffuse + ground reflected (the cover's reflection loss on the beam, PVWatts v5);
 * DC power = G/1000 · (1 + γ·(T_cell − 25)), T_cell = T_air + rise · G_POA, times (1 − losses) and the
 * inverter efficiency.
 */
export function pvYieldPerKWp(w: WeatherYear, s: PvSystem): Float64Array {
  const c = poaComponents(w, s);
  const gamma = s.gamma_per_K ?? -0.0037;
  const rise = s.cellRise_K_per_W_m2 ?? 25 / 800;
  const k = (1 - (s.losses ?? 0.14)) * (s.inverterEfficiency ?? 0.96);
  const iam = s.reflectionLoss === false ? () => 1 : incidenceAngleModifier;
  return c.beam.map((b, i) => {
    const poa = b + c.diffuse[i] + c.reflected[i];
    const g = b * iam(c.aoi_deg[i]) + c.diffuse[i] + c.reflected[i];
    const tCell = w.temperature_C[i] + rise * poa;
    return Math.max(0, (g / 1000) * (1 + gamma * (tCell - 25)) * k);
  });
}

/** Solar-thermal yield per m² and hour (kWh/m²): η = η0 − a1·ΔT/G − a2·ΔT²/G, zero when negative. */
export function solarThermalYieldPerM2(
  w: WeatherYear,
  plane: Plane,
  c: { eta0: number; a1: number; a2: number; meanFluid_C: number },
): Float64Array {
  const poa = poaSeries(w, plane);
  return poa.map((g, i) => {
    if (g <= 0) return 0;
    const dT = c.meanFluid_C - w.temperature_C[i];
    const eta = c.eta0 - (c.a1 * dT) / g - (c.a2 * dT * dT) / g;
    return eta > 0 ? (eta * g) / 1000 : 0;
  });
}
