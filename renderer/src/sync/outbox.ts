import type { OutboxEntry, SyncDb } from './db';

/**
 * Queues the removal of a project on the server: `delete` erases it for every member (owner or
 * Administrator), `leave` removes only the caller's membership. It replaces a pending upload of the
 * same project and is sent like one: when online, retried with backoff. Call it after the local
 * copy has been deleted.
 */
export async function queueRemoval(
  syncDb: SyncDb,
  projectId: string,
  op: 'delete' | 'leave',
  at: number = Date.now(),
): Promise<void> {
  await syncDb.outbox.put({ projectId, op, queuedAt: at, attempts: 0, nextAttemptAt: at });
}

/** Whether an outbox entry removes its project (erase everywhere, leave) rather than uploading it. */
export const isRemoval = (e: OutboxEntry | undefined) => e?.op === 'delete' || e?.op === 'leave';

/** Exponential backoff with "equal jitter": half fixed, half random, capped. */
export function backoffDelay_ms(attempts: number, random: number, base_ms: number, max_ms: number): number {
  const d = Math.min(max_ms, base_ms * 2 ** Math.max(0, attempts - 1));
  return Math.round(d / 2 + (random * d) / 2);
}
