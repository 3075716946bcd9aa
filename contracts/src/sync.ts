/**
 * The sync contract between the desktop client and the server (server/): pure types and constants,
 * shared by both. The server stores opaque encrypted envelopes with minimal metadata and never a
 * plaintext project, project name or key. docs/security/encryption.md describes the scheme,
 * server/openapi.json (served at /openapi.json) describes the HTTP API in full and
 * docs/security/server.md the roles and what the server keeps.
 *
 * Endpoints (all under /v1, bearer token = Entra ID access token for the API). Ids (project, key,
 * user) match SYNC_ID_PATTERN. Errors are ErrorResponse with 400 (malformed), 401 (token refused),
 * 403 (role, membership or missing MFA), 404 (no such project in the caller's tenant: another
 * tenant's ids look exactly like missing ones), 409 (ConflictResponse), 413 (too large),
 * 429 (rate limit, counted per client address before authentication), 503 (database unavailable,
 * or `auth_unavailable`: the identity provider's signing keys cannot be fetched; retry after
 * Retry-After and keep the user signed in). A token that is not a delegated user token with the
 * API scope is refused with 403 `user_token_required`.
 *   GET    /health                         liveness + database reachability (no auth)
 *   GET    /v1/projects                    ListProjectsResponse: projects the caller is a member of, each
 *                                          with the caller's access (Administrator and Support: every
 *                                          project of the tenant, access null where not a member)
 *   GET    /v1/projects/:id                { meta, envelope }; ETag: "<version>" (members only)
 *   PUT    /v1/projects/:id                body { envelope }; If-None-Match: * creates (201, caller
 *                                          becomes owner), If-Match: "<version>" updates (200, owner or
 *                                          editor); a stale or missing precondition is refused with
 *                                          409 { error, current } and nothing is written
 *   DELETE /v1/projects/:id                erases rows and blobs of the project irreversibly (owner,
 *                                          or Administrator with MFA); 204
 *   GET    /v1/projects/:id/versions       ListVersionsResponse: every stored version (no edit is lost)
 *   GET    /v1/projects/:id/versions/:v    { meta, envelope } of version v
 *   GET    /v1/projects/:id/members        ListMembersResponse: who has which access, with names from the
 *                                          user directory (members; Administrator and Support)
 *   PUT    /v1/projects/:id/members/:oid   body { access: ProjectAccess }: share / change access (owner);
 *                                          409 last_owner when it would leave the project without owner
 *   DELETE /v1/projects/:id/members/:oid   unshare (owner), or leave: any member removes their own
 *                                          membership (every role); 409 last_owner for the only owner
 *   GET    /v1/users?query=<prefix>        SearchUsersResponse: colleagues of the caller's tenant who have
 *                                          signed in at least once, by prefix (DIRECTORY_QUERY_MIN..MAX
 *                                          characters) of username or of a word of the display name, or
 *                                          by exact object id; at most DIRECTORY_RESULTS_MAX (roles that
 *                                          may share: not ReadOnly, not Support alone)
 *   GET    /v1/keys                        ListKeysResponse: the caller's wrapped team key(s)
 *   PUT    /v1/keys/:keyId                 body { envelope }: stores the caller's wrapped team key (opaque)
 *   /v1/admin/...                          Administrator role and MFA evidence required:
 *     GET    /v1/admin/audit?after=&limit= { entries } of the tenant's hash-chained audit log
 *     GET    /v1/admin/audit/export        NDJSON, header X-Audit-Chain: verified | broken-at-<n>
 *     DELETE /v1/admin/users/:oid          erases a user's keys, memberships, directory entry and
 *                                          sole-owned projects
 *     DELETE /v1/admin/tenant              erases the whole tenant; header X-Confirm-Tenant: <tid>
 *
 * Roles: no app role = member (reads and writes the projects shared with them); ReadOnly never
 * writes and wins over every other role (Administrator + ReadOnly = ReadOnly); Support sees the tenant's metadata, never writes; Administrator runs the admin endpoints
 * (with MFA) and may delete and share any project of the tenant.
 */

export const SYNC_API_PREFIX = '/v1';

/** 503: the identity provider's signing keys are unreachable; the token was not judged (retry). */
export const SYNC_ERROR_AUTH_UNAVAILABLE = 'auth_unavailable';
/** 403: an app-only token, or one without the API's delegated scope (`scp`). */
export const SYNC_ERROR_USER_TOKEN_REQUIRED = 'user_token_required';
/** 429: too many requests from one client address (authenticated or not). */
export const SYNC_ERROR_RATE_LIMITED = 'rate_limited';
/** 413: storing this version would exceed the tenant's or the user's storage quota. */
export const SYNC_ERROR_QUOTA_EXCEEDED = 'quota_exceeded';
/** 503: the server holds as many uploads in memory as it may; retry after Retry-After seconds. */
export const SYNC_ERROR_BUSY = 'busy';

/** Project, key and user ids accepted in paths (UUIDs and Entra object ids fit). */
export const SYNC_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$';

/** App roles carried in the access token's `roles` claim (Entra app roles). */
export const ROLES = ['Administrator', 'Support', 'ReadOnly'] as const;
export type Role = (typeof ROLES)[number];

/** What the server keeps next to an encrypted project: nothing that reveals its content. */
export interface BlobMeta {
  id: string;
  tenantId: string;
  /** Starts at 1; every accepted write increments it. */
  version: number;
  size_bytes: number;
  /** Entra object id (oid) of the author of this version. */
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * An encrypted project (or a wrapped key): AES-256-GCM with a fresh 96-bit nonce per encryption;
 * the associated data binds the ciphertext to project id, tenant id, team key id and version (format
 * 2; format 1: `${id}:${version}`) so the server cannot swap or replay blobs unnoticed
 * (contracts/src/e2ee.ts associatedData).
 */
export interface EncryptedEnvelope {
  /** 2: AAD binds project, tenant, team key id and version; 1: legacy "<id>:<version>" (read only). */
  formatVersion: 1 | 2;
  alg: 'AES-256-GCM';
  /** Which team key wraps this envelope's content key. */
  keyId: string;
  /** Project content key wrapped by the team key (AES-KW or AES-GCM), base64. */
  wrappedKey_b64: string;
  nonce_b64: string;
  ciphertext_b64: string;
}

export interface GetProjectResponse {
  meta: BlobMeta;
  envelope: EncryptedEnvelope;
}

export interface PutProjectRequest {
  envelope: EncryptedEnvelope;
}

export interface ConflictResponse {
  error: 'conflict';
  /** The version the server holds; the client keeps its own as a conflict copy. */
  current: BlobMeta | null;
}

export interface ErrorResponse {
  error: string;
  message: string;
  /**
   * With 403 mfa_required and authentication contexts configured: the claims challenge (base64 of
   * a JSON claims request, also in WWW-Authenticate) to pass to the next sign-in (SignInOptions).
   */
  claims?: string;
}

/** A project as listed: its metadata and the caller's own access (null: not a member). */
export interface ListedProject extends BlobMeta {
  access: ProjectAccess | null;
}

export interface ListProjectsResponse {
  projects: ListedProject[];
}

export interface ListVersionsResponse {
  versions: BlobMeta[];
}

/** A member's access to one project. */
export type ProjectAccess = 'owner' | 'editor' | 'viewer';

export interface WrappedKeyEntry {
  keyId: string;
  envelope: EncryptedEnvelope;
  updatedAt: string;
}

export interface ListKeysResponse {
  keys: WrappedKeyEntry[];
}

/** A member of a project; names come from the tenant's user directory when the user has signed in. */
export interface ProjectMember {
  /** Entra object id (oid). */
  userId: string;
  access: ProjectAccess;
  displayName?: string;
  username?: string;
}

export interface ListMembersResponse {
  members: ProjectMember[];
}

/**
 * An entry of the tenant's user directory: someone who has signed in to the server at least once
 * (object id, `preferred_username` and `name` from their token; erased with the user's data).
 */
export interface DirectoryUser {
  userId: string;
  displayName?: string;
  username?: string;
}

export interface SearchUsersResponse {
  users: DirectoryUser[];
}

/** Bounds of a directory search (GET /v1/users?query=): prefix length and number of results. */
export const DIRECTORY_QUERY_MIN = 2;
export const DIRECTORY_QUERY_MAX = 64;
export const DIRECTORY_RESULTS_MAX = 20;

/** One entry of a tenant's hash-chained audit log (GET /v1/admin/audit, /v1/admin/audit/export). */
export interface AuditEntry {
  tenantId: string;
  /** Position in the tenant's chain, from 1. */
  n: number;
  /** UTC, ISO 8601. */
  at: string;
  /** Entra object id of who acted; null for refused tokens. */
  actorId: string | null;
  action: string;
  target: string | null;
  outcome: string;
  /** Canonical JSON object of small details (counts, versions, reasons). */
  details: string;
  prevHash: string;
  hash: string;
}

/** The hash of the chain's start (entry 1's prevHash). */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * What is hashed for an entry: hash_n = SHA-256(auditHashInput(entry_n)), hex. The server computes
 * it with node:crypto, the app checks exports with WebCrypto; both use this one definition.
 */
export function auditHashInput(e: Omit<AuditEntry, 'hash'>): string {
  const body = JSON.stringify([e.tenantId, e.n, e.at, e.actorId, e.action, e.target, e.outcome, e.details]);
  return `${e.prevHash}|${body}`;
}

/**
 * GET /v1/me/export and GET /v1/admin/users/:oid/export (GDPR Art. 15): everything the server holds
 * about one person. Project contents are not in it: the server has ciphertext only.
 */
export interface SubjectExport {
  tenantId: string;
  userId: string;
  generatedAt: string;
  directory: {
    username: string | null;
    displayName: string | null;
    firstSeenAt: string;
    lastSeenAt: string;
  } | null;
  memberships: { projectId: string; access: string }[];
  versionsAuthored: { projectId: string; version: number; size_bytes: number; createdAt: string }[];
  wrappedKeys: { keyId: string; size_bytes: number; createdAt: string; updatedAt: string }[];
  /** Audit entries where the person is the actor or the target (without the chain fields). */
  auditEntries: Omit<AuditEntry, 'tenantId' | 'prevHash' | 'hash'>[];
  notHeld: string;
}
