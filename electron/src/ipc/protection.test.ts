import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SafeStorageLike } from '../electron-api';
import { nodeFs } from '../testing/fakes';
import { osProtection } from './protection';
import { SecretVault } from './secrets';

/** safeStorage as Electron reports it: encryption "available" even with the basic_text fallback. */
const storage = (backend: string | undefined, available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
  encryptString: (s) => Buffer.from(`enc:${s}`),
  decryptString: (b) => b.toString().slice(4),
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkplan-protection-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('OS protection of stored secrets (safeStorage backend)', () => {
  it.each([
    ['basic_text', false, 'basicText'],
    ['unknown', false, 'unknownBackend'],
    ['gnome_libsecret', true, undefined],
    ['kwallet5', true, undefined],
    ['kwallet6', true, undefined],
  ])('on Linux the %s backend counts as protected: %s', (backend, available, reason) => {
    expect(osProtection(storage(backend), 'linux')).toEqual({
      available,
      backend,
      ...(reason ? { reason } : {}),
    });
  });

  it('Windows (DPAPI) and macOS (Keychain) are protected whenever encryption is available', () => {
    expect(osProtection(storage(undefined), 'win32')).toEqual({ available: true });
    expect(osProtection(storage(undefined), 'darwin')).toEqual({ available: true });
    expect(osProtection(storage(undefined, false), 'darwin')).toEqual({
      available: false,
      reason: 'noEncryption',
    });
  });

  it('the vault stores nothing with the basic_text fallback and says why', async () => {
    const vault = new SecretVault(path.join(dir, 'secrets.json'), storage('basic_text'), nodeFs, 'linux');
    expect(vault.isAvailable()).toBe(false);
    await expect(vault.set('sync.team-passphrase', 'geheim')).rejects.toThrow(/basicText/);
    expect(await vault.get('sync.team-passphrase')).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('the vault stores secrets with a real keyring', async () => {
    const vault = new SecretVault(
      path.join(dir, 'secrets.json'),
      storage('gnome_libsecret'),
      nodeFs,
      'linux',
    );
    await vault.set('k', 'v');
    expect(await vault.get('k')).toBe('v');
  });
});
