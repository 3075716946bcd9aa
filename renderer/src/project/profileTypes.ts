/** Profile types the generator offers (kept apart from generate.ts so pages load it lazily). */
export const ELECTRICITY_PROFILES = ['H25', 'G25', 'L25', 'P25', 'S25'] as const;
export type ElectricityProfile = (typeof ELECTRICITY_PROFILES)[number];
export const HEAT_TYPES = ['EFH', 'MFH', 'GHA', 'GKO', 'GBD', 'GMK'] as const;
export type HeatType = (typeof HEAT_TYPES)[number];

/**
 * How a synthetic series was made, so it can be made again for another project year (stored on the
 * series record; series generated before this field existed are recognised by their source note).
 */
export type GeneratedSpec =
  | { kind: 'heat'; type: HeatType; annual_kWh: number }
  | { kind: 'electricity'; profile: ElectricityProfile; annual_kWh: number }
  | { kind: 'ambient' | 'pvYield' | 'solarYield' };
