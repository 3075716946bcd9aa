import type { CipherResult, Opened, OpenRequest, SealRequest, TeamKeyParams } from './e2ee';
import type { EncryptedEnvelope } from './sync';

/**
 * The renderer↔shell seam: the one small API the Electron preload exposes as `window.werkplan`.
 * Pure types and constants, shared by electron/ (which implements it) and renderer/ (which uses it
 * through renderer/src/platform, with a browser implementation of the same interface).
 */

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileRequest {
  title?: string;
  filters?: FileFilter[];
}

export interface OpenedFile {
  /** File name without directories: the renderer never sees absolute paths. */
  name: string;
  data: Uint8Array;
}

export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
  filters?: FileFilter[];
}

export interface SaveResult {
  saved: boolean;
  /** File name chosen by the user (no directories), when saved. */
  name?: string;
}

export interface PrintToPdfRequest {
  suggestedName: string;
  landscape?: boolean;
}

/**
 * Sync sign-in settings: an OpenID provider configured like Entra ID and the sync server. Validated
 * in the main process (electron/src/auth/settings.ts): https only, except loopback.
 */
export interface SyncSettings {
  /** Issuer URL, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0 (derived from tenantId if empty). */
  authority: string;
  /** Entra tenant id (GUID); when set, tokens of other tenants are refused. */
  tenantId?: string;
  /** Application (client) id of the desktop app registration (a public client). */
  clientId: string;
  /** The API's delegated scope, e.g. api://<api-app-id>/access_as_user. */
  apiScope: string;
  serverUrl: string;
}

export interface AuthStatus {
  configured: boolean;
  signedIn: boolean;
  name?: string;
  username?: string;
  tenantId?: string;
  oid?: string;
  roles?: string[];
  /** Expiry of the current access token (ms since epoch). */
  expiresAt?: number;
}

/** An access token for the sync API; used inside the main process only (see SyncHttpRequest). */
export interface AccessToken {
  token: string;
  expiresAt: number;
  serverUrl: string;
}

/** Options of a sign-in: a step-up when the server asked for more than the current token shows. */
export interface SignInOptions {
  /**
   * The server's claims challenge (ErrorResponse.claims: base64 of a JSON claims request, e.g.
   * an Entra authentication context that requires MFA). The sign-in passes it as the `claims`
   * parameter and asks the provider to authenticate again (prompt=login).
   */
  claims?: string;
}

export interface SignOutResult {
  /** Whether the provider revoked the refresh token (providers without RFC 7009 revocation: false). */
  revoked: boolean;
  error?: string;
}

/**
 * One request to the sync API (contracts/src/sync.ts), made by the main process on the
 * renderer's behalf with the bearer token attached there: the token never reaches the renderer,
 * and the renderer's CSP (connect-src 'self') stays closed. `path` is below /v1 of the configured
 * server, e.g. /projects/<id>.
 */
export interface SyncHttpRequest {
  method: 'GET' | 'PUT' | 'DELETE';
  path: string;
  /** Version precondition for PUT: If-Match "<version>". */
  ifMatch?: number;
  /** Create-only precondition for PUT: If-None-Match *. */
  ifNoneMatch?: '*';
  /** JSON body of a PUT. */
  body?: string;
  /** X-Confirm-Tenant for DELETE /admin/tenant: the tenant id typed by the administrator. */
  confirmTenant?: string;
}

export interface SyncHttpResponse {
  /** HTTP status; 0 when the server could not be reached or the connection broke. */
  status: number;
  etag: string | null;
  body: string;
  /** X-Audit-Chain of GET /admin/audit/export: "verified" or "broken-at-<n>". */
  auditChain?: string;
  /** Why status is 0 (network), or that no one is signed in. */
  error?: string;
  signedOut?: boolean;
}

/**
 * The key that encrypts the planner's local database at rest (docs/decisions/desktop-encryption-at-rest.md).
 * `ok`: 32 random bytes, kept by the main process encrypted with the OS keychain (safeStorage); the
 * renderer imports them as a non-extractable AES-GCM key. `unprotected`: the OS offers no protection
 * (no keyring, or Linux's plain-text fallback), so local data stay unencrypted. `locked`: a key was
 * stored but cannot be read now (keyring changed or unavailable): the data stay, unreadable.
 */
export type DataKeyResponse =
  | { status: 'ok'; key: Uint8Array }
  | { status: 'unprotected'; reason: 'noKeyring' | 'basicText' }
  | { status: 'locked'; reason: 'noKeyring' | 'keyUnreadable' };

/**
 * The sync team key, held by the main process (docs/security/encryption.md): the page sends
 * passphrases in and gets key ids, envelopes and plaintext back, never key material, and cannot read
 * the remembered passphrase.
 */
export interface KeyringBridge {
  /** Creates a team key; returns its (non-secret) parameters for the team key code. */
  create(passphrase: string, remember: boolean): Promise<TeamKeyParams>;
  /** Derives the team key from the passphrase; returns its key id. */
  unlock(params: TeamKeyParams, passphrase: string, remember: boolean): Promise<string>;
  /** Unlocks with the remembered passphrase; the key id, or null when none is remembered. */
  unlockRemembered(params: TeamKeyParams): Promise<string | null>;
  /** Forgets the key and the remembered passphrase. */
  lock(): Promise<void>;
  seal(request: SealRequest): Promise<CipherResult<EncryptedEnvelope>>;
  open(request: OpenRequest): Promise<CipherResult<Opened>>;
}

export interface WerkplanBridge {
  readonly kind: 'electron';
  appVersion(): Promise<string>;
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
  secrets: {
    isAvailable(): Promise<boolean>;
    get(key: string): Promise<string | null>;
    set(key: string, value: string): Promise<void>;
    delete(key: string): Promise<void>;
  };
  /** The sync team key (optional: a shell without it cannot sync). */
  keyring?: KeyringBridge;
  /** The at-rest key of the local database (optional: older shells have none; then unencrypted). */
  dataKey?(): Promise<DataKeyResponse>;
  /**
   * Deletes all local data the shell keeps: remembered secrets, sign-in tokens (after signing out),
   * the at-rest key, and the session's storage and caches. The renderer reloads afterwards.
   */
  wipeLocalData?(): Promise<void>;
  /** Sync sign-in (optional: a shell may be built without sync; renderer/src/platform/auth checks). */
  auth?: {
    status(): Promise<AuthStatus>;
    settings(): Promise<SyncSettings | null>;
    configure(settings: SyncSettings): Promise<SyncSettings>;
    signIn(options?: SignInOptions): Promise<AuthStatus>;
    signOut(): Promise<SignOutResult>;
    /** A request to the sync server, authenticated by the main process. */
    syncRequest(request: SyncHttpRequest): Promise<SyncHttpResponse>;
  };
}

/** IPC channel names; every one is handled in electron/src/ipc with sender and payload checks. */
export const IPC = {
  appVersion: 'werkplan:app-version',
  openFile: 'werkplan:open-file',
  saveFile: 'werkplan:save-file',
  printToPdf: 'werkplan:print-to-pdf',
  secretAvailable: 'werkplan:secret-available',
  secretGet: 'werkplan:secret-get',
  secretSet: 'werkplan:secret-set',
  secretDelete: 'werkplan:secret-delete',
  authStatus: 'werkplan:auth-status',
  authSettings: 'werkplan:auth-settings',
  authConfigure: 'werkplan:auth-configure',
  authSignIn: 'werkplan:auth-sign-in',
  authSignOut: 'werkplan:auth-sign-out',
  syncRequest: 'werkplan:sync-request',
  dataKey: 'werkplan:data-key',
  wipeLocalData: 'werkplan:wipe-local-data',
  keyringCreate: 'werkplan:keyring-create',
  keyringUnlock: 'werkplan:keyring-unlock',
  keyringUnlockRemembered: 'werkplan:keyring-unlock-remembered',
  keyringLock: 'werkplan:keyring-lock',
  keyringSeal: 'werkplan:keyring-seal',
  keyringOpen: 'werkplan:keyring-open',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];
