import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IPC } from '../../../contracts';
import { DataKeyStore, keyProtection } from './dataKey';
import { wipeLocalData } from './wipe';
import { registerIpc } from './register';
import { SecretVault } from './secrets';
import { FakeIpcMain, FakeWebContents, mainFrameEvent, nodeFs } from '../testing/fakes';
import type { SafeStorageLike } from '../electron-api';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'werkplan-datakey-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

/** An OS keychain stand-in; `secret` plays the per-user key DPAPI/Keychain/libsecret hold. */
const keychain = (available = true, secret = 'user-a', backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (s) => Buffer.from(`${secret}:${Buffer.from(s).toString('hex')}`),
  decryptString: (b) => {
    const [who, hex] = b.toString().split(':');
    if (who !== secret) throw new Error('Error while decrypting the ciphertext provided to safeStorage');
    return Buffer.from(hex, 'hex').toString();
  },
});

const keyFile = () => path.join(dir, 'data-key.json');

describe('at-rest data key (main process)', () => {
  it('creates a random 256-bit key once, stores it only wrapped by the OS keychain, returns the same key', async () => {
    const store = new DataKeyStore(keyFile(), keychain(), nodeFs);
    const first = await store.get();
    expect(first.status).toBe('ok');
    const key = (first as { key: Uint8Array }).key;
    expect(key).toHaveLength(32);
    const onDisk = await readFile(keyFile(), 'utf8');
    expect(onDisk).not.toContain(Buffer.from(key).toString('base64'));
    expect(onDisk).not.toContain(Buffer.from(key).toString('hex'));
    const again = await new DataKeyStore(keyFile(), keychain(), nodeFs).get();
    expect(again).toEqual(first);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('without OS protection creates no key and says why (local data stay unencrypted)', async () => {
    expect(await new DataKeyStore(keyFile(), keychain(false), nodeFs).get()).toEqual({
      status: 'unprotected',
      reason: 'noKeyring',
    });
    // Linux without a keyring: safeStorage "works" with a key hard-coded in Chromium.
    expect(keyProtection(keychain(true, 'user-a', 'basic_text'), 'linux')).toEqual({
      ok: false,
      reason: 'basicText',
    });
    const basicText = new DataKeyStore(keyFile(), keychain(), nodeFs, () => ({
      ok: false,
      reason: 'basicText',
    }));
    expect(await basicText.get()).toEqual({ status: 'unprotected', reason: 'basicText' });
    await expect(readFile(keyFile())).rejects.toThrow(/ENOENT/);
  });

  it('never replaces a stored key it cannot unlock (keychain changed or gone): locked, file untouched', async () => {
    await new DataKeyStore(keyFile(), keychain(true, 'user-a'), nodeFs).get();
    const before = await readFile(keyFile());
    expect(await new DataKeyStore(keyFile(), keychain(true, 'user-b'), nodeFs).get()).toEqual({
      status: 'locked',
      reason: 'keyUnreadable',
    });
    expect(await new DataKeyStore(keyFile(), keychain(false), nodeFs).get()).toEqual({
      status: 'locked',
      reason: 'noKeyring',
    });
    expect(await readFile(keyFile())).toEqual(before);
  });

  it('is handed to Werkplan windows only, over its own channel', async () => {
    const ipcMain = new FakeIpcMain();
    registerIpc({
      ipcMain,
      dialog: {} as never,
      fs: nodeFs,
      vault: new SecretVault(path.join(dir, 'secrets.json'), keychain(), nodeFs),
      auth: {} as never,
      appVersion: '1',
      origins: new Set(['app://werkplan']),
      windowIds: new Set([1]),
      contentsById: () => new FakeWebContents(1),
      dataKey: new DataKeyStore(keyFile(), keychain(), nodeFs),
    });
    const ok = (await ipcMain.invoke(IPC.dataKey, mainFrameEvent('app://werkplan/index.html', 1))) as {
      status: string;
    };
    expect(ok.status).toBe('ok');
    await expect(ipcMain.invoke(IPC.dataKey, mainFrameEvent('https://evil.example/', 1))).rejects.toThrow(
      /untrusted origin/,
    );
    await expect(
      ipcMain.invoke(IPC.wipeLocalData, mainFrameEvent('app://werkplan/index.html', 1)),
    ).rejects.toThrow(/not available/);
  });
});

describe('delete all local data (main process)', () => {
  it('signs out, deletes the vault files and the at-rest key, clears session storage and cache', async () => {
    const secretsFile = path.join(dir, 'secrets.json');
    const authFile = path.join(dir, 'auth.json');
    const vault = new SecretVault(secretsFile, keychain(), nodeFs);
    await vault.set('sync.team-passphrase', 'geheim geheim geheim');
    await writeFile(authFile, '{"tokens":"x"}');
    const dataKey = new DataKeyStore(keyFile(), keychain(), nodeFs);
    const oldKey = await dataKey.get();
    const calls: string[] = [];
    const session = {
      clearStorageData: vi.fn(async () => void calls.push('storage')),
      clearCache: vi.fn(async () => void calls.push('cache')),
    };
    const signOut = vi.fn(async () => void calls.push('signOut'));
    await wipeLocalData({ fs: nodeFs, vaultFiles: [authFile, secretsFile], dataKey, signOut, session });
    expect(calls).toEqual(['signOut', 'storage', 'cache']);
    expect(await readdir(dir)).toEqual([]);
    expect(await vault.get('sync.team-passphrase')).toBeNull();
    // The next start gets a new key: nothing encrypted with the old one can be read again.
    expect(await dataKey.get()).not.toEqual(oldKey);
  });

  it('still deletes everything when signing out fails or hangs (offline)', async () => {
    const authFile = path.join(dir, 'auth.json');
    await writeFile(authFile, '{}');
    const session = {
      clearStorageData: vi.fn(async () => undefined),
      clearCache: vi.fn(async () => undefined),
    };
    await wipeLocalData({
      fs: nodeFs,
      vaultFiles: [authFile],
      dataKey: new DataKeyStore(keyFile(), keychain(), nodeFs),
      signOut: () => new Promise(() => undefined),
      signOutTimeout_ms: 10,
      session,
    });
    expect(await readdir(dir)).toEqual([]);
    expect(session.clearStorageData).toHaveBeenCalledOnce();
  });
});
