import type { Project } from '../project/types';
import type { SolveProgress, SolverName } from '../lp/backend';
import type { Dispatch, Results } from '../results/results';
import type { Objective } from '../model/constraints';
import type { ParetoPoint } from '../run/pareto';

/** Messages to the solver worker. */
export type SolverRequest =
  | {
      type: 'solve';
      id: string;
      project: Project;
      options: {
        scenarioId?: string;
        mode?: 'aggregated' | 'full';
        solver?: SolverName;
        timeLimit_s?: number;
        mipGap?: number;
        milp?: boolean;
        typicalDays?: number;
        /** Aggregated sizing: steps per typical day (time segments, 24 = hourly); absent: the default (8). */
        segments?: number;
        objective?: Objective;
        /** Aggregated mode: full-year refinement steps (solveProject's `refine`; false for sweep points). */
        refine?: boolean | number;
        /**
         * Aggregated single year: the typical-day sizing alone, without the full-year check (a screening
         * sweep's point); the worker starts it from its last such LP where the structure matches.
         */
        sizingOnly?: boolean;
      };
      /**
       * Optional Int32Array-backed SharedArrayBuffer: another thread sets element 0 to 1 to cancel.
       * HiGHS runs synchronously, so a posted 'cancel' message is only read between solves; the
       * shared flag is read inside the solver's callbacks (needs cross-origin isolation), at the cost
       * of a callback on every simplex iteration. Without it no solve looks for a cancel while it runs:
       * the planner stops a running solve by ending the worker (renderer/src/solver/client.ts).
       */
      cancelFlag?: SharedArrayBuffer;
      /**
       * The page's `navigator.hardwareConcurrency`: sizes the pool of nested workers for a run's
       * independent LPs (a path's full-year checks), one core left for the page. Absent: the
       * worker's own count.
       */
      cores?: number;
    }
  | {
      /** A cost–CO2 Pareto front (solver/src/run/pareto.ts) of one scenario. */
      type: 'pareto';
      id: string;
      project: Project;
      options: {
        scenarioId?: string;
        mode?: 'aggregated' | 'full';
        solver?: SolverName;
        /** Per solve. */
        timeLimit_s?: number;
        typicalDays?: number;
        /** Aggregated sizing: steps per typical day (time segments); absent: the default (8). */
        segments?: number;
        /** Number of points, at least 2 (the two ends). */
        points: number;
        /** The clean end within this share of the CO2 range above the least CO2 (ParetoOptions); default 0. */
        cleanEndTolerance?: number;
      };
      /** As for 'solve'. */
      cancelFlag?: SharedArrayBuffer;
      /** As for 'solve': sizes the pool that checks the points over the full year in parallel. */
      cores?: number;
    }
  | { type: 'cancel'; id: string }
  | { type: 'dispose' };

/** One point of a front as the worker sends it: the results summary, no hourly dispatch. */
export interface ParetoPointSummary {
  kind: ParetoPoint['kind'];
  co2Limit_t: number | null;
  totalAnnualCost_EUR: number;
  emissions_tCO2: number;
  capacities: Results['capacities'];
  results: Results;
  /** The clean end: the least CO2 any plant reaches (t/a), as ParetoPoint's. */
  minimumCo2_t?: number;
  /** As ParetoPoint's: the point shows the plant of that point (1-based), `ownPlant` its own one's figures. */
  plantOfPoint?: number;
  ownPlant?: ParetoPoint['ownPlant'];
}

/** Messages from the solver worker. */
export type SolverResponse =
  /** For a 'pareto' request also the point being computed: `point` of `points` (1-based). */
  | { type: 'progress'; id: string; progress: SolveProgress; point?: number; points?: number }
  | { type: 'result'; id: string; results: Results; dispatch?: Dispatch; reasons: string[] }
  | {
      type: 'paretoResult';
      id: string;
      /** 'optimal': every point solved; else `points` holds those done so far and `reasons` says why. */
      status: 'optimal' | 'cancelled' | 'failed';
      /** From minimum cost to minimum CO2. */
      points: ParetoPointSummary[];
      /** The hourly dispatch of the minimum-cost point (the scenario's ordinary optimum), when solved. */
      minCostDispatch?: Dispatch;
      reasons: string[];
      seconds: number;
    }
  | { type: 'error'; id: string; message: string };
