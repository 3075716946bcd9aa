import type { ProjectV1 } from '../project/types';
import type { SolveProgress, SolverName } from '../lp/backend';
import type { Dispatch, Results } from '../results/results';
import type { Objective } from '../model/constraints';

/** Messages to the solver worker. */
export type SolverRequest =
  | {
      type: 'solve';
      id: string;
      project: ProjectV1;
      options: {
        scenarioId?: string;
        mode?: 'aggregated' | 'full';
        solver?: SolverName;
        timeLimit_s?: number;
        mipGap?: number;
        milp?: boolean;
        typicalDays?: number;
        objective?: Objective;
      };
      /**
       * Optional Int32Array-backed SharedArrayBuffer: another thread sets element 0 to 1 to cancel.
       * HiGHS runs synchronously, so a posted 'cancel' message is only read between solves; the
       * shared flag is read inside the solver's callbacks (needs cross-origin isolation).
       */
      cancelFlag?: SharedArrayBuffer;
    }
  | { type: 'cancel'; id: string }
  | { type: 'dispose' };

/** Messages from the solver worker. */
export type SolverResponse =
  | { type: 'progress'; id: string; progress: SolveProgress }
  | { type: 'result'; id: string; results: Results; dispatch?: Dispatch; reasons: string[] }
  | { type: 'error'; id: string; message: string };
