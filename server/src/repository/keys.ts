/** Wrapped project keys, one set per user: the SQL of the key routes. */
import type { EncryptedEnvelope } from '../../../contracts';
import type { Sql } from '../db';
import { iso, parseEnvelope } from './projects';

export async function listKeys(
  sql: Sql,
  tenantId: string,
  ownerId: string,
): Promise<{ keyId: string; envelope: EncryptedEnvelope; updatedAt: string }[]> {
  const rows = await sql.query<{ key_id: string; envelope: Uint8Array; updated_at: Date | string }>(
    `SELECT key_id, envelope, updated_at FROM wrapped_keys WHERE tenant_id = $1 AND owner_id = $2 ORDER BY key_id`,
    [tenantId, ownerId],
  );
  return rows.map((r) => ({
    keyId: r.key_id,
    envelope: parseEnvelope(r.envelope),
    updatedAt: iso(r.updated_at),
  }));
}

/** Stores or replaces the owner's wrapped key `keyId`. */
export async function putKey(sql: Sql, tenantId: string, keyId: string, ownerId: string, blob: Buffer) {
  await sql.query(
    `INSERT INTO wrapped_keys (tenant_id, key_id, owner_id, size_bytes, envelope) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, key_id, owner_id) DO UPDATE SET envelope = EXCLUDED.envelope,
       size_bytes = EXCLUDED.size_bytes, updated_at = now()`,
    [tenantId, keyId, ownerId, blob.length, blob],
  );
}
