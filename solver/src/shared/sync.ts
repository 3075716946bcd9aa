/**
 * The sync contract between the desktop client and the server (server/): pure types and constants,
 * shared by both. The server stores opaque encrypted envelopes with minimal metadata and never a
 * plaintext project, project name or key. docs/security/encryption.md describes the scheme and
 * server/openapi describes the HTTP API in full.
 *
 * Endpoints (all under /v1, bearer token = Entra ID access token for the API):
 *   GET    /health                         liveness + database reachability (no auth)
 *   GET    /v1/projects                    { projects: BlobMeta[] } of the caller's tenant
 *   GET    /v1/projects/:id                { meta, envelope }; ETag: "<version>"
 *   PUT    /v1/projects/:id                body { envelope }; If-None-Match: * creates (201),
 *                                          If-Match: "<version>" updates (200); a stale or missing
 *                                          precondition is refused with 409 { error, current }
 *   DELETE /v1/projects/:id                erases rows and blobs of the project irreversibly
 *   GET    /v1/keys                        the caller's wrapped team key(s) (opaque envelopes)
 *   PUT    /v1/keys/:keyId                 stores a wrapped team key (opaque)
 *   /v1/admin/...                          Administrator role and MFA evidence required
 */

export const SYNC_API_PREFIX = '/v1';

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
 * the associated data binds the ciphertext to `${id}:${version}` so the server cannot swap or
 * replay blobs unnoticed.
 */
export interface EncryptedEnvelope {
  formatVersion: 1;
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
}
