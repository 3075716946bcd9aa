import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * Solved projects written straight into the app's IndexedDB, for specs that test what the planner
 * shows rather than how it gets there (results, reports). The solver and the planner's storage
 * helpers are loaded at run time: the e2e project compiles only e2e/.
 */
export type Results = {
  objective: { totalAnnualCost_EUR: number };
  emissions_tCO2: number;
  capacities: Record<string, { power_kW?: number }>;
  kpis: { lcoh_EUR_MWh: number; lcoe_EUR_MWh: number; renewableHeatShare: number };
  solve: { aggregationGap?: number };
};
type Dispatch = {
  hours: Int32Array;
  weight: Float64Array;
  year: number;
  series: Record<string, Float64Array>;
};
type Project = { name: string; scenarios?: { id: string }[] };
interface SolveModule {
  solveProject: (
    p: Project,
    o: { mode: 'aggregated'; scenarioId?: string },
  ) => Promise<{ results: Results; dispatch?: Dispatch; reasons: string[] }>;
}
interface DocumentModule {
  DEFAULT_RUN_OPTIONS: object;
  splitSeries: (
    p: Project,
    id: string,
    newId: () => string,
  ) => { doc: unknown; records: ({ id: string; values: Float64Array } & Record<string, unknown>)[] };
}
interface HashModule {
  inputsHash: (p: Project, scenarioId: string, options: object) => Promise<string>;
}
const load = <T>(path: string) => import(new URL(path, import.meta.url).href) as Promise<T>;

/** A result in plain arrays, so it crosses into page.evaluate. */
export interface PlainResult {
  scenarioId: string;
  scenarioName: string;
  inputsHash: string;
  results: Results;
  dispatch: { hours: number[]; weight: number[]; year: number; series: Record<string, number[]> };
}

export interface Seed {
  project: { id: string; name: string; createdAt: number; updatedAt: number; document: unknown };
  series: { values: number[]; rest: Record<string, unknown> }[];
  results: PlainResult[];
}

/**
 * Solves `file` (assets/examples/…) for each scenario with typical days + full-year check in Node
 * and keeps everything the app stores: the project document, its series and one result per
 * scenario, stamped with the same inputs hash the planner computes for a run, so none is stale.
 */
export async function solveForSeed(
  file: string,
  projectId: string,
  scenarios: { id: string; name: string }[],
): Promise<Seed> {
  const { solveProject } = await load<SolveModule>('../solver/src/run/solve.ts');
  const { splitSeries, DEFAULT_RUN_OPTIONS } = await load<DocumentModule>(
    '../renderer/src/project/document.ts',
  );
  const { inputsHash } = await load<HashModule>('../renderer/src/project/inputsHash.ts');
  const project = JSON.parse(readFileSync(file, 'utf8')) as Project;
  const results: PlainResult[] = [];
  for (const s of scenarios) {
    const o = await solveProject(project, {
      mode: 'aggregated',
      ...(s.id === 'base' ? {} : { scenarioId: s.id }),
    });
    if (!o.dispatch) throw new Error(`${file} (${s.id}) has no solution: ${o.reasons.join('; ')}`);
    const d = o.dispatch;
    results.push({
      scenarioId: s.id,
      scenarioName: s.name,
      inputsHash: await inputsHash(
        { ...project, scenarios: (project.scenarios ?? []).filter((x) => x.id === s.id) },
        s.id,
        DEFAULT_RUN_OPTIONS,
      ),
      results: o.results,
      dispatch: {
        hours: Array.from(d.hours),
        weight: Array.from(d.weight),
        year: d.year,
        series: Object.fromEntries(Object.entries(d.series).map(([k, v]) => [k, Array.from(v)])),
      },
    });
  }
  let n = 0;
  const { doc, records } = splitSeries(project, projectId, () => `${projectId}-series-${++n}`);
  return {
    project: { id: projectId, name: project.name, createdAt: 0, updatedAt: 0, document: doc },
    series: records.map(({ values, ...rest }) => ({ values: Array.from(values), rest })),
    results,
  };
}

/**
 * Writes the seed into the app's IndexedDB (the app must have opened it once, so its schema
 * exists) in one transaction, and makes the project active on `uiPage` for the next load.
 */
export async function writeSeed(page: Page, seed: Seed, uiPage: string): Promise<void> {
  await page.evaluate(
    async ({ seed, uiPage }) => {
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('werkplan');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
      });
      const tx = idb.transaction(['projects', 'timeSeries', 'results'], 'readwrite');
      tx.objectStore('projects').put(seed.project);
      for (const s of seed.series)
        tx.objectStore('timeSeries').put({ ...s.rest, values: Float64Array.from(s.values) });
      for (const r of seed.results) {
        const d = r.dispatch;
        tx.objectStore('results').put({
          id: `${seed.project.id}:${r.scenarioId}`,
          projectId: seed.project.id,
          scenarioId: r.scenarioId,
          inputsHash: r.inputsHash,
          createdAt: Date.now(),
          payload: {
            results: r.results,
            dispatch: {
              hours: Int32Array.from(d.hours),
              weight: Float64Array.from(d.weight),
              year: d.year,
              series: Object.fromEntries(Object.entries(d.series).map(([k, v]) => [k, Float64Array.from(v)])),
            },
            scenarioName: r.scenarioName,
            mode: 'aggregated',
          },
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      });
      idb.close();
      localStorage.setItem('werkplan.ui', JSON.stringify({ page: uiPage, activeProjectId: seed.project.id }));
    },
    { seed, uiPage },
  );
}
