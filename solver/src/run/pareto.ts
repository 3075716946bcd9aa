import { createBackend } from '../lp/index';
import type { ProjectV1 } from '../project/types';
import { solveProject, type SolveOutcome, type SolveProjectOptions } from './solve';

export interface ParetoPoint {
  co2Limit_t: number | null;
  totalAnnualCost_EUR: number;
  emissions_tCO2: number;
  outcome: SolveOutcome;
}

/**
 * Cost–CO2 Pareto front by the epsilon-constraint method: the two ends (minimum cost, minimum CO2),
 * then `points − 2` cost minimisations with the CO2 limit spread evenly between the two ends.
 */
export async function paretoFront(
  project: ProjectV1,
  points: number,
  opts: SolveProjectOptions = {},
): Promise<ParetoPoint[]> {
  if (!(points >= 2)) throw new Error('a Pareto front needs at least 2 points');
  const backend = opts.backend ?? (await createBackend(opts.solver ?? 'highs'));
  try {
    const run = async (co2Limit_t: number | undefined, objective: 'cost' | 'co2') => {
      const outcome = await solveProject(project, { ...opts, backend, objective, co2Limit_t });
      if (!outcome.dispatch)
        throw new Error(
          `Pareto point (${objective}, CO2 ≤ ${co2Limit_t ?? '∞'} t) has no solution: ${outcome.reasons.join('; ')}`,
        );
      return {
        co2Limit_t: co2Limit_t ?? null,
        totalAnnualCost_EUR: outcome.results.objective.totalAnnualCost_EUR,
        emissions_tCO2: outcome.results.emissions_tCO2,
        outcome,
      };
    };
    const cheapest = await run(undefined, 'cost');
    const cleanest = await run(undefined, 'co2');
    const front = [cheapest];
    for (let k = 1; k < points - 1; k++) {
      const limit =
        cheapest.emissions_tCO2 + ((cleanest.emissions_tCO2 - cheapest.emissions_tCO2) * k) / (points - 1);
      front.push(await run(limit, 'cost'));
    }
    front.push(cleanest);
    return front;
  } finally {
    if (!opts.backend) backend.dispose();
  }
}
