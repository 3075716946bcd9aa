import type { BlobMeta } from '../../../contracts';
import type { TeamCipher } from '../../../contracts';
import type { OutboxEntry } from './db';
import {
  copyPayload,
  encodePayload,
  readPayload,
  sha256Hex,
  writePayload,
  type ProjectPayload,
} from './payload';
import { TransportError } from './transport';
import type { SyncEngineOptions, SyncState, SyncStatusSnapshot } from './engineTypes';
import { backoffDelay_ms, isRemoval, queueRemoval } from './outbox';
import { conflictCopyName, defaultConflictName } from './conflictName';
import { pullProjects } from './pull';
import { IntegrityError, openRemote, recordSeen, reportRefusal } from './integrity';

export type { SyncEngineOptions, SyncState, SyncStatusSnapshot } from './engineTypes';
export { backoffDelay_ms, queueRemoval } from './outbox';
export { defaultConflictName } from './conflictName';

/**
 * The sync engine. Local edits are found by hashing each project's payload against the hash of
 * the last synced state and queued in an outbox kept in IndexedDB; an entry leaves the outbox only
 * once the server has acknowledged the upload, so a dropped connection or a crashed server loses
 * nothing: the upload is retried with backoff. A write refused as stale (409) keeps the local edit
 * as a conflict copy (a new project, uploaded too) and takes over the server version. Removals
 * (erase everywhere, leave) travel through the same outbox as tombstones; a project that vanishes
 * from the server by someone else's doing is kept locally and marked gone, never deleted here.
 */
export class SyncEngine {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly base_ms: number;
  private readonly max_ms: number;
  private readonly conflictName: (name: string, at: Date) => string;
  private snapshot: SyncStatusSnapshot = {
    state: 'idle',
    pending: 0,
    conflicts: 0,
    lastSyncAt: null,
    lastError: null,
  };
  private readonly listeners = new Set<(s: SyncStatusSnapshot) => void>();
  private running: Promise<SyncStatusSnapshot> | null = null;
  private again = false;
  /** Rounds and exclusive operations run one after another on this chain. */
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly o: SyncEngineOptions) {
    this.now = o.now ?? Date.now;
    this.random = o.random ?? Math.random;
    this.base_ms = o.backoffBase_ms ?? 1_000;
    this.max_ms = o.backoffMax_ms ?? 5 * 60_000;
    this.conflictName = o.conflictName ?? defaultConflictName;
  }

  status(): SyncStatusSnapshot {
    return this.snapshot;
  }

  subscribe(fn: (s: SyncStatusSnapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<SyncStatusSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l(this.snapshot);
  }

  /** Queues a project for upload now (e.g. right after the user saved it). */
  async markDirty(projectId: string): Promise<void> {
    const at = this.now();
    const existing = await this.o.syncDb.outbox.get(projectId);
    if (isRemoval(existing)) return;
    await this.o.syncDb.outbox.put({
      projectId,
      queuedAt: at,
      attempts: existing?.attempts ?? 0,
      nextAttemptAt: at,
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs `fn` between rounds, never during one: e.g. deleting a project locally and queueing its
   * removal, so that no upload or download of that project is half-way meanwhile.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.serial(fn);
  }

  /** Deletes the local copy (by `deleteLocal`) and queues the project's removal on the server. */
  remove(projectId: string, op: 'delete' | 'leave', deleteLocal: () => Promise<void>): Promise<void> {
    return this.exclusive(async () => {
      await deleteLocal();
      await queueRemoval(this.o.syncDb, projectId, op, this.now());
      await this.refreshCounts();
    });
  }

  /** One full round: find local edits, upload what is due, download what changed. */
  syncNow(): Promise<SyncStatusSnapshot> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const running = this.serial(async () => {
      try {
        do {
          this.again = false;
          await this.round();
        } while (this.again);
      } finally {
        this.running = null;
      }
      return this.snapshot;
    });
    this.running = running;
    return running;
  }

  /** Runs rounds every `interval_ms` (and sooner when a backed-off upload becomes due). */
  start(interval_ms = 30_000): void {
    this.stop();
    const tick = async () => {
      await this.syncNow().catch(() => undefined);
      const next = await this.o.syncDb.outbox.orderBy('nextAttemptAt').first();
      const due = next ? Math.max(250, next.nextAttemptAt - this.now()) : interval_ms;
      this.timer = setTimeout(() => void tick(), Math.min(interval_ms, due));
    };
    void tick();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async dismissConflict(id: number): Promise<void> {
    await this.o.syncDb.conflicts.delete(id);
    await this.refreshCounts();
  }

  private async refreshCounts(): Promise<void> {
    const pending = await this.o.syncDb.outbox.count();
    const conflicts = await this.o.syncDb.conflicts.count();
    this.set({ pending, conflicts });
  }

  private async round(): Promise<void> {
    const team = this.o.teamKey();
    if (!team) {
      await this.scan();
      // Removals need no key: they go out while locked too (a failure waits in the outbox).
      await this.pushDue(null).catch(() => undefined);
      await this.refreshCounts();
      this.set({ state: 'locked' });
      return;
    }
    this.set({ state: 'syncing' });
    try {
      await this.scan();
      await this.refreshCounts();
      await this.pushDue(team);
      await this.pull(team);
      await this.refreshCounts();
      const failing = await this.o.syncDb.outbox.filter((e) => e.attempts > 0).count();
      this.set({
        state: this.snapshot.conflicts > 0 ? 'conflict' : failing > 0 ? 'error' : 'idle',
        lastSyncAt: failing > 0 ? this.snapshot.lastSyncAt : this.now(),
        lastError: failing > 0 ? this.snapshot.lastError : null,
      });
    } catch (e) {
      await this.refreshCounts();
      const err = e as Error;
      const state: SyncState =
        e instanceof TransportError
          ? e.kind === 'network'
            ? 'offline'
            : e.kind === 'auth'
              ? 'signedOut'
              : 'error'
          : 'error';
      this.set({ state, lastError: err.message });
    }
  }

  /** Queues every local project whose payload differs from what was last synced. */
  private async scan(): Promise<void> {
    const team = this.o.teamKey();
    const ids = await this.o.db.projects.toCollection().primaryKeys();
    for (const id of ids) {
      const payload = await readPayload(this.o.db, id);
      if (!payload) continue;
      const hash = await sha256Hex(encodePayload(payload));
      const state = await this.o.syncDb.state.get(id);
      if (state?.goneAt) continue; // no longer on the server: kept here, not synced
      if (state?.syncedHash === hash && (!team || state.keyId === team.keyId)) continue;
      if (!(await this.o.syncDb.outbox.get(id))) await this.markDirty(id);
    }
  }

  private async pushDue(team: TeamCipher | null): Promise<void> {
    const all = await this.o.syncDb.outbox.where('nextAttemptAt').belowOrEqual(this.now()).toArray();
    const due = team ? all : all.filter(isRemoval);
    for (let i = 0; i < due.length; i++) {
      try {
        if (isRemoval(due[i])) await this.pushRemoval(due[i]);
        else if (team) await this.push(due[i].projectId, team);
      } catch (e) {
        const err = e as Error;
        // Signed out: nothing can be uploaded now. Anything else (a refused or broken answer, a
        // project key this team key cannot open) concerns this project only: back off, go on.
        if (e instanceof TransportError && e.kind === 'auth') throw e;
        const offline = e instanceof TransportError && e.kind === 'network';
        // Offline: the network is down for every project, so all waiting ones back off together.
        for (const entry of offline ? due.slice(i) : [due[i]]) {
          const attempts = entry.attempts + 1;
          await this.o.syncDb.outbox.update(entry.projectId, {
            attempts,
            nextAttemptAt: this.now() + backoffDelay_ms(attempts, this.random(), this.base_ms, this.max_ms),
            lastError: err.message,
          });
        }
        this.set({ lastError: err.message });
        if (offline) throw e;
      }
    }
  }

  /**
   * Sends a queued removal. Done (or already gone: 404) means the project's key is destroyed here
   * too: the wrapped project key in the sync state is the last thing that could open a copy of
   * the ciphertext, e.g. in a server backup, besides the team key.
   */
  private async pushRemoval(entry: OutboxEntry): Promise<void> {
    const { syncDb, transport } = this.o;
    const id = entry.projectId;
    if (entry.op === 'delete') await transport.remove(id);
    else {
      const self = this.o.userId?.();
      if (!self) throw new TransportError('auth', `leaving ${id}: not signed in`);
      await transport.leave(id, self);
    }
    await syncDb.transaction('rw', [syncDb.state, syncDb.outbox], async () => {
      await syncDb.state.delete(id);
      const now = await syncDb.outbox.get(id);
      if (now?.op === entry.op) await syncDb.outbox.delete(id);
    });
  }

  /** Removes a finished upload from the outbox, unless a removal has replaced it meanwhile. */
  private async doneUploading(projectId: string): Promise<void> {
    const entry = await this.o.syncDb.outbox.get(projectId);
    if (!isRemoval(entry)) await this.o.syncDb.outbox.delete(projectId);
  }

  /** The server no longer has the project for us: keep the local copy, stop syncing it. */
  private async markGone(projectId: string): Promise<void> {
    const { syncDb } = this.o;
    const local = await this.o.db.projects.get(projectId);
    await syncDb.transaction('rw', [syncDb.state, syncDb.outbox], async () => {
      if (local) await syncDb.state.update(projectId, { goneAt: this.now() });
      else await syncDb.state.delete(projectId);
      await this.doneUploading(projectId);
    });
  }

  private async push(projectId: string, team: TeamCipher): Promise<void> {
    const { syncDb, transport } = this.o;
    if ((await syncDb.state.get(projectId))?.goneAt) {
      await this.doneUploading(projectId);
      return;
    }
    const payload = await readPayload(this.o.db, projectId);
    if (!payload) {
      // Deleted locally before it was uploaded; deleting on the server is an explicit action.
      await this.doneUploading(projectId);
      return;
    }
    const bytes = encodePayload(payload);
    const hash = await sha256Hex(bytes);
    const state = await syncDb.state.get(projectId);
    const rotated = !!state && state.keyId !== team.keyId;
    if (state?.syncedHash === hash && !rotated) {
      await this.doneUploading(projectId);
      return;
    }
    // Under a new team key (rotation) the project gets a new content key as well.
    const version = state ? state.version + 1 : 1;
    const envelope = await team.seal({
      plaintext: bytes,
      projectId,
      version,
      tenantId: this.o.tenantId?.() ?? '',
      ...(state && !rotated
        ? { previous: { wrappedKey_b64: state.wrappedKey_b64, keyId: state.keyId } }
        : {}),
    });
    const result = await transport.put(
      projectId,
      envelope,
      state ? { ifMatch: state.version } : { ifNoneMatch: '*' },
    );
    if (result.ok) {
      if (result.meta.version !== version)
        throw new TransportError(
          'server',
          `server stored ${projectId} as version ${result.meta.version}, not ${version}`,
        );
      await syncDb.transaction('rw', [syncDb.state, syncDb.outbox], async () => {
        await syncDb.state.put({
          projectId,
          version,
          keyId: envelope.keyId,
          wrappedKey_b64: envelope.wrappedKey_b64,
          syncedHash: hash,
          // Whoever creates a project owns it; an update keeps the access known.
          access: state ? state.access : 'owner',
        });
        await this.doneUploading(projectId);
      });
      await recordSeen(syncDb, projectId, version, 2);
      return;
    }
    await this.resolveConflict(projectId, payload, hash, result.current, team);
  }

  /**
   * The server holds another version than the one the local edit is based on. If the server copy
   * equals the local one (our own earlier upload whose answer was lost) it is simply taken over;
   * otherwise the local edit becomes a conflict copy and the server version replaces the project.
   */
  private async resolveConflict(
    projectId: string,
    local: ProjectPayload,
    localHash: string,
    current: BlobMeta | null,
    team: TeamCipher,
  ): Promise<void> {
    const { syncDb } = this.o;
    const remote = current ? await this.o.transport.get(projectId) : null;
    if (!remote) {
      // A create refused without a current version: the id exists but is not shared with us.
      if (!(await syncDb.state.get(projectId)))
        throw new TransportError(
          'client',
          `project ${projectId} exists on the server but is not shared with you`,
        );
      // An update of a project another member deleted on the server: keep it here, unsynced.
      await this.markGone(projectId);
      return;
    }
    // A newer version than the conflicting one may have arrived meanwhile; an older one is refused.
    const expected = current && remote.meta.version < current.version ? current : remote.meta;
    let opened: Awaited<ReturnType<typeof openRemote>>;
    try {
      opened = await openRemote(this.o, team, expected, remote);
    } catch (e) {
      // Refused: the local edit stays queued (backing off) and the user is told.
      if (e instanceof IntegrityError) await reportRefusal(this.o, projectId, e, this.now());
      throw e;
    }
    const { plaintext, payload: server, format } = opened;
    await recordSeen(syncDb, projectId, remote.meta.version, format);
    const remoteHash = await sha256Hex(new Uint8Array(plaintext));
    const known = await syncDb.state.get(projectId);
    const serverState = {
      projectId,
      version: remote.meta.version,
      keyId: remote.envelope.keyId,
      wrappedKey_b64: remote.envelope.wrappedKey_b64,
      syncedHash: remoteHash,
      ...(known?.access ? { access: known.access } : {}),
    };
    if (remoteHash === localHash) {
      await syncDb.transaction('rw', [syncDb.state, syncDb.outbox], async () => {
        await syncDb.state.put(serverState);
        await this.doneUploading(projectId);
      });
      return;
    }
    const at = new Date(this.now());
    const copyName = conflictCopyName(this.conflictName, local.project.name, at);
    const copy = copyPayload(local, copyName);
    copy.project.updatedAt = this.now();
    // Copy first, then overwrite: a crash in between leaves both, never neither.
    await writePayload(this.o.db, copy);
    await writePayload(this.o.db, server);
    await syncDb.transaction('rw', [syncDb.state, syncDb.outbox, syncDb.conflicts], async () => {
      await syncDb.state.put(serverState);
      await this.doneUploading(projectId);
      await syncDb.outbox.put({
        projectId: copy.project.id,
        queuedAt: this.now(),
        attempts: 0,
        nextAttemptAt: this.now(),
      });
      await syncDb.conflicts.add({
        projectId,
        copyId: copy.project.id,
        copyName,
        serverVersion: remote.meta.version,
        at: this.now(),
      });
    });
    this.again = true;
  }

  /** Downloads what is new or newer on the server (see pullProjects). */
  private pull(team: TeamCipher): Promise<void> {
    return pullProjects(
      this.o,
      this.now,
      team,
      (id) => this.markGone(id),
      () => {
        this.again = true;
      },
    );
  }
}
