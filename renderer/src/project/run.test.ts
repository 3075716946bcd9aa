import { afterEach, describe, expect, it } from 'vitest';
import singleText from '../../../assets/examples/single-building.json?raw';
import { openDb, type WerkplanDb } from '../db/schema';
import { getResult, isStale } from '../db/results';
import { solveProject } from '../../../solver/src/run/solve';
import { createSolverWorkerHandler } from '../../../solver/src/worker/handler';
import type { SolverResponse } from '../../../solver/src/worker/protocol';
import type { SolverClient } from '../solver/client';
import type { ProjectV1 } from '../../../solver/src/project/types';
import { importProject, createBlankProject } from './files';
import { currentInputsHash } from './assemble';
import { NotRunnableError, runScenario } from './run';
import type { StoredProject } from './document';

/** The solver worker's own handler, run in this thread: the same code path as the Web Worker. */
function inThreadClient(): Pick<SolverClient, 'solve'> {
  let n = 0;
  const waiting = new Map<string, (m: SolverResponse) => void>();
  const handle = createSolverWorkerHandler((m) => waiting.get(m.id)?.(m));
  return {
    solve(project, options, onProgress) {
      const id = `t${++n}`;
      const result = new Promise<Extract<SolverResponse, { type: 'result' }>>((resolve, reject) =>
        waiting.set(id, (m) => {
          if (m.type === 'progress') onProgress?.(m.progress);
          else if (m.type === 'result') resolve(m);
          else reject(new Error(m.message));
        }),
      );
      void handle({ type: 'solve', id, project, options });
      return { result, cancel: () => void handle({ type: 'cancel', id }) };
    },
  };
}

let n = 0;
const opened: WerkplanDb[] = [];
function freshDb(): WerkplanDb {
  const db = openDb(`run-test-${++n}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('running a scenario', () => {
  it('stores the same capacities as solveProject, with the hash that goes stale on an edit', async () => {
    const db = freshDb();
    const project = JSON.parse(singleText) as ProjectV1;
    project.scenarios = [
      { id: 'dear', name: 'Teurer Strom', overrides: { '/grid/import/price_EUR_kWh': 0.45 } },
    ];
    const rec = await importProject(db, project);
    const phases: string[] = [];
    const stored = await runScenario(db, inThreadClient(), rec.id, 'dear', (p) => phases.push(p.phase)).done;
    const direct = await solveProject(project, { scenarioId: 'dear', mode: 'aggregated' });
    expect(stored.payload.results.status).toBe('optimal');
    expect(stored.payload.scenarioName).toBe('Teurer Strom');
    for (const [id, cap] of Object.entries(direct.results.capacities))
      expect(stored.payload.results.capacities[id].power_kW ?? 0).toBeCloseTo(cap.power_kW ?? 0, 3);
    expect(phases.length).toBeGreaterThan(0);
    const saved = await getResult(db, rec.id, 'dear');
    expect(isStale(saved!, (await currentInputsHash(db, rec.id, 'dear'))!)).toBe(false);
    const doc = rec.document as StoredProject;
    await db.projects.update(rec.id, {
      document: { ...doc, economics: { ...doc.economics, co2Price_EUR_t: 200 } },
    });
    expect(isStale(saved!, (await currentInputsHash(db, rec.id, 'dear'))!)).toBe(true);
  }, 120_000);

  it('refuses a project with located problems', async () => {
    const db = freshDb();
    const rec = await createBlankProject(db, 'Leer');
    await expect(runScenario(db, inThreadClient(), rec.id, 'base').done).rejects.toBeInstanceOf(
      NotRunnableError,
    );
    await expect(runScenario(db, inThreadClient(), rec.id, 'base').done).rejects.toThrow(/\/demands\/heat/);
  });
});
