import Dexie, { type EntityTable } from 'dexie';
import type { ProjectAccess } from '../../../contracts';

/**
 * The sync engine's own database (`werkplan-sync`), apart from the planner's database so that its
 * schema versions stay independent. Holds no plaintext secret: only server versions, wrapped
 * project keys (useless without the team key), the upload queue and the conflicts to show.
 */

/**
 * What an outbox entry asks of the server: upload the local state (`put`, the default), erase the
 * project for every member (`delete`, a tombstone: the local copy is already gone), or remove the
 * caller's own membership (`leave`).
 */
export type OutboxOp = 'put' | 'delete' | 'leave';

/** A project whose local state or removal still has to reach the server. One entry per project. */
export interface OutboxEntry {
  projectId: string;
  /** Absent in entries written before removals existed: an upload. */
  op?: OutboxOp;
  queuedAt: number;
  attempts: number;
  /** When the next upload may be tried (exponential backoff with jitter after a failure). */
  nextAttemptAt: number;
  lastError?: string;
}

/** What the client knows about the server copy its local project is based on. */
export interface ProjectSyncState {
  projectId: string;
  /** Server version the local copy is based on. */
  version: number;
  keyId: string;
  /** The project content key wrapped by the team key (AES-KW), as on the server. */
  wrappedKey_b64: string;
  /** SHA-256 of the payload last uploaded or downloaded: a different hash means a local edit. */
  syncedHash: string;
  /** The caller's access to the project as the server last listed it (unknown before that). */
  access?: ProjectAccess;
  /**
   * When the server stopped listing the project for us (deleted by someone else, or our membership
   * removed). The local copy is kept and no longer synced; it syncs again if the project returns.
   */
  goneAt?: number;
}

/** A conflict resolved by keeping the local edit as a copy; shown until the user dismisses it. */
export interface ConflictRecord {
  id?: number;
  projectId: string;
  copyId: string;
  copyName: string;
  serverVersion: number;
  at: number;
}

export interface SyncMetaRecord {
  key: string;
  value: unknown;
}

export const SYNC_DB_NAME = 'werkplan-sync';

export const SYNC_SCHEMA_V1 = {
  outbox: 'projectId, nextAttemptAt',
  state: 'projectId',
  conflicts: '++id, projectId',
  meta: 'key',
} as const;

export type SyncDb = Dexie & {
  outbox: EntityTable<OutboxEntry, 'projectId'>;
  state: EntityTable<ProjectSyncState, 'projectId'>;
  conflicts: EntityTable<ConflictRecord, 'id'>;
  meta: EntityTable<SyncMetaRecord, 'key'>;
};

export function openSyncDb(name = SYNC_DB_NAME): SyncDb {
  const db = new Dexie(name) as SyncDb;
  db.version(1).stores(SYNC_SCHEMA_V1);
  return db;
}

let shared: SyncDb | undefined;

export function syncDb(): SyncDb {
  shared ??= openSyncDb();
  return shared;
}
