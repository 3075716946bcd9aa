import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CryptoError,
  IPC,
  unwrapCipherResult,
  type CipherResult,
  type EncryptedEnvelope,
  type Opened,
  type TeamKeyParams,
} from '../../../contracts';
import { FakeIpcMain, mainFrameEvent, nodeFs, xorSafeStorage } from '../testing/fakes';
import { AuthService } from '../auth/signin';
import { KeyringService, REMEMBERED_PASSPHRASE } from './keyring';
import { registerIpc } from './register';
import { SecretVault } from './secrets';

const PASS = 'Stadtwerke-Team-2026!';
const app = mainFrameEvent('app://werkplan/index.html', 1);

const safe = xorSafeStorage();

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkplan-keyring-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function setup() {
  const ipcMain = new FakeIpcMain();
  const secrets = new SecretVault(path.join(dir, 'secrets.json'), safe, nodeFs);
  const keyringVault = new SecretVault(path.join(dir, 'keyring.json'), safe, nodeFs);
  const keyring = new KeyringService(keyringVault, secrets);
  registerIpc({
    ipcMain,
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    fs: nodeFs,
    vault: secrets,
    keyring,
    auth: new AuthService({
      vault: new SecretVault(path.join(dir, 'auth.json'), safe, nodeFs),
      openExternal: async () => {},
    }),
    appVersion: '1.2.3',
    origins: new Set(['app://werkplan']),
    windowIds: new Set([1]),
    contentsById: () => undefined,
  });
  const call = <T>(channel: string, ...args: unknown[]) =>
    ipcMain.invoke(channel, app, ...args) as Promise<T>;
  return { call, secrets, keyringVault, keyring };
}

const bytes = (s: string) => new TextEncoder().encode(s);
const at = (version: number) => ({ projectId: 'p1', version, tenantId: 't1', acceptLegacy: false });

describe('the team key lives in the main process (finding: secrets channel)', () => {
  it('no renderer channel reads the remembered team passphrase, even where an older version left it', async () => {
    const { call, secrets } = setup();
    await secrets.set(REMEMBERED_PASSPHRASE, PASS);
    await expect(call(IPC.secretGet, REMEMBERED_PASSPHRASE)).rejects.toThrow(/kept by the shell only/);
    await expect(call(IPC.secretSet, REMEMBERED_PASSPHRASE, 'x')).rejects.toThrow(/kept by the shell only/);
  });

  it('returns key ids, parameters, envelopes and plaintext, never key material or the passphrase', async () => {
    const { call } = setup();
    const params = await call<TeamKeyParams>(IPC.keyringCreate, PASS, true);
    const sealed = await call<CipherResult<EncryptedEnvelope>>(IPC.keyringSeal, {
      plaintext: bytes('{"name":"Nahwärme Süd"}'),
      projectId: 'p1',
      version: 1,
      tenantId: 't1',
    });
    const envelope = unwrapCipherResult(sealed);
    const opened = unwrapCipherResult(
      await call<CipherResult<Opened>>(IPC.keyringOpen, { envelope, ...at(1) }),
    );
    expect(new TextDecoder().decode(opened.plaintext)).toBe('{"name":"Nahwärme Süd"}');
    expect(opened.formatVersion).toBe(2);
    const seen = JSON.stringify([params, envelope]);
    expect(seen).not.toContain(PASS);
    expect(Object.keys(params).sort()).toEqual(
      ['formatVersion', 'iterations', 'kdf', 'keyId', 'salt_b64', 'verifier_b64'].sort(),
    );
    // The remembered passphrase is on disk only through the OS keychain, in the keyring's own file.
    expect((await readFile(path.join(dir, 'keyring.json'), 'utf8')).includes(PASS)).toBe(false);
    await expect(call(IPC.secretGet, REMEMBERED_PASSPHRASE)).rejects.toThrow();
  });

  it('keeps the content key of the previous version and opens nothing after lock', async () => {
    const { call } = setup();
    await call<TeamKeyParams>(IPC.keyringCreate, PASS, false);
    const v1 = unwrapCipherResult(
      await call<CipherResult<EncryptedEnvelope>>(IPC.keyringSeal, {
        plaintext: bytes('a'),
        projectId: 'p1',
        version: 1,
        tenantId: 't1',
      }),
    );
    const v2 = unwrapCipherResult(
      await call<CipherResult<EncryptedEnvelope>>(IPC.keyringSeal, {
        plaintext: bytes('b'),
        projectId: 'p1',
        version: 2,
        tenantId: 't1',
        previous: { wrappedKey_b64: v1.wrappedKey_b64, keyId: v1.keyId },
      }),
    );
    expect(v2.keyId).toBe(v1.keyId);
    // A refusal keeps its code across the IPC: the page throws the same CryptoError again.
    const swapped = await call<CipherResult<Opened>>(IPC.keyringOpen, { envelope: v2, ...at(1) });
    expect(swapped).toMatchObject({ ok: false, code: 'unauthentic' });
    expect(() => unwrapCipherResult(swapped)).toThrow(CryptoError);
    await call(IPC.keyringLock);
    const locked = await call<CipherResult<Opened>>(IPC.keyringOpen, { envelope: v2, ...at(2) });
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.message).toMatch(/locked/);
  });

  it('moves a passphrase remembered by an older version out of the renderer-readable file', async () => {
    const { call, secrets, keyringVault } = setup();
    const params = await call<TeamKeyParams>(IPC.keyringCreate, PASS, false);
    await call(IPC.keyringLock);
    await secrets.set(REMEMBERED_PASSPHRASE, PASS);
    expect(await call<string | null>(IPC.keyringUnlockRemembered, params)).toBe(params.keyId);
    expect(await secrets.get(REMEMBERED_PASSPHRASE)).toBeNull();
    expect(await keyringVault.get(REMEMBERED_PASSPHRASE)).toBe(PASS);
  });

  it('validates every keyring message: bounded key derivation, exact fields, sizes', async () => {
    const { call } = setup();
    const params = await call<TeamKeyParams>(IPC.keyringCreate, PASS, false);
    await expect(
      call(IPC.keyringUnlock, { ...params, iterations: 2_000_000_000 }, PASS, false),
    ).rejects.toThrow(/team key code is not valid/);
    await expect(call(IPC.keyringUnlock, { ...params, extra: 1 }, PASS, false)).rejects.toThrow(/not valid/);
    await expect(call(IPC.keyringCreate, PASS, 'yes')).rejects.toThrow(/remember/);
    await expect(call(IPC.keyringSeal, { plaintext: 'text', projectId: 'p1', version: 1 })).rejects.toThrow(
      /plaintext must be bytes/,
    );
    await expect(
      call(IPC.keyringSeal, { plaintext: bytes('a'), projectId: '../x', version: 1 }),
    ).rejects.toThrow(/projectId/);
    await expect(
      call(IPC.keyringOpen, { envelope: { formatVersion: 9 }, projectId: 'p1', version: 1 }),
    ).rejects.toThrow();
  });
});
