import type { FastifyInstance } from 'fastify';
import type { ProjectMember } from '../../../contracts';
import type { Sql } from '../db';
import type { Principal } from '../auth';
import { appendAudit } from '../audit';
import { HttpError, has, mayWrite, idParams, ID_PATTERN, type Access } from '../http';
import type { ApiContext } from './context';

const memberParams = {
  type: 'object',
  required: ['id', 'userId'],
  properties: { id: idParams.properties.id, userId: { type: 'string', pattern: ID_PATTERN } },
} as const;

/** Whether `userId` is the only owner of the project (who may then be neither removed nor demoted). */
async function isLastOwner(sql: Sql, p: Principal, id: string, userId: string): Promise<boolean> {
  const owners = await sql.query<{ user_id: string }>(
    `SELECT user_id FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND access = 'owner'`,
    [p.tenantId, id],
  );
  return owners.length === 1 && owners[0].user_id === userId;
}
const lastOwner = () =>
  new HttpError(
    409,
    'last_owner',
    'A project keeps at least one owner: make someone else owner first, or delete the project',
  );

/** Project members: list, share (grant or change access), unshare; a project keeps an owner. */
export function registerMemberRoutes(api: FastifyInstance, c: ApiContext): void {
  const { principal, inTenant, accessOf, currentMeta, denied, notFound, requireAdmin } = c;

  api.get<{ Params: { id: string } }>(
    '/projects/:id/members',
    { schema: { params: idParams } },
    async (req) => {
      const p = principal(req);
      const id = req.params.id;
      const out = await inTenant(p, async (sql) => {
        if (!(await currentMeta(sql, p, id))) return null;
        // Members read the list; Administrators and Support see every project's metadata anyway.
        if (!(await accessOf(sql, p, id)) && !has(p, 'Administrator') && !has(p, 'Support'))
          return 'denied' as const;
        return sql.query<{
          user_id: string;
          access: Access;
          username: string | null;
          display_name: string | null;
        }>(
          `SELECT m.user_id, m.access, d.username, d.display_name FROM project_members m
             LEFT JOIN user_directory d ON d.tenant_id = m.tenant_id AND d.user_id = m.user_id
           WHERE m.tenant_id = $1 AND m.project_id = $2
           ORDER BY CASE m.access WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END,
             lower(coalesce(d.display_name, d.username, m.user_id))`,
          [p.tenantId, id],
        );
      });
      if (out === 'denied')
        throw denied(p, 'project.read', id, 'membership', 'You are not a member of this project');
      if (!out) throw notFound();
      const members: ProjectMember[] = out.map((r) => ({
        userId: r.user_id,
        access: r.access,
        ...(r.display_name ? { displayName: r.display_name } : {}),
        ...(r.username ? { username: r.username } : {}),
      }));
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
      const result = await inTenant(p, async (sql) => {
        if (!(await currentMeta(sql, p, id))) return 'missing';
        const mine = await accessOf(sql, p, id);
        // Only an owner shares; nobody raises their own access except an MFA-verified Administrator.
        if (mine !== 'owner' || userId === p.userId) {
          if (!has(p, 'Administrator')) return 'denied';
          requireAdmin(p, 'project.share', target);
        }
        if (req.body.access !== 'owner' && (await isLastOwner(sql, p, id, userId))) throw lastOwner();
        const before = await sql.query<{ access: Access }>(
          `SELECT access FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND user_id = $3`,
          [p.tenantId, id, userId],
        );
        await sql.query(
          `INSERT INTO project_members (tenant_id, project_id, user_id, access) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, project_id, user_id) DO UPDATE SET access = EXCLUDED.access`,
          [p.tenantId, id, userId, req.body.access],
        );
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: before[0] ? 'project.role-change' : 'project.share',
          target,
          outcome: 'ok',
          details: { from: before[0]?.access ?? null, to: req.body.access },
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
      const result = await inTenant(p, async (sql) => {
        if (!(await currentMeta(sql, p, id))) return 'missing';
        const mine = await accessOf(sql, p, id);
        if (leaving && !mine) return 'missing';
        if (!leaving && mine !== 'owner') {
          if (!has(p, 'Administrator')) return 'denied';
          requireAdmin(p, 'project.unshare', target);
        }
        if (await isLastOwner(sql, p, id, userId)) throw lastOwner();
        const removed = await sql.query<{ access: Access }>(
          `DELETE FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND user_id = $3 RETURNING access`,
          [p.tenantId, id, userId],
        );
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: 'project.unshare',
          target,
          outcome: 'ok',
          details: { from: removed[0]?.access ?? null, leave: leaving },
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
