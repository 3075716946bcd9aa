import type { CancelSignal, SolveProgress, SolverBackend } from '../lp/backend';
import { buildModel, type BuildOptions, type BuiltModel } from '../model/build';
import { heldAtZero, solveSizingLp } from './candidatePricing';
import type { Project } from '../project/types';
import { readResults } from '../results/results';
import { solverMessage } from '../results/messages';
import { solveByCapacityDecomposition, type DecompositionResult } from './decomposition';
import { solveFullByBlocks } from './fullByBlocks';
import type { BlockEvaluator, BlockTask } from './blockEval';
import { addMessage, failure } from './outcome';
import { sizedCapacities } from './capacities';
import type { SolveOutcome } from './solve';

/** Slack price for the decomposition's subproblems: far above any marginal cost of energy or capacity. */
const SLACK_PENALTY_EUR_KWH = 1e4;

export interface FullModeOptions {
  timeLimit_s?: number;
  onProgress?: (p: SolveProgress) => void;
  signal?: CancelSignal;
  maxIterations?: number;
  /** Time blocks instead of capacities (true: blocks in this thread). */
  blocks?: true | ((tasks: BlockTask[]) => Promise<BlockEvaluator>);
}

/**
 * The exact full-year LP via {@link solveByCapacityDecomposition} (or the time blocks); an early stop
 * gives its plan with the proven gap. Null when it cannot start or its plan leaves demand unmet
 * (then the caller solves the LP whole and says so).
 */
export async function fullByDecomposition(
  project: Project,
  base: BuildOptions,
  backend: SolverBackend,
  opts: FullModeOptions,
): Promise<SolveOutcome | null> {
  const sizingOptions: BuildOptions = { ...base, mode: 'aggregated', milp: false };
  const sizing = buildModel(project, sizingOptions);
  const s0 = await solveSizingLp(sizing, project, sizingOptions, backend, {
    timeLimit_s: opts.timeLimit_s,
    signal: opts.signal,
    onProgress: opts.onProgress && ((p) => opts.onProgress!({ ...p, phase: 'sizing' })),
  });
  if (!s0.hasSolution) return null;
  const full = buildModel(project, { ...base, mode: 'full', slackPenalty_EUR_kWh: SLACK_PENALTY_EUR_KWH });
  const start = sizedCapacities(full, sizing, s0.x);
  const d = opts.blocks
    ? await byBlocks(full, sizing, s0.x, backend, { ...opts, blocks: opts.blocks })
    : await solveByCapacityDecomposition(full, start, backend, { ...opts, held: heldAtZero(full, start) });
  if (d?.cancelled)
    return failure(
      project,
      { ...base, mode: 'full' },
      full,
      { ...d.solution, status: 'cancelled', hasSolution: false },
      backend,
    );
  if (!d) return null;
  const x = d.solution.x;
  // A plan with unmet demand or unusable surplus is no answer: then the LP is solved whole.
  const slack = full.ctx.slacks.reduce((a, s) => a + x[s.unmet] + x[s.surplus], 0);
  if (slack > 1e-6) return null;
  const { results, dispatch } = readResults(full, d.solution);
  results.solve.method = opts.blocks ? 'blocks' : 'decomposition';
  // The slack columns are the decomposition's device, not part of the user's model.
  results.solve.columns = full.model.colNames.length - 2 * full.ctx.slacks.length;
  results.solve.bounds_EUR = { lower: d.lowerBound, upper: d.upperBound, iterations: d.iterations };
  const gap = (d.upperBound - d.lowerBound) / Math.abs(d.upperBound);
  results.solve.gap = gap;
  if (!d.converged) {
    // Stopped early (time limit, or no further step): the best plan with its proven gap, never
    // a silent switch to the whole LP, which can take many times longer.
    // A gap of 100 % or more means the bound says nothing yet: then the message says so.
    addMessage(
      results,
      solverMessage('decompositionGap', gap < 1 ? { gap_pct: gap * 100, lower_EUR: d.lowerBound } : {}),
    );
    if (opts.timeLimit_s !== undefined && d.solution.seconds >= opts.timeLimit_s)
      results.status = 'time_limit';
  }
  return { results, dispatch, reasons: [] };
}

/** The time decomposition (week blocks) in the shape of the capacity decomposition's result. */
async function byBlocks(
  full: BuiltModel,
  sizing: BuiltModel,
  xs: Float64Array,
  backend: SolverBackend,
  opts: FullModeOptions & Required<Pick<FullModeOptions, 'blocks'>>,
): Promise<DecompositionResult | null> {
  const t0 = performance.now();
  const r = await solveFullByBlocks(full, { sizing, x: xs }, backend, {
    ...opts,
    evaluator: opts.blocks === true ? undefined : opts.blocks,
  });
  if (!r) return null;
  const seconds = (performance.now() - t0) / 1000;
  return {
    solution: {
      status: r.cancelled ? 'cancelled' : 'optimal',
      hasSolution: !r.cancelled,
      objective: r.objective,
      x: r.x,
      seconds,
      solver: backend.name,
      mipGap: (r.upperBound - r.lowerBound) / Math.abs(r.upperBound),
    },
    lowerBound: r.lowerBound,
    upperBound: r.upperBound,
    iterations: r.iterations,
    converged: r.converged,
    cancelled: r.cancelled,
  };
}
