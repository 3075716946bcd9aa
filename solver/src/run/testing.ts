import { boiler, heatStorage, testProject } from '../model/testing';
import type { Project } from '../project/types';
import type { SolverBackend } from '../lp/backend';
import type { LpModel } from '../lp/model';
import { blockWorkerHandler, type BlockPort, type FromBlockWorker, type ToBlockWorker } from './blockPool';
import type { LpPool } from './lpPool';

/**
 * A gas boiler, an electric boiler on a day/night tariff and a heat storage that shifts cheap night
 * electricity into the day, so storage levels link the days; optionally a CO2 cap that links all hours
 * through one annual row. `heat` gives the demand of each hour (the series' length: 96 h or a year).
 */
export function dayNightStorage(heat: number[], co2Cap_t: number | undefined, loss_per_h: number): Project {
  const price = heat.map((_, h) => (h % 24 < 6 ? 0.04 : 0.3));
  const p = testProject({
    heat,
    gasPrice: 0.08,
    gridImport: { price, co2: 0.4 },
    technologies: [
      boiler('gb', 0.9, 2),
      { ...boiler('eb', 0.99, 1), type: 'electricBoiler', fuel: undefined } as never,
      heatStorage('tes', 0.05, { cRate_per_h: 0.5, loss_per_h }),
    ],
  });
  if (co2Cap_t !== undefined) p.constraints = { co2Cap_t };
  return p;
}

/** Four days of {@link dayNightStorage}, each 20 kW above the one before. */
export function fourDays(co2Cap_t?: number): Project {
  const heat = Array.from(
    { length: 96 },
    (_, h) => 100 + 60 * Math.sin((2 * Math.PI * h) / 24) + 20 * Math.floor(h / 24),
  );
  return dayNightStorage(heat, co2Cap_t, 0.01);
}

/** Largest violation of any row of `m` at `x`. */
export function maxViolation(m: LpModel, x: Float64Array): number {
  let worst = 0;
  for (let r = 0; r < m.rowNames.length; r++) {
    let a = 0;
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) a += m.values[k] * x[m.colIndex[k]];
    worst = Math.max(worst, m.rowLower[r] - a, a - m.rowUpper[r]);
  }
  return worst;
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
