/**
 * A synthetic stand-in for a sensitive profile: the same annual energy and peak, the shape of a
 * standard profile, and no detail of the original (no value of it is used, only its sum and maximum).
 * The standard shape is bent by a power transform v ↦ v^γ, rescaled to the energy; γ is found by
 * bisection so that the peak matches (γ > 1 sharpens peaks, γ < 1 flattens them).
 */
export function syntheticStandIn(
  original_kW: Float64Array,
  shape_kW: Float64Array,
  resolution_min: number,
): { values_kW: Float64Array; gamma: number } {
  if (original_kW.length !== shape_kW.length)
    throw new Error('the standard shape must have as many intervals as the original');
  const h = resolution_min / 60;
  let energy = 0;
  let peak = 0;
  for (const v of original_kW) {
    if (!Number.isFinite(v)) throw new Error('fill the gaps of the original before making a stand-in');
    energy += v * h;
    peak = Math.max(peak, v);
  }
  if (!(energy > 0)) throw new Error('the original has no energy');
  const shapeMax = shape_kW.reduce((m, v) => Math.max(m, v), 0);
  const build = (gamma: number) => {
    const out = shape_kW.map((v) => (Math.max(v, 0) / shapeMax) ** gamma);
    const e = out.reduce((a, b) => a + b * h, 0);
    return out.map((v) => (v * energy) / e);
  };
  const peakOf = (g: number) => build(g).reduce((m, v) => Math.max(m, v), 0);
  let lo = 0.01;
  let hi = 1;
  while (peakOf(hi) < peak && hi < 64) hi *= 2;
  while (peakOf(lo) > peak && lo > 1e-6) lo /= 2;
  if (peakOf(hi) < peak || peakOf(lo) > peak)
    throw new Error('the peak of the original cannot be reached with this standard shape');
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (peakOf(mid) < peak) lo = mid;
    else hi = mid;
  }
  const gamma = (lo + hi) / 2;
  return { values_kW: build(gamma), gamma };
}
