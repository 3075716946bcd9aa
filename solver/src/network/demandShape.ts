/** Heating limit temperature of the degree-hour shape: 15 °C (VDI 3807 Blatt 1, Gradtagzahl G15). */
export const HEATING_LIMIT_C = 15;
/** Share of the annual heat that does not depend on the weather (hot water, losses in buildings): Annahme. */
export const WEATHER_INDEPENDENT_SHARE = 0.15;

/**
 * An hourly heat demand shape from air temperatures, for a network designed without a project's
 * demand profile: (1 − s) · max(0, 15 °C − T_h) / Σ_h max(0, 15 °C − T_h) + s / N, with s the
 * weather-independent share. Sums to 1 over the N hours (flat when no hour is below the limit).
 */
export function degreeHourShape(
  temperature_C: ArrayLike<number>,
  limit_C = HEATING_LIMIT_C,
  weatherIndependentShare = WEATHER_INDEPENDENT_SHARE,
): Float64Array {
  const n = temperature_C.length;
  let sum = 0;
  for (let h = 0; h < n; h++) sum += Math.max(0, limit_C - temperature_C[h]);
  const s = sum > 0 ? weatherIndependentShare : 1;
  return Float64Array.from({ length: n }, (_, h) =>
    sum > 0 ? ((1 - s) * Math.max(0, limit_C - temperature_C[h])) / sum + s / n : 1 / n,
  );
}

/** A series of any resolution as an hourly shape of `hours` values: sums of consecutive steps. */
export function hourlyShape(values: ArrayLike<number>, hours: number): Float64Array {
  const steps = values.length / hours;
  if (!Number.isInteger(steps) || steps < 1)
    throw new Error(`a demand series of ${values.length} values does not fit ${hours} hours`);
  const out = new Float64Array(hours);
  for (let i = 0; i < values.length; i++) out[Math.floor(i / steps)] += values[i];
  return out;
}
