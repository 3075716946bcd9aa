import type { WeatherYear } from './readers';
import { poaHayDavies, sunPosition, type Plane } from './solar';

export interface PvSystem extends Plane {
  /** Temperature coefficient of power per K (PVWatts standard module: −0.0037). */
  gamma_per_K?: number;
  /** System losses (soiling, wiring, mismatch, availability …), PVWatts default 0.14. */
  losses?: number;
  /** Inverter efficiency (PVWatts nominal 0.96). */
  inverterEfficiency?: number;
  /** Cell temperature rise per W/m² of in-plane irradiance (NOCT 45 °C: (45 − 20)/800). */
  cellRise_K_per_W_m2?: number;
}

/** The instant each hourly value stands for: the middle of the hour (for sun position). */
function midHour(w: WeatherYear, k: number): number {
  // hourStart is a pseudo year label; place the hour in a non-leap reference year.
  const base = Date.UTC(2001, 0, 1);
  const h = k; // rows are the hours of the year in order
  return base + h * 3_600_000 - w.utcOffset_h * 3_600_000 + 1_800_000;
}

/** Direct normal irradiance, from the file or from beam on the horizontal and the sun's zenith. */
export function dniSeries(w: WeatherYear): Float64Array {
  if (w.dni_W_m2) return w.dni_W_m2;
  const out = new Float64Array(w.ghi_W_m2.length);
  for (let k = 0; k < out.length; k++) {
    const sun = sunPosition(midHour(w, k), w.latitude_deg, w.longitude_deg);
    const cosZ = Math.cos((sun.zenith_deg * Math.PI) / 180);
    const beamH = Math.max(0, w.ghi_W_m2[k] - w.dhi_W_m2[k]);
    out[k] = cosZ > 0.05 ? beamH / cosZ : 0;
  }
  return out;
}

/** Hourly in-plane irradiance in W/m² (= Wh/m² per hour). */
export function poaSeries(w: WeatherYear, plane: Plane): Float64Array {
  const dni = dniSeries(w);
  const out = new Float64Array(w.ghi_W_m2.length);
  for (let k = 0; k < out.length; k++) {
    const sun = sunPosition(midHour(w, k), w.latitude_deg, w.longitude_deg);
    out[k] = poaHayDavies(sun, plane, dni[k], w.dhi_W_m2[k], w.ghi_W_m2[k]).total_W_m2;
  }
  return out;
}

/**
 * PV yield per kWp and hour (kWh/kWp), PVWatts-like: DC power = POA/1000 · (1 + γ·(T_cell − 25)),
 * T_cell = T_air + rise · POA, times (1 − losses) and the inverter efficiency.
 */
export function pvYieldPerKWp(w: WeatherYear, s: PvSystem): Float64Array {
  const poa = poaSeries(w, s);
  const gamma = s.gamma_per_K ?? -0.0037;
  const rise = s.cellRise_K_per_W_m2 ?? 25 / 800;
  const k = (1 - (s.losses ?? 0.14)) * (s.inverterEfficiency ?? 0.96);
  return poa.map((g, i) => {
    const tCell = w.temperature_C[i] + rise * g;
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
