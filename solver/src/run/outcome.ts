import type { LpSolution, SolverBackend } from '../lp/backend';
import type { BuildOptions, BuiltModel } from '../model/build';
import type { Project } from '../project/types';
import type { ResultStatus, Results } from '../results/results';
import { formatSolverMessage, solverMessage, type SolverMessage } from '../results/messages';
import { explainInfeasibility, explainUnbounded } from './explain';
import type { SolveOutcome } from './solve';

/** Adds a finding in front of the run's warnings (English text) and coded messages. */
export function addMessage(results: Results, m: SolverMessage): void {
  results.warnings.unshift(formatSolverMessage(m));
  results.messages = [m, ...(results.messages ?? [])];
}

/**
 * The figures of a run without a solution (cost, CO2, KPIs): null, as results.json has always
 * written them (it wrote NaN as null), and never NaN, which the planner would print. The `Results`
 * type declares them as numbers for solved runs; readers check `status` first.
 */
const NO_FIGURE = null as unknown as number;

export async function failure(
  project: Project,
  opts: BuildOptions,
  built: BuiltModel,
  sol: LpSolution,
  backend: SolverBackend,
): Promise<SolveOutcome> {
  const messages: SolverMessage[] =
    sol.status === 'infeasible'
      ? await explainInfeasibility(project, opts, backend)
      : sol.status === 'unbounded'
        ? await explainUnbounded(built, backend)
        : sol.status === 'time_limit'
          ? [solverMessage('timeLimitNoSolution')]
          : sol.status === 'cancelled'
            ? [solverMessage('cancelled')]
            : [solverMessage('solverFailed', { reason: sol.message ?? '' })];
  const reasons = messages.map((m) => formatSolverMessage(m));
  const results = noSolutionResults(sol.status, opts.scenarioId ?? 'base', messages, {
    solver: sol.solver,
    mode: opts.mode,
    seconds: sol.seconds,
    gap: sol.mipGap ?? null,
    columns: built.model.colNames.length,
    rows: built.model.rowNames.length,
  });
  return { results, reasons };
}

/** The results of a run without a solution: the status, the reasons, and no figures. */
export function noSolutionResults(
  status: ResultStatus,
  scenario: string,
  messages: SolverMessage[],
  solve: Results['solve'],
): Results {
  const reasons = messages.map((m) => formatSolverMessage(m));
  return {
    status,
    scenario,
    objective: { totalAnnualCost_EUR: NO_FIGURE, co2_tCO2: NO_FIGURE },
    capacities: {},
    annual: {},
    costs: { byCategory_EUR: {} as Results['costs']['byCategory_EUR'], byTechnology_EUR: {} },
    emissions_tCO2: NO_FIGURE,
    kpis: {
      heatDemand_MWh: 0,
      electricityDemand_MWh: 0,
      lcoh_EUR_MWh: NO_FIGURE,
      lcoe_EUR_MWh: NO_FIGURE,
      renewableHeatShare: NO_FIGURE,
      fullLoadHours_h: {},
    },
    balance: { maxResidual_kW: NO_FIGURE, ok: false },
    warnings: reasons,
    messages,
    solve,
  };
}
