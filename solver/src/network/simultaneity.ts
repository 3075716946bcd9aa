/**
 * Simultaneity factor of the peak loads of n buildings (GLF, Gleichzeitigkeitsfaktor) after
 * Winter, Haslauer, Obernberger: "Untersuchungen der Gleichzeitigkeit in kleinen und mittleren
 * Nahwärmenetzen", Euroheat & Power 9/10 (2001):
 *   GLF(n) = a + b / (1 + (n / c)^d)
 * GLF(1) = 1.0004, falling to a = 0.4497 for many buildings.
 */
export const GLF_A = 0.449677646;
export const GLF_B = 0.551234688;
export const GLF_C = 53.84382798;
export const GLF_D = 1.762743163;

/** Simultaneity factor for n ≥ 1 buildings (n = 0 gives a + b, harmless: it multiplies 0 kW). */
export function simultaneityFactor(buildings: number): number {
  return GLF_A + GLF_B / (1 + Math.pow(Math.max(buildings, 0) / GLF_C, GLF_D));
}
