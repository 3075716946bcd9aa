import { i18next } from '../i18n';

/** The planner's workers, named for messages. */
export type WorkerName = 'solver' | 'import' | 'report';

/** A worker that stopped or did not answer in time; the message is in the planner's language. */
export class WorkerFailure extends Error {
  constructor(
    readonly code: 'crashed' | 'timeout',
    readonly worker: WorkerName,
    options: { detail?: string; seconds?: number } = {},
  ) {
    super(
      i18next.t(`workers.${code}`, {
        worker: i18next.t(`workers.names.${worker}`),
        detail: options.detail ? ` (${options.detail})` : '',
        seconds: options.seconds ?? 0,
      }),
    );
    this.name = 'WorkerFailure';
  }
}

/** What a reply means for its call: progress (keep waiting), or the call's end. */
export type Reply<R> = { done: R } | { error: Error } | 'progress';

/** Omit over each member of a union (a request without its id, per kind). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Pending<Res> {
  handle(reply: Res): boolean;
  fail(error: Error): void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The one typed RPC to a module worker, under the solver, import and report clients. Every request
 * carries an id and every reply carries it back: progress any number of times, then one final reply.
 * A worker that stops (its `error` or `messageerror` event) rejects every pending call with a
 * WorkerFailure and the next call starts a fresh worker; a call given a timeout is rejected when it
 * passes, and the worker, busy with it, is restarted (its other calls are rejected too).
 */
export class WorkerRpc<Req extends { id: string }, Res extends { id: string }> {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<string, Pending<Res>>();

  constructor(
    private readonly name: WorkerName,
    private readonly create: () => Worker,
  ) {}

  /** Sends a request; `handle` reads each reply to it (see Reply). */
  call<R>(
    request: DistributiveOmit<Req, 'id'>,
    handle: (reply: Res) => Reply<R>,
    options: { timeout_ms?: number; transfer?: Transferable[] } = {},
  ): { id: string; result: Promise<R> } {
    const id = `${this.name}-${++this.next}`;
    const worker = this.ensure();
    const result = new Promise<R>((resolve, reject) => {
      const entry: Pending<Res> = {
        handle: (reply) => {
          const r = handle(reply);
          if (r === 'progress') return false;
          if ('done' in r) resolve(r.done);
          else reject(r.error);
          return true;
        },
        fail: reject,
      };
      if (options.timeout_ms !== undefined)
        entry.timer = setTimeout(
          () =>
            this.restart(new WorkerFailure('timeout', this.name, { seconds: options.timeout_ms! / 1000 })),
          options.timeout_ms,
        );
      this.pending.set(id, entry);
    });
    worker.postMessage({ ...request, id }, options.transfer ?? []);
    return { id, result };
  }

  /**
   * Ends the call `id` at once with `error` by ending the worker, when it is the only call the worker
   * has (the next call starts a fresh one). False, and nothing done, while the worker has other calls.
   */
  abort(id: string, error: Error): boolean {
    if (this.pending.size !== 1 || !this.pending.has(id)) return false;
    this.restart(error);
    return true;
  }

  /** A message that expects no reply (e.g. cancel); dropped when no worker runs. */
  post(message: unknown): void {
    this.worker?.postMessage(message);
  }

  /** Ends the worker; pending calls are rejected. */
  dispose(message?: unknown): void {
    if (message !== undefined) this.worker?.postMessage(message);
    this.restart(new WorkerFailure('crashed', this.name));
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.onmessage = (e: MessageEvent<Res>) => {
      const entry = this.pending.get(e.data.id);
      if (entry?.handle(e.data)) this.settle(e.data.id);
    };
    const crashed = (detail?: string) => {
      if (this.worker === worker) this.restart(new WorkerFailure('crashed', this.name, { detail }));
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      crashed(e.message || undefined);
    };
    worker.onmessageerror = () => crashed();
    this.worker = worker;
    return worker;
  }

  private settle(id: string): void {
    const entry = this.pending.get(id);
    if (entry?.timer !== undefined) clearTimeout(entry.timer);
    this.pending.delete(id);
  }

  /** Rejects every pending call and ends the worker; the next call starts a new one. */
  private restart(error: Error): void {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const e of entries) {
      if (e.timer !== undefined) clearTimeout(e.timer);
      e.fail(error);
    }
    this.worker?.terminate();
    this.worker = null;
  }
}
