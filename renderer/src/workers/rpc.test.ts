import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { WorkerFailure, WorkerRpc, type Reply } from './rpc';

type Req = { id: string; n: number };
type Res = { id: string; kind: 'progress' | 'done' | 'fail'; value: number };

/** A worker in the test's thread: answers n with progress n, then 2n; n < 0 fails; n = 0 never answers. */
class FakeWorker {
  static created: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<Res>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.created.push(this);
  }
  postMessage(req: Req) {
    if (req.n === 0) return;
    const reply = (r: Omit<Res, 'id'>) =>
      queueMicrotask(() => this.onmessage?.({ data: { ...r, id: req.id } } as MessageEvent<Res>));
    if (req.n < 0) return reply({ kind: 'fail', value: req.n });
    reply({ kind: 'progress', value: req.n });
    reply({ kind: 'done', value: 2 * req.n });
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker stops, as an uncaught error or a dead worker reports itself. */
  die(message = 'out of memory') {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

const read =
  (progress: number[]) =>
  (m: Res): Reply<number> =>
    m.kind === 'progress'
      ? (progress.push(m.value), 'progress')
      : m.kind === 'done'
        ? { done: m.value }
        : { error: new Error(`refused ${m.value}`) };

const rpc = () => new WorkerRpc<Req, Res>('solver', () => new FakeWorker() as unknown as Worker);

beforeAll(async () => {
  await initI18n('de');
});

describe('the one worker RPC', () => {
  it('resolves a call with its final reply after its progress, and rejects a refused one', async () => {
    const c = rpc();
    const progress: number[] = [];
    await expect(c.call<number>({ n: 21 }, read(progress)).result).resolves.toBe(42);
    expect(progress).toEqual([21]);
    await expect(c.call<number>({ n: -1 }, read([])).result).rejects.toThrow('refused -1');
  });

  it('rejects every pending call when the worker dies, in German, and the next call gets a new worker', async () => {
    FakeWorker.created = [];
    const c = rpc();
    const a = c.call<number>({ n: 0 }, read([])).result;
    const b = c.call<number>({ n: 0 }, read([])).result;
    FakeWorker.created[0].die();
    for (const p of [a, b]) {
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkerFailure);
      expect((err as WorkerFailure).code).toBe('crashed');
      expect((err as Error).message).toBe(
        'Der Hintergrundprozess „Rechenkern“ ist abgebrochen (out of memory). Bitte erneut versuchen; er wird neu gestartet.',
      );
    }
    expect(FakeWorker.created[0].terminated).toBe(true);
    await expect(c.call<number>({ n: 2 }, read([])).result).resolves.toBe(4);
    expect(FakeWorker.created).toHaveLength(2);
  });

  it('aborts the only call by ending its worker; with another call pending it leaves both alone', async () => {
    FakeWorker.created = [];
    const c = rpc();
    const a = c.call<number>({ n: 0 }, read([]));
    const stop = new Error('cancelled');
    expect(c.abort(a.id, stop)).toBe(true);
    await expect(a.result).rejects.toBe(stop);
    expect(FakeWorker.created[0].terminated).toBe(true);
    // the next call starts a fresh worker
    await expect(c.call<number>({ n: 5 }, read([])).result).resolves.toBe(10);
    expect(FakeWorker.created).toHaveLength(2);
    const b = c.call<number>({ n: 0 }, read([]));
    const d = c.call<number>({ n: 0 }, read([]));
    expect(c.abort(b.id, stop)).toBe(false);
    expect(FakeWorker.created[1].terminated).toBe(false);
    expect(c.abort('solver-unknown', stop)).toBe(false);
    c.dispose();
    await expect(b.result).rejects.toBeInstanceOf(WorkerFailure);
    await expect(d.result).rejects.toBeInstanceOf(WorkerFailure);
  });

  it('treats a reply the worker could not send (messageerror) as a stop', async () => {
    FakeWorker.created = [];
    const c = rpc();
    const a = c.call<number>({ n: 0 }, read([])).result;
    FakeWorker.created[0].onmessageerror?.();
    await expect(a).rejects.toBeInstanceOf(WorkerFailure);
  });

  it('rejects a call that passes its timeout and restarts the worker', async () => {
    vi.useFakeTimers();
    try {
      FakeWorker.created = [];
      const c = rpc();
      const late = c.call<number>({ n: 0 }, read([]), { timeout_ms: 30_000 }).result;
      const caught = late.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(30_000);
      const err = (await caught) as WorkerFailure;
      expect(err.code).toBe('timeout');
      expect(err.message).toContain('nach 30 s nicht geantwortet');
      expect(FakeWorker.created[0].terminated).toBe(true);
      // a call that answers in time is not affected by its timeout
      await expect(c.call<number>({ n: 3 }, read([]), { timeout_ms: 30_000 }).result).resolves.toBe(6);
      expect(FakeWorker.created).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
