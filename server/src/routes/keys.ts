import type { FastifyInstance } from 'fastify';
import type { EncryptedEnvelope } from '../../../contracts';
import { appendAudit } from '../audit';
import { envelopeSchema, ID_PATTERN, iso } from '../http';
import type { ApiContext } from './context';

/** The caller's wrapped team keys. */
export function registerKeyRoutes(api: FastifyInstance, c: ApiContext): void {
  const { principal, inTenant } = c;
  api.get('/keys', async (req) => {
    const p = principal(req);
    const rows = await inTenant(p, (sql) =>
      sql.query<{ key_id: string; envelope: Uint8Array; updated_at: Date | string }>(
        `SELECT key_id, envelope, updated_at FROM wrapped_keys WHERE tenant_id = $1 AND owner_id = $2 ORDER BY key_id`,
        [p.tenantId, p.userId],
      ),
    );
    return {
      keys: rows.map((r) => ({
        keyId: r.key_id,
        envelope: JSON.parse(Buffer.from(r.envelope).toString('utf8')) as EncryptedEnvelope,
        updatedAt: iso(r.updated_at),
      })),
    };
  });

  api.put<{ Params: { keyId: string }; Body: { envelope: EncryptedEnvelope } }>(
    '/keys/:keyId',
    {
      schema: {
        params: {
          type: 'object',
          required: ['keyId'],
          properties: { keyId: { type: 'string', pattern: ID_PATTERN } },
        },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['envelope'],
          properties: { envelope: envelopeSchema },
        },
      },
    },
    async (req) => {
      const p = principal(req);
      const blob = Buffer.from(JSON.stringify(req.body.envelope), 'utf8');
      await inTenant(p, async (sql) => {
        await sql.query(
          `INSERT INTO wrapped_keys (tenant_id, key_id, owner_id, size_bytes, envelope) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (tenant_id, key_id, owner_id) DO UPDATE SET envelope = EXCLUDED.envelope,
             size_bytes = EXCLUDED.size_bytes, updated_at = now()`,
          [p.tenantId, req.params.keyId, p.userId, blob.length, blob],
        );
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: 'key.put',
          target: req.params.keyId,
          outcome: 'ok',
        });
      });
      return { keyId: req.params.keyId };
    },
  );
}
