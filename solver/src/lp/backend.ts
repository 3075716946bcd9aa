import type { LpModel } from './model';

/** Solver-neutral outcome. `hasSolution` is true for optimal and for a time limit with a feasible incumbent. */
export type SolveStatus = 'optimal' | 'infeasible' | 'unbounded' | 'time_limit' | 'cancelled' | 'error';

export type SolverName = 'highs' | 'glpk';

/**
 * What the solver is doing, as a code: the planner translates it (`solver.phase.<code>` in
 * renderer/src/i18n/areas/solver.*.json), the CLI and logs print it as is.
 */
export type SolvePhase =
  | 'buildingTypicalDays'
  | 'buildingFullYear'
  | 'sizing'
  | 'simplex'
  | 'branchAndBound'
  | 'fullYearCheck'
  | 'raisingCapacities'
  | 'decomposition'
  | 'refining'
  | 'starting';

export const SOLVE_PHASES: readonly SolvePhase[] = [
  'buildingTypicalDays',
  'buildingFullYear',
  'sizing',
  'simplex',
  'branchAndBound',
  'fullYearCheck',
  'raisingCapacities',
  'decomposition',
  'refining',
  'starting',
];

/** Which point of a cost–CO2 front is being computed (see run/pareto.ts). */
export type ParetoStep = 'minCost' | 'minCo2' | 'cleanEnd' | 'epsilon';

/**
 * The interactive preview: the typical-day sizing's capacities (techId → sizes) and annual cost, sent
 * before the full-year check and refinement that settle the plan.
 */
export interface SizingPreview {
  capacities: Record<string, PreviewSizes>;
  totalAnnualCost_EUR: number;
}

/** One plant's sizes in a preview; each only where the plant has that dimension. */
export interface PreviewSizes {
  power_kW?: number;
  energy_kWh?: number;
  area_m2?: number;
}

/**
 * The preview of a transformation path: its sizing on typical days, sent before the periods'
 * full-year checks settle it. Each period lists the plants in service in its year with their
 * capacity then (existing plus built, less retired); plants with none are left out.
 */
export interface PathPreview {
  /** The sizing LP's objective: net present cost on typical days, discounted to the base year. */
  netPresentCost_EUR: number;
  periods: { year: number; capacities: Record<string, PreviewSizes> }[];
}

export interface SolveProgress {
  phase: SolvePhase;
  /** Seconds since the start of the solve (of the whole front, for a Pareto front). */
  elapsed_s: number;
  /** Pareto front only: the kind of point and the seconds spent on it so far. */
  step?: ParetoStep;
  pointElapsed_s?: number;
  /** Relative MIP gap of the incumbent, when the backend reports it. */
  mipGap?: number;
  bestBound?: number;
  incumbent?: number;
  /**
   * Transformation path, full-year checks: how many periods are checked so far, of how many, and the
   * checks under way (each period's year, the worker that has it, since when).
   */
  checks?: { done: number; of: number; running?: RunningCheck[] };
  /** Aggregated single-year run, on the `fullYearCheck` event: the sizing as a preview. */
  preview?: SizingPreview;
  /** Aggregated transformation path, on the first `fullYearCheck` event: the path's sizing as a preview. */
  pathPreview?: PathPreview;
}

/** A period's full-year check under way. */
export interface RunningCheck {
  year: number;
  /** The pool's worker that solves it, numbered from 1; absent when the run's own thread does. */
  worker?: number;
  /** When it started, in seconds since the start of the run (as `elapsed_s`). */
  since_s: number;
}

/** Anything with an `aborted` flag: an AbortSignal, or a view on a SharedArrayBuffer set by another thread. */
export interface CancelSignal {
  readonly aborted: boolean;
  /**
   * False: a solver need not look at the signal during a solve, only before it starts. For a signal that
   * can change only between solves (a cancel message read by the thread's event loop), or whose owner
   * stops a running solve by ending its thread (the planner's solver worker). Looking costs HiGHS a
   * callback on every simplex iteration (highs.ts). Default true.
   */
  readonly pollDuringSolve?: boolean;
}

/**
 * Whether an error message is HiGHS-WASM's abort ("Aborted(…)"): it aborts on any C++ exception, in
 * practice when its heap cannot grow past 2 GiB for the model. The instance is unusable afterwards.
 */
export const isSolverAbort = (message: string): boolean => /^Aborted\(/.test(message);

/** Whether a solve has to look at `signal` while it runs (see CancelSignal.pollDuringSolve). */
export const pollsDuringSolve = (signal: CancelSignal | undefined): boolean =>
  signal !== undefined && signal.pollDuringSolve !== false;

export interface SolveOptions {
  timeLimit_s?: number;
  /** Relative MIP gap at which a MILP stops (default 1e-4). */
  mipGap?: number;
  onProgress?: (p: SolveProgress) => void;
  signal?: CancelSignal;
  /**
   * LP algorithm where the backend offers a choice (HiGHS): dual simplex (default) or interior point
   * with crossover, which is faster on large block-structured LPs such as a transformation path.
   */
  algorithm?: 'simplex' | 'ipm';
  /**
   * Dual simplex pricing where the backend offers a choice (HiGHS): the backend's own choice (default)
   * or devex, cheaper per iteration. Devex is faster on a full year dispatched with the capacities
   * fixed (the path's checks: ~20 % less time) but slower on the sizing LPs (docs/solvers.md).
   */
  pricing?: 'devex';
}

export interface LpSolution {
  status: SolveStatus;
  hasSolution: boolean;
  /** Objective including the model's objectiveOffset; NaN without a solution. */
  objective: number;
  /** Column values in model order (empty without a solution). */
  x: Float64Array;
  /** Row duals when the backend provides them (LP only). */
  rowDual?: Float64Array;
  /** Achieved relative MIP gap (0 for a proven LP optimum). */
  mipGap?: number;
  seconds: number;
  solver: SolverName;
  message?: string;
}

/**
 * A simplex basis, one status per column and per row, in HiGHS's codes: 0 at the lower bound,
 * 1 basic, 2 at the upper bound, 3 zero (a free column), 4 nonbasic.
 */
export interface LpBasis {
  colStatus: Int8Array;
  rowStatus: Int8Array;
}

/**
 * A model kept inside the solver between solves, so that changed column bounds re-solve from the
 * previous basis (warm start). Used by the decomposition of the full-year LP.
 */
export interface SolverSession {
  /** Fixes columns at values (lower = upper = value). */
  fixColumns(cols: Int32Array, values: Float64Array): void;
  /** Sets column bounds (±Infinity for none). */
  setColumnBounds(cols: Int32Array, lower: Float64Array, upper: Float64Array): void;
  /**
   * Makes the kept model `model` where it has the same rows, columns and nonzero pattern: costs,
   * bounds, row bounds, coefficients and the objective offset change in place, and the next solve
   * starts from the last basis (a sweep point from its base). False, and nothing changed, when the
   * structure differs.
   */
  update(model: LpModel): boolean;
  /** Solves from the current basis; `colDual` holds the reduced costs (for fixed columns: ∂objective/∂value). */
  solve(options?: SolveOptions): LpSolution & { colDual?: Float64Array };
  /** The basis of the last solve; undefined before one or where the backend keeps none. */
  basis?(): LpBasis | undefined;
  /** Starts the next solve from `basis` (no presolve then); false when the solver refused it. */
  setBasis?(basis: LpBasis): boolean;
  dispose(): void;
}

export interface SolverBackend {
  readonly name: SolverName;
  /** Optional: a persistent model for warm-started re-solves (HiGHS). */
  session?(model: LpModel): SolverSession;
  solve(model: LpModel, options?: SolveOptions): Promise<LpSolution>;
  /**
   * Optional (HiGHS-WASM): the capacity of its WebAssembly memory in bytes. It only grows, so after
   * a solve it bounds what that solve needed against the 2 GiB a 32-bit WASM heap can hold.
   */
  memory_bytes?(): number;
  /** Frees the WASM instance; the backend cannot be used afterwards. */
  dispose(): void;
}
