import type { WerkplanDb } from '../db/schema';
import type { TeamCipher } from '../../../contracts';
import type { SyncDb } from './db';
import type { SyncTransport } from './transport';

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
  teamKey: () => TeamCipher | null;
  now?: () => number;
  random?: () => number;
  backoffBase_ms?: number;
  backoffMax_ms?: number;
  /** Name of the conflict copy of a project; German by default (the UI passes its translation). */
  conflictName?: (name: string, at: Date) => string;
  /**
   * The signed-in user's tenant id, authenticated in every envelope (format 2); '' when unknown.
   * Must be the same on every device of the team, or their envelopes do not open.
   */
  tenantId?: () => string | undefined;
  /** The signed-in user's object id, to leave a project (remove one's own membership). */
  userId?: () => string | undefined;
}
