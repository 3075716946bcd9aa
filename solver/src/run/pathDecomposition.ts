import type { CancelSignal, LpSolution, SolverBackend, SolverSession } from '../lp/backend';
import { LpBuilder } from '../lp/model';
import { operatingCosts, type PathModel } from '../model/path';
import { capacityInPeriod } from '../results/pathResults';

/**
 * The path LP (model/path.ts) by Benders decomposition over the builds: for given builds every
 * period's capacities are fixed and the periods fall apart into independent single-year problems
 * (one kept in the solver per period, re-solved from its last basis). Their operating costs and
 * the reduced costs of the fixed capacities give one cut per period,
 *   θ_q ≥ D_q · (f_q(ĉ_q) + g_q · (cap_q − ĉ_q)),   cap_q = existing_q + Σ_{p in service at q} build_p,
 * and a master LP over the builds (investment + Σ θ_q) proposes the next builds inside a trust
 * region around the best so far. The blocks must carry priced slack (balances and targets), so
 * every build vector has a finite cost; at the optimum the slack is zero (checked by the caller).
 * Stops when the best cost and the master's lower bound are within `tolerance`.
 */
export interface PathDecomposition {
  builds: number[][];
  /** Each period's solution at the best builds (its own columns). */
  solutions: LpSolution[];
  lowerBound: number;
  upperBound: number;
  iterations: number;
  converged: boolean;
}

export async function solvePathByDecomposition(
  pm: PathModel,
  backend: SolverBackend,
  opts: {
    tolerance?: number;
    maxIterations?: number;
    signal?: CancelSignal;
    onIteration?: (gap: number) => void;
  } = {},
): Promise<PathDecomposition | null> {
  if (!backend.session || pm.aids.length) return null;
  const tolerance = opts.tolerance ?? 1e-6;
  const P = pm.blocks.length;
  const D = pm.dims;
  const n = D.length * P;
  // Local capacity column of each dimension in each block.
  const capCols = pm.blocks.map((b) => Int32Array.from(D, (d) => d.cap[b.info.index] - b.colOffset));
  const sessions: SolverSession[] = pm.blocks.map((b) => {
    const { cost, offset } = operatingCosts(b.built);
    return backend.session!({ ...b.built.model, colCost: cost, objectiveOffset: offset });
  });
  const peak = Math.max(
    1,
    ...pm.blocks.map((b) => Math.max(...b.built.demand.heat, ...b.built.demand.electricity)),
  );
  const ub = D.flatMap((d) =>
    pm.blocks.map((b, p) => {
      const u = pm.model.colUpper[d.build[p]];
      return Number.isFinite(u) ? u : Math.max(200 * peak, 10 * Math.max(...d.existing));
    }),
  );
  const capUpper = D.map((d) => pm.blocks.map((b) => pm.model.colUpper[d.cap[b.info.index]]));
  const cuts: { q: number; f: number; g: Float64Array; c: Float64Array }[] = [];
  const invest = D.flatMap((d) => d.investCoef);
  const split = (v: Float64Array) => D.map((_, i) => Array.from(v.subarray(i * P, (i + 1) * P)));
  try {
    const evaluate = (v: Float64Array) => {
      const builds = split(v);
      let total = 0;
      for (let i = 0; i < n; i++) total += invest[i] * v[i];
      const sols: LpSolution[] = [];
      for (const [q, b] of pm.blocks.entries()) {
        const caps = Float64Array.from(D, (d, i) => capacityInPeriod(d, builds[i], q));
        sessions[q].fixColumns(capCols[q], caps);
        const s = sessions[q].solve({ signal: opts.signal });
        if (!s.hasSolution || !s.colDual) return null;
        const w = b.info.operationDiscount;
        cuts.push({
          q,
          f: w * s.objective,
          g: Float64Array.from(capCols[q], (c) => w * s.colDual![c]),
          c: caps,
        });
        total += w * s.objective;
        sols.push(s);
      }
      return { total, sols };
    };
    const master = async (lo: Float64Array, hi: Float64Array) => {
      const m = new LpBuilder('path master');
      const x = Array.from({ length: n }, (_, i) => m.addCol(`b${i}`, lo[i], hi[i], invest[i]));
      const theta = pm.blocks.map((_, q) => m.addCol(`theta${q}`, -1e15, Infinity, 1));
      // cap_q = existing_q + Σ alive builds, within the capacity column's bounds
      const capExpr = (i: number, q: number) => {
        const cols: number[] = [];
        for (let p = 0; p <= q; p++) if (D[i].inService[p][q]) cols.push(x[i * P + p]);
        return cols;
      };
      D.forEach((d, i) =>
        pm.blocks.forEach((_, q) => {
          if (Number.isFinite(capUpper[i][q])) {
            const cols = capExpr(i, q);
            if (cols.length)
              m.addRow(
                `ub${i}_${q}`,
                cols,
                cols.map(() => 1),
                -Infinity,
                capUpper[i][q] - d.existing[q],
              );
          }
        }),
      );
      cuts.forEach((cut, k) => {
        // θ_q − Σ_i g_i · Σ_alive build ≥ f − Σ_i g_i · (ĉ_i − existing_i)
        let rhs = cut.f;
        const cols = [theta[cut.q]];
        const coefs = [1];
        D.forEach((d, i) => {
          rhs -= cut.g[i] * (cut.c[i] - d.existing[cut.q]);
          for (const c of capExpr(i, cut.q)) {
            cols.push(c);
            coefs.push(-cut.g[i]);
          }
        });
        m.addRow(`cut${k}`, cols, coefs, rhs, Infinity);
      });
      const s = await backend.solve(m.build());
      return s.hasSolution ? { value: s.objective, v: s.x.slice(0, n) } : null;
    };
    const lb = new Float64Array(n);
    const ubArr = Float64Array.from(ub);
    let best = new Float64Array(n);
    let bestEval = evaluate(best);
    if (!bestEval) return null;
    const radius = Float64Array.from(ubArr, (u) => Math.max(0.05 * u, 1));
    let lower = -Infinity;
    let iterations = 1;
    for (; iterations < (opts.maxIterations ?? 300); iterations++) {
      if (opts.signal?.aborted) break;
      const global = await master(lb, ubArr);
      if (global) lower = Math.max(lower, global.value);
      const upper = bestEval.total;
      opts.onIteration?.((upper - lower) / Math.abs(upper));
      if (upper - lower <= tolerance * Math.abs(upper)) break;
      const lo = Float64Array.from(best, (v, j) => Math.max(0, v - radius[j]));
      const hi = Float64Array.from(best, (v, j) => Math.min(ubArr[j], v + radius[j]));
      const step = await master(lo, hi);
      if (!step) break;
      const e = evaluate(step.v);
      if (!e) break;
      const predicted = bestEval.total - step.value;
      if (e.total < bestEval.total - 0.1 * predicted) {
        for (let j = 0; j < n; j++) if (Math.abs(step.v[j] - best[j]) >= 0.99 * radius[j]) radius[j] *= 2;
        best = Float64Array.from(step.v);
        bestEval = e;
      } else {
        for (let j = 0; j < n; j++) radius[j] = Math.max(radius[j] * 0.5, 1e-3);
      }
    }
    const final = evaluate(best) ?? bestEval;
    const upper = final.total;
    return {
      builds: split(best),
      solutions: final.sols,
      lowerBound: lower,
      upperBound: upper,
      iterations,
      converged: upper - lower <= tolerance * Math.abs(upper),
    };
  } finally {
    for (const s of sessions) s.dispose();
  }
}
