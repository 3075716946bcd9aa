import { boiler, heatStorage, testProject } from '../model/testing';
import type { Project } from '../project/types';
import type { SolverBackend } from '../lp/backend';
import { blockWorkerHandler, type BlockPort, type FromBlockWorker, type ToBlockWorker } from './blockPool';
import type { LpPool } from './lpPool';

/**
 * Four days: a gas boiler, an electric boiler on a day/night tariff and a heat storage that shifts
 * cheap night electricity into the day, so storage levels link the days; optionally a CO2 cap that
 * links all hours through one annual row.
 */
export function fourDays(co2Cap_t?: number): Project {
  const heat = Array.from(
    { length: 96 },
    (_, h) => 100 + 60 * Math.sin((2 * Math.PI * h) / 24) + 20 * Math.floor(h / 24),
  );
  const price = Array.from({ length: 96 }, (_, h) => (h % 24 < 6 ? 0.04 : 0.3));
  const p = testProject({
    heat,
    gasPrice: 0.08,
    gridImport: { price, co2: 0.4 },
    technologies: [
      boiler('gb', 0.9, 2),
      { ...boiler('eb', 0.99, 1), type: 'electricBoiler', fuel: undefined } as never,
      heatStorage('tes', 0.05, { cRate_per_h: 0.5, loss_per_h: 0.01 }),
    ],
  });
  if (co2Cap_t !== undefined) p.constraints = { co2Cap_t };
  return p;
}

/**
 * A block worker in this thread for pool tests: the worker's handler over `backend` behind a port,
 * messages cloned (and transferred) as between threads. `sent` lists what the pool posted; `crash`
 * stops the worker as a failing thread would.
 */
export function inThreadPort(
  backend: () => SolverBackend,
  sent: ToBlockWorker[] = [],
): BlockPort & { sent: ToBlockWorker[]; crash: (reason: string) => void } {
  let onMsg: (m: FromBlockWorker) => void = () => undefined;
  let onFail: (r: string) => void = () => undefined;
  let alive = true;
  const handle = blockWorkerHandler(
    (msg, transfer) => queueMicrotask(() => alive && onMsg(structuredClone(msg, { transfer }))),
    () => Promise.resolve(backend()),
  );
  return {
    sent,
    postMessage: (msg, transfer) => {
      sent.push(msg);
      const copy = structuredClone(msg, { transfer });
      queueMicrotask(() => void handle(copy));
    },
    onMessage: (h) => (onMsg = h),
    onFailure: (h) => (onFail = h),
    terminate: () => (alive = false),
    crash: (r) => {
      alive = false;
      onFail(r);
    },
  };
}

/** An LP pool of two whose workers have failed (every solve rejects), counting how often it is disposed. */
export function failingLpPool(): { factory: () => Promise<LpPool>; disposed: () => number } {
  let disposed = 0;
  const pool: LpPool = {
    workers: 2,
    solve: () => Promise.reject(new Error('a solver worker stopped: out of memory')),
    dispose: () => void (disposed += 1),
  };
  return { factory: () => Promise.resolve(pool), disposed: () => disposed };
}
