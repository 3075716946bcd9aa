/** Sharing: a project's members, share or change access, unshare or leave. */
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit';
import { HttpError } from '../errors';
import {
  accessOf,
  currentMeta,
  isLastOwner,
  listMembers,
  removeMember,
  setMember,
  type Access,
} from '../repository';
import {
  denied,
  isAdministrator,
  seesTenant,
  idParams,
  idSchema,
  inTenant,
  mayWrite,
  notFound,
  principal,
  requireAdmin,
  type RouteContext,
} from './common';

const memberParams = {
  type: 'object',
  required: ['id', 'userId'],
  properties: { id: idParams.properties.id, userId: idSchema },
} as const;

const lastOwner = () =>
  new HttpError(
    409,
    'last_owner',
    'A project keeps at least one owner: make someone else owner first, or delete the project',
  );

export function registerMemberRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get<{ Params: { id: string } }>(
    '/projects/:id/members',
    { schema: { params: idParams } },
    async (req) => {
      const p = principal(req);
      const id = req.params.id;
      const members = await inTenant(ctx, p, async (sql) => {
        if (!(await currentMeta(sql, p.tenantId, id))) return null;
        // Members read the list; Administrators and Support see every project's metadata anyway.
        if (!(await accessOf(sql, p.tenantId, id, p.userId)) && !seesTenant(p)) return 'denied' as const;
        return listMembers(sql, p.tenantId, id);
      });
      if (members === 'denied')
        throw denied(p, 'project.read', id, 'membership', 'You are not a member of this project');
      if (!members) throw notFound();
      return { members };
    },
  );

  api.put<{ Params: { id: string; userId: string }; Body: { access: Access } }>(
    '/projects/:id/members/:userId',
    {
      schema: {
        params: memberParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['access'],
          properties: { access: { enum: ['owner', 'editor', 'viewer'] } },
        },
      },
    },
    async (req) => {
      const p = principal(req);
      const { id, userId } = req.params;
      const target = `${id}/${userId}`;
      if (!mayWrite(p)) throw denied(p, 'project.share', target, 'role', 'Your role may not share');
      const result = await inTenant(ctx, p, async (sql) => {
        if (!(await currentMeta(sql, p.tenantId, id))) return 'missing';
        const mine = await accessOf(sql, p.tenantId, id, p.userId);
        // Only an owner shares; nobody raises their own access except an MFA-verified Administrator.
        if (mine !== 'owner' || userId === p.userId) {
          if (!isAdministrator(p)) return 'denied';
          requireAdmin(ctx, p, 'project.share', target);
        }
        if (req.body.access !== 'owner' && (await isLastOwner(sql, p.tenantId, id, userId)))
          throw lastOwner();
        const before = await setMember(sql, p.tenantId, id, userId, req.body.access);
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: before ? 'project.role-change' : 'project.share',
          target,
          outcome: 'ok',
          details: { from: before, to: req.body.access },
        });
        return 'ok';
      });
      if (result === 'missing') throw notFound();
      if (result === 'denied')
        throw denied(p, 'project.share', target, 'membership', 'Only an owner may share');
      return { projectId: id, userId, access: req.body.access };
    },
  );

  api.delete<{ Params: { id: string; userId: string } }>(
    '/projects/:id/members/:userId',
    { schema: { params: memberParams } },
    async (req, reply) => {
      const p = principal(req);
      const { id, userId } = req.params;
      const target = `${id}/${userId}`;
      // Leaving (removing one's own membership) lowers one's own access: every role may do it.
      const leaving = userId === p.userId;
      if (!leaving && !mayWrite(p))
        throw denied(p, 'project.unshare', target, 'role', 'Your role may not unshare');
      const result = await inTenant(ctx, p, async (sql) => {
        if (!(await currentMeta(sql, p.tenantId, id))) return 'missing';
        const mine = await accessOf(sql, p.tenantId, id, p.userId);
        if (leaving && !mine) return 'missing';
        if (!leaving && mine !== 'owner') {
          if (!isAdministrator(p)) return 'denied';
          requireAdmin(ctx, p, 'project.unshare', target);
        }
        if (await isLastOwner(sql, p.tenantId, id, userId)) throw lastOwner();
        const removed = await removeMember(sql, p.tenantId, id, userId);
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: 'project.unshare',
          target,
          outcome: 'ok',
          details: { from: removed, leave: leaving },
        });
        return 'ok';
      });
      if (result === 'missing') throw notFound();
      if (result === 'denied')
        throw denied(p, 'project.unshare', target, 'membership', 'Only an owner may unshare');
      return reply.code(204).send();
    },
  );
}
