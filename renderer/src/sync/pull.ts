import { CryptoError, type TeamCipher } from '../../../contracts';
import type { SyncEngineOptions } from './engineTypes';
import { checkListed, IntegrityError, openRemote, recordSeen, reportRefusal } from './integrity';
import { isRemoval } from './outbox';
import { PayloadError, sha256Hex, writePayload } from './payload';

/**
 * Downloads projects that are new or newer on the server and not edited locally. A project synced
 * here that the server no longer lists for us (deleted by another member, or our membership
 * removed) is kept locally and marked gone (`markGone`) instead of being deleted: no data is lost.
 * `again` asks for another round (a project shared again syncs from the next one on). A version
 * refused by the integrity checks (rollback, not authentic, records of another project: see
 * integrity.ts) changes nothing local and is reported as a conflict notice.
 */
export async function pullProjects(
  o: Pick<SyncEngineOptions, 'db' | 'syncDb' | 'transport' | 'tenantId'>,
  now: () => number,
  team: TeamCipher,
  markGone: (projectId: string) => Promise<void>,
  again: () => void,
): Promise<void> {
  const { syncDb, transport } = o;
  // Administrators and Support list every project of the tenant; only memberships are synced.
  const metas = (await transport.list()).filter((m) => m.access !== null);
  const listed = new Set(metas.map((m) => m.id));
  for (const state of await syncDb.state.toArray()) {
    if (state.goneAt || listed.has(state.projectId)) continue;
    if (isRemoval(await syncDb.outbox.get(state.projectId))) continue; // our own removal
    await markGone(state.projectId);
  }
  const skipped: string[] = [];
  for (const meta of metas) {
    let state = await syncDb.state.get(meta.id);
    if (state?.goneAt) {
      // Back on the server for us (shared again): sync from the next round on, so that a local
      // edit made meanwhile is uploaded (or kept as a conflict copy), never overwritten.
      await syncDb.state.update(meta.id, {
        goneAt: undefined,
        ...(meta.access ? { access: meta.access } : {}),
      });
      again();
      continue;
    }
    if (state && meta.access && state.access !== meta.access) {
      await syncDb.state.update(meta.id, { access: meta.access });
      state = { ...state, access: meta.access };
    }
    const known = state;
    const putState = async (plaintext: Uint8Array, envelope: { keyId: string; wrappedKey_b64: string }) =>
      syncDb.state.put({
        projectId: meta.id,
        version: meta.version,
        keyId: envelope.keyId,
        wrappedKey_b64: envelope.wrappedKey_b64,
        syncedHash: await sha256Hex(new Uint8Array(plaintext)),
        ...(meta.access ? { access: meta.access } : known?.access ? { access: known.access } : {}),
      });
    try {
      await checkListed(syncDb, meta);
      if (state && state.version >= meta.version) continue;
      // An upload will meet the conflict; a removal pending means it was deleted here.
      if (await syncDb.outbox.get(meta.id)) continue;
      const remote = await transport.get(meta.id);
      if (!remote) continue;
      const { plaintext, payload, format } = await openRemote(o, team, meta, remote);
      await writePayload(o.db, payload);
      await recordSeen(syncDb, meta.id, meta.version, format);
      await putState(plaintext, remote.envelope);
    } catch (e) {
      if (e instanceof IntegrityError) {
        await reportRefusal(o, meta.id, e, now());
        continue;
      }
      if (e instanceof PayloadError) {
        // Ids taken here by another project: refused by writePayload, nothing written.
        await reportRefusal(o, meta.id, new IntegrityError('foreign', e.message, meta.version), now());
        continue;
      }
      // E.g. encrypted under another team key: skip it, report it, keep syncing the others.
      if (!(e instanceof CryptoError)) throw e;
      skipped.push(`${meta.id}: ${e.message}`);
      continue;
    }
  }
  if (skipped.length)
    throw new CryptoError(`cannot open ${skipped.length} project(s): ${skipped.join('; ')}`);
}
