import { describe, expect, it, vi } from 'vitest';
import {
  applySecurityHeaders,
  denyPermissions,
  guardNavigation,
  isAllowedExternal,
  originOf,
  secureWebPreferences,
  trustedOrigins,
} from './security';
import type { SessionLike } from './electron-api';
import { FakeWebContents } from './testing/fakes';

describe('web preferences', () => {
  it('apply the Electron security checklist', () => {
    const p = secureWebPreferences('/app/preload.js');
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.js',
    });
  });
});

describe('origins', () => {
  it('trusts the app scheme and only a loopback dev server', () => {
    expect([...trustedOrigins()]).toEqual(['app://werkplan']);
    expect(trustedOrigins('http://localhost:5173/').has('http://localhost:5173')).toBe(true);
    expect(() => trustedOrigins('https://evil.example')).toThrow(/refusing dev server/);
    expect(originOf('app://werkplan/index.html')).toBe('app://werkplan');
    expect(originOf('app://other/x')).toBe('app://other');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('navigation guards', () => {
  it('deny leaving the app, new windows and webviews; allowed links go to the system browser', () => {
    const wc = new FakeWebContents();
    const shell = { openExternal: vi.fn(async () => undefined) };
    guardNavigation(wc, trustedOrigins(), shell);

    expect(wc.navigate('will-navigate', 'app://werkplan/index.html')).toBe(false);
    expect(wc.navigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(wc.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(wc.navigate('will-navigate', 'https://www.bdew.de/standardlastprofile')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.bdew.de/standardlastprofile');

    expect(wc.openHandler!({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'https://www.dwd.de/x' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(2);

    let prevented = false;
    (wc.listeners.get('will-attach-webview') as unknown as (e: { preventDefault(): void }) => void)({
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
  });

  it('allows only https links to listed sites, without credentials', () => {
    expect(isAllowedExternal('https://www.bdew.de/x')).toBe(true);
    expect(isAllowedExternal('http://www.bdew.de/x')).toBe(false);
    expect(isAllowedExternal('https://user:pw@www.bdew.de/x')).toBe(false);
    expect(isAllowedExternal('https://www.bdew.de.evil.example/x')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
  });
});

describe('session hardening', () => {
  function fakeSession() {
    const s = {
      request: undefined as undefined | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
      check: undefined as undefined | ((wc: unknown, p: string) => boolean),
      headers: undefined as
        | undefined
        | ((
            d: { url: string; responseHeaders?: Record<string, string[]> },
            cb: (r: { responseHeaders: Record<string, string[]> }) => void,
          ) => void),
    };
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (s.request = h ?? undefined),
      setPermissionCheckHandler: (h) => (s.check = h ?? undefined),
      webRequest: { onHeadersReceived: (l) => (s.headers = l) },
    };
    return { s, session };
  }

  it('denies every permission request and check', () => {
    const { s, session } = fakeSession();
    denyPermissions(session);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | undefined;
      s.request!(null, p, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(s.check!(null, p)).toBe(false);
    }
  });

  it('sets CSP and isolation headers on every response, replacing weaker ones', () => {
    const { s, session } = fakeSession();
    applySecurityHeaders(session);
    let out: Record<string, string[]> = {};
    s.headers!(
      { url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ['default-src *'] } },
      (r) => (out = r.responseHeaders),
    );
    expect(out['content-security-policy']).toBeUndefined();
    expect(out['Content-Security-Policy'][0]).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(out['Content-Security-Policy'][0]).toContain("frame-ancestors 'none'");
    expect(out['Cross-Origin-Opener-Policy']).toEqual(['same-origin']);
    expect(out['Cross-Origin-Embedder-Policy']).toEqual(['require-corp']);
  });
});
