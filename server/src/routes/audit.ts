/** The tenant's audit chain for Administrators (with MFA): read pages, export all as NDJSON. */
import type { FastifyInstance } from 'fastify';
import { appendAudit, readAudit, verifyChain } from '../audit';
import { readCheckpoint } from '../retention';
import { inTenant, principal, requireAdmin, type RouteContext } from './common';

export function registerAuditRoutes(api: FastifyInstance, ctx: RouteContext): void {
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
      requireAdmin(ctx, p, 'admin.audit-read', 'audit');
      return inTenant(ctx, p, async (sql) => {
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: 'admin.audit-read',
          target: 'audit',
          outcome: 'ok',
        });
        const entries = await readAudit(sql, p.tenantId, req.query.after ?? 0, req.query.limit ?? 1000);
        // Where the chain starts after retention (null: at the genesis).
        return { entries, checkpoint: await readCheckpoint(sql, p.tenantId) };
      });
    },
  );

  api.get('/admin/audit/export', async (req, reply) => {
    const p = principal(req);
    requireAdmin(ctx, p, 'admin.audit-export', 'audit');
    const { entries, checkpoint } = await inTenant(ctx, p, async (sql) => {
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
      return { entries: all, checkpoint: await readCheckpoint(sql, p.tenantId) };
    });
    const check = verifyChain(entries, checkpoint);
    return reply
      .type('application/x-ndjson')
      .header('Content-Disposition', `attachment; filename="audit-${p.tenantId}.ndjson"`)
      .header('X-Audit-Chain', check.ok ? 'verified' : `broken-at-${check.brokenAt}`)
      .header('X-Audit-Checkpoint', checkpoint ? `${checkpoint.n}:${checkpoint.hash}` : 'none')
      .send(entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
  });
}
