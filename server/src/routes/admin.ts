import type { FastifyInstance } from 'fastify';
import { appendAudit, readAudit, verifyChain } from '../audit';
import { HttpError, ID_PATTERN } from '../http';
import { eraseUser, eraseTenant } from '../erasure';
import type { ApiContext } from './context';

/** Administration (Administrator role with MFA evidence): audit log and its export, erasure of a user or the tenant. */
export function registerAdminRoutes(api: FastifyInstance, c: ApiContext): void {
  const { principal, inTenant, requireAdmin } = c;
  // ---- administrative: Administrator role + MFA evidence -------------------------------------
  api.get<{ Querystring: { after?: number; limit?: number } }>(
    '/admin/audit',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            after: { type: 'integer', minimum: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 1000 },
          },
        },
      },
    },
    async (req) => {
      const p = principal(req);
      requireAdmin(p, 'admin.audit-read', 'audit');
      return inTenant(p, async (sql) => {
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: 'admin.audit-read',
          target: 'audit',
          outcome: 'ok',
        });
        const entries = await readAudit(sql, p.tenantId, req.query.after ?? 0, req.query.limit ?? 1000);
        return { entries };
      });
    },
  );

  api.get('/admin/audit/export', async (req, reply) => {
    const p = principal(req);
    requireAdmin(p, 'admin.audit-export', 'audit');
    const entries = await inTenant(p, async (sql) => {
      await appendAudit(sql, p.tenantId, {
        actorId: p.userId,
        action: 'admin.audit-export',
        target: 'audit',
        outcome: 'ok',
      });
      const all = [];
      for (let after = 0; ;) {
        const page = await readAudit(sql, p.tenantId, after, 5000);
        all.push(...page);
        if (page.length < 5000) break;
        after = page[page.length - 1].n;
      }
      return all;
    });
    const check = verifyChain(entries);
    return reply
      .type('application/x-ndjson')
      .header('Content-Disposition', `attachment; filename="audit-${p.tenantId}.ndjson"`)
      .header('X-Audit-Chain', check.ok ? 'verified' : `broken-at-${check.brokenAt}`)
      .send(entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
  });

  api.delete<{ Params: { userId: string } }>(
    '/admin/users/:userId',
    {
      schema: {
        params: {
          type: 'object',
          required: ['userId'],
          properties: { userId: { type: 'string', pattern: ID_PATTERN } },
        },
      },
    },
    async (req) => {
      const p = principal(req);
      const userId = req.params.userId;
      requireAdmin(p, 'admin.user-erase', userId);
      return inTenant(p, async (sql) => {
        const counts = await eraseUser(sql, p.tenantId, userId);
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: 'admin.user-erase',
          target: userId,
          outcome: 'ok',
          details: counts,
        });
        return { userId, ...counts };
      });
    },
  );

  api.delete('/admin/tenant', async (req) => {
    const p = principal(req);
    requireAdmin(p, 'admin.tenant-erase', p.tenantId);
    if (req.headers['x-confirm-tenant'] !== p.tenantId)
      throw new HttpError(
        400,
        'confirmation_required',
        'Send X-Confirm-Tenant: <your tenant id> to erase the tenant',
      );
    return inTenant(p, async (sql) => {
      const counts = await eraseTenant(sql, p.tenantId);
      await appendAudit(sql, p.tenantId, {
        actorId: p.userId,
        action: 'admin.tenant-erase',
        target: p.tenantId,
        outcome: 'ok',
        details: counts,
      });
      return { tenantId: p.tenantId, ...counts };
    });
  });
}
