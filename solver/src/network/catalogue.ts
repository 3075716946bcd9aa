/**
 * The default pipe catalogue: plastic-jacketed bonded steel pipe (single pipe, "KMR"),
 * insulation series 2 (one step reinforced), DN20 to DN400.
 *
 * - Steel pipe outer diameter × minimum wall thickness: EN 253 (table of steel pipe dimensions);
 *   inner diameter = outer diameter − 2 × wall (DN100: 114.3 − 2 × 3.6 = 107.1 mm).
 * - Casing outer diameter, series 2: typical manufacturer catalogues (e.g. isoplus "Starre
 *   Verbundsysteme", column "1× verstärkt"); not a standard.
 * - Heat-loss coefficient: computed from the EN 13941-1 simplified single-pipe formula
 *   ({@link singlePipeHeatLossCoefficient_W_mK}) with λ_PUR = 0.027 W/(m·K): the manufacturers'
 *   declared λ50 of cyclopentane-blown PUR (isoplus: 0.027 W/(m·K), discontinuous production);
 *   EN 253 limits λ50 of unaged foam to at most 0.029 W/(m·K).
 * - Cost per trench metre: Annahme (see {@link COST_EUR_M}).
 */
import type { PipeType } from './types';

/** Thermal conductivity of the PUR insulation, W/(m·K) (declared λ50, see the file comment). */
export const LAMBDA_PUR_W_MK = 0.027;

/**
 * Heat loss of one buried pipe per metre and kelvin between medium and undisturbed soil, EN 13941-1
 * simplified single-pipe formula (steel wall and casing wall resistances neglected, no interaction
 * with the second pipe of the pair):
 *   U = 1 / ( ln(Dc/do) / (2π λ_PUR) + ln(4 Z / Dc) / (2π λ_soil) ),  Z = cover depth + Dc/2.
 */
export function singlePipeHeatLossCoefficient_W_mK(
  steelOuterDiameter_m: number,
  casingDiameter_m: number,
  coverDepth_m: number,
  soilConductivity_W_mK: number,
  insulationConductivity_W_mK = LAMBDA_PUR_W_MK,
): number {
  const z_m = coverDepth_m + casingDiameter_m / 2;
  const insulation =
    Math.log(casingDiameter_m / steelOuterDiameter_m) / (2 * Math.PI * insulationConductivity_W_mK);
  const soil = Math.log((4 * z_m) / casingDiameter_m) / (2 * Math.PI * soilConductivity_W_mK);
  return 1 / (insulation + soil);
}

/** [DN, steel outer diameter mm, wall mm (EN 253), casing series 2 mm (manufacturers)]. */
export const STEEL_PIPES_EN253: readonly (readonly [number, number, number, number])[] = [
  [20, 26.9, 2.6, 110],
  [25, 33.7, 2.6, 110],
  [32, 42.4, 2.6, 125],
  [40, 48.3, 2.6, 125],
  [50, 60.3, 2.9, 140],
  [65, 76.1, 2.9, 160],
  [80, 88.9, 3.2, 180],
  [100, 114.3, 3.6, 225],
  [125, 139.7, 3.6, 250],
  [150, 168.3, 4.0, 280],
  [200, 219.1, 4.5, 355],
  [250, 273.0, 5.0, 450],
  [300, 323.9, 5.6, 500],
  [350, 355.6, 5.6, 560],
  [400, 406.4, 6.3, 630],
];

/**
 * Annahme: investment per metre of trench (supply and return pipe, earthworks, surface restoration),
 * EUR net, price level 2024, in the order of magnitude of the Technikkatalog Wärmeplanung (KWW/ifeu,
 * 2024) for built-up areas; the figures are not copied from it and must be replaced by local prices.
 */
export const COST_EUR_M: Readonly<Record<number, number>> = {
  20: 700,
  25: 720,
  32: 750,
  40: 780,
  50: 820,
  65: 900,
  80: 980,
  100: 1100,
  125: 1250,
  150: 1400,
  200: 1700,
  250: 2000,
  300: 2300,
  350: 2600,
  400: 2900,
};

const SOURCE =
  'Stahlrohr Außendurchmesser × Wand: EN 253 (Norm); Mantelrohr Serie 2: typische Herstellerkataloge ' +
  '(z. B. isoplus, 1× verstärkt; keine Norm); U: berechnet nach EN 13941-1 vereinfacht, λ_PUR 0,027 W/(m·K) ' +
  '(Herstellerangabe λ50; EN 253: ≤ 0,029), Überdeckung und λ_Boden aus den Netzparametern; ' +
  'Kosten je Trassenmeter: Annahme, Größenordnung Technikkatalog Wärmeplanung (KWW/ifeu, 2024); Stand 12/2026';

/** The default catalogue for a cover depth and soil conductivity (they enter U). */
export function defaultPipes(coverDepth_m: number, soilConductivity_W_mK: number): PipeType[] {
  return STEEL_PIPES_EN253.map(([dn, outer_mm, wall_mm, casing_mm]) => ({
    dn,
    innerDiameter_m: (outer_mm - 2 * wall_mm) / 1000,
    casingDiameter_m: casing_mm / 1000,
    insulationClass: 2,
    heatLossCoefficient_W_mK: singlePipeHeatLossCoefficient_W_mK(
      outer_mm / 1000,
      casing_mm / 1000,
      coverDepth_m,
      soilConductivity_W_mK,
    ),
    cost_EUR_m: COST_EUR_M[dn],
    source: SOURCE,
  }));
}
