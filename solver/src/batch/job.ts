import type { SolverBackend } from '../lp/backend';
import type { Project } from '../project/types';
import { applyScenario } from '../project/scenario';
import { validateProject } from '../project/validate';
import type { Results } from '../results/results';
import { cleanCapacities } from '../results/views/sizes';
import { computeParetoFront } from '../run/pareto';
import { plantOfPointFields } from '../run/frontPlants';
import { solveProject } from '../run/solve';
import type { WarmSizing } from '../run/sizingOnly';
import type { BatchJob } from './plan';

/** How every job of a batch is solved (from the spec). */
export interface BatchSettings {
  mode: 'aggregated' | 'full';
  solver: 'highs' | 'glpk';
  timeLimit_s?: number;
  typicalDays?: number;
}

/** One point of a front as its job file keeps it. */
export interface FrontPoint {
  kind: 'minCost' | 'minCo2' | 'epsilon';
  co2Limit_t: number | null;
  totalAnnualCost_EUR: number;
  emissions_tCO2: number;
  seconds: number;
  capacities: Results['capacities'];
  /** The clean end: the least CO2 any plant reaches (t/a); below its own with a clean-end tolerance. */
  minimumCo2_t?: number;
  /** Where the point shows another point's plant (run/frontPlants.ts): that point's number, 1-based. */
  plantOfPoint?: number;
  /** With `plantOfPoint`: the full-year figures and capacities of the plant sized for this point. */
  ownPlant?: Pick<FrontPoint, 'totalAnnualCost_EUR' | 'emissions_tCO2' | 'capacities'>;
}

/**
 * A finished job, as DIR/jobs/<id>.json holds it. `status` is the solver's ('optimal', 'infeasible',
 * 'time_limit' …), a front's ('optimal', 'failed'), 'invalid' for a sweep point the project format
 * refuses, or 'error' when the job broke off (the reason in `reasons`).
 */
export interface JobRecord {
  format: 'werkplan-batch-job';
  version: 1;
  id: string;
  kind: BatchJob['kind'];
  scenario: string;
  overrides?: Record<string, number>;
  points?: number;
  /** A front's clean-end tolerance, when the spec set one. */
  cleanEndTolerance?: number;
  /** The job's inputs (project, job, settings) hashed: a re-run skips a job only when it matches. */
  fingerprint: string;
  status: string;
  seconds: number;
  reasons: string[];
  /** Scenario and sweep jobs with a solution: the results as `werkplan solve` writes them. */
  results?: Results;
  /** Front jobs: the points from minimum cost to minimum CO2 (those computed when it failed). */
  front?: FrontPoint[];
}

/** The scenario id a sweep point is solved as: its scenario's overrides, then the point's. */
const SWEEP_SCENARIO = 'batch-point';

/** The project of a sweep point: one scenario with the base scenario's overrides and the point's values. */
export function sweepProject(
  project: Project,
  job: Pick<BatchJob, 'scenario' | 'overrides' | 'id'>,
): Project {
  const base = project.scenarios?.find((s) => s.id === job.scenario)?.overrides ?? {};
  return {
    ...project,
    scenarios: [{ id: SWEEP_SCENARIO, name: job.id, overrides: { ...base, ...job.overrides } }],
  };
}

type JobOutcome = Pick<JobRecord, 'status' | 'reasons' | 'results' | 'front'>;

async function solveOne(
  project: Project,
  job: BatchJob,
  settings: BatchSettings,
  backend?: SolverBackend,
  warm?: WarmSizing,
) {
  let p = project;
  let scenarioId: string | undefined = job.scenario === 'base' ? undefined : job.scenario;
  if (job.kind === 'sweep') {
    p = sweepProject(project, job);
    scenarioId = SWEEP_SCENARIO;
    // The point's values must make a project the format allows (a share ≤ 1, a positive efficiency …).
    // As JSON would give it (no undefined keys); the series' values (numbers, read from JSON, left
    // as they are by the scenario) go as they are, not copied for every point.
    const { timeSeries, ...rest } = applyScenario(p, SWEEP_SCENARIO);
    const check = validateProject({ ...(JSON.parse(JSON.stringify(rest)) as object), timeSeries });
    if (!check.ok) return { status: 'invalid', reasons: check.errors.map((e) => e.message) } as JobOutcome;
  }
  // A sweep point is one of many evaluations: its typical-day capacities, checked, are not refined.
  const refine = job.kind === 'sweep' ? false : undefined;
  // A screening point (the sweep's fullYearCheck: false): the typical-day sizing alone, warm from the last.
  const sizingOnly = job.fullYearCheck === false ? (warm ?? true) : undefined;
  const outcome = await solveProject(p, { ...settings, scenarioId, backend, refine, sizingOnly });
  const results = { ...outcome.results, scenario: job.scenario };
  return {
    status: results.status,
    reasons: outcome.reasons,
    results: outcome.dispatch ? results : undefined,
  } as JobOutcome;
}

async function solveFront(project: Project, job: BatchJob, settings: BatchSettings, backend?: SolverBackend) {
  const front = await computeParetoFront(project, job.points ?? 5, {
    ...settings,
    scenarioId: job.scenario === 'base' ? undefined : job.scenario,
    backend,
    cleanEndTolerance: job.cleanEndTolerance,
  });
  return {
    status: front.status,
    reasons: front.reasons,
    front: front.points.map((p) => ({
      kind: p.kind,
      co2Limit_t: p.co2Limit_t,
      totalAnnualCost_EUR: p.totalAnnualCost_EUR,
      emissions_tCO2: p.emissions_tCO2,
      seconds: p.outcome.results.solve.seconds,
      capacities: cleanCapacities(p.capacities),
      ...(p.minimumCo2_t !== undefined ? { minimumCo2_t: p.minimumCo2_t } : {}),
      ...plantOfPointFields(p),
    })),
  } as JobOutcome;
}

/**
 * Runs one job: a scenario or a sweep point through solveProject, a front through computeParetoFront
 * (the whole front is one job: its points depend on its two ends). Never throws: an exception becomes
 * status 'error' with its message.
 */
export async function runJob(
  project: Project,
  job: BatchJob,
  settings: BatchSettings,
  fingerprint: string,
  backend?: SolverBackend,
  warm?: WarmSizing,
): Promise<JobRecord> {
  const t0 = performance.now();
  let outcome: JobOutcome;
  try {
    outcome =
      job.kind === 'pareto'
        ? await solveFront(project, job, settings, backend)
        : await solveOne(project, job, settings, backend, warm);
  } catch (err) {
    outcome = { status: 'error', reasons: [err instanceof Error ? err.message : String(err)] };
  }
  return {
    format: 'werkplan-batch-job',
    version: 1,
    id: job.id,
    kind: job.kind,
    scenario: job.scenario,
    ...(job.overrides ? { overrides: job.overrides } : {}),
    ...(job.points ? { points: job.points } : {}),
    ...(job.cleanEndTolerance ? { cleanEndTolerance: job.cleanEndTolerance } : {}),
    fingerprint,
    seconds: (performance.now() - t0) / 1000,
    ...outcome,
  };
}
