import {
  cipherResult,
  createTeamKey,
  CryptoError,
  parseTeamKeyParams,
  teamCipher,
  unlockTeamKey,
  type CipherResult,
  type EncryptedEnvelope,
  type Opened,
  type OpenRequest,
  type SealRequest,
  type TeamKey,
  type TeamKeyParams,
} from '../../../contracts';
import type { VaultLike } from '../auth/signin';
import { PayloadError } from './validate';

/**
 * The sync team key in the main process (issue #15): derived here from the passphrase, kept in
 * memory here, used here to seal and open project envelopes. The renderer gets key ids, envelopes
 * and plaintext. A remembered passphrase is kept in the keyring's own vault file (OS keychain through
 * safeStorage), which no renderer channel can read; one remembered by an older version in the
 * renderer-readable secrets file is moved there and deleted from it.
 */
export const REMEMBERED_PASSPHRASE = 'sync.team-passphrase';

export class KeyringService {
  private team: TeamKey | null = null;

  constructor(
    private readonly vault: VaultLike,
    /** The renderer's secrets file, where versions before 0.x remembered the passphrase. */
    private readonly legacy?: VaultLike,
  ) {}

  private async remember(passphrase: string, remember: boolean): Promise<void> {
    if (remember) await this.vault.set(REMEMBERED_PASSPHRASE, passphrase);
    else await this.vault.delete(REMEMBERED_PASSPHRASE);
    await this.legacy?.delete(REMEMBERED_PASSPHRASE);
  }

  async create(passphrase: string, remember: boolean): Promise<TeamKeyParams> {
    const { params, teamKey } = await createTeamKey(passphrase);
    await this.remember(passphrase, remember);
    this.team = teamKey;
    return params;
  }

  async unlock(params: TeamKeyParams, passphrase: string, remember: boolean): Promise<string> {
    const team = await unlockTeamKey(passphrase, params);
    await this.remember(passphrase, remember);
    this.team = team;
    return team.keyId;
  }

  async unlockRemembered(params: TeamKeyParams): Promise<string | null> {
    if (!(await this.vault.isAvailable())) return null;
    let passphrase = await this.vault.get(REMEMBERED_PASSPHRASE);
    if (!passphrase && this.legacy && (await this.legacy.isAvailable())) {
      passphrase = await this.legacy.get(REMEMBERED_PASSPHRASE);
      if (passphrase) await this.remember(passphrase, true);
    }
    if (!passphrase) return null;
    this.team = await unlockTeamKey(passphrase, params);
    return this.team.keyId;
  }

  async lock(): Promise<void> {
    this.team = null;
    await this.vault.delete(REMEMBERED_PASSPHRASE);
    await this.legacy?.delete(REMEMBERED_PASSPHRASE);
  }

  private cipher() {
    if (!this.team) throw new CryptoError('the team key is locked: enter the team passphrase');
    return teamCipher(this.team);
  }

  seal(request: SealRequest): Promise<CipherResult<EncryptedEnvelope>> {
    return cipherResult(() => this.cipher().seal(request));
  }

  open(request: OpenRequest): Promise<CipherResult<Opened>> {
    return cipherResult(() => this.cipher().open(request));
  }
}

const MAX_PASSPHRASE_CHARS = 1024;
const MAX_PLAINTEXT_BYTES = 256 * 1024 * 1024;
const MAX_FIELD_CHARS = MAX_PLAINTEXT_BYTES * 2;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function parsePassphrase(channel: string, v: unknown): string {
  if (typeof v !== 'string' || v.length > MAX_PASSPHRASE_CHARS)
    throw new PayloadError(
      channel,
      `passphrase must be a string of at most ${MAX_PASSPHRASE_CHARS} characters`,
    );
  return v;
}

export function parseFlag(channel: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw new PayloadError(channel, 'remember must be true or false');
  return v;
}

export function parseParams(channel: string, v: unknown): TeamKeyParams {
  try {
    return parseTeamKeyParams(v);
  } catch (e) {
    throw new PayloadError(channel, (e as Error).message);
  }
}

function record(channel: string, v: unknown, keys: string[]): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new PayloadError(channel, 'expected an object');
  const extra = Object.keys(v).filter((k) => !keys.includes(k));
  if (extra.length) throw new PayloadError(channel, `unknown key(s) ${extra.join(', ')}`);
  return v as Record<string, unknown>;
}

function target(
  channel: string,
  o: Record<string, unknown>,
): { projectId: string; version: number; tenantId: string } {
  if (typeof o.projectId !== 'string' || !ID.test(o.projectId))
    throw new PayloadError(channel, 'projectId must be a project id');
  if (typeof o.version !== 'number' || !Number.isInteger(o.version) || o.version < 1)
    throw new PayloadError(channel, 'version must be a positive integer');
  // The signed-in tenant ('' when the sign-in carries none).
  if (typeof o.tenantId !== 'string' || (o.tenantId !== '' && !ID.test(o.tenantId)))
    throw new PayloadError(channel, 'tenantId must be a tenant id or empty');
  return { projectId: o.projectId, version: o.version, tenantId: o.tenantId };
}

function text(channel: string, v: unknown, what: string, max = 1024): string {
  if (typeof v !== 'string' || v.length > max)
    throw new PayloadError(channel, `${what} must be a string of at most ${max} characters`);
  return v;
}

export function parseSealRequest(channel: string, v: unknown): SealRequest {
  const o = record(channel, v, ['plaintext', 'projectId', 'version', 'tenantId', 'previous']);
  if (!(o.plaintext instanceof Uint8Array) || o.plaintext.byteLength > MAX_PLAINTEXT_BYTES)
    throw new PayloadError(channel, `plaintext must be bytes, at most ${MAX_PLAINTEXT_BYTES}`);
  const request: SealRequest = { plaintext: new Uint8Array(o.plaintext), ...target(channel, o) };
  if (o.previous !== undefined) {
    const p = record(channel, o.previous, ['wrappedKey_b64', 'keyId']);
    request.previous = {
      wrappedKey_b64: text(channel, p.wrappedKey_b64, 'previous.wrappedKey_b64'),
      keyId: text(channel, p.keyId, 'previous.keyId', 128),
    };
  }
  return request;
}

export function parseOpenRequest(channel: string, v: unknown): OpenRequest {
  const o = record(channel, v, ['envelope', 'projectId', 'version', 'tenantId', 'acceptLegacy']);
  if (typeof o.acceptLegacy !== 'boolean')
    throw new PayloadError(channel, 'acceptLegacy must be true or false');
  const e = record(channel, o.envelope, [
    'formatVersion',
    'alg',
    'keyId',
    'wrappedKey_b64',
    'nonce_b64',
    'ciphertext_b64',
  ]);
  if ((e.formatVersion !== 1 && e.formatVersion !== 2) || e.alg !== 'AES-256-GCM')
    throw new PayloadError(channel, 'envelope must be format 1 or 2, AES-256-GCM');
  return {
    acceptLegacy: o.acceptLegacy,
    envelope: {
      formatVersion: e.formatVersion,
      alg: 'AES-256-GCM',
      keyId: text(channel, e.keyId, 'envelope.keyId', 128),
      wrappedKey_b64: text(channel, e.wrappedKey_b64, 'envelope.wrappedKey_b64'),
      nonce_b64: text(channel, e.nonce_b64, 'envelope.nonce_b64', 64),
      ciphertext_b64: text(channel, e.ciphertext_b64, 'envelope.ciphertext_b64', MAX_FIELD_CHARS),
    },
    ...target(channel, o),
  };
}
