/**
 * Properties of liquid water between 0 and 130 °C: density, dynamic viscosity, specific heat
 * (0 °C and up so that cold networks, e.g. 20/10 °C, size too).
 *
 * Table: evaluated at p = 1 MPa (10 bar, a typical district-heating pressure; water stays liquid
 * up to 179.9 °C) every 5 K from
 *   - density and isobaric specific heat: IAPWS-IF97 region 1 (IAPWS R7-97(2012), eq. 7 with
 *     table 2), checked against the release's verification values (table 5: T = 300 K, p = 3 MPa →
 *     v = 0.100215168e-2 m³/kg, cp = 4.17301218 kJ/(kg·K));
 *   - dynamic viscosity: IAPWS 2008 formulation (IAPWS R12-08, eqs. 10–12, without the critical
 *     enhancement, which is 1 outside the critical region), checked against its table 4
 *     (298.15 K, 998 kg/m³ → 889.735100 µPa·s).
 * Between rows: density and cp linearly, viscosity linearly in ln μ. Largest interpolation error
 * against the formulations: over 20–130 °C density 0.003 %, cp 0.003 %, viscosity 0.11 %;
 * over 0–20 °C density 0.005 %, cp 0.018 %, viscosity 0.21 %.
 * The pressure dependence is small: at 60 °C, 0.1 MPa instead of 1 MPa changes ρ by −0.04 %.
 */

/** [°C, kg/m³, J/(kg·K), µPa·s] at 1 MPa (IAPWS-IF97 region 1; IAPWS 2008 viscosity). */
export const WATER_TABLE_1MPA: readonly (readonly [number, number, number, number])[] = [
  [0, 1000.3, 4215.0, 1789.74],
  [5, 1000.41, 4201.1, 1516.89],
  [10, 1000.13, 4192.1, 1305.09],
  [15, 999.52, 4186.0, 1137.08],
  [20, 998.62, 4182.0, 1001.32],
  [25, 997.45, 4179.3, 889.9],
  [30, 996.05, 4177.6, 797.2],
  [35, 994.43, 4176.6, 719.18],
  [40, 992.62, 4176.3, 652.84],
  [45, 990.61, 4176.6, 595.93],
  [50, 988.44, 4177.5, 546.7],
  [55, 986.1, 4178.9, 503.83],
  [60, 983.6, 4180.8, 466.26],
  [65, 980.96, 4183.2, 433.14],
  [70, 978.17, 4186.1, 403.79],
  [75, 975.25, 4189.6, 377.66],
  [80, 972.2, 4193.5, 354.3],
  [85, 969.03, 4198.0, 333.32],
  [90, 965.73, 4203.0, 314.42],
  [95, 962.31, 4208.5, 297.33],
  [100, 958.77, 4214.6, 281.83],
  [105, 955.13, 4221.2, 267.72],
  [110, 951.36, 4228.3, 254.84],
  [115, 947.49, 4236.0, 243.06],
  [120, 943.51, 4244.3, 232.25],
  [125, 939.41, 4253.3, 222.3],
  [130, 935.21, 4262.9, 213.13],
];

export const WATER_MIN_C = 0;
export const WATER_MAX_C = 130;
const STEP_K = 5;

/** Row index and fraction for a temperature; outside 0–130 °C it throws (no extrapolation). */
function locate(temperature_C: number): { i: number; f: number } {
  if (!(temperature_C >= WATER_MIN_C && temperature_C <= WATER_MAX_C)) {
    throw new RangeError(`water properties: ${temperature_C} °C outside ${WATER_MIN_C}–${WATER_MAX_C} °C`);
  }
  const i = Math.min(Math.floor((temperature_C - WATER_MIN_C) / STEP_K), WATER_TABLE_1MPA.length - 2);
  return { i, f: (temperature_C - WATER_TABLE_1MPA[i][0]) / STEP_K };
}

function linear(column: 1 | 2, temperature_C: number): number {
  const { i, f } = locate(temperature_C);
  const a = WATER_TABLE_1MPA[i][column];
  return a + f * (WATER_TABLE_1MPA[i + 1][column] - a);
}

/** Density ρ in kg/m³. */
export function waterDensity_kg_m3(temperature_C: number): number {
  return linear(1, temperature_C);
}

/** Isobaric specific heat cp in J/(kg·K). */
export function waterSpecificHeat_J_kgK(temperature_C: number): number {
  return linear(2, temperature_C);
}

/** Dynamic viscosity μ in Pa·s (interpolated in ln μ). */
export function waterViscosity_Pa_s(temperature_C: number): number {
  const { i, f } = locate(temperature_C);
  const a = Math.log(WATER_TABLE_1MPA[i][3]);
  const b = Math.log(WATER_TABLE_1MPA[i + 1][3]);
  return Math.exp(a + f * (b - a)) * 1e-6;
}
