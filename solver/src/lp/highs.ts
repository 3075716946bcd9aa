import highsLoader, { type Highs, type HighsCallbackMap, type ModelData } from 'highs';
import type { LpModel } from './model';
import {
  pollsDuringSolve,
  type LpBasis,
  type LpSolution,
  type SolveOptions,
  type SolveStatus,
  type SolverBackend,
  type SolverSession,
} from './backend';

/** HiGHS model status codes (highs.constants.modelStatus). */
const STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  unbounded: 10,
  timeLimit: 13,
  interrupted: 17,
} as const;

function toModelData(highs: Highs, m: LpModel): ModelData {
  const inf = highs.infinity;
  const clamp = (a: Float64Array) => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  return {
    numCols: m.colNames.length,
    numRows: m.rowNames.length,
    sense: highs.constants.objectiveSense.minimize,
    offset: m.objectiveOffset,
    colCost: m.colCost,
    colLower: clamp(m.colLower),
    colUpper: clamp(m.colUpper),
    rowLower: clamp(m.rowLower),
    rowUpper: clamp(m.rowUpper),
    matrix: {
      format: 'csr',
      numRows: m.rowNames.length,
      numCols: m.colNames.length,
      starts: m.rowStart,
      indices: m.colIndex,
      values: m.values,
    },
    integrality: m.colIntegrality ? Int32Array.from(m.colIntegrality) : undefined,
  };
}

/**
 * HiGHS compiled to WebAssembly (npm `highs`). The matrix passes as typed arrays (no LP text to
 * parse); one WASM instance lives as long as the backend and is reused for every solve, since
 * starting one costs ~0.8 s. Each solve's model is disposed afterwards so WASM memory is returned.
 */
export async function createHighsBackend(): Promise<SolverBackend> {
  let highs: Highs | null = await highsLoader();

  return {
    name: 'highs',
    // eslint-disable-next-line @typescript-eslint/require-await -- async: a failure rejects, never throws
    async solve(model: LpModel, options: SolveOptions = {}): Promise<LpSolution> {
      if (!highs) throw new Error('HiGHS backend was disposed');
      const h = highs;
      const t0 = performance.now();
      const elapsed = () => (performance.now() - t0) / 1000;
      const mip = model.colIntegrality?.some((v) => v === 1) ?? false;
      if (options.signal?.aborted) return empty('cancelled', 0, 'cancelled before start');
      const hm = h.createModel(toModelData(h, model));
      try {
        hm.options.set({
          output_flag: false,
          presolve: 'on',
          solver: options.algorithm === 'ipm' && !mip ? 'ipm' : 'simplex',
          simplex_strategy: 1, // dual simplex: fastest on these models (shared/cases/reference-hub/SOLVERS.md)
          simplex_dual_edge_weight_strategy: options.pricing === 'devex' ? 1 : -1, // -1: HiGHS chooses
          time_limit: options.timeLimit_s ?? 1e9,
          mip_rel_gap: options.mipGap ?? 1e-4,
        });
        let interrupted = false;
        const shouldStop = () => {
          if (options.signal?.aborted) interrupted = true;
          return interrupted;
        };
        let lastReport = -1;
        const callbacks: HighsCallbackMap = {
          [h.constants.callbackType.simplexInterrupt]: (event) => {
            if (shouldStop()) event.interrupt();
            const t = elapsed();
            if (options.onProgress && t - lastReport >= 0.5) {
              lastReport = t;
              options.onProgress({ phase: 'simplex', elapsed_s: t });
            }
            return undefined;
          },
          [h.constants.callbackType.mipInterrupt]: (event) => {
            if (shouldStop()) event.interrupt();
            const t = elapsed();
            if (options.onProgress && t - lastReport >= 0.5) {
              lastReport = t;
              options.onProgress({
                phase: 'branchAndBound',
                elapsed_s: t,
                mipGap: event.data.mip_gap,
                bestBound: event.data.mip_dual_bound,
                incumbent: event.data.mip_primal_bound,
              });
            }
            return undefined;
          },
        };
        // HiGHS calls the simplex callback on every iteration, and each call costs the binding ~20–30 µs
        // (it decodes the event's message and data): the hub's full-year check, 48,839 iterations, took
        // 5.7 s with it against 4.2–5.0 s without (2026-12-07). So it is registered only when a signal
        // can cancel the solve; its progress events said no more than the elapsed time, which callers
        // show from their own clocks. Branch and bound reports per node, far less often.
        const types = h.constants.callbackType;
        const polls = pollsDuringSolve(options.signal);
        const wanted: HighsCallbackMap = {
          ...(polls ? { [types.simplexInterrupt]: callbacks[types.simplexInterrupt] } : {}),
          ...(mip && (polls || options.onProgress)
            ? { [types.mipInterrupt]: callbacks[types.mipInterrupt] }
            : {}),
        };
        const run = hm.run(Object.keys(wanted).length ? wanted : undefined);
        const code = run.modelStatus as number;
        const seconds = elapsed();
        const status = statusOfRun(code, options.signal?.aborted ?? false);
        if (!status) return empty('error', seconds, `HiGHS model status ${code}`);

        // A time limit or interruption keeps the incumbent only when one exists (MIP primal solution).
        let hasSolution = status === 'optimal';
        let mipGap: number | undefined = status === 'optimal' && !mip ? 0 : undefined;
        if (mip && status !== 'infeasible' && status !== 'unbounded') {
          const primal = Number(hm.info.get('primal_solution_status'));
          hasSolution = primal === 2; // kSolutionStatusFeasible
          const gap = Number(hm.info.get('mip_gap'));
          mipGap = Number.isFinite(gap) ? gap : undefined;
        }
        if (!hasSolution) return { ...empty(status, seconds), mipGap };
        const sol = hm.getSolution();
        return {
          status,
          hasSolution: true,
          objective: hm.getObjectiveValue(),
          x: Float64Array.from(sol.colValue),
          rowDual: mip ? undefined : Float64Array.from(sol.rowDual),
          mipGap,
          seconds,
          solver: 'highs',
        };
      } catch (err) {
        // After a WASM abort the instance is unusable: drop it so the next solve starts fresh.
        if (err instanceof Error && /abort/i.test(err.message)) highs = null;
        throw err;
      } finally {
        if (!hm.disposed) hm.dispose();
      }
    },
    session(model: LpModel): SolverSession {
      if (!highs) throw new Error('HiGHS backend was disposed');
      return highsSession(highs, model);
    },
    memory_bytes() {
      return highs?.memoryBytes ?? 0;
    },
    dispose() {
      highs = null;
    },
  };
}

/** A model kept in HiGHS between solves: bounds change, the next solve starts from the last basis. */
function highsSession(h: Highs, model: LpModel): SolverSession {
  const hm = h.createModel(toModelData(h, model));
  const inf = h.infinity;
  const clamp = (a: Float64Array) => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const setBounds = (cols: Int32Array, lower: Float64Array, upper: Float64Array) => {
    hm.changeColsBounds({ kind: 'set', indices: cols }, clamp(lower), clamp(upper));
  };
  // The first solve uses presolve; later ones start from the previous basis, where presolve would only cost time.
  hm.options.set({ output_flag: false, presolve: 'on', solver: 'simplex', simplex_strategy: 1 });
  let first = true;
  // What HiGHS holds now (column bounds as set by update; fixColumns/setColumnBounds are not tracked
  // here, so update sets every column's bounds), and the offset it was created with.
  const held = {
    ...model,
    colCost: Float64Array.from(model.colCost),
    values: Float64Array.from(model.values),
  };
  let offsetShift = 0;
  return {
    fixColumns(cols, values) {
      setBounds(cols, values, values);
    },
    setColumnBounds: setBounds,
    update(next: LpModel) {
      if (!sameStructure(held, next)) return false;
      const costCols: number[] = [];
      for (let j = 0; j < next.colCost.length; j++) if (held.colCost[j] !== next.colCost[j]) costCols.push(j);
      if (costCols.length)
        hm.changeColsCost(
          { kind: 'set', indices: costCols },
          Float64Array.from(costCols, (j) => next.colCost[j]),
        );
      setBounds(Int32Array.from(next.colLower.keys()), next.colLower, next.colUpper);
      const rows: number[] = [];
      for (let i = 0; i < next.rowLower.length; i++)
        if (held.rowLower[i] !== next.rowLower[i] || held.rowUpper[i] !== next.rowUpper[i]) rows.push(i);
      if (rows.length)
        hm.changeRowsBounds(
          { kind: 'set', indices: rows },
          clamp(Float64Array.from(rows, (i) => next.rowLower[i])),
          clamp(Float64Array.from(rows, (i) => next.rowUpper[i])),
        );
      for (let r = 0; r + 1 < next.rowStart.length; r++)
        for (let k = next.rowStart[r]; k < next.rowStart[r + 1]; k++)
          if (held.values[k] !== next.values[k]) hm.changeCoefficient(r, next.colIndex[k], next.values[k]);
      offsetShift = next.objectiveOffset - model.objectiveOffset;
      held.colCost.set(next.colCost);
      held.values.set(next.values);
      held.rowLower = next.rowLower;
      held.rowUpper = next.rowUpper;
      return true;
    },
    solve(options: SolveOptions = {}) {
      const t0 = performance.now();
      if (options.signal?.aborted) return empty('cancelled', 0, 'cancelled before start');
      hm.options.set({
        time_limit: options.timeLimit_s ?? 1e9,
        simplex_dual_edge_weight_strategy: options.pricing === 'devex' ? 1 : -1, // -1: HiGHS chooses
      });
      if (!first) hm.options.set({ presolve: 'off' });
      first = false;
      const { signal, onProgress } = options;
      let lastReport = -1;
      // Only with a signal that must be polled: HiGHS calls back on every simplex iteration (see the backend's solve).
      const code = hm.run(
        pollsDuringSolve(signal)
          ? {
              [h.constants.callbackType.simplexInterrupt]: (event) => {
                if (signal?.aborted) event.interrupt();
                const t = (performance.now() - t0) / 1000;
                if (onProgress && t - lastReport >= 0.5) {
                  lastReport = t;
                  onProgress({ phase: 'simplex', elapsed_s: t });
                }
                return undefined;
              },
            }
          : undefined,
      ).modelStatus as number;
      // An interrupt without a cancel is HiGHS's own time limit.
      if (code === STATUS.interrupted)
        return empty(signal?.aborted ? 'cancelled' : 'time_limit', (performance.now() - t0) / 1000);
      const seconds = (performance.now() - t0) / 1000;
      if (code !== STATUS.optimal)
        return empty(
          code === STATUS.infeasible ? 'infeasible' : code === STATUS.timeLimit ? 'time_limit' : 'error',
          seconds,
          `HiGHS model status ${code}`,
        );
      const sol = hm.getSolution();
      return {
        status: 'optimal',
        hasSolution: true,
        objective: hm.getObjectiveValue() + offsetShift,
        x: Float64Array.from(sol.colValue),
        rowDual: Float64Array.from(sol.rowDual),
        colDual: Float64Array.from(sol.colDual),
        mipGap: 0,
        seconds,
        solver: 'highs',
      };
    },
    basis() {
      if (first) return undefined;
      const b = hm.getBasis();
      return { colStatus: Int8Array.from(b.colStatus), rowStatus: Int8Array.from(b.rowStatus) };
    },
    setBasis(basis: LpBasis) {
      const status = (a: Int8Array) => Int32Array.from(a);
      try {
        hm.setBasis({ colStatus: status(basis.colStatus), rowStatus: status(basis.rowStatus) });
      } catch {
        return false;
      }
      first = false; // a start basis: presolve would throw it away
      return true;
    },
    dispose() {
      if (!hm.disposed) hm.dispose();
    },
  };
}

/** Same rows, columns and nonzero pattern (entries in the same order). */
function sameStructure(a: LpModel, b: LpModel): boolean {
  if (a.colNames.length !== b.colNames.length || a.rowStart.length !== b.rowStart.length) return false;
  if (a.colIndex.length !== b.colIndex.length) return false;
  if (!!a.colIntegrality !== !!b.colIntegrality) return false;
  for (let i = 0; i < a.rowStart.length; i++) if (a.rowStart[i] !== b.rowStart[i]) return false;
  for (let k = 0; k < a.colIndex.length; k++) if (a.colIndex[k] !== b.colIndex[k]) return false;
  return true;
}

/**
 * A run's model status as the backends say it; null for any other status (an error). An interrupt
 * is a cancel when the caller's signal asked for it, else HiGHS's own time limit.
 */
function statusOfRun(code: number, aborted: boolean): SolveStatus | null {
  if (code === STATUS.optimal) return 'optimal';
  if (code === STATUS.infeasible || code === STATUS.unboundedOrInfeasible) return 'infeasible';
  if (code === STATUS.unbounded) return 'unbounded';
  if (code === STATUS.timeLimit) return 'time_limit';
  if (code === STATUS.interrupted) return aborted ? 'cancelled' : 'time_limit';
  return null;
}

function empty(status: SolveStatus, seconds: number, message?: string): LpSolution {
  return {
    status,
    hasSolution: false,
    objective: NaN,
    x: new Float64Array(0),
    seconds,
    solver: 'highs',
    message,
  };
}
