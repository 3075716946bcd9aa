/**
 * Public API of the solver core (pure TypeScript: Node, Web Worker, Electron, browser). The renderer
 * imports the solver only through this entry and two named ones: `solver/src/report` (writing
 * reports: PDF and XLSX libraries, for the report worker) and `solver/src/worker` (the solver
 * worker's handler and protocol). ESLint enforces it. Everything here is safe to load in the
 * planner's main thread under its CSP (no code generation at import; the project validator is
 * generated ahead of time, docs/decisions/one-validator.md).
 */

// project format v2
export * from './project/types';
export { PLANNER, projectSchema, technologySchemas, type PlannerAnnotation } from './project/schema';
export {
  validateProject,
  checkProject,
  checkForPlanner,
  migrate,
  type ProjectError,
  type ValidationResult,
} from './project/validate';
export { applyScenario, setPointer } from './project/scenario';
export { defaultPeriods } from './project/pathDefaults';
export { pathValue } from './project/periods';
export { hoursInYear, hourLabel } from './project/calendar';
export type { FederalState } from './calendar/dayTypes';
export {
  siteYear,
  siteYearOf,
  hourIndex,
  hourStart,
  localIntervals,
  dailyMeans,
  legalStamp,
  standardStamp,
  standardWallClock_ms,
  siteYearOrDefault,
  standardOffsetLabel,
  utcStamp,
  type SiteYear,
} from './calendar/siteYear';

// profiles: import, standard profiles, source notes
export * from './profiles/import/index';
export { parse2025, standardLoadProfile, type Profile2025 } from './profiles/bdew/electricity';
export { heatLoadProfile, parseHeatTables } from './profiles/bdew/heat';
export { syntheticStandIn } from './profiles/standin/standin';
export {
  generatedSourceNote,
  parseGeneratedSourceNote,
  type NoteLanguage,
  type TryNote,
} from './profiles/sourceNotes';

// time series and weather
export { fillGaps, hourlyMeans, resample, resampleOnto, type FillRule } from './timeseries/resample';
export { seriesRoleOfUnit, type SeriesRole } from './timeseries/role';
export { readWeather, WeatherFormatError, type WeatherYear } from './weather/readers';
export { pvYieldPerKWp, solarThermalYieldPerM2 } from './weather/yields';
export { summarizeWeather, type WeatherSummary } from './weather/summary';
export { FALLBACK_TRY_REGION, onSiteYear, siteWeather, type SiteWeather } from './weather/site';
export {
  fetchTryLoader,
  loadTry,
  tryFor,
  tryFileName,
  TRY_REGIONS,
  type TryChoice,
  type TryLoader,
  type TryRegion,
  type TryYear,
} from './weather/try';

// model and solving
export {
  buildModel,
  DEFAULT_SEGMENTS,
  DEFAULT_TYPICAL_DAYS,
  type BuildOptions,
  type BuiltModel,
  type ModelMode,
} from './model/build';
export { annuityFactor } from './model/economics';
export { copSeries } from './model/heatPump';
export { solveProject, type SolveProjectOptions, type SolveOutcome } from './run/solve';
export { EXACT_PATH_MINUTES_MEASURED } from './run/path';
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
export { createBackend } from './lp/index';
export { toCplexLp } from './lp/lpFormat';
export type { LpModel } from './lp/model';
export type {
  SolverBackend,
  SolverName,
  LpSolution,
  SolveProgress,
  SizingPreview,
  PathPreview,
  PreviewSizes,
  RunningCheck,
  SolveStatus,
  SolvePhase,
  ParetoStep,
} from './lp/backend';
export { isSolverAbort } from './lp/backend';

// the solver's texts: i18next namespaces, loaded by the planner's i18next as well
export { SOLVER_NAMESPACES, solverResources, type SolverNamespace } from './i18n';

// results and the views behind every chart, table and report
export {
  readResults,
  type Results,
  type Dispatch,
  type Capacity,
  type ResultStatus,
} from './results/results';
export { CAPACITY_UNITS, fieldUnit, mainCapacity } from './results/capacity';
export { formatSolverMessage } from './results/messages';
export * from './results/views';
export type { PathCapacity, PathCost, PathEvent, PathSummary, PeriodResult } from './results/path';
export { userFileName } from './report/fileName';

// heat network design (issue #17)
export type {
  Building,
  DesignedPipe,
  NetworkDesign,
  NetworkInput,
  NetworkIssue,
  NetworkParams,
  NetworkSummary,
  PipeType,
  Point_m,
  Street,
} from './network/types';
export { defaultNetworkParams } from './network/defaults';
export { designNetwork, NetworkInputError, networkParams } from './network/design';
export { readNetworkCollection, readNetworkGeoJson } from './network/geojson';
export { networkIssueText } from './network/messages';

// sensitivity sweeps: the grid of one or two parameters (planner and `werkplan batch`)
export {
  axisValues,
  sweepGrid,
  valueGrid,
  type SweepAxis,
  type SweepPoint,
  type ValueAxis,
} from './batch/sweepGrid';
