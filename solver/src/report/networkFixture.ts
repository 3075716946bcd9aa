/**
 * A heat network result for the report and view tests (issue #17), per `NetworkResult` of
 * results/results.ts, with round, hand-checkable figures: a plant at the west end of a 180 m DN 100
 * street pipe, a 120 m DN 80 branch to the north, and four 20 m DN 32 house connections. Only the
 * tests import it.
 */
import type { NetworkResult, Results } from '../results/results';

const X = 500_000;
const Y = 5_800_000;
const at = (dx: number, dy: number): [number, number] => [X + dx, Y + dy];

export function networkFixture(): NetworkResult {
  return {
    summary: {
      buildings: 4,
      trunkLength_m: 300,
      connectionLength_m: 80,
      investment_EUR: 346_000,
      heatDelivered_MWh_a: 396,
      heatLoss_MWh_a: 44,
      heatLossShare: 0.1,
      pumpElectricity_MWh_a: 2.5,
      plantPeak_kW: 250,
      linearHeatDensity_MWh_m_a: 1.32,
    },
    // Unsorted, DN 32 twice (as two pipe series could give it): the view merges and sorts.
    byDn: [
      { dn: 100, trunkLength_m: 180, connectionLength_m: 0, cost_EUR: 198_000 },
      { dn: 32, trunkLength_m: 0, connectionLength_m: 50, cost_EUR: 25_000 },
      { dn: 80, trunkLength_m: 120, connectionLength_m: 0, cost_EUR: 108_000 },
      { dn: 32, trunkLength_m: 0, connectionLength_m: 30, cost_EUR: 15_000 },
    ],
    // Sum 44 MWh (the summary's heat loss).
    lossesMonthly_MWh: [5, 4.5, 4, 3.5, 3, 2.5, 2.5, 2.5, 3, 3.5, 4.5, 5.5],
    epsg: 25832,
    pipes: [
      { id: 't1', kind: 'trunk', dn: 100, length_m: 180, points_m: [at(0, 0), at(90, 0), at(180, 0)] },
      { id: 't2', kind: 'trunk', dn: 80, length_m: 120, points_m: [at(180, 0), at(180, 120)] },
      { id: 'c1', kind: 'connection', dn: 32, length_m: 20, points_m: [at(60, 0), at(60, 20)] },
      { id: 'c2', kind: 'connection', dn: 32, length_m: 20, points_m: [at(120, 0), at(120, -20)] },
      { id: 'c3', kind: 'connection', dn: 32, length_m: 20, points_m: [at(180, 60), at(200, 60)] },
      { id: 'c4', kind: 'connection', dn: 32, length_m: 20, points_m: [at(180, 120), at(180, 140)] },
    ],
  };
}

/** `results` with the fixture's network added (a copy; the input is left as it is). */
export const withNetwork = (results: Results): Results => ({ ...results, network: networkFixture() });
