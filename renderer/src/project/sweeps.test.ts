import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import singleText from '../../../assets/examples/single-building.json?raw';
import { openDb, type WerkplanDb } from '../db/schema';
import type { SolverClient } from '../solver/client';
import type { Project } from '../../../solver/src/project/types';
import type { Results, ResultStatus } from '../../../solver/src/results/results';
import type { SolverResponse } from '../../../solver/src/worker/protocol';
import { createSolverWorkerHandler } from '../../../solver/src/worker/handler';
import { createBlankProject, importProject } from './files';
import { canScreen, sweepProgress, sweepSettingKey, useSweeps } from './sweeps';

type SolveResult = Extract<SolverResponse, { type: 'result' }>;
type Client = Pick<SolverClient, 'solve'>;

const GAS = '/fuels/gas/price_EUR_kWh';
const CO2 = '/economics/co2Price_EUR_t';

/** A solver answer with the fields a sweep reads. */
function answer(status: ResultStatus, cost = 0, co2 = 0, warnings: string[] = []): SolveResult {
  const results = {
    status,
    objective: { totalAnnualCost_EUR: cost, co2_tCO2: co2 },
    emissions_tCO2: co2,
    capacities: { boiler: { power_kW: cost / 1000 } },
    warnings,
  } as unknown as Results;
  return { type: 'result', id: 'x', results, reasons: [] };
}

/** The overrides of the one scenario a sweep point sends. */
const overridesOf = (p: Project) => p.scenarios![0].overrides as Record<string, number>;

/** A client that answers at once: cost = 1e6 · gas price + 100 · CO2 price, CO2 = 10 · CO2 price. */
function formulaClient(calls: Record<string, number>[]): Client {
  return {
    solve(project) {
      const o = overridesOf(project);
      calls.push(o);
      const cost = 1e6 * o[GAS] + 100 * (o[CO2] ?? 0);
      return { result: Promise.resolve(answer('optimal', cost, 10 * (o[CO2] ?? 0))), cancel() {} };
    },
  };
}

let n = 0;
let db: WerkplanDb;
let projectId: string;
beforeEach(async () => {
  db = openDb(`sweeps-test-${++n}`);
  const project = JSON.parse(singleText) as Project;
  project.fuels = { gas: { price_EUR_kWh: 0.06, co2_kg_kWh: 0.201, renewable: false } };
  projectId = (await importProject(db, project)).id;
  useSweeps.setState({ sweeps: {}, errors: {} });
});
afterEach(async () => {
  await db.delete();
});

describe('sensitivity sweep store', () => {
  it('solves the points in grid order (parameter 1 fastest), keeps each result and stores the sweep', async () => {
    const calls: Record<string, number>[] = [];
    await useSweeps
      .getState()
      .start(
        db,
        formulaClient(calls),
        projectId,
        { pointer: GAS, from: 0.04, to: 0.08, steps: 2 },
        { pointer: CO2, from: 50, to: 150, steps: 2 },
      );
    expect(calls).toEqual([
      { [GAS]: 0.04, [CO2]: 50 },
      { [GAS]: 0.08, [CO2]: 50 },
      { [GAS]: 0.04, [CO2]: 150 },
      { [GAS]: 0.08, [CO2]: 150 },
    ]);
    const run = useSweeps.getState().sweeps[projectId];
    expect(run.state).toBe('done');
    expect(run.xs).toEqual([0.04, 0.08]);
    expect(run.ys).toEqual([50, 150]);
    expect(run.points.map((p) => [p.i, p.j, p.state])).toEqual([
      [0, 0, 'done'],
      [1, 0, 'done'],
      [0, 1, 'done'],
      [1, 1, 'done'],
    ]);
    // 1e6 · 0.08 + 100 · 150 = 95 000 EUR/a; 10 · 150 = 1 500 t
    expect(run.points[3].totalAnnualCost_EUR).toBeCloseTo(95_000, 6);
    expect(run.points[3].emissions_tCO2).toBe(1500);
    expect(run.points[3].capacities).toEqual({ boiler: { power_kW: 95 } });
    expect(sweepProgress(run)).toEqual({ done: 4, total: 4 });
    expect(run.finished).toBeGreaterThanOrEqual(run.started);

    // a reload: the store is empty, the settings row brings the finished sweep back
    const stored = await db.settings.get(sweepSettingKey(projectId));
    expect(stored?.value).toEqual(run);
    useSweeps.setState({ sweeps: {} });
    await useSweeps.getState().load(db, projectId);
    expect(useSweeps.getState().sweeps[projectId]).toEqual(run);
  });

  it('records a failing point and goes on with the next ones', async () => {
    const client: Client = {
      solve(project) {
        const gas = overridesOf(project)[GAS];
        if (gas === 0.05) return { result: Promise.reject(new Error('worker crashed')), cancel() {} };
        if (gas === 0.06)
          return { result: Promise.resolve(answer('infeasible', 0, 0, ['no solution'])), cancel() {} };
        return { result: Promise.resolve(answer('optimal', 1e6 * gas, 1)), cancel() {} };
      },
    };
    await useSweeps.getState().start(db, client, projectId, { pointer: GAS, from: 0.04, to: 0.07, steps: 4 });
    const run = useSweeps.getState().sweeps[projectId];
    expect(run.state).toBe('done');
    expect(run.points.map((p) => p.state)).toEqual(['done', 'failed', 'failed', 'done']);
    expect(run.points[1]).toMatchObject({ status: 'error', error: 'worker crashed' });
    expect(run.points[2]).toMatchObject({ status: 'infeasible', error: 'no solution' });
    expect(run.points[2].totalAnnualCost_EUR).toBeUndefined();
    expect(run.points[3].totalAnnualCost_EUR).toBeCloseTo(70_000, 6);
    expect(sweepProgress(run)).toEqual({ done: 4, total: 4 });
  });

  it('cancel stops the current point and solves no further ones; finished points stay', async () => {
    const calls: number[] = [];
    let release: ((r: SolveResult) => void) | null = null;
    const client: Client = {
      solve(project) {
        const gas = overridesOf(project)[GAS];
        calls.push(gas);
        if (calls.length === 1) return { result: Promise.resolve(answer('optimal', 1e6 * gas)), cancel() {} };
        // the second point hangs until cancelled, as a long solve in the worker
        return {
          result: new Promise<SolveResult>((resolve) => (release = resolve)),
          cancel: () => release?.(answer('cancelled')),
        };
      },
    };
    const started = useSweeps
      .getState()
      .start(db, client, projectId, { pointer: GAS, from: 0.04, to: 0.08, steps: 5 });
    await expect.poll(() => calls.length).toBe(2);
    const during = useSweeps.getState().sweeps[projectId];
    expect(during.state).toBe('running');
    expect(during.points.map((p) => p.state)).toEqual(['done', 'running', 'pending', 'pending', 'pending']);
    expect(sweepProgress(during)).toEqual({ done: 1, total: 5 });
    useSweeps.getState().cancel();
    await started;
    const run = useSweeps.getState().sweeps[projectId];
    expect(calls).toEqual([0.04, 0.05]);
    expect(run.state).toBe('cancelled');
    expect(run.points.map((p) => p.state)).toEqual([
      'done',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(run.points[0].totalAnnualCost_EUR).toBeCloseTo(40_000, 6);
    // a cancelled sweep is kept too (its finished points are worth seeing after a reload)
    expect((await db.settings.get(sweepSettingKey(projectId)))?.value).toEqual(run);
  });

  it('refuses a project that cannot be run, with located problems, and keeps the previous sweep', async () => {
    await useSweeps
      .getState()
      .start(db, formulaClient([]), projectId, { pointer: GAS, from: 0.04, to: 0.08, steps: 2 });
    const previous = useSweeps.getState().sweeps[projectId];
    const blank = await createBlankProject(db, 'Leer');
    await useSweeps
      .getState()
      .start(db, formulaClient([]), blank.id, { pointer: CO2, from: 0, to: 100, steps: 2 });
    expect(useSweeps.getState().errors[blank.id].join('\n')).toMatch(/\/demands\/heat/);
    expect(useSweeps.getState().sweeps[blank.id]).toBeUndefined();
    expect(useSweeps.getState().sweeps[projectId]).toBe(previous);
  });

  it('refuses a grid with too few values before solving anything', async () => {
    const calls: Record<string, number>[] = [];
    await useSweeps
      .getState()
      .start(db, formulaClient(calls), projectId, { pointer: GAS, from: 0.04, to: 0.08, steps: 1 });
    expect(calls).toEqual([]);
    expect(useSweeps.getState().errors[projectId].join()).toMatch(/steps/);
  });
});

/** The solver worker's own handler, run in this thread: the same code path as the Web Worker. */
function inThreadClient(): Client {
  let k = 0;
  const waiting = new Map<string, (m: SolverResponse) => void>();
  const handle = createSolverWorkerHandler((m) => waiting.get(m.id)?.(m));
  return {
    solve(project, options) {
      const id = `t${++k}`;
      const result = new Promise<SolveResult>((resolve, reject) =>
        waiting.set(id, (m) => {
          if (m.type === 'result') resolve(m);
          else if (m.type === 'error') reject(new Error(m.message));
        }),
      );
      void handle({ type: 'solve', id, project, options });
      return { result, cancel: () => void handle({ type: 'cancel', id }) };
    },
  };
}

describe('a sweep through the real solver', () => {
  it('matches the hand-computed cost of a gas boiler at two gas prices', async () => {
    // 100 kW of heat all year through one gas boiler (η 0.9): gas 876 000 / 0.9 = 973 333.3 kWh/a.
    const hours = 8760;
    const project: Project = {
      formatVersion: 2,
      name: 'Kessel',
      site: { year: 2023, timeZone: 'Europe/Berlin' },
      timeSeries: {
        heat: { unit: 'kW', values: Array<number>(hours).fill(100) },
        el: { unit: 'kW', values: Array<number>(hours).fill(0) },
      },
      demands: { heat: 'heat', electricity: 'el' },
      economics: { interestRate: 0.05, co2Price_EUR_t: 100 },
      fuels: { gas: { price_EUR_kWh: 0.06, co2_kg_kWh: 0.2, renewable: false } },
      grid: {},
      technologies: [
        {
          id: 'gb',
          type: 'boiler',
          fuel: 'gas',
          efficiency: 0.9,
          capex_EUR_per_unit: 100,
          lifetime_a: 20,
          fixedOm_share: 0,
        },
      ],
    };
    const id = (await importProject(db, project)).id;
    await useSweeps
      .getState()
      .start(db, inThreadClient(), id, { pointer: GAS, from: 0.05, to: 0.1, steps: 2 });
    const run = useSweeps.getState().sweeps[id];
    expect(run.points.map((p) => p.state)).toEqual(['done', 'done']);
    // annuity factor at 5 % over 20 years: 0.05 / (1 − 1.05^−20) = 0.0802426
    const annuity = 0.05 / (1 - 1.05 ** -20);
    const gas_kWh = (100 * hours) / 0.9;
    const co2_t = (gas_kWh * 0.2) / 1000; // 194.667 t
    const cost = (price: number) => 100 * 100 * annuity + gas_kWh * price + co2_t * 100;
    expect(cost(0.05)).toBeCloseTo(68_935.76, 1);
    expect(run.points[0].totalAnnualCost_EUR).toBeCloseTo(cost(0.05), 0);
    expect(run.points[1].totalAnnualCost_EUR).toBeCloseTo(cost(0.1), 0);
    expect(run.points[0].emissions_tCO2).toBeCloseTo(co2_t, 2);
    expect(run.points[1].capacities?.gb.power_kW).toBeCloseTo(100, 3);

    // The same sweep as a screening: the typical-day sizing alone, the same hand-computed cost (a flat
    // demand), marked as a screening, the points sent with sizingOnly.
    const sent: unknown[] = [];
    const client = inThreadClient();
    const spy: Client = {
      solve(p, options) {
        sent.push(options?.sizingOnly);
        return client.solve(p, options);
      },
    };
    await useSweeps
      .getState()
      .start(db, spy, id, { pointer: GAS, from: 0.05, to: 0.1, steps: 2 }, undefined, {
        screening: true,
      });
    const quick = useSweeps.getState().sweeps[id];
    expect(quick.screening).toBe(true);
    expect(sent).toEqual([true, true]);
    expect(quick.points[0].totalAnnualCost_EUR).toBeCloseTo(cost(0.05), 0);
    expect(quick.points[1].totalAnnualCost_EUR).toBeCloseTo(cost(0.1), 0);
  }, 120_000);

  it('does not screen a base that runs all hours, nor a transformation path: its points are checked', async () => {
    const sent: unknown[] = [];
    const spy: Client = {
      solve(p, options) {
        sent.push(options?.sizingOnly);
        return formulaClient([]).solve(p, options);
      },
    };
    const record = (await db.projects.get(projectId))!;
    await db.projects.put({ ...record, runOptions: { mode: 'full' } });
    await useSweeps
      .getState()
      .start(db, spy, projectId, { pointer: GAS, from: 0.04, to: 0.08, steps: 2 }, undefined, {
        screening: true,
      });
    expect(useSweeps.getState().sweeps[projectId].screening).toBeUndefined();
    expect(sent).toEqual([undefined, undefined]);
    expect(canScreen({}, { mode: 'aggregated' })).toBe(true);
    expect(canScreen({ periods: { years: [2030] } }, { mode: 'aggregated' })).toBe(true);
    expect(canScreen({ periods: { years: [2030, 2035] } }, { mode: 'aggregated' })).toBe(false);
    expect(canScreen({}, { mode: 'full' })).toBe(false);
  });
});
