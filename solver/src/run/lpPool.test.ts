import { describe, expect, it } from 'vitest';
import type { LpSolution, SolveOptions, SolverBackend } from '../lp/backend';
import type { LpModel } from '../lp/model';
import { createHighsBackend } from '../lp/highs';
import { buildModel } from '../model/build';
import { fourDays, inThreadPort } from './testing';
import { poolSolver } from './lpPool';

/** A one-column model whose name says which LP it is; its cost is its objective. */
const lp = (name: string, cost: number): LpModel => ({
  name,
  objectiveOffset: 0,
  colNames: ['x'],
  colLower: Float64Array.of(1),
  colUpper: Float64Array.of(1),
  colCost: Float64Array.of(cost),
  rowNames: [],
  rowLower: new Float64Array(0),
  rowUpper: new Float64Array(0),
  rowStart: Int32Array.of(0),
  colIndex: new Int32Array(0),
  values: new Float64Array(0),
});

/** Solves the test lets finish: `finish(name)` ends the LP of that name (cancelled if its signal is set). */
function gate() {
  const open = new Map<string, () => void>();
  const started: string[] = [];
  const pricing: (string | undefined)[] = [];
  const signals: boolean[] = [];
  const backend = (worker: number): SolverBackend => ({
    name: 'highs',
    dispose: () => undefined,
    solve: (model: LpModel, opts: SolveOptions = {}) =>
      new Promise<LpSolution>((resolve) => {
        started.push(`${model.name}@${worker}`);
        pricing.push(opts.pricing);
        signals.push(opts.signal !== undefined);
        open.set(model.name, () =>
          resolve(
            opts.signal?.aborted
              ? {
                  status: 'cancelled',
                  hasSolution: false,
                  objective: NaN,
                  x: new Float64Array(0),
                  seconds: 0,
                  solver: 'highs',
                }
              : {
                  status: 'optimal',
                  hasSolution: true,
                  objective: model.colCost[0],
                  x: Float64Array.of(1),
                  seconds: 0,
                  solver: 'highs',
                },
          ),
        );
      }),
  });
  const finish = async (name: string) => {
    await settle();
    open.get(name)!();
    await settle();
  };
  return { backend, started, pricing, signals, finish };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

/** A worker in this thread over `backend`. */
const port = (backend: SolverBackend) => inThreadPort(() => backend);

describe('poolSolver', () => {
  it('gives each free worker the next LP, so a slow LP does not hold back the others', async () => {
    const g = gate();
    const pool = await poolSolver([port(g.backend(0)), port(g.backend(1))]);
    expect(pool.workers).toBe(2);
    const models = [lp('a', 1), lp('b', 2), lp('c', 3), lp('d', 4)];
    const onStart: string[] = [];
    const sols = Promise.all(
      models.map((m) => pool.solve(m, { onStart: (worker) => onStart.push(`${m.name}@${worker}`) })),
    );
    // Each LP is told its worker (numbered from 1) as it leaves the queue.
    expect(onStart).toEqual(['a@1', 'b@2']);
    await g.finish('b'); // a stays slow on worker 0; worker 1 takes c, then d
    await g.finish('c');
    await g.finish('d');
    await g.finish('a');
    expect(g.started).toEqual(['a@0', 'b@1', 'c@1', 'd@1']);
    expect(onStart).toEqual(['a@1', 'b@2', 'c@2', 'd@2']);
    expect((await sols).map((s) => s.objective)).toEqual([1, 2, 3, 4]);
    // The caller's model is intact (the worker got a copy).
    expect(models[0].colCost).toEqual(Float64Array.of(1));
    pool.dispose();
  });

  it('passes a set signal and the pricing to the worker running the LP', async () => {
    const g = gate();
    const pool = await poolSolver([port(g.backend(0)), port(g.backend(1))]);
    const signal = { aborted: false };
    const sol = pool.solve(lp('a', 1), { signal, pricing: 'devex' });
    signal.aborted = true;
    await settle();
    await g.finish('a');
    expect((await sol).status).toBe('cancelled');
    expect(g.pricing).toEqual(['devex']);
    // Without a signal the worker's solve gets none (no HiGHS callback on every iteration).
    const plain = pool.solve(lp('b', 2));
    await g.finish('b');
    expect((await plain).status).toBe('optimal');
    // Nor with a signal that need not be looked at during a solve (the planner ends its worker instead).
    const quiet = pool.solve(lp('c', 3), { signal: { aborted: false, pollDuringSolve: false } });
    await g.finish('c');
    expect((await quiet).status).toBe('optimal');
    expect(g.signals).toEqual([true, false, false]);
    pool.dispose();
  });

  it('carries on with the other worker when one fails, and rejects what is left after dispose (once)', async () => {
    const g = gate();
    const ports = [port(g.backend(0)), port(g.backend(1))];
    const pool = await poolSolver(ports);
    const a = pool.solve(lp('a', 1));
    const b = pool.solve(lp('b', 2));
    const c = pool.solve(lp('c', 3));
    await settle();
    ports[0].crash('out of memory');
    await expect(a).rejects.toThrow('a solver worker stopped: out of memory');
    await g.finish('b');
    await g.finish('c');
    expect((await b).objective).toBe(2);
    expect((await c).objective).toBe(3);
    expect(g.started).toEqual(['a@0', 'b@1', 'c@1']);
    const d = pool.solve(lp('d', 4));
    await settle();
    pool.dispose();
    await expect(d).rejects.toThrow('disposed');
    await expect(pool.solve(lp('e', 5))).rejects.toThrow('disposed');
    expect(ports[1].sent.at(-1)).toEqual({ type: 'dispose' });
    const sent = ports[1].sent.length;
    pool.dispose(); // the run disposes again when it ends: nothing more is sent
    expect(ports[1].sent).toHaveLength(sent);
  });
});

describe('poolSolver with a block start', () => {
  it("hands the start to the worker, which solves from the blocks' bases to the optimum", async () => {
    const highs = await createHighsBackend();
    let sessions = 0;
    const counting: SolverBackend = {
      ...highs,
      name: 'highs',
      session: (m) => (sessions++, highs.session!(m)),
    };
    const pool = await poolSolver([port(counting), port(counting)]);
    const fixedCapacities = { gb: { value: 120 }, eb: { value: 150 }, tes: { value: 400 } };
    const m = buildModel(fourDays(3), {
      mode: 'full',
      horizon_h: 96,
      fixedCapacities,
      slackPenalty_EUR_kWh: 1e3,
    }).model;
    const cols = [23, 47, 71, 95].map((t) => m.colNames.indexOf(`soc_tes[t=${t}]`));
    const start = {
      steps: 96,
      blockSteps: 24,
      cols: Int32Array.from(cols),
      values: new Float64Array(4),
      worth: new Float64Array(4).fill(NaN),
      rows: Int32Array.of(m.rowNames.indexOf('co2_cap')),
      shares: [new Float64Array(4).fill(750)],
      prices: Float64Array.of(NaN),
    };
    const [fromBlocks, direct] = [await pool.solve(m, { start }), await highs.solve(m)];
    expect(sessions).toBe(5); // four daily blocks and the joined blocks
    expect(fromBlocks.objective).toBeCloseTo(direct.objective, 6);
    pool.dispose();
    highs.dispose();
  });
});
