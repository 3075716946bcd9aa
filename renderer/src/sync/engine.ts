import type { BlobMeta } from '../../../solver/src/shared/sync';
import { PROJECT_NAME_MAX } from '../db/projects';
import type { WerkplanDb } from '../db/schema';
import {
  createProjectKey,
  CryptoError,
  decryptProject,
  encryptProject,
  unwrapProjectKey,
  type TeamKey,
} from './crypto';
import type { SyncDb } from './db';
import {
  copyPayload,
  decodePayload,
  encodePayload,
  readPayload,
  sha256Hex,
  writePayload,
  type ProjectPayload,
} from './payload';
import { TransportError, type SyncTransport } from './transport';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'conflict' | 'locked' | 'signedOut';

export interface SyncStatusSnapshot {
  state: SyncState;
  /** Projects waiting for upload. */
  pending: number;
  /** Conflict copies not dismissed yet. */
  conflicts: number;
  lastSyncAt: number | null;
  lastError: string | null;
}

export interface SyncEngineOptions {
  db: WerkplanDb;
  syncDb: SyncDb;
  transport: SyncTransport;
  /** The unlocked team key, or null while the passphrase has not been entered. */
  teamKey: () => TeamKey | null;
  now?: () => number;
  random?: () => number;
  backoffBase_ms?: number;
  backoffMax_ms?: number;
  /** Name of the conflict copy of a project; German by default (the UI passes its translation). */
  conflictName?: (name: string, at: Date) => string;
}

export function defaultConflictName(name: string, at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}`;
  return `${name} (Konflikt ${stamp})`;
}

/** Exponential backoff with "equal jitter": half fixed, half random, capped. */
export function backoffDelay_ms(attempts: number, random: number, base_ms: number, max_ms: number): number {
  const d = Math.min(max_ms, base_ms * 2 ** Math.max(0, attempts - 1));
  return Math.round(d / 2 + (random * d) / 2);
}

/**
 * The sync engine. Local edits are found by hashing each project's payload against the hash of
 * the last synced state and queued in an outbox kept in IndexedDB; an entry leaves the outbox only
 * once the server has acknowledged the upload, so a dropped connection or a crashed server loses
 * nothing: the upload is retried with backoff. A write refused as stale (409) keeps the local edit
 * as a conflict copy (a new project, uploaded too) and takes over the server version.
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
    await this.o.syncDb.outbox.put({
      projectId,
      queuedAt: at,
      attempts: existing?.attempts ?? 0,
      nextAttemptAt: at,
    });
  }

  /** One full round: find local edits, upload what is due, download what changed. */
  syncNow(): Promise<SyncStatusSnapshot> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.round();
        } while (this.again);
      } finally {
        this.running = null;
      }
      return this.snapshot;
    })();
    return this.running;
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
    const ids = (await this.o.db.projects.toCollection().primaryKeys()) as string[];
    for (const id of ids) {
      const payload = await readPayload(this.o.db, id);
      if (!payload) continue;
      const hash = await sha256Hex(encodePayload(payload));
      const state = await this.o.syncDb.state.get(id);
      if (state?.syncedHash === hash && (!team || state.keyId === team.keyId)) continue;
      if (!(await this.o.syncDb.outbox.get(id))) await this.markDirty(id);
    }
  }

  private async pushDue(team: TeamKey): Promise<void> {
    const due = await this.o.syncDb.outbox.where('nextAttemptAt').belowOrEqual(this.now()).toArray();
    for (let i = 0; i < due.length; i++) {
      try {
        await this.push(due[i].projectId, team);
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

  private async push(projectId: string, team: TeamKey): Promise<void> {
    const { syncDb, transport } = this.o;
    const payload = await readPayload(this.o.db, projectId);
    if (!payload) {
      // Deleted locally before it was uploaded; deleting on the server is an explicit action.
      await syncDb.outbox.delete(projectId);
      return;
    }
    const bytes = encodePayload(payload);
    const hash = await sha256Hex(bytes);
    const state = await syncDb.state.get(projectId);
    const rotated = !!state && state.keyId !== team.keyId;
    if (state?.syncedHash === hash && !rotated) {
      await syncDb.outbox.delete(projectId);
      return;
    }
    // Under a new team key (rotation) the project gets a new content key as well.
    const projectKey =
      state && !rotated
        ? await unwrapProjectKey(state.wrappedKey_b64, state.keyId, team)
        : await createProjectKey();
    const version = state ? state.version + 1 : 1;
    const envelope = await encryptProject(bytes, projectId, version, projectKey, team);
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
        });
        await syncDb.outbox.delete(projectId);
      });
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
    team: TeamKey,
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
      // An update of a project gone from the server: upload it again as a new project.
      await syncDb.state.delete(projectId);
      await syncDb.outbox.update(projectId, { nextAttemptAt: this.now() });
      this.again = true;
      return;
    }
    const { plaintext } = await decryptProject(remote.envelope, projectId, remote.meta.version, team);
    const remoteHash = await sha256Hex(new Uint8Array(plaintext));
    const serverState = {
      projectId,
      version: remote.meta.version,
      keyId: remote.envelope.keyId,
      wrappedKey_b64: remote.envelope.wrappedKey_b64,
      syncedHash: remoteHash,
    };
    if (remoteHash === localHash) {
      await syncDb.transaction('rw', [syncDb.state, syncDb.outbox], async () => {
        await syncDb.state.put(serverState);
        await syncDb.outbox.delete(projectId);
      });
      return;
    }
    const at = new Date(this.now());
    const suffixless = local.project.name;
    let copyName = this.conflictName(suffixless, at);
    if (copyName.length > PROJECT_NAME_MAX) {
      const over = copyName.length - PROJECT_NAME_MAX;
      copyName = this.conflictName(suffixless.slice(0, Math.max(1, suffixless.length - over - 1)) + '…', at);
    }
    const copy = copyPayload(local, copyName);
    copy.project.updatedAt = this.now();
    const server = decodePayload(plaintext, projectId);
    // Copy first, then overwrite: a crash in between leaves both, never neither.
    await writePayload(this.o.db, copy);
    await writePayload(this.o.db, server);
    await syncDb.transaction('rw', [syncDb.state, syncDb.outbox, syncDb.conflicts], async () => {
      await syncDb.state.put(serverState);
      await syncDb.outbox.delete(projectId);
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

  /** Downloads projects that are new or newer on the server and not edited locally. */
  private async pull(team: TeamKey): Promise<void> {
    const { syncDb, transport } = this.o;
    const metas = await transport.list();
    const skipped: string[] = [];
    for (const meta of metas) {
      const state = await syncDb.state.get(meta.id);
      if (state && state.version >= meta.version) continue;
      if (await syncDb.outbox.get(meta.id)) continue; // the upload will meet the conflict
      const remote = await transport.get(meta.id);
      if (!remote) continue;
      let plaintext: Uint8Array;
      try {
        ({ plaintext } = await decryptProject(remote.envelope, meta.id, remote.meta.version, team));
      } catch (e) {
        // E.g. encrypted under another team key: skip it, report it, keep syncing the others.
        if (!(e instanceof CryptoError)) throw e;
        skipped.push(`${meta.id}: ${e.message}`);
        continue;
      }
      const payload = decodePayload(plaintext, meta.id);
      await writePayload(this.o.db, payload);
      await syncDb.state.put({
        projectId: meta.id,
        version: remote.meta.version,
        keyId: remote.envelope.keyId,
        wrappedKey_b64: remote.envelope.wrappedKey_b64,
        syncedHash: await sha256Hex(new Uint8Array(plaintext)),
      });
    }
    if (skipped.length)
      throw new CryptoError(`cannot open ${skipped.length} project(s): ${skipped.join('; ')}`);
  }
}
