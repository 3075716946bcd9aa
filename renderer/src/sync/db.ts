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

/**
 * What a conflict notice reports: `copy` (the default) a local edit kept as a copy; the others a
 * server version that was refused and changed nothing here: `rollback` (older than a version
 * already seen, or not the version listed), `unauthentic` (does not authenticate as the listed
 * project and version), `foreign` (its content belongs to another project).
 */
export type ConflictKind = 'copy' | 'rollback' | 'unauthentic' | 'foreign';

/** A conflict resolved by keeping the local edit as a copy, or a refused server version. */
export interface ConflictRecord {
  id?: number;
  /** Absent in records written before refusals existed: a copy. */
  kind?: ConflictKind;
  projectId: string;
  /** The copy's id ('' for a refusal). */
  copyId: string;
  /** The copy's name; for a refusal the local project's name ('' when there is no local copy). */
  copyName: string;
  serverVersion: number;
  /** For a rollback: the highest version seen here before. */
  seenVersion?: number;
  at: number;
}

/**
 * The highest server version of a project this device has accepted (downloaded or uploaded), and
 * its envelope format. Kept apart from the sync state so that it outlives leaving and rejoining: a
 * server may never take a project back below it (docs/security/encryption.md, rollback).
 */
export interface SeenVersionRecord {
  projectId: string;
  version: number;
  format: 1 | 2;
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

export const SYNC_SCHEMA_V2 = { ...SYNC_SCHEMA_V1, seen: 'projectId' } as const;

export type SyncDb = Dexie & {
  outbox: EntityTable<OutboxEntry, 'projectId'>;
  state: EntityTable<ProjectSyncState, 'projectId'>;
  conflicts: EntityTable<ConflictRecord, 'id'>;
  meta: EntityTable<SyncMetaRecord, 'key'>;
  seen: EntityTable<SeenVersionRecord, 'projectId'>;
};

export function openSyncDb(name = SYNC_DB_NAME): SyncDb {
  const db = new Dexie(name) as SyncDb;
  db.version(1).stores(SYNC_SCHEMA_V1);
  db.version(2).stores(SYNC_SCHEMA_V2);
  return db;
}

let shared: SyncDb | undefined;

export function syncDb(): SyncDb {
  shared ??= openSyncDb();
  return shared;
}
