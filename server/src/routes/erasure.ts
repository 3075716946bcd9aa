/** Erasure for Administrators (with MFA): one user's data, or the whole tenant (confirmed by header). */
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit';
import { HttpError } from '../errors';
import { eraseTenant, eraseUser } from '../repository';
import { idSchema, inTenant, principal, requireAdmin, type RouteContext } from './common';

export function registerErasureRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.delete<{ Params: { userId: string } }>(
    '/admin/users/:userId',
    { schema: { params: { type: 'object', required: ['userId'], properties: { userId: idSchema } } } },
    async (req) => {
      const p = principal(req);
      const userId = req.params.userId;
      requireAdmin(ctx, p, 'admin.user-erase', userId);
      return inTenant(ctx, p, async (sql) => {
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
    requireAdmin(ctx, p, 'admin.tenant-erase', p.tenantId);
    if (req.headers['x-confirm-tenant'] !== p.tenantId)
      throw new HttpError(
        400,
        'confirmation_required',
        'Send X-Confirm-Tenant: <your tenant id> to erase the tenant',
      );
    return inTenant(ctx, p, async (sql) => {
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
