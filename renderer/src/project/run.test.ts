import { afterEach, describe, expect, it } from 'vitest';
import singleText from '../../../assets/examples/single-building.json?raw';
import { openDb, type WerkplanDb } from '../db/schema';
import { getResult, isStale } from '../db/results';
import { solveProject } from '../../../solver/src/run/solve';
import { createSolverWorkerHandler } from '../../../solver/src/worker/handler';
import type { SolverRequest, SolverResponse } from '../../../solver/src/worker/protocol';
import type { ParetoResult, ParetoRunProgress, SolverClient } from '../solver/client';
import { gasOrElectricBoiler } from '../../../solver/src/model/testing';
import type { Project } from '../../../solver/src/project/types';
import { importProject, createBlankProject } from './files';
import { currentInputsHash } from './assemble';
import { NotRunnableError, ParetoFailedError, runPareto, runScenario } from './run';
import type { StoredProject } from './document';

/** The solver worker's own handler, run in this thread: the same code path as the Web Worker. */
function inThreadClient(): Pick<SolverClient, 'solve' | 'pareto'> {
  let n = 0;
  const waiting = new Map<string, (m: SolverResponse) => void>();
  const handle = createSolverWorkerHandler((m) => waiting.get(m.id)?.(m));
  function request<R extends SolverResponse>(
    req: SolverRequest,
    type: R['type'],
    onProgress?: (p: ParetoRunProgress) => void,
  ): Promise<R> {
    return new Promise<R>((resolve, reject) =>
      waiting.set(req.type === 'dispose' ? '' : req.id, (m) => {
        if (m.type === 'progress') onProgress?.({ ...m.progress, point: m.point, points: m.points });
        else if (m.type === type) resolve(m as R);
        else reject(new Error(m.type === 'error' ? m.message : `unexpected ${m.type}`));
      }),
    );
  }
  return {
    solve(project, options, onProgress) {
      const id = `t${++n}`;
      const result = request<Extract<SolverResponse, { type: 'result' }>>(
        { type: 'solve', id, project, options },
        'result',
        onProgress,
      );
      void handle({ type: 'solve', id, project, options });
      return { result, cancel: () => void handle({ type: 'cancel', id }) };
    },
    pareto(project, options, onProgress) {
      const id = `t${++n}`;
      const result = request<ParetoResult>(
        { type: 'pareto', id, project, options },
        'paretoResult',
        onProgress,
      );
      void handle({ type: 'pareto', id, project, options });
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
    const project = JSON.parse(singleText) as Project;
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

/**
 * Gas boiler or electric boiler for 100, 200, 150 kWh of heat in the first hours of the year (hand
 * calculation in solver/src/cli/pareto.test.ts): 223.68 EUR/a at 94.74 kg CO2, 565.84 EUR/a at
 * 69.87 kg with 75 kW electric boiler, 1108 EUR/a at 45 kg.
 */
const boilers = gasOrElectricBoiler;

describe('computing a cost–CO2 front', () => {
  it('takes a clean-end tolerance: half the CO2 range gives the middle plant, with the least CO2 kept', async () => {
    const db = freshDb();
    const rec = await importProject(db, boilers());
    await db.projects.update(rec.id, { runOptions: { mode: 'full' } });
    const stored = await runPareto(db, inThreadClient(), rec.id, 'base', 2, undefined, 0.5).done;
    const end = stored.payload.pareto!.find((p) => p.kind === 'minCo2')!;
    // 45 kg + 0.5 · (94.7368 − 45) kg = 69.8684 kg: 75 kW electric boiler, 565.84 EUR/a (hand, above).
    expect(Math.abs(end.totalAnnualCost_EUR - 565.8421052631579) / 565.84).toBeLessThan(1e-6);
    expect(end.capacities!.eb.power_kW!).toBeCloseTo(75, 4);
    expect(end.minimumCo2_t!).toBeCloseTo(0.045, 9);
  });

  it('stores the front with the scenario’s result: minimum-cost results and dispatch, points with capacities', async () => {
    const db = freshDb();
    const rec = await importProject(db, boilers());
    await db.projects.update(rec.id, { runOptions: { mode: 'full' } });
    const progress: ParetoRunProgress[] = [];
    const stored = await runPareto(db, inThreadClient(), rec.id, 'base', 3, (p) => progress.push(p)).done;
    expect(new Set(progress.map((p) => p.point))).toEqual(new Set([1, 2, 3]));
    const front = stored.payload.pareto!;
    expect(front.map((p) => p.kind)).toEqual(['minCost', 'epsilon', 'minCo2']);
    const hand = [
      { cost: 223.6842105263158, co2: 0.0947368421052632, eb: 0 },
      { cost: 565.8421052631579, co2: 0.0698684210526316, eb: 75 },
      { cost: 1108, co2: 0.045, eb: 200 },
    ];
    front.forEach((p, i) => {
      expect(Math.abs(p.totalAnnualCost_EUR - hand[i].cost) / hand[i].cost).toBeLessThan(1e-6);
      expect(Math.abs(p.emissions_tCO2 - hand[i].co2) / hand[i].co2).toBeLessThan(1e-6);
      expect(p.capacities!.eb.power_kW!).toBeCloseTo(hand[i].eb, 4);
    });
    // the stored result is the scenario's ordinary optimum, current with the inputs
    expect(stored.payload.results.objective.totalAnnualCost_EUR).toBeCloseTo(hand[0].cost, 6);
    expect(stored.payload.dispatch!.series['gb.heat_out_kW'][1]).toBeCloseTo(200, 6);
    expect(stored.payload.mode).toBe('full');
    expect(isStale(stored, (await currentInputsHash(db, rec.id, 'base'))!)).toBe(false);

    // An ordinary run with the same inputs keeps the front; after an edit a run drops it.
    const again = await runScenario(db, inThreadClient(), rec.id, 'base').done;
    expect(again.payload.pareto).toEqual(front);
    const doc = rec.document as StoredProject;
    await db.projects.update(rec.id, {
      document: { ...doc, economics: { ...doc.economics, co2Price_EUR_t: 100 } },
    });
    const edited = await runScenario(db, inThreadClient(), rec.id, 'base').done;
    expect(edited.payload.pareto).toBeUndefined();
  }, 120_000);

  it('a cancelled front keeps the previous result; a front without solution says why', async () => {
    const db = freshDb();
    const rec = await importProject(db, boilers());
    await db.projects.update(rec.id, { runOptions: { mode: 'full' } });
    const first = await runScenario(db, inThreadClient(), rec.id, 'base').done;
    let h: ReturnType<typeof runPareto> | null = null;
    h = runPareto(db, inThreadClient(), rec.id, 'base', 4, (p) => {
      if (p.point === 2) h!.cancel();
    });
    await expect(h.done).rejects.toThrow('cancelled');
    expect((await getResult(db, rec.id, 'base'))!.createdAt).toBe(first.createdAt);

    const doc = rec.document as StoredProject;
    await db.projects.update(rec.id, { document: { ...doc, constraints: { co2Cap_t: 0.01 } } });
    const failed = runPareto(db, inThreadClient(), rec.id, 'base', 3).done;
    await expect(failed).rejects.toBeInstanceOf(ParetoFailedError);
    await expect(failed).rejects.toThrow(/Pareto point 1 of 3 \(minimum cost\) has no solution/);
    expect((await getResult(db, rec.id, 'base'))!.createdAt).toBe(first.createdAt);
  }, 120_000);
});
