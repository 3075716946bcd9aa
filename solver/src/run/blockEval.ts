import type { CancelSignal, SolverBackend, SolverSession } from '../lp/backend';
import type { LpModel } from '../lp/model';

/** One block's dispatch cost for fixed linking values, and its subgradient in those values. */
export interface BlockEvaluation {
  ok: boolean;
  /** Cost of the block's own columns (EUR); NaN when not solved. */
  objective: number;
  /** ∂objective/∂(linking value), in the order of the block's `linkIndex`. */
  grad: Float64Array;
  /** The block's own column values, when asked for. */
  x?: Float64Array;
  seconds: number;
  /** Why the block has no solution (the solver's status and message). */
  message?: string;
}

/** The block LPs as a worker receives them: the model and its linking columns. */
export interface BlockTask {
  id: number;
  model: LpModel;
  /** The block's own columns are local columns 0 … ownCount − 1. */
  ownCount: number;
  linkLocal: Int32Array;
  /** The local columns among linkLocal that are allocations of annual rows. */
  allocLocal: Int32Array;
}

/**
 * Evaluates blocks for given linking values. One implementation keeps every block's HiGHS model
 * warm in this thread; another spreads the blocks over worker threads (see blockPool.ts).
 */
export interface BlockEvaluator {
  readonly workers: number;
  /** `values[b]` are block b's linking values in the order of its linkIndex. */
  evaluate(
    values: Float64Array[],
    opts?: { wantX?: boolean; signal?: CancelSignal; free?: boolean },
  ): Promise<BlockEvaluation[]>;
  dispose(): void;
}

/**
 * Keeps warm solver sessions for a set of blocks: the piece of work one thread does. A block whose
 * warm re-solve ends in any status but optimal (HiGHS may answer "unknown" after many warm starts)
 * is solved again from scratch in a fresh session before it counts as failed.
 */
export class BlockSessions {
  private readonly sessions = new Map<number, SolverSession>();

  constructor(
    private readonly backend: SolverBackend,
    private readonly tasks: Map<number, BlockTask>,
  ) {}

  evaluate(
    id: number,
    values: Float64Array,
    opts: { wantX?: boolean; signal?: CancelSignal; free?: boolean } = {},
  ): BlockEvaluation {
    const task = this.tasks.get(id);
    if (!task) throw new Error(`unknown block ${id}`);
    const t0 = performance.now();
    let result = this.solveOnce(task, values, opts);
    if (!result.ok && !opts.signal?.aborted) {
      this.sessions.get(id)?.dispose();
      this.sessions.delete(id);
      result = this.solveOnce(task, values, opts);
    }
    return { ...result, seconds: (performance.now() - t0) / 1000 };
  }

  private solveOnce(
    task: BlockTask,
    values: Float64Array,
    opts: { wantX?: boolean; signal?: CancelSignal; free?: boolean },
  ): BlockEvaluation {
    let session = this.sessions.get(task.id);
    if (!session) {
      session = this.backend.session!(task.model);
      this.sessions.set(task.id, session);
    }
    session.fixColumns(task.linkLocal, values);
    if (opts.free && task.allocLocal.length) {
      // The block's shares of the annual rows left free: what the block would do on its own.
      const inf = new Float64Array(task.allocLocal.length).fill(Infinity);
      session.setColumnBounds(
        task.allocLocal,
        inf.map((v) => -v),
        inf,
      );
    }
    const sol = session.solve({ signal: opts.signal });
    if (!sol.hasSolution || !sol.colDual)
      return {
        ok: false,
        objective: NaN,
        grad: new Float64Array(task.linkLocal.length),
        seconds: sol.seconds,
        message: `${sol.status}${sol.message ? `: ${sol.message}` : ''}`,
      };
    const own = task.ownCount;
    return {
      ok: true,
      objective: sol.objective,
      grad: Float64Array.from(task.linkLocal, (c) => sol.colDual![c]),
      x: opts.wantX || opts.free ? sol.x.slice(0, own) : undefined,
      seconds: sol.seconds,
    };
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
  }
}

/** All blocks in this thread. */
export function localEvaluator(tasks: BlockTask[], backend: SolverBackend): BlockEvaluator {
  const sessions = new BlockSessions(backend, new Map(tasks.map((t) => [t.id, t])));
  return {
    workers: 1,
    // eslint-disable-next-line @typescript-eslint/require-await -- the pool's evaluate is truly async
    async evaluate(values, opts = {}) {
      return tasks.map((t, b) => sessions.evaluate(t.id, values[b], opts));
    },
    dispose: () => sessions.dispose(),
  };
}
