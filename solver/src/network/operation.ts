/**
 * Operation of the designed network over the year: heat losses, pump electricity and the heat the
 * plant must feed in, hour by hour.
 *
 * Simplifications (stated in docs/network.md):
 * - Losses: every pipe row is a supply and a return pipe, each with the row's U (EN 13941-1
 *   simplified single-pipe formula, no mutual interaction of the two pipes), at the constant design
 *   supply and return temperatures, against the undisturbed soil temperature of the hour.
 * - Soil: T(h) = mean + amplitude · cos(2π (day − phase) / 365), the form of Kusuda & Achenbach (1965)
 *   at a fixed depth, day = h / 24 counted from 1 January 00:00.
 * - Pump: the design head is the largest pressure drop from the plant to a building, supply and
 *   return (× 2), plus a substation allowance; design power = Δp · V̇ / η. In operation ΔT stays
 *   constant, so the flow follows the demand and the power the cube of the flow ratio (affinity laws).
 */
import { trunkPreorder } from './sizing';
import type { DesignedPipe, NetworkParams, RoutedNetwork } from './types';
import { waterDensity_kg_m3, waterSpecificHeat_J_kgK } from './water';

/** Annahme: pressure drop of the building's substation (heat exchanger, control valve) at design flow. */
export const SUBSTATION_PRESSURE_DROP_PA = 50_000;

/**
 * Annahme: day of year (0 = 1 January) of the soil temperature's maximum at pipe depth, 240 ≈ 29 August:
 * the surface maximum in late July, delayed about a month at about 1 m depth.
 */
export const SOIL_TEMPERATURE_PEAK_DAY = 240;

export interface Operation {
  lossesHourly_kW: Float64Array;
  pumpHourly_kW: Float64Array;
  plantHourly_kW: Float64Array;
  heatLoss_MWh_a: number;
  pumpElectricity_MWh_a: number;
  /** Largest hourly feed-in of the plant (demand plus losses). */
  plantPeak_kW: number;
  /** Pump head at design flow: 2 × largest path drop + substation allowance. */
  designHead_Pa: number;
  designPumpPower_kW: number;
}

/** Undisturbed soil temperature at pipe depth in hour `hour` of the year (°C). */
export function soilTemperature_C(hour: number, params: NetworkParams): number {
  const day = hour / 24;
  const phase = (2 * Math.PI * (day - SOIL_TEMPERATURE_PEAK_DAY)) / 365;
  return params.soilTemperature_C + params.soilTemperatureAmplitude_K * Math.cos(phase);
}

/**
 * The largest design pressure drop along one pipe path, plant to building (supply pipe only, Pa):
 * max over buildings of Σ R · L over the trunk pipes above it and its house connection.
 */
export function designPathPressureDrop_Pa(pipes: DesignedPipe[], routed: RoutedNetwork): number {
  const drop = new Map(pipes.map((p) => [p.id, p.pressureGradient_Pa_m * p.length_m]));
  const atNode = new Map<number, number>();
  for (const i of trunkPreorder(routed)) {
    const t = routed.trunk[i];
    atNode.set(t.to, (atNode.get(t.from) ?? 0) + (drop.get(`trunk:${t.edge}`) ?? 0));
  }
  let largest = 0;
  for (const c of routed.connections) {
    const path = (atNode.get(c.node) ?? 0) + (drop.get(`connection:${c.buildingId}`) ?? 0);
    largest = Math.max(largest, path);
  }
  return largest;
}

/**
 * Runs the network for `hours` hours with the buildings' hourly demand (kW). `designPeak_kW` is the
 * demand the network was designed for at the plant (Σ peaks · GLF(n)): the flow ratio's denominator
 * and the design volume flow V̇ = Q / (cp ΔT ρ), water properties at the mean temperature.
 */
export function operate(
  pipes: DesignedPipe[],
  designPeak_kW: number,
  demandHourly_kW: Float64Array,
  params: NetworkParams,
  hours: number,
  routed: RoutedNetwork,
): Operation {
  if (demandHourly_kW.length !== hours) {
    throw new RangeError(`demand has ${demandHourly_kW.length} hours, expected ${hours}`);
  }
  const ts = params.supplyTemperature_C;
  const tr = params.returnTemperature_C;
  const mean_C = (ts + tr) / 2;
  const ul_W_K = pipes.reduce((sum, p) => sum + p.heatLossCoefficient_W_mK * p.length_m, 0);
  const designHead_Pa = 2 * designPathPressureDrop_Pa(pipes, routed) + SUBSTATION_PRESSURE_DROP_PA;
  const volumeFlow_m3_s =
    (designPeak_kW * 1000) / (waterSpecificHeat_J_kgK(mean_C) * (ts - tr) * waterDensity_kg_m3(mean_C));
  const designPumpPower_kW = (designHead_Pa * volumeFlow_m3_s) / params.pumpEfficiency / 1000;

  const lossesHourly_kW = new Float64Array(hours);
  const pumpHourly_kW = new Float64Array(hours);
  const plantHourly_kW = new Float64Array(hours);
  let loss_kWh = 0;
  let pump_kWh = 0;
  let plantPeak_kW = 0;
  for (let h = 0; h < hours; h++) {
    const soil = soilTemperature_C(h, params);
    const loss = (ul_W_K * (ts - soil + (tr - soil))) / 1000;
    const ratio = designPeak_kW > 0 ? Math.max(demandHourly_kW[h], 0) / designPeak_kW : 0;
    const pump = designPumpPower_kW * ratio * ratio * ratio;
    lossesHourly_kW[h] = loss;
    pumpHourly_kW[h] = pump;
    plantHourly_kW[h] = demandHourly_kW[h] + loss;
    loss_kWh += loss;
    pump_kWh += pump;
    plantPeak_kW = Math.max(plantPeak_kW, plantHourly_kW[h]);
  }
  return {
    lossesHourly_kW,
    pumpHourly_kW,
    plantHourly_kW,
    heatLoss_MWh_a: loss_kWh / 1000,
    pumpElectricity_MWh_a: pump_kWh / 1000,
    plantPeak_kW,
    designHead_Pa,
    designPumpPower_kW,
  };
}
