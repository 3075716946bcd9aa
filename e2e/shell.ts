import type { Page } from '@playwright/test';

/** Who the stand-in shell says is signed in (what AuthStatus carries after a sign-in). */
export interface Identity {
  name: string;
  roles: string[];
  tenantId?: string;
  oid?: string;
}

/**
 * The Electron shell as the renderer sees it (window.werkplan, contracts/src/bridge.ts),
 * injected before the app loads: sign-in is a switch (the real flow is tested against a real
 * OpenID provider in electron/src/auth/signin.test.ts), secrets stay in memory, and every sync
 * request and saved file is handed to the test process.
 */
export async function installDesktopShell(
  page: Page,
  who: Identity,
  handlers: {
    syncRequest: (req: unknown) => unknown;
    saveFile?: (name: string, text: string) => void;
  },
): Promise<void> {
  await page.exposeFunction('__werkplanSyncRequest', handlers.syncRequest);
  await page.exposeFunction('__werkplanSave', (name: string, text: string) =>
    handlers.saveFile?.(name, text),
  );
  await page.addInitScript((who) => {
    const w = window as unknown as Record<string, unknown>;
    const secrets = new Map<string, string>();
    let settings: Record<string, unknown> | null = null;
    let signedIn = false;
    const status = () => ({
      configured: !!settings,
      signedIn,
      ...(signedIn ? { username: who.name, ...who } : {}),
    });
    w.werkplan = {
      kind: 'electron',
      appVersion: () => Promise.resolve('e2e'),
      openFile: () => Promise.resolve(null),
      saveFile: async (o: { suggestedName: string; data: Uint8Array }) => {
        await (w.__werkplanSave as (n: string, t: string) => Promise<void>)(
          o.suggestedName,
          new TextDecoder().decode(o.data),
        );
        return { saved: true, name: o.suggestedName };
      },
      printToPdf: () => Promise.resolve({ saved: false }),
      secrets: {
        isAvailable: () => Promise.resolve(true),
        get: (k: string) => Promise.resolve(secrets.get(k) ?? null),
        set: (k: string, v: string) => {
          secrets.set(k, v);
          return Promise.resolve();
        },
        delete: (k: string) => {
          secrets.delete(k);
          return Promise.resolve();
        },
      },
      auth: {
        status: () => Promise.resolve(status()),
        settings: () => Promise.resolve(settings),
        configure: (x: Record<string, unknown>) => {
          settings = { ...x };
          return Promise.resolve(settings);
        },
        signIn: () => {
          signedIn = true;
          return Promise.resolve(status());
        },
        signOut: () => {
          signedIn = false;
          return Promise.resolve({ revoked: true });
        },
        syncRequest: (r: unknown) => (w.__werkplanSyncRequest as (r: unknown) => Promise<unknown>)(r),
      },
    };
  }, who);
}
