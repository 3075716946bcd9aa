import type { CancelSignal, LpSolution, SolveOptions, SolverBackend } from '../lp/backend';
import type { LpModel } from '../lp/model';
import { BlockSessions, type BlockEvaluation, type BlockEvaluator, type BlockTask } from './blockEval';
import { solveFromBlocks, type BlockStart } from './blockStart';

/**
 * The platform-neutral part of the parallel block evaluator: which worker solves which blocks, the
 * messages between the master's thread and the workers, gathering the results in block order and
 * cancelling through a shared flag. The threads themselves are in blockPool.node.ts (worker_threads)
 * and blockPool.web.ts (Web Workers); here a worker is only a {@link BlockPort}.
 */

/**
 * What a pooled LP's solve may ask of the worker's backend. A caller's signal is passed as the worker's
 * cancel flag, read only when `cancellable`: reading it means a HiGHS callback on every simplex
 * iteration, which costs time (highs.ts).
 */
export type PoolSolveOptions = Pick<SolveOptions, 'algorithm' | 'timeLimit_s' | 'pricing'> & {
  cancellable?: boolean;
  /** Start from the week blocks' bases (run/blockStart.ts); the worker's backend alone where that fails. */
  start?: BlockStart;
};

/** Messages to a block worker. */
export type ToBlockWorker =
  | {
      type: 'init';
      tasks: BlockTask[];
      /** Int32Array-backed SharedArrayBuffer: element 0 is 1 while the current pass is cancelled. */
      cancelFlag?: SharedArrayBuffer;
    }
  | {
      type: 'evaluate';
      seq: number;
      /** The block ids (BlockTask.id) to solve, and their linking values in the same order. */
      ids: number[];
      values: Float64Array[];
      wantX: boolean;
      free: boolean;
    }
  | {
      /** One whole LP, solved from scratch by the worker's backend (see lpPool.ts). */
      type: 'solve';
      seq: number;
      model: LpModel;
      options: PoolSolveOptions;
    }
  | { type: 'dispose' };

/** Messages from a block worker. */
export type FromBlockWorker =
  | { type: 'ready' }
  | { type: 'result'; seq: number; evaluations: BlockEvaluation[] }
  | { type: 'solved'; seq: number; solution: LpSolution }
  | { type: 'error'; seq?: number; message: string };

/** One worker as the pool sees it: a message port, whatever the thread is. */
export interface BlockPort {
  postMessage(msg: ToBlockWorker, transfer?: ArrayBuffer[]): void;
  /** Every message from the worker. */
  onMessage(handler: (msg: FromBlockWorker) => void): void;
  /** The worker stopped or failed (a crash, out of memory): its pending work is lost. */
  onFailure(handler: (reason: string) => void): void;
  terminate(): void;
}

/** A model's size as a measure of its solve time: its nonzeros and columns. */
export const taskWeight = (t: BlockTask): number => t.model.colIndex.length + t.model.colNames.length;

/**
 * Static assignment of blocks (positions in `weights`) to `workers` workers, balanced by weight:
 * heaviest first, each to the least loaded worker (ties: the lower block, the lower worker). Each
 * worker's blocks in ascending order; a worker never gets an empty list (workers ≤ blocks).
 */
export function assignBlocks(weights: number[], workers: number): number[][] {
  const W = Math.max(1, Math.min(workers, weights.length));
  const load = new Array<number>(W).fill(0);
  const lists: number[][] = Array.from({ length: W }, () => []);
  const order = weights.map((_, b) => b).sort((a, b) => weights[b] - weights[a] || a - b);
  for (const b of order) {
    let w = 0;
    for (let k = 1; k < W; k++) if (load[k] < load[w]) w = k;
    load[w] += weights[b];
    lists[w].push(b);
  }
  return lists.map((l) => l.sort((a, b) => a - b));
}

/** Worker count: `available` cores, at least 1 and at most one per block. */
export const workerCount = (available: number, blocks: number): number =>
  Math.max(1, Math.min(Math.floor(available), blocks));

/** A copy of `m` whose typed arrays are listed in `transfer` (the caller's model stays intact). */
export function copyModel(m: LpModel, transfer: ArrayBuffer[]): LpModel {
  const own = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
    const c = a.slice() as T;
    transfer.push(c.buffer as ArrayBuffer);
    return c;
  };
  return {
    ...m,
    colLower: own(m.colLower),
    colUpper: own(m.colUpper),
    colCost: own(m.colCost),
    colIntegrality: m.colIntegrality && own(m.colIntegrality),
    rowLower: own(m.rowLower),
    rowUpper: own(m.rowUpper),
    rowStart: own(m.rowStart),
    colIndex: own(m.colIndex),
    values: own(m.values),
  };
}

/**
 * The init message of one worker: copies of its tasks' typed arrays, listed for transfer (the
 * caller's arrays stay intact, the copies move without a second copy).
 */
export function initMessage(
  tasks: BlockTask[],
  cancelFlag?: SharedArrayBuffer,
): { msg: ToBlockWorker; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const copy = (a: Int32Array) => {
    const c = a.slice();
    transfer.push(c.buffer);
    return c;
  };
  const wire = tasks.map((t) => ({
    id: t.id,
    ownCount: t.ownCount,
    model: copyModel(t.model, transfer),
    linkLocal: copy(t.linkLocal),
    allocLocal: copy(t.allocLocal),
  }));
  return { msg: { type: 'init', tasks: wire, cancelFlag }, transfer };
}

/** A cancel flag shared with the workers; plain memory where SharedArrayBuffer is unavailable. */
function cancelFlag(): { buffer?: SharedArrayBuffer; view: Int32Array } {
  if (typeof SharedArrayBuffer === 'undefined') return { view: new Int32Array(1) };
  const buffer = new SharedArrayBuffer(4);
  return { buffer, view: new Int32Array(buffer) };
}

/** How often the master's thread looks at the caller's signal during a pass (ms). */
const CANCEL_POLL_MS = 10;

interface Pending {
  results: BlockEvaluation[];
  waiting: number;
  resolve: (r: BlockEvaluation[]) => void;
  reject: (e: Error) => void;
}

/**
 * A BlockEvaluator over `ports.length` workers: each gets its share of the tasks once (init), then
 * every pass sends each worker its blocks' linking values and gathers the evaluations by block.
 * The caller's signal is copied into the shared flag while a pass runs, so HiGHS stops inside a
 * block's solve. Passes run one at a time (a second waits for the first). Resolves when every worker
 * has loaded its blocks; a worker that fails fails the pass it was in, and every later one.
 */
export async function poolEvaluator(tasks: BlockTask[], ports: BlockPort[]): Promise<BlockEvaluator> {
  const shares = assignBlocks(tasks.map(taskWeight), ports.length);
  const used = ports.slice(0, shares.length);
  for (const p of ports.slice(shares.length)) p.terminate();
  const flag = cancelFlag();
  let seq = 0;
  let pending: (Pending & { seq: number }) | undefined;
  let broken: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** Fails the running pass and every later one with `message`. */
  const fail = (message: string) => {
    broken ??= message;
    const p = pending;
    pending = undefined;
    p?.reject(new Error(message));
  };
  const ready = used.map(
    (port, w) =>
      new Promise<void>((resolve, reject) => {
        port.onFailure((reason) => {
          fail(`a block worker stopped: ${reason}`);
          reject(new Error(`a block worker stopped: ${reason}`));
        });
        port.onMessage((msg) => {
          if (msg.type === 'ready') return resolve();
          if (msg.type === 'error')
            return msg.seq === undefined ? reject(new Error(msg.message)) : fail(msg.message);
          const p = pending;
          if (msg.type !== 'result' || !p || msg.seq !== p.seq) return;
          msg.evaluations.forEach((e, k) => (p.results[shares[w][k]] = e));
          if (--p.waiting === 0) {
            pending = undefined;
            p.resolve(p.results);
          }
        });
        const { msg, transfer } = initMessage(
          shares[w].map((b) => tasks[b]),
          flag.buffer,
        );
        port.postMessage(msg, transfer);
      }),
  );
  try {
    await Promise.all(ready);
  } catch (err) {
    for (const p of used) p.terminate();
    throw err;
  }

  const pass = (values: Float64Array[], opts: { wantX?: boolean; signal?: CancelSignal; free?: boolean }) =>
    new Promise<BlockEvaluation[]>((resolve, reject) => {
      if (broken) return reject(new Error(broken));
      const signal = opts.signal;
      Atomics.store(flag.view, 0, signal?.aborted ? 1 : 0);
      const timer = signal
        ? setInterval(() => {
            if (signal.aborted) Atomics.store(flag.view, 0, 1);
          }, CANCEL_POLL_MS)
        : undefined;
      const done = () => clearInterval(timer);
      seq += 1;
      pending = {
        seq,
        results: new Array<BlockEvaluation>(tasks.length),
        waiting: used.length,
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      };
      used.forEach((port, w) =>
        port.postMessage({
          type: 'evaluate',
          seq,
          ids: shares[w].map((b) => tasks[b].id),
          values: shares[w].map((b) => values[b]),
          wantX: opts.wantX ?? false,
          free: opts.free ?? false,
        }),
      );
    });

  return {
    workers: used.length,
    evaluate(values, opts = {}) {
      const run = queue.then(() => pass(values, opts));
      queue = run.catch(() => undefined);
      return run;
    },
    dispose() {
      fail('the block evaluator was disposed');
      for (const p of used) {
        p.postMessage({ type: 'dispose' });
        p.terminate();
      }
    },
  };
}

/** A block left out of a cancelled pass. */
const cancelledBlock = (links: number): BlockEvaluation => ({
  ok: false,
  objective: NaN,
  grad: new Float64Array(links),
  seconds: 0,
  message: 'cancelled',
});

/**
 * The worker's side, the same in every thread: one solver backend (made on init) and warm sessions
 * for the worker's blocks; each pass solves its blocks in order and answers once, with the
 * gradients and column values transferred.
 */
export function blockWorkerHandler(
  post: (msg: FromBlockWorker, transfer?: ArrayBuffer[]) => void,
  createBackend: () => Promise<SolverBackend>,
): (msg: ToBlockWorker) => Promise<void> {
  let backend: SolverBackend | undefined;
  let sessions: BlockSessions | undefined;
  let signal: CancelSignal = { aborted: false };
  let links = new Map<number, number>();
  const text = (err: unknown) => (err instanceof Error ? err.message : String(err));

  return async (msg) => {
    if (msg.type === 'init') {
      try {
        backend = await createBackend();
        sessions = new BlockSessions(backend, new Map(msg.tasks.map((t) => [t.id, t])));
        links = new Map(msg.tasks.map((t) => [t.id, t.linkLocal.length]));
        if (msg.cancelFlag) {
          const view = new Int32Array(msg.cancelFlag);
          signal = {
            get aborted() {
              return Atomics.load(view, 0) === 1;
            },
          };
        }
        post({ type: 'ready' });
      } catch (err) {
        post({ type: 'error', message: text(err) });
      }
      return;
    }
    if (msg.type === 'solve') {
      try {
        if (!backend) throw new Error('block worker not initialised');
        const { cancellable, start, ...options } = msg.options;
        const solveOpts = { ...options, ...(cancellable ? { signal } : {}) };
        const solution =
          (start && solveFromBlocks(msg.model, start, backend, solveOpts)) ||
          (await backend.solve(msg.model, solveOpts));
        const transfer = [solution.x, solution.rowDual].flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
        post({ type: 'solved', seq: msg.seq, solution }, transfer);
      } catch (err) {
        post({ type: 'error', seq: msg.seq, message: text(err) });
      }
      return;
    }
    if (msg.type === 'dispose') {
      sessions?.dispose();
      backend?.dispose();
      sessions = backend = undefined;
      return;
    }
    try {
      if (!sessions) throw new Error('block worker not initialised');
      const s = sessions;
      const opts = { wantX: msg.wantX, free: msg.free, signal };
      // A cancelled pass skips the blocks not started: a warm re-solve may need no simplex
      // iteration, and so never look at the flag.
      const evaluations = msg.ids.map((id, k) =>
        signal.aborted ? cancelledBlock(links.get(id) ?? 0) : s.evaluate(id, msg.values[k], opts),
      );
      const transfer: ArrayBuffer[] = [];
      for (const e of evaluations) {
        transfer.push(e.grad.buffer as ArrayBuffer);
        if (e.x) transfer.push(e.x.buffer as ArrayBuffer);
      }
      post({ type: 'result', seq: msg.seq, evaluations }, transfer);
    } catch (err) {
      post({ type: 'error', seq: msg.seq, message: text(err) });
    }
  };
}
