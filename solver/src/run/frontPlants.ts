import type { ParetoPoint } from './pareto';
import { cleanCapacities } from '../results/views/sizes';

/**
 * Relative margin within which two plants' costs count as equal (the cleaner one then wins): above
 * the solvers' optimality tolerance, so that round-off never swaps plants for more CO2.
 */
export const CHEAPER_BY = 1e-6;

/** Relative slack on a CO2 limit when asking whether a plant's emissions meet it (solver feasibility). */
const LIMIT_SLACK = 1e-9;

/**
 * Each point of a front with the best plant the front checked that meets its CO2 limit:
 *
 *   c*_k = min { cost_j : CO2_j ≤ limit_k }   over the points j of the front, each with its own
 *   plant and full-year dispatch (limit_k = ∞ for the cheapest point); of the plants within
 *   {@link CHEAPER_BY} of c*_k, the one with the least CO2 (the point's own one on a tie).
 *
 * Why: in aggregated mode each point is sized on typical days under its limit and then checked over
 * the full year. The typical days' error (~0.4 % of cost on the reference hub) can leave a point dearer
 * over the full year than the plant of a point with less CO2, which meets its limit as well: on the
 * hub's 20-point front the cheapest point cost 2,314,065 EUR/a at 4,420.0 t, the point under
 * 4,362.4 t only 2,313,215 EUR/a. That point's plant is then the better answer to the first point's
 * question, and a front with a dominated end would tell the planner that less CO2 costs less.
 *
 * A point that takes another's plant keeps its CO2 limit and its kind, shows that plant's cost,
 * emissions, capacities and outcome, names it in `plantOfPoint` (its number in the front, 1-based)
 * and keeps its own plant's figures in `ownPlant`. Along the front the emissions then fall (or stay,
 * where points share a plant) and the cost rises (to within {@link CHEAPER_BY}). Points are compared
 * by their own plants only, so the answer does not depend on the order.
 */
export function cheapestCheckedPlants(points: readonly ParetoPoint[], margin = CHEAPER_BY): ParetoPoint[] {
  return points.map((p, k) => {
    const within = points.flatMap((q, j) => (j !== k && meets(q.emissions_tCO2, p.co2Limit_t) ? [j] : []));
    const least = Math.min(p.totalAnnualCost_EUR, ...within.map((j) => points[j].totalAnnualCost_EUR));
    const near = least + margin * Math.max(1, Math.abs(least));
    let best = p.totalAnnualCost_EUR <= near ? k : -1;
    for (const j of within)
      if (
        points[j].totalAnnualCost_EUR <= near &&
        (best < 0 || points[j].emissions_tCO2 < points[best].emissions_tCO2)
      )
        best = j;
    if (best === k || best < 0) return p;
    const taken: ParetoPoint = {
      ...points[best],
      co2Limit_t: p.co2Limit_t,
      kind: p.kind,
      plantOfPoint: best + 1,
      ownPlant: {
        totalAnnualCost_EUR: p.totalAnnualCost_EUR,
        emissions_tCO2: p.emissions_tCO2,
        capacities: p.capacities,
      },
    };
    // The least CO2 belongs to the clean end, not to the plant.
    if (p.minimumCo2_t === undefined) delete taken.minimumCo2_t;
    else taken.minimumCo2_t = p.minimumCo2_t;
    return taken;
  });
}

/** Whether emissions of `co2_t` meet the limit (null: no limit), within the solvers' feasibility slack. */
function meets(co2_t: number, limit_t: number | null): boolean {
  return limit_t === null || co2_t <= limit_t + LIMIT_SLACK * Math.max(1, Math.abs(limit_t));
}

/**
 * `plantOfPoint` and `ownPlant` of a point as a file keeps them (capacities without solver round-off;
 * `werkplan pareto --out F.json`, batch job files); nothing for a point with its own plant.
 */
export function plantOfPointFields(
  p: Pick<ParetoPoint, 'plantOfPoint' | 'ownPlant'>,
): Pick<ParetoPoint, 'plantOfPoint' | 'ownPlant'> {
  if (!p.plantOfPoint || !p.ownPlant) return {};
  const own = p.ownPlant;
  return {
    plantOfPoint: p.plantOfPoint,
    ownPlant: {
      totalAnnualCost_EUR: own.totalAnnualCost_EUR,
      emissions_tCO2: own.emissions_tCO2,
      capacities: cleanCapacities(own.capacities),
    },
  };
}
