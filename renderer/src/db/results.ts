import type { Dispatch, Results } from '../../../solver/src';
import type { ResultRecord, WerkplanDb } from './schema';

/**
 * What a solver run leaves in the `results` store: the results, the hourly dispatch (typed
 * arrays, stored binary) and how it was run. The planner writes it after a run; the results,
 * comparison and report pages read it. `inputsHash` (on the record) marks it stale when the
 * project or scenario changed since.
 */
export interface ResultPayload {
  results: Results;
  dispatch: Dispatch | null;
  /** Scenario name at the time of the run (scenarios can be renamed or deleted later). */
  scenarioName: string;
  mode: 'aggregated' | 'full';
  /** Cost–CO2 Pareto front when the run computed one (points without their full outcomes). */
  pareto?: ParetoPointRecord[];
}

/**
 * One stored point of a cost–CO2 front. `kind` and `capacities` came with the planner's Pareto runs;
 * payloads stored before (three numbers per point) stay readable.
 */
export interface ParetoPointRecord {
  co2Limit_t: number | null;
  totalAnnualCost_EUR: number;
  emissions_tCO2: number;
  kind?: 'minCost' | 'minCo2' | 'epsilon';
  /** The plant at this point: capacity per technology (kW, kWh, m²). */
  capacities?: Results['capacities'];
  /**
   * Where the point shows the plant of another point of the front (its number, 1-based): that plant
   * meets this point's CO2 limit and did better over the full year than the plant sized for this
   * point on typical days, whose figures `ownPlant` keeps (solver/src/run/frontPlants.ts).
   */
  plantOfPoint?: number;
  /**
   * The clean end: the least CO2 any plant reaches (t/a). Below `emissions_tCO2` where the front was
   * computed with a clean-end tolerance: the point is then the cheapest plant within it.
   */
  minimumCo2_t?: number;
  ownPlant?: Pick<ParetoPointRecord, 'totalAnnualCost_EUR' | 'emissions_tCO2' | 'capacities'>;
}

export interface StoredResult extends ResultRecord {
  payload: ResultPayload;
}

/** The id of a project's latest result for one scenario: one result per scenario is kept. */
export const resultId = (projectId: string, scenarioId: string): string => `${projectId}:${scenarioId}`;

/** Stores (replaces) the result of one scenario. */
export async function saveResult(
  db: WerkplanDb,
  projectId: string,
  scenarioId: string,
  inputsHash: string,
  payload: ResultPayload,
  now = Date.now(),
): Promise<StoredResult> {
  const record: StoredResult = {
    id: resultId(projectId, scenarioId),
    projectId,
    scenarioId,
    inputsHash,
    createdAt: now,
    payload,
  };
  await db.results.put(record);
  return record;
}

/** All stored results of a project, base first, then by scenario id. */
export async function listResults(db: WerkplanDb, projectId: string): Promise<StoredResult[]> {
  const all = (await db.results.where('projectId').equals(projectId).toArray()) as StoredResult[];
  return all.sort((a, b) =>
    a.scenarioId === 'base' ? -1 : b.scenarioId === 'base' ? 1 : a.scenarioId.localeCompare(b.scenarioId),
  );
}

export async function getResult(
  db: WerkplanDb,
  projectId: string,
  scenarioId: string,
): Promise<StoredResult | undefined> {
  return (await db.results.get(resultId(projectId, scenarioId))) as StoredResult | undefined;
}

/** A result is stale when it was computed from other inputs than the current ones. */
export const isStale = (result: ResultRecord, currentInputsHash: string): boolean =>
  result.inputsHash !== currentInputsHash;
