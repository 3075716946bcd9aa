import { pollsDuringSolve, type CancelSignal, type LpSolution } from '../lp/backend';
import type { LpModel } from '../lp/model';
import { copyModel, type BlockPort, type FromBlockWorker, type PoolSolveOptions } from './blockPool';

/**
 * Independent LPs solved in parallel: a transformation path's full-year checks, one per period.
 * Each worker (a {@link BlockPort}: a worker thread in the CLI, a Web Worker in the planner) keeps
 * its own HiGHS-WASM instance and takes the next waiting LP as soon as it is free, so a slow LP does
 * not hold back the others. The platform files make the ports (blockPool.node.ts, blockPool.web.ts).
 */
export interface LpPool {
  readonly workers: number;
  /**
   * Solves `model` from scratch on the next free worker; the caller's model stays intact. `onStart`
   * is told the worker's number (from 1) when the LP leaves the queue.
   */
  solve(model: LpModel, opts?: JobOptions): Promise<LpSolution>;
  /** Stops every worker; LPs still waiting or running are rejected. A second call does nothing. */
  dispose(): void;
}

/** Makes a pool for `jobs` LPs, or nothing where parallel solving would not pay (one core, one LP). */
export type LpPoolFactory = (jobs: number) => Promise<LpPool | undefined>;

type JobOptions = PoolSolveOptions & { signal?: CancelSignal; onStart?: (worker: number) => void };

interface Job {
  model: LpModel;
  opts: JobOptions;
  resolve: (s: LpSolution) => void;
  reject: (e: Error) => void;
}

interface Slot {
  port: BlockPort;
  /** Element 0 is 1 while the worker's current LP is cancelled (plain memory without SharedArrayBuffer). */
  flag: Int32Array;
  job?: Job & { seq: number; timer?: ReturnType<typeof setInterval> };
  dead?: string;
}

/** How often the pool copies a running LP's signal into its worker's flag (ms). */
const CANCEL_POLL_MS = 10;

/**
 * An {@link LpPool} over `ports`: every port gets an empty block list and a cancel flag of its own
 * (init), then LPs one at a time. Resolves once every worker has started its solver; a worker that
 * fails rejects its running LP, and the pool carries on with the others (with none left, every
 * waiting LP is rejected).
 */
export async function poolSolver(ports: BlockPort[]): Promise<LpPool> {
  const shared = typeof SharedArrayBuffer !== 'undefined';
  const slots: Slot[] = ports.map((port) => ({
    port,
    flag: new Int32Array(shared ? new SharedArrayBuffer(4) : new ArrayBuffer(4)),
  }));
  const waiting: Job[] = [];
  let seq = 0;
  let disposed: string | undefined;

  const release = (slot: Slot) => {
    const job = slot.job;
    clearInterval(job?.timer);
    slot.job = undefined;
    return job;
  };
  const next = () => {
    for (const [k, slot] of slots.entries()) {
      if (slot.dead || slot.job || !waiting.length) continue;
      const job = waiting.shift()!;
      const signal = job.opts.signal;
      Atomics.store(slot.flag, 0, signal?.aborted ? 1 : 0);
      const timer = signal
        ? setInterval(() => signal.aborted && Atomics.store(slot.flag, 0, 1), CANCEL_POLL_MS)
        : undefined;
      slot.job = { ...job, seq: ++seq, timer };
      const transfer: ArrayBuffer[] = [];
      const model = copyModel(job.model, transfer);
      const { algorithm, timeLimit_s, pricing, start } = job.opts;
      const options: PoolSolveOptions = {
        algorithm,
        timeLimit_s,
        pricing,
        start,
        cancellable: pollsDuringSolve(signal),
      };
      slot.port.postMessage({ type: 'solve', seq, model, options }, transfer);
      job.opts.onStart?.(k + 1);
    }
    if (waiting.length && slots.every((s) => s.dead)) {
      const reason = slots[0]?.dead ?? 'no worker';
      for (const job of waiting.splice(0)) job.reject(new Error(reason));
    }
  };
  const fail = (slot: Slot, reason: string) => {
    slot.dead ??= reason;
    release(slot)?.reject(new Error(reason));
    next();
  };

  const ready = slots.map(
    (slot) =>
      new Promise<void>((resolve, reject) => {
        slot.port.onFailure((reason) => {
          const message = `a solver worker stopped: ${reason}`;
          fail(slot, message);
          reject(new Error(message));
        });
        slot.port.onMessage((msg: FromBlockWorker) => {
          if (msg.type === 'ready') return resolve();
          if (msg.type === 'error' && msg.seq === undefined) return reject(new Error(msg.message));
          if ((msg.type !== 'solved' && msg.type !== 'error') || msg.seq !== slot.job?.seq) return;
          const job = release(slot)!;
          if (msg.type === 'solved') job.resolve(msg.solution);
          else job.reject(new Error(msg.message));
          next();
        });
        slot.port.postMessage({
          type: 'init',
          tasks: [],
          cancelFlag: shared ? (slot.flag.buffer as SharedArrayBuffer) : undefined,
        });
      }),
  );
  try {
    await Promise.all(ready);
  } catch (err) {
    for (const s of slots) s.port.terminate();
    throw err;
  }

  return {
    workers: slots.length,
    solve: (model, opts = {}) =>
      new Promise<LpSolution>((resolve, reject) => {
        if (disposed) return reject(new Error(disposed));
        waiting.push({ model, opts, resolve, reject });
        next();
      }),
    dispose() {
      if (disposed) return;
      disposed = 'the solver pool was disposed';
      for (const job of waiting.splice(0)) job.reject(new Error(disposed));
      for (const slot of slots) {
        slot.dead ??= disposed;
        release(slot)?.reject(new Error(disposed));
        slot.port.postMessage({ type: 'dispose' });
        slot.port.terminate();
      }
    },
  };
}
