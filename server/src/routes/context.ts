import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { BlobMeta } from '../../../contracts';
import type { Db, Sql } from '../db';
import { type Principal, AuthError } from '../auth';
import type { AuditInput } from '../audit';
import { HttpError, mfaChallenge, has, type ProjectRow, toMeta, type Access } from '../http';
import type { ServerConfig } from '../config';
import type { Metrics } from '../metrics';

/** What every route of the authenticated API needs: the caller, tenant-scoped SQL, access checks, refusals. */
export interface ApiContext {
  config: ServerConfig;
  db: Db;
  metrics: Metrics;
  log: FastifyBaseLogger;
  /** Appends to the tenant's audit chain; a failure is logged, never fails the request. */
  audit(tenantId: string, input: AuditInput): Promise<void>;
  principal(req: FastifyRequest): Principal;
  inTenant<T>(p: Principal, fn: (sql: Sql) => Promise<T>): Promise<T>;
  accessOf(sql: Sql, p: Principal, id: string): Promise<Access | null>;
  currentMeta(sql: Sql, p: Principal, id: string): Promise<BlobMeta | null>;
  denied(p: Principal, action: AuditInput['action'], target: string, why: string, message: string): HttpError;
  notFound(): HttpError;
  requireAdmin(p: Principal, action: AuditInput['action'], target: string): void;
}

export function apiContext(o: Pick<ApiContext, 'config' | 'db' | 'metrics' | 'log' | 'audit'>): ApiContext {
  const { config, db } = o;
  const principal = (req: FastifyRequest): Principal => {
    if (!req.principal) throw new AuthError('missing', 'Not authenticated');
    return req.principal;
  };
  const inTenant = <T>(p: Principal, fn: (sql: Sql) => Promise<T>) => db.tenant(p.tenantId, fn);

  async function accessOf(sql: Sql, p: Principal, id: string): Promise<Access | null> {
    const rows = await sql.query<{ access: Access }>(
      `SELECT access FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND user_id = $3`,
      [p.tenantId, id, p.userId],
    );
    return rows[0]?.access ?? null;
  }
  async function currentMeta(sql: Sql, p: Principal, id: string): Promise<BlobMeta | null> {
    const rows = await sql.query<ProjectRow>(`SELECT * FROM projects WHERE tenant_id = $1 AND id = $2`, [
      p.tenantId,
      id,
    ]);
    return rows[0] ? toMeta(rows[0]) : null;
  }
  const denied = (p: Principal, action: AuditInput['action'], target: string, why: string, message: string) =>
    new HttpError(403, 'forbidden', message, {
      actorId: p.userId,
      action: 'access.denied',
      target,
      outcome: 'refused',
      details: { attempted: action, why },
    });
  const notFound = () => new HttpError(404, 'not_found', 'No such project in your tenant');

  /** Administrator role and MFA evidence, else 403 (audited). */
  function requireAdmin(p: Principal, action: AuditInput['action'], target: string) {
    if (!has(p, 'Administrator')) throw denied(p, action, target, 'role', 'Administrator role required');
    if (!p.mfa)
      throw new HttpError(
        403,
        'mfa_required',
        'Administrative actions require multi-factor authentication',
        {
          actorId: p.userId,
          action: 'access.denied',
          target,
          outcome: 'refused',
          details: { attempted: action, why: 'mfa' },
        },
        mfaChallenge(config.auth.mfaAcrs),
      );
  }

  return { ...o, principal, inTenant, accessOf, currentMeta, denied, notFound, requireAdmin };
}
