import { createBackend } from '../lp/index';
import type { CancelSignal, SolverBackend, SolverName } from '../lp/backend';
import type { LpPoolFactory } from '../run/lpPool';
import { solveProject } from '../run/solve';
import { computeParetoFront } from '../run/pareto';
import { disposeWarmSizing, warmSizing } from '../run/sizingOnly';
import type { SolverRequest, SolverResponse } from './protocol';

/**
 * The solver worker's logic, independent of where it runs (Web Worker, Node worker thread, or the
 * same thread in tests). One backend instance per solver is kept alive between requests, since
 * starting HiGHS-WASM costs about 0.8 s. After an error inside WASM the instance is discarded.
 */
export function createSolverWorkerHandler(
  post: (msg: SolverResponse) => void,
  /**
   * Where a run's independent LPs (a path's full-year checks) go in parallel, for `jobs` LPs on
   * `cores` cores as the request gives them (webLpPool in the planner).
   */
  platform: { lpPool?: (jobs: number, cores?: number) => ReturnType<LpPoolFactory> } = {},
): (msg: SolverRequest) => Promise<void> {
  const backends = new Map<SolverName, SolverBackend>();
  const cancelled = new Set<string>();
  // The last screening point's sizing LP (in the HiGHS backend), for the next point to start from.
  const warm = warmSizing();

  const backend = async (name: SolverName) => {
    let b = backends.get(name);
    if (!b) {
      b = await createBackend(name);
      backends.set(name, b);
    }
    return b;
  };

  return async (msg) => {
    if (msg.type === 'dispose') {
      disposeWarmSizing(warm);
      for (const b of backends.values()) b.dispose();
      backends.clear();
      return;
    }
    if (msg.type === 'cancel') {
      cancelled.add(msg.id);
      return;
    }
    const { id } = msg;
    const flag = msg.cancelFlag ? new Int32Array(msg.cancelFlag) : undefined;
    const signal: CancelSignal = {
      get aborted() {
        return cancelled.has(id) || (flag !== undefined && Atomics.load(flag, 0) === 1);
      },
      // Without a shared flag only a cancel message, read between solves, can stop the run (or the
      // caller ends this thread): HiGHS then need not call back on every simplex iteration.
      pollDuringSolve: flag !== undefined,
    };
    const solver = msg.options.solver ?? 'highs';
    try {
      if (msg.type === 'pareto') {
        const { points, ...options } = msg.options;
        const front = await computeParetoFront(msg.project, points, {
          ...options,
          backend: await backend(solver),
          lpPool: platform.lpPool && ((jobs) => platform.lpPool!(jobs, msg.cores)),
          signal,
          onProgress: ({ point, points: n, ...progress }) =>
            post({ type: 'progress', id, progress, point, points: n }),
        });
        const cheapest = front.points.find((p) => p.kind === 'minCost');
        post({
          type: 'paretoResult',
          id,
          status: front.status,
          points: front.points.map((p) => ({
            kind: p.kind,
            co2Limit_t: p.co2Limit_t,
            totalAnnualCost_EUR: p.totalAnnualCost_EUR,
            emissions_tCO2: p.emissions_tCO2,
            capacities: p.capacities,
            results: p.outcome.results,
            ...(p.minimumCo2_t !== undefined ? { minimumCo2_t: p.minimumCo2_t } : {}),
            ...(p.plantOfPoint ? { plantOfPoint: p.plantOfPoint, ownPlant: p.ownPlant } : {}),
          })),
          minCostDispatch: cheapest?.outcome.dispatch,
          reasons: front.reasons,
          seconds: front.seconds,
        });
        return;
      }
      const { sizingOnly, ...options } = msg.options;
      const outcome = await solveProject(msg.project, {
        ...options,
        ...(sizingOnly ? { sizingOnly: warm } : {}),
        backend: await backend(solver),
        lpPool: platform.lpPool && ((jobs) => platform.lpPool!(jobs, msg.cores)),
        signal,
        onProgress: (progress) => post({ type: 'progress', id, progress }),
      });
      post({
        type: 'result',
        id,
        results: outcome.results,
        dispatch: outcome.dispatch,
        reasons: outcome.reasons,
      });
    } catch (err) {
      const b = backends.get(solver);
      if (b) {
        disposeWarmSizing(warm);
        b.dispose();
        backends.delete(solver);
      }
      post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
    } finally {
      cancelled.delete(id);
    }
  };
}
