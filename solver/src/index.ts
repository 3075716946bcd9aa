/** Public API of the solver core (pure TypeScript: Node, Web Worker, Electron). */
export * from './project/types';
export { validateProject, migrate, type ProjectError, type ValidationResult } from './project/validate';
export { applyScenario } from './project/scenario';
export { hoursInYear, hourLabel } from './project/calendar';
export { buildModel, type BuildOptions, type BuiltModel, type ModelMode } from './model/build';
export { annuityFactor } from './model/economics';
export { copSeries } from './model/heatPump';
export { solveProject, type SolveProjectOptions, type SolveOutcome } from './run/solve';
export { explainInfeasibility } from './run/explain';
export {
  paretoFront,
  computeParetoFront,
  type ParetoPoint,
  type ParetoFront,
  type ParetoOptions,
  type ParetoProgress,
} from './run/pareto';
export { selfTestProject, selfTestExpected, selfTestPassed } from './run/selfTest';
export { readResults, dispatchCsv, type Results, type Dispatch } from './results/results';
export { createBackend } from './lp/index';
export { toCplexLp } from './lp/lpFormat';
export type { LpModel } from './lp/model';
export type { SolverBackend, SolverName, LpSolution, SolveProgress, SolveStatus } from './lp/backend';
