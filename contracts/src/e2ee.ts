import type { EncryptedEnvelope } from './sync';

/**
 * End-to-end encryption of synced projects with WebCrypto only (docs/security/encryption.md).
 *
 *   passphrase ──PBKDF2-SHA-256, 600 000 iterations, 16-byte salt──▶ team key (AES-KW-256, not extractable)
 *   team key ──AES-KW wraps──▶ project content key (AES-256-GCM, one per project)
 *   content key + fresh 96-bit nonce + AAD (project, tenant, key id, version) ──▶ ciphertext
 *
 * The server receives envelopes only: wrapped keys, nonces and ciphertexts.
 */

export const PBKDF2_ITERATIONS = 600_000;
/**
 * The most iterations a team key code may ask for: 10 million PBKDF2-SHA-256 rounds take about 10 s
 * in a browser (Annahme from ~1 M/s measured for WebCrypto on a 2024 laptop), so a crafted code
 * cannot freeze the app (2 billion would take over half an hour).
 */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const NONCE_BYTES = 12;

/**
 * Why decryption failed: `unauthentic` (the tag does not verify for this project, tenant, key and
 * version: tampered, swapped, replayed or rolled back; or a format-1 downgrade), `format` (unknown or refused envelope
 * format), or `key` (another team key, a broken wrapped key). Absent for other failures.
 */
export type CryptoErrorCode = 'unauthentic' | 'format' | 'key';

export class CryptoError extends Error {
  constructor(
    message: string,
    readonly code?: CryptoErrorCode,
  ) {
    super(message);
    this.name = 'CryptoError';
  }
}

/** The envelope format written by encryptProject (1: legacy AAD, read only; see associatedData). */
export const ENVELOPE_FORMAT = 2;

/** What an envelope of format 2 is bound to besides project id and version. */
export interface EnvelopeBinding {
  /** The Entra tenant the project belongs to ('' where the client does not know it). */
  tenantId: string;
  /** The team key id that wraps the content key. */
  keyId: string;
}

/** What is needed (besides the passphrase) to derive and check a team key; contains no secret. */
export interface TeamKeyParams {
  formatVersion: 1;
  keyId: string;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt_b64: string;
  /** A random AES key wrapped with the team key: unwrapping it proves the passphrase is right. */
  verifier_b64: string;
}

export interface TeamKey {
  keyId: string;
  key: CryptoKey;
}

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new CryptoError('WebCrypto is not available (a secure context is required)');
  return s;
};

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string, what: string): Uint8Array<ArrayBuffer> {
  let s: string;
  try {
    s = atob(b64);
  } catch {
    throw new CryptoError(`${what} is not valid base64`);
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/**
 * The associated data that binds a ciphertext to its project and server version. Format 1 (legacy,
 * read only): `"<projectId>:<version>"`. Format 2 (with `binding`): the JSON array
 * `["werkplan/project",2,projectId,tenantId,keyId,version]`, unambiguous for any id characters.
 */
export function associatedData(
  projectId: string,
  version: number,
  binding?: EnvelopeBinding,
): Uint8Array<ArrayBuffer> {
  if (!projectId) throw new CryptoError('project id is empty');
  if (!Number.isInteger(version) || version < 1)
    throw new CryptoError(`version must be a positive integer, got ${version}`);
  if (!binding) return new TextEncoder().encode(`${projectId}:${version}`);
  if (!binding.keyId) throw new CryptoError('key id is empty');
  return new TextEncoder().encode(
    JSON.stringify(['werkplan/project', 2, projectId, binding.tenantId, binding.keyId, version]),
  );
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  if (passphrase.length < 12) throw new CryptoError('team passphrase must have at least 12 characters');
  if (!Number.isInteger(iterations) || iterations < PBKDF2_ITERATIONS)
    throw new CryptoError(`PBKDF2 needs at least ${PBKDF2_ITERATIONS} iterations, got ${iterations}`);
  if (iterations > PBKDF2_MAX_ITERATIONS)
    throw new CryptoError(`PBKDF2 allows at most ${PBKDF2_MAX_ITERATIONS} iterations, got ${iterations}`);
  const material = await subtle().importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** Creates a new team key from a passphrase: the parameters may be shared with the team and the server. */
export async function createTeamKey(
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ params: TeamKeyParams; teamKey: TeamKey }> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(passphrase, salt, iterations);
  const probe = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const verifier = new Uint8Array(await subtle().wrapKey('raw', probe, key, 'AES-KW'));
  const keyId = `team-${globalThis.crypto.randomUUID()}`;
  return {
    params: {
      formatVersion: 1,
      keyId,
      kdf: 'PBKDF2-SHA-256',
      iterations,
      salt_b64: toBase64(salt),
      verifier_b64: toBase64(verifier),
    },
    teamKey: { keyId, key },
  };
}

/** Derives the team key again from the passphrase; a wrong passphrase is refused. */
export async function unlockTeamKey(passphrase: string, params: TeamKeyParams): Promise<TeamKey> {
  if (params.formatVersion !== 1 || params.kdf !== 'PBKDF2-SHA-256')
    throw new CryptoError(`unsupported team key parameters (${params.kdf} v${params.formatVersion})`);
  const salt = fromBase64(params.salt_b64, 'salt');
  if (salt.length !== SALT_BYTES) throw new CryptoError(`salt must be ${SALT_BYTES} bytes`);
  const key = await deriveKey(passphrase, salt, params.iterations);
  try {
    await subtle().unwrapKey(
      'raw',
      fromBase64(params.verifier_b64, 'verifier'),
      key,
      'AES-KW',
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt'],
    );
  } catch {
    throw new CryptoError('wrong team passphrase');
  }
  return { keyId: params.keyId, key };
}

/** A new random content key for one project (extractable only so that it can be wrapped). */
export function createProjectKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function wrapProjectKey(projectKey: CryptoKey, team: TeamKey): Promise<string> {
  return toBase64(new Uint8Array(await subtle().wrapKey('raw', projectKey, team.key, 'AES-KW')));
}

export async function unwrapProjectKey(
  wrappedKey_b64: string,
  keyId: string,
  team: TeamKey,
): Promise<CryptoKey> {
  if (keyId !== team.keyId)
    throw new CryptoError(`the project is wrapped with team key ${keyId}, but ${team.keyId} is unlocked`);
  try {
    return await subtle().unwrapKey(
      'raw',
      fromBase64(wrappedKey_b64, 'wrapped key'),
      team.key,
      'AES-KW',
      { name: 'AES-GCM', length: 256 },
      true,
      ['encrypt', 'decrypt'],
    );
  } catch (e) {
    if (e instanceof CryptoError) throw e;
    throw new CryptoError('the project key cannot be unwrapped with this team key');
  }
}

/**
 * Encrypts `plaintext` for server version `version` of project `projectId` in tenant `tenantId`
 * (envelope format 2: project, tenant, team key id and version are authenticated). A fresh random
 * nonce is drawn for every call; `projectKey` is wrapped into the envelope so any team member can
 * open it.
 */
export async function encryptProject(
  plaintext: Uint8Array<ArrayBuffer>,
  projectId: string,
  version: number,
  projectKey: CryptoKey,
  team: TeamKey,
  tenantId = '',
): Promise<EncryptedEnvelope> {
  const nonce = randomBytes(NONCE_BYTES);
  const aad = associatedData(projectId, version, { tenantId, keyId: team.keyId });
  const ciphertext = await subtle().encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 },
    projectKey,
    plaintext,
  );
  return {
    formatVersion: ENVELOPE_FORMAT,
    alg: 'AES-256-GCM',
    keyId: team.keyId,
    wrappedKey_b64: await wrapProjectKey(projectKey, team),
    nonce_b64: toBase64(nonce),
    ciphertext_b64: toBase64(new Uint8Array(ciphertext)),
  };
}

export interface DecryptOptions {
  /** The tenant the caller expects (format 2); '' by default, as encryptProject. */
  tenantId?: string;
  /** Whether a format-1 envelope (AAD "<projectId>:<version>") is still accepted; true by default. */
  acceptLegacy?: boolean;
}

/**
 * Opens an envelope of `projectId` at `version`; any tampering (bytes, id, version; for format 2
 * also tenant and team key id) is refused. Format 1 is refused when `acceptLegacy` is false (the
 * caller has already seen format 2 for this project: a downgrade).
 */
export async function decryptProject(
  envelope: EncryptedEnvelope,
  projectId: string,
  version: number,
  team: TeamKey,
  options: DecryptOptions = {},
): Promise<{ plaintext: Uint8Array; projectKey: CryptoKey; formatVersion: 1 | 2 }> {
  const format = envelope.formatVersion;
  if ((format !== 1 && format !== 2) || envelope.alg !== 'AES-256-GCM')
    throw new CryptoError(
      `unsupported envelope (${String(envelope.alg)} v${String(envelope.formatVersion)})`,
      'format',
    );
  if (format === 1 && options.acceptLegacy === false)
    throw new CryptoError(`project ${projectId}: legacy envelope refused after format 2`, 'unauthentic');
  const projectKey = await unwrapProjectKey(envelope.wrappedKey_b64, envelope.keyId, team).catch(
    (e: unknown) => {
      throw e instanceof CryptoError ? new CryptoError(e.message, 'key') : e;
    },
  );
  const nonce = fromBase64(envelope.nonce_b64, 'nonce');
  if (nonce.length !== NONCE_BYTES) throw new CryptoError(`nonce must be ${NONCE_BYTES} bytes`, 'format');
  const aad =
    format === 1
      ? associatedData(projectId, version)
      : associatedData(projectId, version, { tenantId: options.tenantId ?? '', keyId: team.keyId });
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 },
      projectKey,
      fromBase64(envelope.ciphertext_b64, 'ciphertext'),
    );
    return { plaintext: new Uint8Array(plain), projectKey, formatVersion: format };
  } catch {
    throw new CryptoError(
      `project ${projectId} version ${version} does not authenticate: tampered, swapped or replayed`,
      'unauthentic',
    );
  }
}

/**
 * What the team key seals: a project's payload for a server version of a tenant. `previous` is the
 * content key of the version before (wrapped), kept while the team key is the same; otherwise a new
 * one is made.
 */
export interface SealRequest {
  plaintext: Uint8Array<ArrayBuffer>;
  projectId: string;
  version: number;
  tenantId: string;
  previous?: { wrappedKey_b64: string; keyId: string };
}

/** What the team key opens: an envelope expected to authenticate as this project, tenant and version. */
export interface OpenRequest {
  envelope: EncryptedEnvelope;
  projectId: string;
  version: number;
  tenantId: string;
  /** Whether a format-1 envelope is still accepted (DecryptOptions.acceptLegacy). */
  acceptLegacy: boolean;
}

export interface Opened {
  plaintext: Uint8Array;
  formatVersion: 1 | 2;
}

/**
 * The unlocked team key's operations, wherever the key lives: in the desktop shell's main process
 * (the page gets envelopes and plaintext, never a key or the passphrase) or, in the browser build,
 * in the page itself. Made by `teamCipher` in both places. Refusals are CryptoErrors with a code.
 */
export interface TeamCipher {
  readonly keyId: string;
  seal(request: SealRequest): Promise<EncryptedEnvelope>;
  open(request: OpenRequest): Promise<Opened>;
}

export function teamCipher(team: TeamKey): TeamCipher {
  return {
    keyId: team.keyId,
    async seal(r) {
      const projectKey =
        r.previous && r.previous.keyId === team.keyId
          ? await unwrapProjectKey(r.previous.wrappedKey_b64, r.previous.keyId, team)
          : await createProjectKey();
      return encryptProject(r.plaintext, r.projectId, r.version, projectKey, team, r.tenantId);
    },
    async open(r) {
      const { plaintext, formatVersion } = await decryptProject(r.envelope, r.projectId, r.version, team, {
        tenantId: r.tenantId,
        acceptLegacy: r.acceptLegacy,
      });
      return { plaintext, formatVersion };
    },
  };
}

/**
 * A cipher operation's outcome as it crosses the shell's IPC, which keeps only an error's message:
 * the refusal's code travels as data, and the page throws the same CryptoError again.
 */
export type CipherResult<T> = { ok: true; value: T } | { ok: false; message: string; code?: CryptoErrorCode };

export async function cipherResult<T>(run: () => Promise<T>): Promise<CipherResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    if (e instanceof CryptoError) return { ok: false, message: e.message, code: e.code };
    throw e;
  }
}

export function unwrapCipherResult<T>(r: CipherResult<T>): T {
  if (r.ok) return r.value;
  throw new CryptoError(r.message, r.code);
}

/**
 * Team key parameters from an untrusted source (a key code typed in, an IPC message): the exact
 * fields, and key-derivation settings within bounds, so a crafted code cannot freeze the app.
 */
export function parseTeamKeyParams(v: unknown): TeamKeyParams {
  const bad = () => new CryptoError('team key code is not valid');
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad();
  const p = v as Record<string, unknown>;
  const keys = ['formatVersion', 'keyId', 'kdf', 'iterations', 'salt_b64', 'verifier_b64'];
  if (Object.keys(p).some((k) => !keys.includes(k))) throw bad();
  if (
    p.formatVersion !== 1 ||
    p.kdf !== 'PBKDF2-SHA-256' ||
    typeof p.keyId !== 'string' ||
    !/^[A-Za-z0-9._:-]{1,128}$/.test(p.keyId) ||
    typeof p.salt_b64 !== 'string' ||
    p.salt_b64.length > 64 ||
    typeof p.verifier_b64 !== 'string' ||
    p.verifier_b64.length > 128 ||
    typeof p.iterations !== 'number' ||
    !Number.isInteger(p.iterations) ||
    p.iterations < PBKDF2_ITERATIONS ||
    p.iterations > PBKDF2_MAX_ITERATIONS
  )
    throw bad();
  return {
    formatVersion: 1,
    keyId: p.keyId,
    kdf: 'PBKDF2-SHA-256',
    iterations: p.iterations,
    salt_b64: p.salt_b64,
    verifier_b64: p.verifier_b64,
  };
}
