import type { BlobMeta, Opened, TeamCipher } from '../../../contracts';
import { CryptoError } from '../../../contracts';
import type { ConflictKind, SyncDb } from './db';
import type { SyncEngineOptions } from './engineTypes';
import { assertIdsFree, decodePayload, PayloadError, type ProjectPayload } from './payload';
import type { FetchedProject } from './transport';
import { sanitizeDisplayName } from './displayName';

/**
 * The checks every server version passes before it touches local data (docs/security/
 * encryption.md): no rollback below the highest version seen here, the served version is the
 * listed one, the envelope authenticates as this project, tenant, key and version, and the
 * decrypted payload belongs to this project only. A refusal changes nothing local and becomes a
 * conflict notice for the user.
 */
export class IntegrityError extends Error {
  constructor(
    readonly kind: Exclude<ConflictKind, 'copy'>,
    message: string,
    readonly serverVersion: number,
    readonly seenVersion?: number,
  ) {
    super(message);
    this.name = 'IntegrityError';
  }
}

/** The highest version of a project accepted here: the seen record or the sync state, if higher. */
export async function highestSeen(
  syncDb: SyncDb,
  projectId: string,
): Promise<{ version: number; format: 0 | 1 | 2 }> {
  const seen = await syncDb.seen.get(projectId);
  const state = await syncDb.state.get(projectId);
  return {
    version: Math.max(seen?.version ?? 0, state?.version ?? 0),
    format: seen?.format ?? 0,
  };
}

/** Records that `version` (in envelope format `format`) of a project was accepted here. */
export async function recordSeen(
  syncDb: SyncDb,
  projectId: string,
  version: number,
  format: 1 | 2,
): Promise<void> {
  await syncDb.transaction('rw', [syncDb.seen], async () => {
    const seen = await syncDb.seen.get(projectId);
    await syncDb.seen.put({
      projectId,
      version: Math.max(version, seen?.version ?? 0),
      format: Math.max(format, seen?.format ?? 1) as 1 | 2,
    });
  });
}

/** Refuses a listed version below the highest seen (a server rolling the project back). */
export async function checkListed(syncDb: SyncDb, meta: BlobMeta): Promise<void> {
  const { version } = await highestSeen(syncDb, meta.id);
  if (meta.version < version)
    throw new IntegrityError(
      'rollback',
      `project ${meta.id}: server lists version ${meta.version}, ${version} was seen here`,
      meta.version,
      version,
    );
}

/**
 * Decrypts and validates `remote`, served for `expected` (the listed or conflicting version).
 * Throws IntegrityError for a rollback, a version other than the expected one, an envelope that
 * does not authenticate, or a payload with records of another project; CryptoError (other team
 * key, unknown format) as before.
 */
export async function openRemote(
  o: Pick<SyncEngineOptions, 'db' | 'syncDb' | 'tenantId'>,
  team: TeamCipher,
  expected: BlobMeta,
  remote: FetchedProject,
): Promise<{ plaintext: Uint8Array; payload: ProjectPayload; format: 1 | 2 }> {
  const id = expected.id;
  const seen = await highestSeen(o.syncDb, id);
  const served = remote.meta.version;
  const tagged = remote.etagVersion ?? served;
  if (remote.meta.id !== id || served !== expected.version || tagged !== served || served < seen.version)
    throw new IntegrityError(
      'rollback',
      `project ${id}: server served version ${served} (ETag ${tagged}), listed ${expected.version}, seen ${seen.version}`,
      served,
      Math.max(seen.version, expected.version),
    );
  let opened: Opened;
  try {
    // The listed version, not the served one, is what the envelope must authenticate as.
    opened = await team.open({
      envelope: remote.envelope,
      projectId: id,
      version: expected.version,
      tenantId: o.tenantId?.() ?? '',
      acceptLegacy: seen.format !== 2,
    });
  } catch (e) {
    if (e instanceof CryptoError && e.code === 'unauthentic')
      throw new IntegrityError('unauthentic', e.message, served);
    throw e;
  }
  try {
    const payload = decodePayload(opened.plaintext, id);
    await assertIdsFree(o.db, payload);
    return { plaintext: opened.plaintext, payload, format: opened.formatVersion };
  } catch (e) {
    if (e instanceof PayloadError) throw new IntegrityError('foreign', e.message, served);
    throw e;
  }
}

/**
 * Shows a refused version as a conflict notice (once per project, kind and version), named by the
 * local project's name so that no raw id reaches the screen.
 */
export async function reportRefusal(
  o: Pick<SyncEngineOptions, 'db' | 'syncDb'>,
  projectId: string,
  e: IntegrityError,
  at: number,
): Promise<void> {
  const { syncDb } = o;
  const name = sanitizeDisplayName((await o.db.projects.get(projectId))?.name ?? '');
  await syncDb.transaction('rw', [syncDb.conflicts], async () => {
    const same = await syncDb.conflicts
      .where('projectId')
      .equals(projectId)
      .filter((c) => c.kind === e.kind && c.serverVersion === e.serverVersion)
      .count();
    if (same) return;
    await syncDb.conflicts.add({
      kind: e.kind,
      projectId,
      copyId: '',
      copyName: name,
      serverVersion: e.serverVersion,
      ...(e.seenVersion !== undefined ? { seenVersion: e.seenVersion } : {}),
      at,
    });
  });
}
