import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { BlobMeta, ConflictResponse, EncryptedEnvelope, ListedProject } from '../../../contracts';
import { appendAudit } from '../audit';
import {
  has,
  mayWrite,
  parseIfMatch,
  envelopeSchema,
  idParams,
  type ProjectRow,
  iso,
  toMeta,
  type Access,
} from '../http';
import { eraseProject } from '../erasure';
import type { ApiContext } from './context';

/** Projects: the list, and a project's current and earlier versions. */
export function registerProjectReadRoutes(api: FastifyInstance, c: ApiContext): void {
  const { principal, inTenant, accessOf, currentMeta, denied, notFound } = c;
  api.get('/projects', async (req) => {
    const p = principal(req);
    const tenantWide = has(p, 'Administrator') || has(p, 'Support');
    // Each project with the caller's own access (null: listed tenant-wide, not a member).
    const rows = await inTenant(p, (sql) =>
      sql.query<ProjectRow & { access: Access | null }>(
        `SELECT pr.*, m.access FROM projects pr LEFT JOIN project_members m
           ON m.tenant_id = pr.tenant_id AND m.project_id = pr.id AND m.user_id = $2
         WHERE pr.tenant_id = $1 ${tenantWide ? '' : 'AND m.user_id IS NOT NULL'} ORDER BY pr.id`,
        [p.tenantId, p.userId],
      ),
    );
    const projects: ListedProject[] = rows.map((r) => ({ ...toMeta(r), access: r.access ?? null }));
    return { projects };
  });

  async function readVersion(req: FastifyRequest, reply: FastifyReply, id: string, version: number | null) {
    const p = principal(req);
    const result = await inTenant(p, async (sql) => {
      const meta = await currentMeta(sql, p, id);
      if (!meta) return null;
      if (!(await accessOf(sql, p, id))) return 'denied' as const;
      const v = version ?? meta.version;
      const rows = await sql.query<{
        envelope: Uint8Array;
        version: number;
        size_bytes: number;
        author_id: string;
        created_at: Date | string;
      }>(
        `SELECT envelope, version, size_bytes, author_id, created_at FROM project_versions
         WHERE tenant_id = $1 AND project_id = $2 AND version = $3`,
        [p.tenantId, id, v],
      );
      if (!rows[0]) return null;
      const r = rows[0];
      const m: BlobMeta =
        version === null
          ? meta
          : {
              ...meta,
              version: Number(r.version),
              size_bytes: Number(r.size_bytes),
              authorId: r.author_id,
              updatedAt: iso(r.created_at),
            };
      return {
        meta: m,
        envelope: JSON.parse(Buffer.from(r.envelope).toString('utf8')) as EncryptedEnvelope,
      };
    });
    if (result === 'denied')
      throw denied(p, 'project.read', id, 'membership', 'You are not a member of this project');
    if (!result) throw notFound();
    reply.header('ETag', `"${result.meta.version}"`);
    return result;
  }

  api.get<{ Params: { id: string } }>('/projects/:id', { schema: { params: idParams } }, (req, reply) =>
    readVersion(req, reply, req.params.id, null),
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
    (req, reply) => readVersion(req, reply, req.params.id, req.params.version),
  );
  api.get<{ Params: { id: string } }>(
    '/projects/:id/versions',
    { schema: { params: idParams } },
    async (req) => {
      const p = principal(req);
      const id = req.params.id;
      const out = await inTenant(p, async (sql) => {
        const meta = await currentMeta(sql, p, id);
        if (!meta) return null;
        if (!(await accessOf(sql, p, id))) return 'denied' as const;
        const rows = await sql.query<{
          version: number;
          size_bytes: number;
          author_id: string;
          created_at: Date | string;
        }>(
          `SELECT version, size_bytes, author_id, created_at FROM project_versions
         WHERE tenant_id = $1 AND project_id = $2 ORDER BY version`,
          [p.tenantId, id],
        );
        return rows.map((r): BlobMeta => ({
          ...meta,
          version: Number(r.version),
          size_bytes: Number(r.size_bytes),
          authorId: r.author_id,
          updatedAt: iso(r.created_at),
        }));
      });
      if (out === 'denied')
        throw denied(p, 'project.read', id, 'membership', 'You are not a member of this project');
      if (!out) throw notFound();
      return { versions: out };
    },
  );
}

/** Projects: write with optimistic concurrency (If-Match / If-None-Match), delete. */
export function registerProjectWriteRoutes(api: FastifyInstance, c: ApiContext): void {
  const { principal, inTenant, accessOf, currentMeta, denied, notFound, requireAdmin, audit, metrics } = c;
  api.put<{ Params: { id: string }; Body: { envelope: EncryptedEnvelope } }>(
    '/projects/:id',
    {
      schema: {
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['envelope'],
          properties: { envelope: envelopeSchema },
        },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const id = req.params.id;
      if (!mayWrite(p)) throw denied(p, 'project.update', id, 'role', 'Your role may not write');
      const blob = Buffer.from(JSON.stringify(req.body.envelope), 'utf8');
      const create = req.headers['if-none-match']?.trim() === '*';
      const expected = parseIfMatch(req.headers['if-match']);
      const outcome = await inTenant(p, async (sql) => {
        if (create) {
          const rows = await sql.query<ProjectRow>(
            `INSERT INTO projects (tenant_id, id, version, size_bytes, author_id) VALUES ($1, $2, 1, $3, $4)
             ON CONFLICT (tenant_id, id) DO NOTHING RETURNING *`,
            [p.tenantId, id, blob.length, p.userId],
          );
          if (!rows[0]) {
            const access = await accessOf(sql, p, id);
            return { conflict: access ? await currentMeta(sql, p, id) : null };
          }
          await sql.query(
            `INSERT INTO project_members (tenant_id, project_id, user_id, access) VALUES ($1, $2, $3, 'owner')`,
            [p.tenantId, id, p.userId],
          );
          await sql.query(
            `INSERT INTO project_versions (tenant_id, project_id, version, size_bytes, author_id, created_at, envelope)
             VALUES ($1, $2, 1, $3, $4, $5, $6)`,
            [p.tenantId, id, blob.length, p.userId, rows[0].created_at, blob],
          );
          await appendAudit(sql, p.tenantId, {
            actorId: p.userId,
            action: 'project.create',
            target: id,
            outcome: 'ok',
            details: { version: 1, size_bytes: blob.length },
          });
          return { created: toMeta(rows[0]) };
        }
        const access = await accessOf(sql, p, id);
        if (!access) return (await currentMeta(sql, p, id)) ? { denied: true } : { missing: true };
        if (access === 'viewer') return { denied: true };
        if (expected === null) return { conflict: await currentMeta(sql, p, id) };
        const rows = await sql.query<ProjectRow>(
          `UPDATE projects SET version = version + 1, size_bytes = $4, author_id = $5, updated_at = now()
           WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING *`,
          [p.tenantId, id, expected, blob.length, p.userId],
        );
        if (!rows[0]) return { conflict: await currentMeta(sql, p, id) };
        const meta = toMeta(rows[0]);
        await sql.query(
          `INSERT INTO project_versions (tenant_id, project_id, version, size_bytes, author_id, created_at, envelope)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [p.tenantId, id, meta.version, blob.length, p.userId, rows[0].updated_at, blob],
        );
        await appendAudit(sql, p.tenantId, {
          actorId: p.userId,
          action: 'project.update',
          target: id,
          outcome: 'ok',
          details: { version: meta.version, size_bytes: blob.length },
        });
        return { updated: meta };
      });
      if ('denied' in outcome)
        throw denied(p, 'project.update', id, 'membership', 'You may not write this project');
      if ('missing' in outcome) throw notFound();
      if ('conflict' in outcome) {
        metrics.conflicts.inc();
        await audit(p.tenantId, {
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
      const meta = 'created' in outcome ? outcome.created : 'updated' in outcome ? outcome.updated : null;
      if (!meta) throw new Error('unreachable: write without outcome');
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
      const result = await inTenant(p, async (sql) => {
        if (!(await currentMeta(sql, p, id))) return 'missing';
        const access = await accessOf(sql, p, id);
        if (access !== 'owner') {
          if (!has(p, 'Administrator')) return 'denied';
          requireAdmin(p, 'project.delete', id);
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
