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
      appVersion: async () => 'e2e',
      openFile: async () => null,
      saveFile: async (o: { suggestedName: string; data: Uint8Array }) => {
        await (w.__werkplanSave as (n: string, t: string) => Promise<void>)(
          o.suggestedName,
          new TextDecoder().decode(o.data),
        );
        return { saved: true, name: o.suggestedName };
      },
      printToPdf: async () => ({ saved: false }),
      secrets: {
        isAvailable: async () => true,
        get: async (k: string) => secrets.get(k) ?? null,
        set: async (k: string, v: string) => void secrets.set(k, v),
        delete: async (k: string) => void secrets.delete(k),
      },
      auth: {
        status: async () => status(),
        settings: async () => settings,
        configure: async (x: Record<string, unknown>) => (settings = { ...x }),
        signIn: async () => {
          signedIn = true;
          return status();
        },
        signOut: async () => {
          signedIn = false;
          return { revoked: true };
        },
        syncRequest: (r: unknown) => (w.__werkplanSyncRequest as (r: unknown) => Promise<unknown>)(r),
      },
    };
  }, who);
}
