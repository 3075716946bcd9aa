/**
 * One database interface over real PostgreSQL (`pg`, DATABASE_URL) and the embedded PGlite
 * (default; in memory or in a data directory). Every request runs in a transaction as the
 * row-level-security-bound role with `app.tenant_id` set for that transaction only.
 */
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { APP_ROLE, MIGRATIONS, type Migration } from './migrations';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Db {
  readonly kind: 'postgres' | 'pglite';
  /** Applies missing migrations; returns how many were applied. */
  migrate(migrations?: Migration[]): Promise<number>;
  /** Runs `fn` in one transaction as the app role, scoped to `tenantId` by row-level security. */
  tenant<T>(tenantId: string, fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** Runs `fn` as the app role without any tenant: row-level security lets it see nothing. */
  unscoped<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** Runs `fn` as the connecting (owner) role: migrations and tests only, never in handlers. */
  owner<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL error with SQLSTATE code, from either driver. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

async function scoped<T>(sql: Sql, tenantId: string | null, fn: (sql: Sql) => Promise<T>): Promise<T> {
  // One round trip: SET LOCAL ROLE and the transaction-local tenant setting.
  if (tenantId === null) await sql.query(`SET LOCAL ROLE ${APP_ROLE}`);
  else
    await sql.query(`SELECT set_config('role', '${APP_ROLE}', true), set_config('app.tenant_id', $1, true)`, [
      tenantId,
    ]);
  return fn(sql);
}

async function applyMigrations(db: Db, migrations: Migration[]): Promise<number> {
  return db.owner(async (sql) => {
    await sql.query(`SELECT pg_advisory_xact_lock(74201)`); // one instance migrates at a time
    await sql.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await sql.query<{ version: number }>(`SELECT version FROM schema_migrations`)).map((r) =>
        Number(r.version),
      ),
    );
    let applied = 0;
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      try {
        await sql.query(m.sql);
      } catch (err) {
        throw new Error(`Migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, {
          cause: err,
        });
      }
      await sql.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      applied++;
    }
    return applied;
  });
}

/**
 * What differs between the two drivers: how one transaction is opened and how a query is sent
 * in it. Everything else (migrations, role and tenant scoping) is `SqlDb`, shared by both.
 */
export interface Driver {
  readonly kind: Db['kind'];
  /** Runs `fn` in one transaction; `multiStatement`: text without params may hold several statements. */
  transaction<T>(fn: (sql: Sql) => Promise<T>, multiStatement: boolean): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The one `Db` over either driver. */
export class SqlDb implements Db {
  constructor(private readonly driver: Driver) {}

  get kind(): Db['kind'] {
    return this.driver.kind;
  }
  migrate(migrations = MIGRATIONS): Promise<number> {
    return applyMigrations(this, migrations);
  }
  tenant<T>(tenantId: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.driver.transaction((sql) => scoped(sql, tenantId, fn), false);
  }
  unscoped<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.driver.transaction((sql) => scoped(sql, null, fn), false);
  }
  owner<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.driver.transaction(fn, true);
  }
  ping(): Promise<void> {
    return this.driver.ping();
  }
  close(): Promise<void> {
    return this.driver.close();
  }
}

/** node-postgres: a pool; each transaction checks out one client. */
function postgresDriver(connectionString: string, poolMax: number): Driver {
  const pool = new pg.Pool({ connectionString, max: poolMax, connectionTimeoutMillis: 5_000 });
  // A connection that dies while idle (database restart) must not crash the process.
  pool.on('error', (err) => console.warn(`database: idle connection lost (${err.message})`));
  return {
    kind: 'postgres',
    async transaction<T>(fn: (sql: Sql) => Promise<T>, multiStatement: boolean): Promise<T> {
      const client = await pool.connect();
      // A connection that dies while checked out (between two statements of this transaction) emits
      // 'error' on the client, which the pool's idle handler does not see: note it, never crash.
      let broken = false;
      const onError = (err: Error) => {
        broken = true;
        console.warn(`database: connection lost during a transaction (${err.message})`);
      };
      client.on('error', onError);
      const sql: Sql = {
        query: async <R>(text: string, params?: unknown[]) =>
          (multiStatement && !params ? await client.query(text) : await client.query(text, params))
            .rows as R[],
      };
      try {
        await client.query('BEGIN');
        const result = await fn(sql);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw err;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/** PGlite: one embedded connection; its transaction() queues callers, so requests are serialised. */
function pgliteDriver(lite: PGlite): Driver {
  return {
    kind: 'pglite',
    transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
      return lite.transaction(async (t) => {
        const sql: Sql = {
          query: async <R>(text: string, params?: unknown[]) => {
            if (!params && text.includes(';')) {
              const results = await t.exec(text);
              return (results.at(-1)?.rows ?? []) as R[];
            }
            return (await t.query<R>(text, params)).rows;
          },
        };
        return fn(sql);
      });
    },
    async ping() {
      if (lite.closed) throw new Error('database closed');
      await lite.query('SELECT 1');
    },
    async close() {
      if (!lite.closed) await lite.close();
    },
  };
}

export class PostgresDb extends SqlDb {
  constructor(connectionString: string, poolMax = 10) {
    super(postgresDriver(connectionString, poolMax));
  }
}

export class PgliteDb extends SqlDb {
  private constructor(driver: Driver) {
    super(driver);
  }

  /** `dataDir` undefined = in memory. */
  static async open(dataDir?: string): Promise<PgliteDb> {
    const lite = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    return new PgliteDb(pgliteDriver(lite));
  }
}

export async function openDb(opts: { databaseUrl?: string; pgliteDir?: string }): Promise<Db> {
  const db = opts.databaseUrl ? new PostgresDb(opts.databaseUrl) : await PgliteDb.open(opts.pgliteDir);
  await db.migrate();
  return db;
}
