/**
 * Numbered schema migrations, applied in order, each once, inside a transaction, recorded in
 * `schema_migrations`. Never edit a released migration: add the next number.
 *
 * Tenant isolation lives in the database: every tenant table has row-level security enabled and
 * FORCEd, with a policy that compares `tenant_id` to the transaction-local setting `app.tenant_id`.
 * The server runs every request as the role `werkplan_app` (neither owner nor superuser, no
 * BYPASSRLS), so a query that forgets a tenant filter still cannot see another tenant's rows, and a
 * transaction without the setting sees nothing at all.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const APP_ROLE = 'werkplan_app';

const tenantTables = [
  'projects',
  'project_versions',
  'project_members',
  'wrapped_keys',
  'audit_log',
  'audit_heads',
];

/** Row-level security, enabled and forced, scoping `table` to the transaction's tenant. */
const isolate = (table: string) => `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ${table}
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));`;

const isolation = tenantTables.map(isolate).join('\n');

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'projects, versions, members, wrapped keys, audit log, row-level security',
    sql: `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
DO $$ BEGIN
  IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
    EXECUTE 'GRANT ${APP_ROLE} TO ' || quote_ident(current_user);
  END IF;
END $$;

CREATE TABLE projects (
  tenant_id  text NOT NULL,
  id         text NOT NULL,
  version    integer NOT NULL CHECK (version >= 1),
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  author_id  text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- Every accepted write is kept as a version: no edit is ever lost.
CREATE TABLE project_versions (
  tenant_id  text NOT NULL,
  project_id text NOT NULL,
  version    integer NOT NULL,
  size_bytes integer NOT NULL,
  author_id  text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  envelope   bytea NOT NULL,
  PRIMARY KEY (tenant_id, project_id, version),
  FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE project_members (
  tenant_id  text NOT NULL,
  project_id text NOT NULL,
  user_id    text NOT NULL,
  access     text NOT NULL CHECK (access IN ('owner', 'editor', 'viewer')),
  PRIMARY KEY (tenant_id, project_id, user_id),
  FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX project_members_user ON project_members (tenant_id, user_id);

CREATE TABLE wrapped_keys (
  tenant_id  text NOT NULL,
  key_id     text NOT NULL,
  owner_id   text NOT NULL,
  size_bytes integer NOT NULL,
  envelope   bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key_id, owner_id)
);

-- Append-only, hash-chained per tenant. No content, no names: actor and target are opaque ids.
CREATE TABLE audit_log (
  tenant_id text NOT NULL,
  n         integer NOT NULL,
  at        text NOT NULL,
  actor_id  text,
  action    text NOT NULL,
  target    text,
  outcome   text NOT NULL,
  details   text NOT NULL,
  prev_hash text NOT NULL,
  hash      text NOT NULL,
  PRIMARY KEY (tenant_id, n)
);
CREATE TABLE audit_heads (
  tenant_id text PRIMARY KEY,
  n         integer NOT NULL,
  hash      text NOT NULL
);
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $f$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

${isolation}

GRANT SELECT, INSERT, UPDATE, DELETE ON projects, project_versions, project_members, wrapped_keys TO ${APP_ROLE};
GRANT SELECT, INSERT ON audit_log TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE ON audit_heads TO ${APP_ROLE};
`,
  },
  {
    version: 2,
    name: 'user directory per tenant (oid, username, display name) for sharing, row-level security',
    sql: `
-- Who has signed in at least once, so that colleagues can find each other by name when sharing
-- (nobody knows Entra object ids). Upserted from the verified token; erased with the user or tenant.
CREATE TABLE user_directory (
  tenant_id     text NOT NULL,
  user_id       text NOT NULL,
  username      text,
  display_name  text,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX user_directory_username ON user_directory (tenant_id, lower(username) text_pattern_ops);
CREATE INDEX user_directory_display_name ON user_directory (tenant_id, lower(display_name) text_pattern_ops);
${isolate('user_directory')}
GRANT SELECT, INSERT, UPDATE, DELETE ON user_directory TO ${APP_ROLE};
`,
  },
  {
    version: 3,
    name: 'retention: audit checkpoints; old audit entries deletable only up to the checkpoint',
    sql: `
-- Retention (docs/security/retention.md) prunes the oldest audit entries. The chain stays
-- verifiable: the checkpoint keeps the number and hash of the last pruned entry, and the first
-- remaining entry's prev_hash must equal it. Entries stay append-only otherwise: no UPDATE, no
-- TRUNCATE, and a DELETE only of entries up to the tenant's checkpoint, older than 30 days.
CREATE TABLE audit_checkpoints (
  tenant_id text PRIMARY KEY,
  n         integer NOT NULL,
  hash      text NOT NULL,
  at        text NOT NULL
);
${isolate('audit_checkpoints')}
GRANT SELECT, INSERT, UPDATE ON audit_checkpoints TO ${APP_ROLE};

CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.n <= (SELECT c.n FROM audit_checkpoints c WHERE c.tenant_id = OLD.tenant_id)
     AND OLD.at::timestamptz < now() - interval '30 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END $f$;
GRANT DELETE ON audit_log TO ${APP_ROLE};
`,
  },
];
