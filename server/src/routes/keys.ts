/** The caller's wrapped project keys. */
import type { FastifyInstance } from 'fastify';
import type { EncryptedEnvelope } from '../../../contracts';
import { appendAudit } from '../audit';
import { listKeys, putKey } from '../repository';
import { envelopeBody, idSchema, inTenant, principal, type RouteContext } from './common';

export function registerKeyRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get('/keys', async (req) => {
    const p = principal(req);
    const keys = await inTenant(ctx, p, (sql) => listKeys(sql, p.tenantId, p.userId));
    return { keys };
  });

  api.put<{ Params: { keyId: string }; Body: { envelope: EncryptedEnvelope } }>(
    '/keys/:keyId',
    {
      schema: {
        params: { type: 'object', required: ['keyId'], properties: { keyId: idSchema } },
        body: envelopeBody,
      },
    },
    async (req) => {
      const p = principal(req);
      const blob = Buffer.from(JSON.stringify(req.body.envelope), 'utf8');
      await inTenant(ctx, p, async (sql) => {
        await putKey(sql, p.tenantId, req.params.keyId, p.userId, blob);
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
