import { LpBuilder, type LpModel } from '../lp/model';
import type { CancelSignal, SolveProgress, SolverBackend } from '../lp/backend';
import type { BlockSplit } from './blocks';
import type { BlockEvaluation, BlockEvaluator } from './blockEval';

export interface TimeDecompositionResult {
  /** Column values of the full model (linking values and every block's own columns). */
  x: Float64Array;
  objective: number;
  /** Proven bounds on the optimum of the full-year LP (within the search box, see `box`). */
  lowerBound: number;
  upperBound: number;
  iterations: number;
  converged: boolean;
  cancelled: boolean;
  /** Seconds spent in the block solves (summed over workers) and in the master. */
  blockSeconds: number;
  masterSeconds: number;
}

export interface TimeDecompositionOptions {
  /** Relative gap between the proven bounds at which to stop (default 1e-6). */
  tolerance?: number;
  maxIterations?: number;
  timeLimit_s?: number;
  /** At most this many iterations after the start (a refinement); default: until converged. */
  onProgress?: (p: SolveProgress) => void;
  signal?: CancelSignal;
}

interface Cut {
  f: number;
  g: Float64Array;
  at: Float64Array;
}

/**
 * Benders decomposition of the full-year LP over time blocks (see blocks.ts): the master carries the
 * linking values z (capacities, storage levels at block boundaries, shares of annual rows) and one
 * cost estimate θ_b per block,
 *
 *   min  c·z + Σ_b θ_b   s.t.  master rows over z,
 *        θ_b ≥ f_b(z^k) + g_b^k·(z_b − z_b^k)   for every block b and visited point k,
 *
 * where f_b(z) is block b's dispatch cost for fixed z and g_b its reduced costs on the fixed columns
 * (a subgradient, since f_b is convex in z). The master's optimum over the search box is a lower
 * bound of the LP; every evaluated z gives an upper bound. Steps are taken inside a box trust region
 * around the best z so far (serious step when the actual decrease reaches a tenth of the predicted
 * one; otherwise the region shrinks), which keeps the many boundary levels from oscillating.
 *
 * The block models must carry priced slack on their balances so that every z has a finite cost.
 */
export async function solveByTimeDecomposition(
  split: BlockSplit,
  full: LpModel,
  evaluator: BlockEvaluator,
  backend: SolverBackend,
  box: { lower: Float64Array; upper: Float64Array; start: Float64Array; radius: Float64Array },
  opts: TimeDecompositionOptions = {},
): Promise<TimeDecompositionResult | null> {
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;
  const tolerance = opts.tolerance ?? 1e-6;
  const maxIterations = opts.maxIterations ?? 500;
  const B = split.blocks.length;
  const nL = box.start.length;
  const cost = new Float64Array(nL);
  split.linkCols.forEach((j, i) => (cost[i] = full.colCost[j]));
  const cuts: Cut[][] = Array.from({ length: B }, () => []);
  let blockSeconds = 0;
  let masterSeconds = 0;

  const evaluate = async (z: Float64Array, wantX = false) => {
    const values = split.blocks.map((bl) => Float64Array.from(bl.linkIndex, (i) => z[i]));
    const evs = await evaluator.evaluate(values, { wantX, signal: opts.signal });
    for (const e of evs) blockSeconds += e.seconds;
    if (evs.some((e) => !e.ok)) return null;
    let total = full.objectiveOffset;
    for (let i = 0; i < nL; i++) total += cost[i] * z[i];
    evs.forEach((e, b) => {
      total += e.objective;
      cuts[b].push({ f: e.objective, g: e.grad, at: values[b] });
    });
    return { total, evs };
  };
  const master = async (lo: Float64Array, hi: Float64Array) => {
    const t = performance.now();
    const s = await backend.solve(masterModel(split, cost, full.objectiveOffset, cuts, lo, hi));
    masterSeconds += (performance.now() - t) / 1000;
    return s.hasSolution ? { value: s.objective, z: s.x.slice(0, nL) } : null;
  };

  if (split.allocations.length) {
    const startEvs = await evaluator.evaluate(
      split.blocks.map((bl) => Float64Array.from(bl.linkIndex, (i) => box.start[i])),
      { free: true, signal: opts.signal },
    );
    if (startEvs.some((e) => !e.ok || !e.x)) return null;
    for (const e of startEvs) blockSeconds += e.seconds;
    startAllocations(split, full, startEvs, box);
  }
  let best = Float64Array.from(box.start, (v, i) => Math.min(box.upper[i], Math.max(box.lower[i], v)));
  let bestEval = await evaluate(best);
  if (!bestEval) return null;
  const radius = Float64Array.from(box.radius);
  let lower = -Infinity;
  let iterations = 1;
  let cancelled = false;
  for (; iterations < maxIterations; iterations++) {
    if (opts.signal?.aborted) {
      cancelled = true;
      break;
    }
    if (opts.timeLimit_s !== undefined && elapsed() > opts.timeLimit_s) break;
    const global = await master(box.lower, box.upper);
    if (global) lower = Math.max(lower, global.value);
    const upper = bestEval.total;
    opts.onProgress?.({
      phase: 'decomposition',
      elapsed_s: elapsed(),
      mipGap: (upper - lower) / Math.abs(upper),
      bestBound: lower,
      incumbent: upper,
    });
    if (upper - lower <= tolerance * Math.abs(upper)) break;
    // The next point: the cut model's minimum within a box around the best point so far.
    const lo = Float64Array.from(best, (v, i) => Math.max(box.lower[i], v - radius[i]));
    const hi = Float64Array.from(best, (v, i) => Math.min(box.upper[i], v + radius[i]));
    const step = await master(lo, hi);
    if (!step) break;
    const next = await evaluate(step.z);
    if (!next) {
      if (opts.signal?.aborted) cancelled = true;
      break;
    }
    const predicted = bestEval.total - step.value;
    if (next.total < bestEval.total - 0.1 * predicted) {
      // Serious step: move, and widen the region where the step reached its edge.
      for (let i = 0; i < nL; i++) if (Math.abs(step.z[i] - best[i]) >= 0.99 * radius[i]) radius[i] *= 2;
      best = Float64Array.from(step.z);
      bestEval = next;
    } else {
      // Null step: the new cuts improve the model; shrink the region.
      for (let i = 0; i < nL; i++) radius[i] = Math.max(radius[i] * 0.5, 1e-6 * box.radius[i]);
    }
  }
  // The dispatch of the best point: re-solve its blocks (warm) with their column values.
  const final = cancelled ? null : await evaluate(best, true);
  const chosen = final ?? bestEval;
  const x = new Float64Array(full.colNames.length);
  split.linkCols.forEach((j, i) => (x[j] = best[i]));
  chosen.evs.forEach((e, b) => {
    const own = split.blocks[b].ownCols;
    if (e.x) for (let k = 0; k < own.length; k++) x[own[k]] = e.x[k];
  });
  const upper = chosen.total;
  return {
    x,
    objective: upper,
    lowerBound: lower,
    upperBound: upper,
    iterations,
    converged: upper - lower <= tolerance * Math.abs(upper),
    cancelled,
    blockSeconds,
    masterSeconds,
  };
}

/**
 * Start values of the allocations: each block's share of an annual row as the block would use it on
 * its own (`free` evaluation), moved in proportion to the shares until the annual row holds. The search
 * box is a hundred times the row's total magnitude (Annahme: no block needs more than that).
 */
function startAllocations(
  split: BlockSplit,
  full: LpModel,
  evs: BlockEvaluation[],
  box: { lower: Float64Array; upper: Float64Array; start: Float64Array; radius: Float64Array },
): void {
  const nLink = split.linkCols.length;
  const colValue = new Map<number, number>();
  evs.forEach((e, b) => split.blocks[b].ownCols.forEach((j, k) => colValue.set(j, e.x![k])));
  const part = split.allocations.map(({ row }) => {
    let v = 0;
    for (let k = full.rowStart[row]; k < full.rowStart[row + 1]; k++)
      v += full.values[k] * (colValue.get(full.colIndex[k]) ?? 0);
    return v;
  });
  // Per annual row: the blocks' parts, then the shift that makes the row hold.
  const byRow = new Map<number, number[]>();
  split.allocations.forEach(({ row }, a) => byRow.set(row, [...(byRow.get(row) ?? []), a]));
  for (const [row, as] of byRow) {
    const master = split.masterRows.find((r) => r.index.includes(nLink + as[0]))!;
    let linkPart = 0;
    master.index.forEach((i, k) => (linkPart += i < nLink ? master.coef[k] * box.start[i] : 0));
    const total = as.reduce((t, a) => t + part[a], 0) + linkPart;
    const magnitude = as.reduce((t, a) => t + Math.abs(part[a]), 0);
    const excess =
      total > full.rowUpper[row]
        ? total - full.rowUpper[row]
        : total < full.rowLower[row]
          ? total - full.rowLower[row]
          : 0;
    const rhs = Math.max(
      Number.isFinite(full.rowUpper[row]) ? Math.abs(full.rowUpper[row]) : 0,
      Number.isFinite(full.rowLower[row]) ? Math.abs(full.rowLower[row]) : 0,
    );
    for (const a of as) {
      const i = nLink + a;
      const share = magnitude > 0 ? Math.abs(part[a]) / magnitude : 1 / as.length;
      box.start[i] = part[a] - excess * share;
      box.upper[i] = 100 * (magnitude + rhs) + 1;
      box.lower[i] = -box.upper[i];
      box.radius[i] = Math.max(0.1 * Math.abs(box.start[i]), 1e-3 * (magnitude + rhs), 1e-6);
    }
  }
}

/** The master LP: linking values z (first), one θ per block, the master rows and the cuts. */
function masterModel(
  split: BlockSplit,
  cost: Float64Array,
  offset: number,
  cuts: Cut[][],
  lo: Float64Array,
  hi: Float64Array,
): LpModel {
  const b = new LpBuilder('time decomposition master');
  const z = Array.from(lo, (l, i) => b.addCol(`z${i}`, l, hi[i], cost[i]));
  const theta = split.blocks.map((_, k) => b.addCol(`theta${k}`, -Infinity, Infinity, 1));
  b.objectiveOffset = offset;
  for (const r of split.masterRows)
    b.addRow(
      r.name,
      Array.from(r.index, (i) => z[i]),
      Array.from(r.coef),
      r.lower,
      r.upper,
    );
  split.blocks.forEach((bl, k) => {
    cuts[k].forEach((cut, n) => {
      // θ_b − g·z_b ≥ f − g·z_b^k
      let rhs = cut.f;
      const cols = [theta[k]];
      const vals = [1];
      for (let i = 0; i < bl.linkIndex.length; i++) {
        if (cut.g[i] === 0) continue;
        rhs -= cut.g[i] * cut.at[i];
        cols.push(z[bl.linkIndex[i]]);
        vals.push(-cut.g[i]);
      }
      b.addRow(`cut${k}_${n}`, cols, vals, rhs, Infinity);
    });
  });
  return b.build();
}

export type { BlockEvaluation };
