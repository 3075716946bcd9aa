import type { WeatherYear } from './readers';

export interface WeatherSummary {
  hours: number;
  meanTemperature_C: number;
  /** Annual global horizontal irradiation, kWh/m². */
  globalHorizontal_kWh_m2: number;
  /** Per month (January first) in the file's own clock: mean temperature and global horizontal irradiation. */
  months: { meanTemperature_C: number; globalHorizontal_kWh_m2: number }[];
}

/** Annual and monthly figures of a weather year, as the weather picker and the CLI show them. */
export function summarizeWeather(w: WeatherYear): WeatherSummary {
  const n = w.ghi_W_m2.length;
  const months = Array.from({ length: 12 }, () => ({ t: 0, hours: 0, ghi: 0 }));
  let t = 0;
  let ghi = 0;
  for (let k = 0; k < n; k++) {
    // The month of the row's hour in the file's clock (a TRY's 1 January 00:00–01:00 CET is January).
    const month = new Date(w.start_ms + (k + w.utcOffset_h) * 3_600_000).getUTCMonth();
    const m = months[month];
    m.t += w.temperature_C[k];
    m.hours += 1;
    m.ghi += w.ghi_W_m2[k];
    t += w.temperature_C[k];
    ghi += w.ghi_W_m2[k];
  }
  return {
    hours: n,
    meanTemperature_C: t / n,
    globalHorizontal_kWh_m2: ghi / 1000,
    months: months.map((m) => ({
      meanTemperature_C: m.hours ? m.t / m.hours : NaN,
      globalHorizontal_kWh_m2: m.ghi / 1000,
    })),
  };
}
