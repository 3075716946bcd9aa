/**
 * Authentication of every API request: the bearer token is verified (a refusal is a 401, see
 * ../errors.ts), the principal set on the request, and each token's first use recorded once per
 * instance as a `sign-in` audit entry and in the tenant's user directory.
 */
import type { FastifyInstance } from 'fastify';
import type { Principal, Verifier } from '../auth';
import { rememberUser } from '../repository';
import type { RouteContext } from './common';

export function registerAuthentication(api: FastifyInstance, ctx: RouteContext, verify: Verifier): void {
  const signIns = new Set<string>();
  api.addHook('onRequest', async (req) => {
    const p = await verify(req.headers.authorization);
    req.principal = p;
    const key = `${p.tenantId}:${p.userId}:${p.issuedAt}`;
    if (!signIns.has(key)) {
      if (signIns.size > 50_000) signIns.clear();
      signIns.add(key);
      await ctx.audit(p.tenantId, {
        actorId: p.userId,
        action: 'sign-in',
        outcome: 'ok',
        details: { roles: p.roles.join(','), mfa: p.mfa },
      });
      await remember(api, ctx, p);
    }
  });
}

/**
 * The tenant's user directory (oid, username, display name from the verified token), so that
 * colleagues can find each other when sharing. Written once per token and instance, like the
 * sign-in record: a changed name arrives with the next token.
 */
async function remember(api: FastifyInstance, ctx: RouteContext, p: Principal): Promise<void> {
  try {
    await ctx.db.tenant(p.tenantId, (sql) => rememberUser(sql, p.tenantId, p));
  } catch (err) {
    // The request itself goes on; a database that is down answers it with 503 anyway.
    api.log.warn({ err: (err as Error).message }, 'user directory update failed');
  }
}
