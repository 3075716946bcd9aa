/** Projects: list, read (current or one version), version history, write (create/update), delete. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BlobMeta, ConflictResponse, EncryptedEnvelope } from '../../../contracts';
import { appendAudit } from '../audit';
import { checkQuota } from '../limits';
import type { Principal } from '../auth';
import type { Sql } from '../db';
import {
  accessOf,
  createProject,
  currentMeta,
  eraseProject,
  listProjects,
  listVersions,
  readVersion,
  updateProject,
} from '../repository';
import {
  denied,
  envelopeBody,
  isAdministrator,
  seesTenant,
  idParams,
  inTenant,
  mayWrite,
  notFound,
  principal,
  requireAdmin,
  type RouteContext,
} from './common';

type WriteOutcome =
  | { created: BlobMeta }
  | { updated: BlobMeta }
  | { conflict: BlobMeta | null }
  | { denied: true }
  | { missing: true };

function parseIfMatch(header: string | undefined): number | null {
  const m = header ? /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim()) : null;
  return m ? Number(m[1]) : null;
}

export function registerProjectRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get('/projects', async (req) => {
    const p = principal(req);
    const tenantWide = seesTenant(p);
    const projects = await inTenant(ctx, p, (sql) => listProjects(sql, p.tenantId, p.userId, tenantWide));
    return { projects };
  });

  /** The current version (`version` null) or one stored version, with its envelope and ETag. */
  async function read(req: FastifyRequest, reply: FastifyReply, id: string, version: number | null) {
    const p = principal(req);
    const result = await inTenant(ctx, p, async (sql) => {
      const meta = await currentMeta(sql, p.tenantId, id);
      if (!meta) return null;
      if (!(await accessOf(sql, p.tenantId, id, p.userId))) return 'denied' as const;
      return readVersion(sql, meta, version);
    });
    if (result === 'denied')
      throw denied(p, 'project.read', id, 'membership', 'You are not a member of this project');
    if (!result) throw notFound();
    reply.header('ETag', `"${result.meta.version}"`);
    return result;
  }

  api.get<{ Params: { id: string } }>('/projects/:id', { schema: { params: idParams } }, (req, reply) =>
    read(req, reply, req.params.id, null),
  );
  api.get<{ Params: { id: string; version: number } }>(
    '/projects/:id/versions/:version',
    {
      schema: {
        params: {
          type: 'object',
          required: ['id', 'version'],
          properties: { id: idParams.properties.id, version: { type: 'integer', minimum: 1 } },
        },
      },
    },
    (req, reply) => read(req, reply, req.params.id, req.params.version),
  );
  api.get<{ Params: { id: string } }>(
    '/projects/:id/versions',
    { schema: { params: idParams } },
    async (req) => {
      const p = principal(req);
      const id = req.params.id;
      const out = await inTenant(ctx, p, async (sql) => {
        const meta = await currentMeta(sql, p.tenantId, id);
        if (!meta) return null;
        if (!(await accessOf(sql, p.tenantId, id, p.userId))) return 'denied' as const;
        return listVersions(sql, meta);
      });
      if (out === 'denied')
        throw denied(p, 'project.read', id, 'membership', 'You are not a member of this project');
      if (!out) throw notFound();
      return { versions: out };
    },
  );

  api.put<{ Params: { id: string }; Body: { envelope: EncryptedEnvelope } }>(
    '/projects/:id',
    { schema: { params: idParams, body: envelopeBody } },
    async (req, reply) => {
      const p = principal(req);
      const id = req.params.id;
      if (!mayWrite(p)) throw denied(p, 'project.update', id, 'role', 'Your role may not write');
      const blob = Buffer.from(JSON.stringify(req.body.envelope), 'utf8');
      const create = req.headers['if-none-match']?.trim() === '*';
      const expected = parseIfMatch(req.headers['if-match']);
      const outcome = await inTenant(ctx, p, (sql) =>
        write(sql, ctx, p, id, blob, create ? 'create' : expected),
      );
      if ('denied' in outcome)
        throw denied(p, 'project.update', id, 'membership', 'You may not write this project');
      if ('missing' in outcome) throw notFound();
      if ('conflict' in outcome) {
        ctx.metrics.conflicts.inc();
        await ctx.audit(p.tenantId, {
          actorId: p.userId,
          action: 'project.conflict',
          target: id,
          outcome: 'conflict',
          details: {
            expected: expected ?? (create ? 'create' : 'none'),
            current: outcome.conflict?.version ?? null,
          },
        });
        const body: ConflictResponse = { error: 'conflict', current: outcome.conflict ?? null };
        return reply.code(409).send(body);
      }
      const meta = 'created' in outcome ? outcome.created : outcome.updated;
      reply.header('ETag', `"${meta.version}"`);
      return reply.code('created' in outcome ? 201 : 200).send({ meta });
    },
  );

  api.delete<{ Params: { id: string } }>(
    '/projects/:id',
    { schema: { params: idParams } },
    async (req, reply) => {
      const p = principal(req);
      const id = req.params.id;
      if (!mayWrite(p)) throw denied(p, 'project.delete', id, 'role', 'Your role may not delete');
      const result = await inTenant(ctx, p, async (sql) => {
        if (!(await currentMeta(sql, p.tenantId, id))) return 'missing';
        const access = await accessOf(sql, p.tenantId, id, p.userId);
        if (access !== 'owner') {
          if (!isAdministrator(p)) return 'denied';
          requireAdmin(ctx, p, 'project.delete', id);
        }
        const counts = await eraseProject(sql, p.tenantId, id);
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: 'project.delete',
          target: id,
          outcome: 'ok',
          details: counts,
        });
        return 'ok';
      });
      if (result === 'missing') throw notFound();
      if (result === 'denied')
        throw denied(p, 'project.delete', id, 'membership', 'Only an owner or Administrator may delete');
      return reply.code(204).send();
    },
  );
}

/**
 * One write in the caller's transaction: `'create'` (If-None-Match: *) creates version 1, a
 * number (If-Match) stores the next version if that is the current one, null is a conflict.
 */
async function write(
  sql: Sql,
  ctx: RouteContext,
  p: Principal,
  id: string,
  blob: Buffer,
  precondition: 'create' | number | null,
): Promise<WriteOutcome> {
  if (precondition === 'create') {
    await checkQuota(sql, ctx.config, p.tenantId, p.userId, blob.length);
    const created = await createProject(sql, p.tenantId, id, p.userId, blob);
    if (!created) {
      const access = await accessOf(sql, p.tenantId, id, p.userId);
      return { conflict: access ? await currentMeta(sql, p.tenantId, id) : null };
    }
    await appendAudit(sql, p.tenantId, {
      actorId: p.userId,
      action: 'project.create',
      target: id,
      outcome: 'ok',
      details: { version: 1, size_bytes: blob.length },
    });
    return { created };
  }
  const access = await accessOf(sql, p.tenantId, id, p.userId);
  if (!access) return (await currentMeta(sql, p.tenantId, id)) ? { denied: true } : { missing: true };
  if (access === 'viewer') return { denied: true };
  if (precondition === null) return { conflict: await currentMeta(sql, p.tenantId, id) };
  await checkQuota(sql, ctx.config, p.tenantId, p.userId, blob.length);
  const updated = await updateProject(sql, p.tenantId, id, precondition, p.userId, blob);
  if (!updated) return { conflict: await currentMeta(sql, p.tenantId, id) };
  await appendAudit(sql, p.tenantId, {
    actorId: p.userId,
    action: 'project.update',
    target: id,
    outcome: 'ok',
    details: { version: updated.version, size_bytes: blob.length },
  });
  return { updated };
}
