import { describe, expect, it, vi } from 'vitest';
import type { WerkplanBridge } from '../../../../contracts';
import { auth } from './index';

describe('auth platform', () => {
  it('delegates to the shell in Electron', async () => {
    const bridgeAuth = {
      status: vi.fn(async () => ({ configured: true, signedIn: true, oid: 'o1' })),
      settings: vi.fn(async () => null),
      configure: vi.fn(async (s: unknown) => s),
      signIn: vi.fn(async () => ({ configured: true, signedIn: true })),
      signOut: vi.fn(async () => ({ revoked: true })),
      syncRequest: vi.fn(async () => ({ status: 200, etag: null, body: '{"projects":[]}' })),
    };
    const a = auth({
      werkplan: { kind: 'electron', auth: bridgeAuth } as unknown as WerkplanBridge,
    } as Window);
    expect(a).toMatchObject({ kind: 'electron', supported: true });
    expect(await a.status()).toMatchObject({ signedIn: true, oid: 'o1' });
    expect(await a.signOut()).toEqual({ revoked: true });
    expect((await a.syncRequest({ method: 'GET', path: '/projects' })).status).toBe(200);
    expect(bridgeAuth.signOut).toHaveBeenCalledOnce();
  });

  it('in a browser, sign-in says it needs the desktop app and nothing is stored', async () => {
    const a = auth(window);
    expect(a).toMatchObject({ kind: 'web', supported: false });
    await expect(a.signIn()).rejects.toThrow(/desktop app/);
    await expect(
      a.configure({ authority: 'https://x', clientId: 'c', apiScope: 's', serverUrl: 'https://s' }),
    ).rejects.toThrow(/desktop app/);
    expect(await a.status()).toEqual({ configured: false, signedIn: false });
    expect(await a.syncRequest({ method: 'GET', path: '/projects' })).toMatchObject({
      status: 0,
      signedOut: true,
    });
    expect(localStorage.length).toBe(0);
  });
});
