import { describe, expect, it } from 'vitest';
import type { LpSolution, SolverBackend, SolverSession } from '../lp/backend';
import type { LpModel } from '../lp/model';
import type { BlockTask } from './blockEval';
import { inThreadPort } from './testing';
import {
  assignBlocks,
  initMessage,
  poolEvaluator,
  taskWeight,
  workerCount,
  type ToBlockWorker,
} from './blockPool';

/** A block model of three columns: one own column, two linking ones; `scale` is its cost. */
function task(id: number, scale: number): BlockTask {
  const model: LpModel = {
    name: `b${id}`,
    objectiveOffset: 0,
    colNames: ['own', 'z0', 'z1'],
    colLower: new Float64Array(3),
    colUpper: new Float64Array(3).fill(Infinity),
    colCost: Float64Array.of(scale, 0, 0),
    rowNames: ['r'],
    rowLower: Float64Array.of(0),
    rowUpper: Float64Array.of(Infinity),
    rowStart: Int32Array.of(0, 2),
    colIndex: Int32Array.of(0, 1),
    values: Float64Array.of(1, 1),
  };
  return { id, model, ownCount: 1, linkLocal: Int32Array.of(1, 2), allocLocal: new Int32Array(0) };
}

/**
 * A stand-in solver: a block's objective is scale · (z0 + z1), its reduced costs on z are scale,
 * its own column is 42; a set signal gives 'cancelled'. Counts its solves.
 */
function fakeBackend(log: { solves: number; disposed: number }): SolverBackend {
  return {
    name: 'highs',
    solve: () => Promise.reject(new Error('not used')),
    dispose: () => (log.disposed += 1),
    session(model: LpModel): SolverSession {
      const fixed = new Float64Array(3);
      const scale = model.colCost[0];
      return {
        fixColumns: (cols, values) => cols.forEach((c, k) => (fixed[c] = values[k])),
        setColumnBounds: () => undefined,
        update: () => false,
        dispose: () => undefined,
        solve(options = {}): LpSolution & { colDual?: Float64Array } {
          log.solves += 1;
          if (options.signal?.aborted)
            return {
              status: 'cancelled',
              hasSolution: false,
              objective: NaN,
              x: new Float64Array(0),
              seconds: 0,
              solver: 'highs',
            };
          return {
            status: 'optimal',
            hasSolution: true,
            objective: scale * (fixed[1] + fixed[2]),
            x: Float64Array.of(42, fixed[1], fixed[2]),
            colDual: Float64Array.of(0, scale, scale),
            seconds: 0,
            solver: 'highs',
          };
        },
      };
    },
  };
}

/** A worker in this thread over the stand-in solver, posting into `log.sent`. */
const fakePort = (log: { solves: number; disposed: number; sent: ToBlockWorker[] }) =>
  inThreadPort(() => fakeBackend(log), log.sent);

const newLog = () => ({ solves: 0, disposed: 0, sent: [] as ToBlockWorker[] });

describe('assignBlocks', () => {
  it('deals equal blocks in turn, and gives a heavy block a worker of its own', () => {
    expect(assignBlocks([1, 1, 1, 1, 1], 2)).toEqual([
      [0, 2, 4],
      [1, 3],
    ]);
    // 5 | 1+1+1+1+1: the loads are 5 and 5.
    expect(assignBlocks([5, 1, 1, 1, 1, 1], 2)).toEqual([[0], [1, 2, 3, 4, 5]]);
    // An 8-day last block among 7-day ones goes first (worker 0), blocks 0 and 1 to worker 1
    // (load 7 < 8, so block 1 joins it), block 2 to worker 0 (8 < 14): loads 8+7 | 7+7.
    expect(assignBlocks([7, 7, 7, 8], 2)).toEqual([
      [2, 3],
      [0, 1],
    ]);
  });

  it('never makes more workers than blocks, nor fewer than one', () => {
    expect(assignBlocks([3, 2], 5)).toEqual([[0], [1]]);
    expect(assignBlocks([3, 2], 0)).toEqual([[0, 1]]);
  });
});

describe('workerCount', () => {
  it('is the cores, at least 1 and at most the blocks', () => {
    expect(workerCount(2, 52)).toBe(2);
    expect(workerCount(8, 3)).toBe(3);
    expect(workerCount(0, 4)).toBe(1);
    expect(workerCount(1.5, 4)).toBe(1);
  });
});

describe('taskWeight', () => {
  it('is nonzeros plus columns', () => expect(taskWeight(task(0, 1))).toBe(2 + 3));
});

describe('initMessage', () => {
  it('sends copies of the typed arrays for transfer and leaves the caller’s intact', () => {
    const t = task(3, 2);
    const { msg, transfer } = initMessage([t]);
    // 8 model arrays (no integrality) + linkLocal + allocLocal.
    expect(transfer).toHaveLength(10);
    const moved = structuredClone(msg, { transfer }) as Extract<ToBlockWorker, { type: 'init' }>;
    expect(t.model.colCost).toEqual(Float64Array.of(2, 0, 0));
    expect(t.linkLocal).toEqual(Int32Array.of(1, 2));
    expect(moved.tasks[0].model.colCost).toEqual(Float64Array.of(2, 0, 0));
    expect(moved.tasks[0].id).toBe(3);
  });
});

describe('poolEvaluator', () => {
  const tasks = [task(0, 1), task(1, 2), task(2, 3), task(3, 4), task(4, 5)];
  const values = tasks.map((_, b) => Float64Array.of(b, 10));

  it('gathers every worker’s blocks back in block order', async () => {
    const logs = [newLog(), newLog()];
    const ev = await poolEvaluator(tasks, logs.map(fakePort));
    expect(ev.workers).toBe(2);
    const r = await ev.evaluate(values, { wantX: true });
    // Block b: (b + 1) · (b + 10), gradient b + 1 on both values, own column 42.
    expect(r.map((e) => e.objective)).toEqual([10, 22, 36, 52, 70]);
    expect(r.map((e) => Array.from(e.grad))).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
    expect(r.every((e) => e.ok && e.x?.[0] === 42)).toBe(true);
    // Equal blocks are dealt in turn: worker 0 solves 0, 2, 4 and worker 1 solves 1, 3.
    const evals = logs.map((l) => l.sent.find((m) => m.type === 'evaluate'));
    expect(evals.map((m) => (m?.type === 'evaluate' ? m.ids : []))).toEqual([
      [0, 2, 4],
      [1, 3],
    ]);
    expect(logs.map((l) => l.solves)).toEqual([3, 2]);
    // Without wantX no column values come back.
    expect((await ev.evaluate(values)).some((e) => e.x)).toBe(false);
    ev.dispose();
    await Promise.resolve();
    await Promise.resolve();
    expect(logs.map((l) => l.disposed)).toEqual([1, 1]);
  });

  it('runs passes one at a time, each with its own values', async () => {
    const ev = await poolEvaluator(tasks, [fakePort(newLog()), fakePort(newLog())]);
    const twice = values.map((v) => v.map((x) => 2 * x));
    const [a, b] = await Promise.all([ev.evaluate(values), ev.evaluate(twice)]);
    expect(a.map((e) => e.objective)).toEqual([10, 22, 36, 52, 70]);
    expect(b.map((e) => e.objective)).toEqual([20, 44, 72, 104, 140]);
    ev.dispose();
  });

  it('hands a set signal to the workers through the shared flag, and clears it for the next pass', async () => {
    const ev = await poolEvaluator(tasks, [fakePort(newLog()), fakePort(newLog())]);
    const stopped = await ev.evaluate(values, { signal: { aborted: true } });
    expect(stopped.every((e) => !e.ok && e.message === 'cancelled')).toBe(true);
    const again = await ev.evaluate(values, { signal: { aborted: false } });
    expect(again.every((e) => e.ok)).toBe(true);
    ev.dispose();
  });

  it('fails the pass of a worker that stops, and every later one', async () => {
    const ports = [fakePort(newLog()), fakePort(newLog())];
    const ev = await poolEvaluator(tasks, ports);
    const pass = ev.evaluate(values);
    ports[1].crash('exit code 1');
    await expect(pass).rejects.toThrow('a block worker stopped: exit code 1');
    await expect(ev.evaluate(values)).rejects.toThrow('exit code 1');
    ev.dispose();
  });

  it('fails a pass still running when the evaluator is disposed', async () => {
    const ev = await poolEvaluator(tasks, [fakePort(newLog()), fakePort(newLog())]);
    const pass = ev.evaluate(values);
    ev.dispose();
    await expect(pass).rejects.toThrow('the block evaluator was disposed');
  });

  it('fails a pass whose worker reports an error, e.g. an unknown block', async () => {
    const log = newLog();
    const port = fakePort(log);
    const ev = await poolEvaluator([task(7, 1)], [port]);
    // A worker that lost its sessions (a second init with no tasks) no longer knows block 7.
    port.postMessage({ type: 'init', tasks: [] });
    await new Promise((r) => setTimeout(r, 0));
    await expect(ev.evaluate([Float64Array.of(1, 1)])).rejects.toThrow('unknown block 7');
    ev.dispose();
  });

  it('starts no more workers than blocks and stops the spare ones', async () => {
    const logs = [newLog(), newLog(), newLog()];
    const ports = logs.map(fakePort);
    const ev = await poolEvaluator(tasks.slice(0, 2), ports);
    expect(ev.workers).toBe(2);
    expect(logs[2].sent).toHaveLength(0);
    expect((await ev.evaluate(values.slice(0, 2))).map((e) => e.objective)).toEqual([10, 22]);
    ev.dispose();
  });
});
