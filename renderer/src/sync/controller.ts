import Dexie, { type ObservabilitySet } from 'dexie';
import { create } from 'zustand';
import { deleteProject } from '../db/projects';
import { db as appDb } from '../db/schema';
import {
  auth as authPlatform,
  type AuthPlatform,
  type AuthStatus,
  type SyncSettings,
} from '../platform/auth';
import { keyring as keyringPlatform, type Keyring } from '../platform/keyring';
import { CryptoError, parseTeamKeyParams, type TeamCipher, type TeamKeyParams } from '../../../contracts';
import { syncDb as sharedSyncDb, type ConflictRecord, type SyncDb } from './db';
import { queueRemoval, SyncEngine, type SyncStatusSnapshot } from './engine';
import { HttpSyncTransport, type SharingApi, type SyncSender } from './transport';
import type { WerkplanDb } from '../db/schema';

/**
 * Wires sign-in, the team key and the sync engine together for the UI (a zustand store the
 * Settings page and the status indicator read). The team key is held by the keyring: in the desktop
 * shell's main process, which may remember the passphrase in the OS keychain if the user asks for
 * it; the page only gets a handle that seals and opens envelopes.
 */

export interface SyncUiState {
  status: SyncStatusSnapshot;
  auth: AuthStatus;
  settings: SyncSettings | null;
  /** Key id of the unlocked team key, null while locked. */
  teamKeyId: string | null;
  /** Whether team key parameters exist on this device (then only the passphrase is asked). */
  hasTeamParams: boolean;
  supported: boolean;
  /** Conflict copies made by the engine, until dismissed. */
  conflictList: ConflictRecord[];
  busy: boolean;
  error: string | null;
}

const INITIAL_STATUS: SyncStatusSnapshot = {
  state: 'signedOut',
  pending: 0,
  conflicts: 0,
  lastSyncAt: null,
  lastError: null,
};

export const useSync = create<SyncUiState>(() => ({
  status: INITIAL_STATUS,
  auth: { configured: false, signedIn: false },
  settings: null,
  teamKeyId: null,
  hasTeamParams: false,
  supported: false,
  conflictList: [],
  busy: false,
  error: null,
}));

/**
 * What deleting a project does beyond this device: `local` (never synced, or no longer on the
 * server), `everywhere` (owner or Administrator: erased on the server for every member), `leave`
 * (any other member: the server copy stays for the others, only one's own membership goes).
 */
export type DeletionMode = 'local' | 'everywhere' | 'leave';

const TEAM_PARAMS_KEY = 'teamKeyParams';
const EDIT_DEBOUNCE_MS = 1500;

/** A team key code: the non-secret parameters a colleague needs, besides the passphrase. */
export function encodeTeamCode(p: TeamKeyParams): string {
  return btoa(JSON.stringify(p)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeTeamCode(code: string): TeamKeyParams {
  let p: unknown;
  try {
    const b64 = code.trim().replace(/-/g, '+').replace(/_/g, '/');
    p = JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)));
  } catch {
    throw new CryptoError('team key code is not valid');
  }
  return parseTeamKeyParams(p);
}

export class SyncController {
  private team: TeamCipher | null = null;
  private engine: SyncEngine | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deps: {
      auth: AuthPlatform;
      keyring: Keyring;
      db: WerkplanDb;
      syncDb: SyncDb;
      /** Overrides how requests reach the server (tests); by default the shell sends them. */
      send?: SyncSender;
    },
  ) {}

  private patch(p: Partial<SyncUiState>): void {
    useSync.setState(p);
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T | undefined> {
    this.patch({ busy: true, error: null });
    try {
      return await fn();
    } catch (e) {
      this.patch({ error: (e as Error).message });
      return undefined;
    } finally {
      this.patch({ busy: false });
    }
  }

  private initialized: Promise<void> | null = null;

  /** Loads state once (the status indicator and the Settings page both ask). */
  ensureInit(): Promise<void> {
    this.initialized ??= this.init();
    return this.initialized;
  }

  /** Loads status and settings; unlocks with a remembered passphrase; starts syncing if it can. */
  async init(): Promise<void> {
    const { auth } = this.deps;
    this.patch({ supported: auth.supported });
    await this.guard(async () => {
      const [status, settings, params] = await Promise.all([
        auth.status(),
        auth.settings(),
        this.deps.syncDb.meta.get(TEAM_PARAMS_KEY),
      ]);
      this.patch({ auth: status, settings, hasTeamParams: !!params });
      await this.loadConflicts();
      if (params && !this.team) {
        const remembered = await this.deps.keyring.unlockRemembered(params.value as TeamKeyParams);
        if (remembered) this.setTeam(remembered);
      }
      this.restart();
    });
  }

  async configure(settings: SyncSettings): Promise<void> {
    await this.guard(async () => {
      const saved = await this.deps.auth.configure(settings);
      this.patch({ settings: saved, auth: await this.deps.auth.status() });
      this.restart();
    });
  }

  /** Signs in; `claims` carries a step-up challenge from the server (SignInOptions). */
  async signIn(options?: { claims?: string }): Promise<void> {
    await this.guard(async () => {
      this.patch({
        auth: await (options?.claims ? this.deps.auth.signIn(options) : this.deps.auth.signIn()),
      });
      this.restart();
    });
  }

  async signOut(): Promise<void> {
    await this.guard(async () => {
      await this.deps.auth.signOut();
      this.patch({ auth: await this.deps.auth.status() });
      this.restart();
    });
  }

  /** Creates a new team key; returns the team key code to hand to colleagues with the passphrase. */
  async createTeam(passphrase: string, remember: boolean): Promise<string | undefined> {
    return this.guard(async () => {
      const { params, cipher } = await this.deps.keyring.create(passphrase, remember);
      await this.deps.syncDb.meta.put({ key: TEAM_PARAMS_KEY, value: params });
      this.patch({ hasTeamParams: true });
      this.setTeam(cipher);
      this.restart();
      return encodeTeamCode(params);
    });
  }

  /** Joins a team with its code and passphrase (or unlocks the stored one if no code is given). */
  async unlock(passphrase: string, remember: boolean, code?: string): Promise<void> {
    await this.guard(async () => {
      const stored = await this.deps.syncDb.meta.get(TEAM_PARAMS_KEY);
      const params = code ? decodeTeamCode(code) : (stored?.value as TeamKeyParams | undefined);
      if (!params) throw new CryptoError('no team key on this device: enter the team key code');
      const team = await this.deps.keyring.unlock(params, passphrase, remember);
      await this.deps.syncDb.meta.put({ key: TEAM_PARAMS_KEY, value: params });
      this.patch({ hasTeamParams: true });
      this.setTeam(team);
      this.restart();
    });
  }

  async teamCode(): Promise<string | null> {
    const stored = await this.deps.syncDb.meta.get(TEAM_PARAMS_KEY);
    return stored ? encodeTeamCode(stored.value as TeamKeyParams) : null;
  }

  /** Forgets the team key in memory and the remembered passphrase. */
  async lock(): Promise<void> {
    this.team = null;
    this.patch({ teamKeyId: null });
    await this.deps.keyring.lock().catch(() => undefined);
    this.restart();
  }

  private async loadConflicts(): Promise<void> {
    this.patch({ conflictList: await this.deps.syncDb.conflicts.orderBy('id').reverse().toArray() });
  }

  /** Removes a conflict notice (the copy itself stays a normal project). */
  async dismissConflict(id: number): Promise<void> {
    await this.deps.syncDb.conflicts.delete(id);
    await this.loadConflicts();
    if (this.engine) await this.engine.syncNow();
  }

  syncNow(): Promise<SyncStatusSnapshot> | undefined {
    return this.engine?.syncNow();
  }

  /** How deleting the project would reach the server (see DeletionMode). */
  async deletionMode(projectId: string): Promise<DeletionMode> {
    const state = await this.deps.syncDb.state.get(projectId);
    if (!state || state.goneAt) return 'local';
    const admin = useSync.getState().auth.roles?.includes('Administrator') ?? false;
    // Unknown access (synced before the server reported it) counts as not owning: leaving never
    // erases anyone else's data.
    return state.access === 'owner' || admin ? 'everywhere' : 'leave';
  }

  /**
   * Deletes a project here and, for a synced one, queues its removal on the server (a tombstone in
   * the outbox: sent when online, retried with backoff). `mode` is what deletionMode answered and
   * the user confirmed.
   */
  async deleteProject(projectId: string, mode: DeletionMode): Promise<void> {
    const { db, syncDb } = this.deps;
    const deleteLocal = () => deleteProject(db, projectId);
    if (mode === 'local') {
      await deleteLocal();
      // A copy that is no longer on the server leaves nothing to sync: forget its key as well.
      const state = await syncDb.state.get(projectId);
      if (state?.goneAt) await syncDb.state.delete(projectId);
      return;
    }
    const op = mode === 'everywhere' ? 'delete' : 'leave';
    if (this.engine) {
      await this.engine.remove(projectId, op, deleteLocal);
      void this.engine.syncNow();
    } else {
      await deleteLocal();
      await queueRemoval(syncDb, projectId, op);
    }
  }

  /** The member list, directory search and access changes; null while not signed in. */
  sharing(): SharingApi | null {
    const { auth, settings } = useSync.getState();
    if (!settings || !auth.signedIn) return null;
    return this.transport();
  }

  private transport(): HttpSyncTransport {
    return new HttpSyncTransport(this.deps.send ?? ((r) => this.deps.auth.syncRequest(r)));
  }

  private setTeam(team: TeamCipher): void {
    this.team = team;
    this.patch({ teamKeyId: team.keyId });
  }

  /** (Re)creates the engine for the current settings; syncs only when signed in. */
  private restart(): void {
    this.engine?.stop();
    this.unsubscribe?.();
    this.engine = null;
    const { auth, settings } = useSync.getState();
    if (!settings || !auth.signedIn) {
      this.patch({ status: { ...useSync.getState().status, state: 'signedOut' } });
      return;
    }
    this.engine = new SyncEngine({
      db: this.deps.db,
      syncDb: this.deps.syncDb,
      transport: this.transport(),
      teamKey: () => this.team,
      tenantId: () => useSync.getState().auth.tenantId,
      userId: () => useSync.getState().auth.oid,
    });
    const engine = this.engine;
    const offStatus = engine.subscribe((status) => {
      const before = useSync.getState().status.conflicts;
      this.patch({ status });
      if (status.conflicts !== before) void this.loadConflicts();
    });
    // An edit of a project, scenario or time series syncs within seconds, not at the next interval.
    const prefixes = ['projects', 'scenarios', 'timeSeries'].map((t) => `idb://${this.deps.db.name}/${t}/`);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onMutation = (parts: ObservabilitySet) => {
      if (!Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p)))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void engine.syncNow(), EDIT_DEBOUNCE_MS);
    };
    Dexie.on.storagemutated.subscribe(onMutation);
    this.unsubscribe = () => {
      offStatus();
      Dexie.on.storagemutated.unsubscribe(onMutation);
      if (timer) clearTimeout(timer);
    };
    engine.start();
  }

  stop(): void {
    this.engine?.stop();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

let shared: SyncController | undefined;

/** The app's sync controller (created on first use). */
export function syncController(): SyncController {
  shared ??= new SyncController({
    auth: authPlatform(),
    keyring: keyringPlatform(),
    db: appDb(),
    syncDb: sharedSyncDb(),
  });
  return shared;
}
