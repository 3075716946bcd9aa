/**
 * Data-subject access (GDPR Art. 15): what the server holds about the caller, or, for an
 * Administrator with MFA, about one user of the tenant. Each export is audited.
 */
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit';
import { subjectData } from '../repository/subject';
import { idSchema, inTenant, principal, requireAdmin, type RouteContext } from './common';

export function registerSubjectRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get('/me/export', async (req) => {
    const p = principal(req);
    return inTenant(ctx, p, async (sql) => {
      await appendAudit(sql, p.tenantId, {
        actorId: p.userId,
        action: 'subject.export',
        target: p.userId,
        outcome: 'ok',
      });
      return subjectData(sql, p.tenantId, p.userId);
    });
  });

  api.get<{ Params: { userId: string } }>(
    '/admin/users/:userId/export',
    { schema: { params: { type: 'object', required: ['userId'], properties: { userId: idSchema } } } },
    async (req) => {
      const p = principal(req);
      const userId = req.params.userId;
      requireAdmin(ctx, p, 'admin.user-export', userId);
      return inTenant(ctx, p, async (sql) => {
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: 'admin.user-export',
          target: userId,
          outcome: 'ok',
        });
        return subjectData(sql, p.tenantId, userId);
      });
    },
  );
}
