/**
 * Energy-conserving resampling of average-rate series: power in kW per interval (its energy is kept),
 * or a price or temperature, whose mean is kept the same way. Going to a coarser
 * resolution averages power over the target interval; going finer repeats it; mixed ratios use the
 * exact overlap of intervals. The energy of every target interval equals the energy the source has
 * in it, so annual energy is kept exactly. NaN (a gap) anywhere in a target interval gives NaN.
 */
export function resample(values: Float64Array, from_min: number, to_min: number): Float64Array {
  if (!(from_min > 0 && to_min > 0)) throw new Error('resolutions must be positive');
  const total_min = values.length * from_min;
  const n = Math.floor(total_min / to_min);
  if (n * to_min !== total_min)
    throw new Error(`${values.length} × ${from_min} min do not divide into ${to_min}-minute intervals`);
  return resampleOnto(values, from_min, 0, to_min, n);
}

/**
 * The same resampling onto a given grid: `n` target intervals of `to_min` minutes, the source
 * starting `offset_min` minutes after the grid's start (negative: before it), e.g. a measured series
 * placed on the hours of the site year. Each target interval gets the energy the source has in it
 * (exact overlap), so the energy of every fully covered interval is kept. An interval the source
 * does not cover entirely, or one with a gap (NaN) in it, is NaN: nothing is filled here (fillGaps).
 */
export function resampleOnto(
  values: ArrayLike<number>,
  from_min: number,
  offset_min: number,
  to_min: number,
  n: number,
): Float64Array {
  if (!(from_min > 0 && to_min > 0)) throw new Error('resolutions must be positive');
  if (!(Number.isInteger(n) && n >= 0))
    throw new Error('the number of target intervals must be a whole number');
  const begin = offset_min;
  const end = offset_min + values.length * from_min;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const a = k * to_min;
    const b = a + to_min;
    if (a < begin || b > end) {
      out[k] = NaN;
      continue;
    }
    let energy = 0;
    for (let i = Math.floor((a - begin) / from_min); i < values.length && begin + i * from_min < b; i++) {
      const lo = Math.max(a, begin + i * from_min);
      const hi = Math.min(b, begin + (i + 1) * from_min);
      if (hi > lo) energy += values[i] * (hi - lo);
    }
    out[k] = energy / to_min;
  }
  return out;
}

export type FillRule = 'linear' | 'previous-week' | 'zero';

/**
 * Fills gaps (NaN) by an explicit rule the user chose; returns the filled series and what was done, to
 * be recorded with the profile. Linear interpolates between the neighbours (a gap at an edge takes the
 * nearest value); previous-week copies the value 7 days earlier (or later, at the start).
 */
export function fillGaps(
  values: Float64Array,
  resolution_min: number,
  rule: FillRule,
): { values: Float64Array; filled: number; rule: FillRule } {
  const v = Float64Array.from(values);
  const n = v.length;
  let filled = 0;
  if (rule === 'zero') {
    for (let i = 0; i < n; i++)
      if (Number.isNaN(v[i])) {
        v[i] = 0;
        filled++;
      }
  } else if (rule === 'previous-week') {
    const week = Math.round((7 * 24 * 60) / resolution_min);
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(v[i])) continue;
      const src = i - week >= 0 ? v[i - week] : i + week < n ? values[i + week] : NaN;
      if (Number.isNaN(src)) throw new Error(`no value one week before or after interval ${i} to fill from`);
      v[i] = src;
      filled++;
    }
  } else {
    for (let i = 0; i < n;) {
      if (!Number.isNaN(v[i])) {
        i++;
        continue;
      }
      let j = i;
      while (j < n && Number.isNaN(v[j])) j++;
      const left = i > 0 ? v[i - 1] : NaN;
      const right = j < n ? v[j] : NaN;
      if (Number.isNaN(left) && Number.isNaN(right))
        throw new Error('the series has no values to interpolate from');
      for (let k = i; k < j; k++) {
        v[k] = Number.isNaN(left)
          ? right
          : Number.isNaN(right)
            ? left
            : left + ((right - left) * (k - i + 1)) / (j - i + 1);
        filled++;
      }
      i = j;
    }
  }
  return { values: v, filled, rule };
}

/** A series as hourly means: an hourly series as it is, a quarter-hourly one averaged per hour. */
export function hourlyMeans(series: Float64Array, yearHours: number): Float64Array {
  if (series.length !== 4 * yearHours) return series;
  const out = new Float64Array(yearHours);
  for (let h = 0; h < yearHours; h++)
    out[h] = (series[4 * h] + series[4 * h + 1] + series[4 * h + 2] + series[4 * h + 3]) / 4;
  return out;
}
