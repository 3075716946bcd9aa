import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeFs, xorSafeStorage } from '../testing/fakes';
import { SecretVault } from '../ipc/secrets';
import { AuthService, SETTINGS_KEY, TOKENS_KEY } from './signin';
import { bindingOf, settingsChangeDialog, type SettingsChange } from './binding';
import { parseSettings } from './settings';
import { sendSyncRequest } from './api';

const TID = '11111111-2222-3333-4444-555555555555';
const SETTINGS = parseSettings({
  tenantId: TID,
  clientId: 'werkplan-desktop',
  apiScope: 'api://werkplan/access_as_user',
  serverUrl: 'https://sync.stadtwerk.example',
});
const EVIL = 'https://sync.attacker.example';

const safe = xorSafeStorage();

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkplan-binding-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A signed-in service: settings and a fresh token for SETTINGS, as sign-in stores them. */
async function signedIn(confirm: (c: SettingsChange) => Promise<boolean>) {
  const vault = new SecretVault(path.join(dir, 'auth.json'), safe, nodeFs);
  await vault.set(SETTINGS_KEY, JSON.stringify(SETTINGS));
  await vault.set(
    TOKENS_KEY,
    JSON.stringify({
      access_token: 'secret-access-token',
      expires_at: Date.now() + 3_600_000,
      binding: bindingOf(SETTINGS),
      claims: { name: 'Erika', tid: TID, oid: 'o1', roles: [] },
    }),
  );
  const confirmSettingsChange = vi.fn(confirm);
  const auth = new AuthService({ vault, openExternal: async () => {}, confirmSettingsChange });
  return { auth, vault, confirmSettingsChange };
}

describe('tokens are bound to the server and issuer they were obtained for', () => {
  it('a renderer changing only the server URL cannot redirect the token (finding: token redirect)', async () => {
    const { auth } = await signedIn(async () => true);
    await auth.configure({ ...SETTINGS, serverUrl: EVIL });
    const calls: string[] = [];
    const res = await sendSyncRequest(auth, { method: 'GET', path: '/projects' }, async (url, init) => {
      calls.push(`${String(url)} ${JSON.stringify(init?.headers ?? {})}`);
      return new Response('[]', { status: 200 });
    });
    expect(calls.filter((c) => c.includes('secret-access-token'))).toEqual([]);
    expect(res.signedOut).toBe(true);
    expect(await auth.status()).toMatchObject({ signedIn: false });
  });

  it('a settings change needs a confirmation in the shell; declined, nothing changes', async () => {
    const { auth, confirmSettingsChange } = await signedIn(async () => false);
    await expect(auth.configure({ ...SETTINGS, serverUrl: EVIL })).rejects.toThrow(/not confirmed/);
    expect(confirmSettingsChange).toHaveBeenCalledWith({
      previous: bindingOf(SETTINGS),
      next: bindingOf({ ...SETTINGS, serverUrl: EVIL }),
      signedIn: true,
    });
    expect(await auth.settings()).toEqual(SETTINGS);
    expect(await auth.accessToken()).toMatchObject({
      token: 'secret-access-token',
      serverUrl: SETTINGS.serverUrl,
    });
  });

  it('without a confirmation function every change of where tokens go is refused', async () => {
    const vault = new SecretVault(path.join(dir, 'auth.json'), safe, nodeFs);
    const auth = new AuthService({ vault, openExternal: async () => {} });
    await expect(auth.configure(SETTINGS)).rejects.toThrow(/not confirmed/);
    expect(await auth.settings()).toBeNull();
  });

  it('saving the same settings again asks nothing and keeps the sign-in', async () => {
    const { auth, confirmSettingsChange } = await signedIn(async () => false);
    await auth.configure({ ...SETTINGS });
    expect(confirmSettingsChange).not.toHaveBeenCalled();
    expect(await auth.status()).toMatchObject({ signedIn: true });
  });

  it('a token stored for another server (settings written behind the service) is never used', async () => {
    const { auth, vault } = await signedIn(async () => true);
    await vault.set(SETTINGS_KEY, JSON.stringify({ ...SETTINGS, serverUrl: EVIL }));
    expect(await auth.accessToken()).toBeNull();
    expect(await auth.status()).toMatchObject({ configured: true, signedIn: false });
  });

  it('tokens stored before the binding existed are not used', async () => {
    const { auth, vault } = await signedIn(async () => true);
    await vault.set(
      TOKENS_KEY,
      JSON.stringify({ access_token: 'old', expires_at: Date.now() + 3_600_000, claims: {} }),
    );
    expect(await auth.accessToken()).toBeNull();
  });

  it('a 503 from the server (its identity provider is down) keeps the user signed in', async () => {
    const { auth } = await signedIn(async () => true);
    const res = await sendSyncRequest(
      auth,
      { method: 'GET', path: '/projects' },
      async () =>
        new Response(JSON.stringify({ error: 'auth_unavailable', message: 'keys unavailable' }), {
          status: 503,
          headers: { 'retry-after': '30' },
        }),
    );
    expect(res).toMatchObject({ status: 503 });
    expect(res.signedOut).toBeUndefined();
    expect(await auth.status()).toMatchObject({ signedIn: true });
  });

  it('the dialog names the new server and the old one, in German or English', () => {
    const change = {
      previous: bindingOf(SETTINGS),
      next: bindingOf({ ...SETTINGS, serverUrl: EVIL }),
      signedIn: true,
    };
    const de = settingsChangeDialog(change, 'de-DE');
    expect(de.detail).toContain(EVIL);
    expect(de.detail).toContain(SETTINGS.serverUrl);
    expect(de.buttons).toEqual(['Abbrechen', 'Ändern']);
    expect(settingsChangeDialog(change, 'en-US').message).toMatch(/Change the sync settings/);
  });
});
