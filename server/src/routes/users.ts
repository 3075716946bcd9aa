/** The tenant's user directory, searched when sharing. */
import type { FastifyInstance } from 'fastify';
import { DIRECTORY_QUERY_MAX, DIRECTORY_QUERY_MIN } from '../../../contracts';
import { HttpError } from '../errors';
import { searchUsers } from '../repository';
import { denied, inTenant, mayWrite, principal, type RouteContext } from './common';

export function registerUserRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get<{ Querystring: { query: string } }>(
    '/users',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['query'],
          properties: {
            query: { type: 'string', minLength: DIRECTORY_QUERY_MIN, maxLength: DIRECTORY_QUERY_MAX },
          },
        },
      },
    },
    async (req) => {
      const p = principal(req);
      // The directory serves sharing: roles that may not share do not browse colleagues' names.
      if (!mayWrite(p)) throw denied(p, 'project.share', 'users', 'role', 'Your role may not share');
      const query = req.query.query.trim().toLowerCase();
      if (query.length < DIRECTORY_QUERY_MIN)
        throw new HttpError(
          400,
          'invalid_request',
          `querystring/query must have at least ${DIRECTORY_QUERY_MIN} characters besides spaces`,
        );
      const users = await inTenant(ctx, p, (sql) => searchUsers(sql, p.tenantId, query));
      return { users };
    },
  );
}
