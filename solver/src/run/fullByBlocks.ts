import type { CancelSignal, SolveProgress, SolverBackend } from '../lp/backend';
import type { BuiltModel } from '../model/build';
import { evenBlocks, splitByTime, type BlockSplit } from './blocks';
import { localEvaluator, type BlockEvaluator, type BlockTask } from './blockEval';
import { solveByTimeDecomposition, type TimeDecompositionResult } from './timeDecomposition';

/** Block length of the time split: one week (ADR docs/decisions/time-decomposition.md). */
export const BLOCK_DAYS = 7;

export interface BlockRunOptions {
  tolerance?: number;
  maxIterations?: number;
  timeLimit_s?: number;
  blockDays?: number;
  onProgress?: (p: SolveProgress) => void;
  signal?: CancelSignal;
  /** Spreads the blocks over threads; default: all in this thread. */
  evaluator?: (tasks: BlockTask[]) => Promise<BlockEvaluator>;
}

/** The block tasks of a split, as handed to a thread. */
export function blockTasks(split: BlockSplit): BlockTask[] {
  const nLink = split.linkCols.length;
  return split.blocks.map((b, id) => ({
    id,
    model: b.model,
    ownCount: b.ownCols.length,
    linkLocal: b.linkLocal,
    allocLocal: Int32Array.from(
      Array.from(b.linkIndex.keys()).filter((k) => b.linkIndex[k] >= nLink),
      (k) => b.linkLocal[k],
    ),
  }));
}

/**
 * The exact full-year LP of `full` (built with priced slack) by time decomposition, started from an
 * aggregated (typical-day) solution when given: its capacities, and its storage levels at the block
 * boundaries (the inter-day level of the day that starts the next block); else from zero.
 */
export async function solveFullByBlocks(
  full: BuiltModel,
  start: { sizing: BuiltModel; x: Float64Array } | null,
  backend: SolverBackend,
  opts: BlockRunOptions = {},
): Promise<(TimeDecompositionResult & { split: BlockSplit; workers: number }) | null> {
  const steps = full.grid.hours.length;
  const blockSteps = 24 * (full.grid.stepsPerHour ?? 1) * (opts.blockDays ?? BLOCK_DAYS);
  if (steps < 3 * blockSteps) return null;
  const split = splitByTime(
    full.model,
    evenBlocks(steps, blockSteps),
    steps,
    full.options.slackPenalty_EUR_kWh,
  );
  const box = startBox(split, full, start);
  const tasks = blockTasks(split);
  const evaluator = opts.evaluator ? await opts.evaluator(tasks) : localEvaluator(tasks, backend);
  try {
    const r = await solveByTimeDecomposition(split, full.model, evaluator, backend, box, opts);
    return r ? { ...r, split, workers: evaluator.workers } : null;
  } finally {
    evaluator.dispose();
  }
}

/** A storage level column of a step (an hour, or a quarter hour; see stepLabel). */
const SOC = /^soc_(.+)\[t=(\d+)\]$/;

/** Start values, search box and trust-region radii of the linking values. */
function startBox(split: BlockSplit, full: BuiltModel, from: { sizing: BuiltModel; x: Float64Array } | null) {
  const m = full.model;
  const nL = split.linkCols.length + split.allocations.length;
  const start = new Float64Array(nL);
  const lower = new Float64Array(nL);
  const upper = new Float64Array(nL);
  const radius = new Float64Array(nL);
  let peak = 1;
  for (const d of Object.values(full.demand)) for (const v of d) peak = Math.max(peak, v);
  const byName = new Map(from?.sizing.model.colNames.map((n, j) => [n, j]));
  const inter = new Map(from?.sizing.ctx.storages.map((s) => [s.techId, s.interSoc]));
  const xs = from?.x ?? new Float64Array(0);
  split.linkCols.forEach((j, i) => {
    const name = m.colNames[j];
    const same = byName.get(name);
    const soc = SOC.exec(name);
    if (same !== undefined) start[i] = xs[same];
    else if (soc) {
      // The level at the end of step t is the inter-day level at the start of the next day.
      const days = inter.get(soc[1]);
      const perDay = 24 * (full.grid.stepsPerHour ?? 1);
      if (days) start[i] = xs[days[Math.floor((Number(soc[2]) + 1) / perDay) % days.length]];
    }
    lower[i] = m.colLower[j];
    // A finite box far above anything sensible: 200 h of the peak demand for a capacity, 10,000 h for a level (Annahme).
    upper[i] = Number.isFinite(m.colUpper[j])
      ? m.colUpper[j]
      : Math.max(10 * start[i], (soc ? 1e4 : 200) * peak);
    radius[i] = Math.max(0.1 * Math.abs(start[i]), 0.005 * (upper[i] - lower[i]), 1);
  });
  return { start, lower, upper, radius };
}
