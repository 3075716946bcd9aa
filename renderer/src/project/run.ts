import type { WerkplanDb } from '../db/schema';
import { getResult, saveResult, type ParetoPointRecord, type StoredResult } from '../db/results';
import { checkProject, type Project, type SolveProgress, type Results } from '../../../solver/src';
import type { ParetoResult, ParetoRunProgress, SolveHandle, SolverClient } from '../solver/client';
import { assembleProject, hashInputs, runOptionsOf } from './assemble';
import type { RunOptions } from './document';

/** A project that cannot be run: the validation errors, each at its JSON pointer. */
export class NotRunnableError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'NotRunnableError';
  }
}

export interface RunHandle {
  done: Promise<StoredResult>;
  cancel(): void;
}

/** Validates the assembled project or throws NotRunnableError. */
export function checkRunnable(project: Project, scenarioId: string): void {
  const v = checkProject(project);
  if (!v.ok) throw new NotRunnableError(v.errors.map((e) => `${e.pointer || '/'}: ${e.message}`));
  if (scenarioId !== 'base' && !project.scenarios?.some((s) => s.id === scenarioId))
    throw new NotRunnableError([`/scenarios: '${scenarioId}' does not exist`]);
}

interface RunInputs {
  project: Project;
  options: ReturnType<typeof runOptionsOf>;
  hash: string;
}

/**
 * The common course of a run that ends in a stored result: assemble and check the project, hash
 * its inputs, start the solver, and store what it returns; a cancel before or during the solve
 * keeps the previous result.
 */
function storedRun<R>(
  db: WerkplanDb,
  projectId: string,
  scenarioId: string,
  start: (inputs: RunInputs) => SolveHandle<R>,
  store: (r: R, inputs: RunInputs) => Promise<StoredResult>,
): RunHandle {
  let handle: SolveHandle<R> | null = null;
  let cancelled = false;
  const done = (async () => {
    const project = await assembleProject(db, projectId);
    const record = await db.projects.get(projectId);
    if (!project || !record) throw new NotRunnableError(['/: the project has no inputs yet']);
    checkRunnable(project, scenarioId);
    const options = runOptionsOf(record, scenarioId);
    const inputs = { project, options, hash: await hashInputs(project, scenarioId, options) };
    if (cancelled) throw new Error('cancelled');
    handle = start(inputs);
    const r = await handle.result;
    if (cancelled) throw new Error('cancelled');
    return store(r, inputs);
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      handle?.cancel();
    },
  };
}

/**
 * Runs one scenario in the solver worker and stores the result with the inputs hash (so the
 * results page can tell when it has gone stale).
 */
export function runScenario(
  db: WerkplanDb,
  client: Pick<SolverClient, 'solve'>,
  projectId: string,
  scenarioId: string,
  onProgress?: (p: SolveProgress) => void,
): RunHandle {
  return storedRun(
    db,
    projectId,
    scenarioId,
    ({ project, options }) => client.solve(project, { scenarioId, ...options }, onProgress),
    async (r, { project, options, hash }) => {
      // a cancelled run keeps the previous result instead of overwriting it
      if (r.results.status === 'cancelled') throw new Error('cancelled');
      // A front computed from the same inputs stays with the new result (its minimum-cost end is this run).
      const before = await getResult(db, projectId, scenarioId);
      const pareto = before?.inputsHash === hash ? before.payload.pareto : undefined;
      return saveResult(db, projectId, scenarioId, hash, {
        results: r.results,
        dispatch: r.dispatch ?? null,
        scenarioName: nameOf(project, scenarioId),
        mode: options.mode,
        ...(pareto ? { pareto } : {}),
      });
    },
  );
}

/** The scenario's name as stored with its result: the base stays "Basis" (pages translate it by id). */
const nameOf = (project: Project, scenarioId: string) =>
  scenarioId === 'base' ? 'Basis' : (project.scenarios?.find((s) => s.id === scenarioId)?.name ?? scenarioId);

/** A front without solution for some point: the solver's reasons. */
export class ParetoFailedError extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join('\n'));
    this.name = 'ParetoFailedError';
  }
}

/** The points as stored with the result: figures and capacities, no outcomes. */
export function paretoRecords(r: ParetoResult): ParetoPointRecord[] {
  return r.points.map((p) => ({
    kind: p.kind,
    co2Limit_t: p.co2Limit_t,
    totalAnnualCost_EUR: p.totalAnnualCost_EUR,
    emissions_tCO2: p.emissions_tCO2,
    capacities: p.capacities,
    ...(p.minimumCo2_t !== undefined ? { minimumCo2_t: p.minimumCo2_t } : {}),
    ...(p.plantOfPoint ? { plantOfPoint: p.plantOfPoint, ownPlant: p.ownPlant } : {}),
  }));
}

/**
 * Computes the cost–CO2 front of one scenario in the solver worker and stores it with the scenario's
 * result: the minimum-cost point is the scenario's ordinary optimum, so its results and dispatch become
 * the stored result (with the inputs hash) and the front is attached as `pareto`. A cancelled or
 * failed front keeps the previous result.
 */
export function runPareto(
  db: WerkplanDb,
  client: Pick<SolverClient, 'pareto'>,
  projectId: string,
  scenarioId: string,
  points: number,
  onProgress?: (p: ParetoRunProgress) => void,
  cleanEndTolerance = 0,
): RunHandle {
  return storedRun(
    db,
    projectId,
    scenarioId,
    ({ project, options }) =>
      client.pareto(
        project,
        { scenarioId, ...options, points, ...(cleanEndTolerance > 0 ? { cleanEndTolerance } : {}) },
        onProgress,
      ),
    (r, { project, options, hash }) => {
      if (r.status === 'cancelled') throw new Error('cancelled');
      const cheapest = r.points.find((p) => p.kind === 'minCost');
      if (r.status !== 'optimal' || !cheapest || !r.minCostDispatch) throw new ParetoFailedError(r.reasons);
      return saveResult(db, projectId, scenarioId, hash, {
        results: cheapest.results,
        dispatch: r.minCostDispatch,
        scenarioName: nameOf(project, scenarioId),
        mode: options.mode,
        pareto: paretoRecords(r),
      });
    },
  );
}

/** Total annual cost of a project with extra overrides (one sweep point), not stored. */
export function solvePoint(
  client: Pick<SolverClient, 'solve'>,
  project: Project,
  overrides: Record<string, unknown>,
  options: RunOptions,
  screening = false,
): { result: Promise<Results>; cancel: () => void } {
  const p: Project = { ...project, scenarios: [{ id: 'sweep', name: 'sweep', overrides }] };
  // A point of a sweep is one of many: typical-day capacities with their full-year check, not refined;
  // a screening point is the typical-day sizing alone (started from the worker's last one).
  const h = client.solve(p, {
    scenarioId: 'sweep',
    ...options,
    refine: false,
    ...(screening ? { sizingOnly: true } : {}),
  });
  return { result: h.result.then((r) => r.results), cancel: h.cancel };
}
