import type { FastifyInstance } from 'fastify';
import {
  type DirectoryUser,
  DIRECTORY_QUERY_MAX,
  DIRECTORY_QUERY_MIN,
  DIRECTORY_RESULTS_MAX,
} from '../../../contracts';
import { HttpError, mayWrite } from '../http';
import type { ApiContext } from './context';

/** The tenant's user directory, searched when sharing. */
export function registerUserRoutes(api: FastifyInstance, c: ApiContext): void {
  const { principal, inTenant, denied } = c;
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
      const like = query.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
      const rows = await inTenant(p, (sql) =>
        sql.query<{ user_id: string; username: string | null; display_name: string | null }>(
          `SELECT user_id, username, display_name FROM user_directory
           WHERE tenant_id = $1 AND (lower(username) LIKE $2::text ESCAPE '\\'
             OR lower(display_name) LIKE $2::text ESCAPE '\\'
             OR lower(display_name) LIKE ('% ' || $2::text) ESCAPE '\\' OR lower(user_id) = $3::text)
           ORDER BY lower(coalesce(display_name, username, user_id)), user_id LIMIT ${DIRECTORY_RESULTS_MAX}`,
          [p.tenantId, like, query],
        ),
      );
      const users: DirectoryUser[] = rows.map((r) => ({
        userId: r.user_id,
        ...(r.display_name ? { displayName: r.display_name } : {}),
        ...(r.username ? { username: r.username } : {}),
      }));
      return { users };
    },
  );
}
