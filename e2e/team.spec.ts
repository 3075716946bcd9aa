import { expect, test, type Browser, type Page } from '@playwright/test';
import { installDesktopShell } from './shell';

/**
 * Team sync with real parts end to end: the built renderer in Chromium (real WebCrypto, IndexedDB,
 * pages), the real sync server (server/src/testing/harness.ts: Fastify on PGlite, or on PostgreSQL
 * when TEST_DATABASE_URL is set) with access tokens from a real OpenID provider shaped like Entra
 * ID, and the shell's own request handling (electron/src/auth/api.ts: allow-list check, bearer
 * token, headers). Only the Electron window around it is stood in for by an injected bridge; the
 * interactive sign-in itself is tested in electron/src/auth/signin.test.ts.
 *
 * Alice creates a team key and a project, shares it with Bob found in the directory, Bob reads it,
 * Alice deletes it everywhere and Bob keeps his copy marked as gone; an administrator (with MFA)
 * reads the audit log of all this and exports it with a verified chain.
 */

const load = <T>(path: string) => import(new URL(path, import.meta.url).href) as Promise<T>;

interface TestServer {
  url: string;
  token(tid: string, persona: string): Promise<string>;
  call(method: string, path: string, opts?: { token?: string }): Promise<Response>;
  entra: { oidOf(tid: string, persona: string): string };
  close(): Promise<void>;
}
interface HarnessModule {
  TENANT_A: string;
  startTestServer(): Promise<TestServer>;
}
interface ApiModule {
  parseSyncRequest(channel: string, v: unknown): unknown;
  sendSyncRequest(
    auth: { accessToken(): Promise<{ token: string; expiresAt: number; serverUrl: string }> },
    req: unknown,
  ): Promise<unknown>;
}

let s: TestServer;
let tenant: string;
let api: ApiModule;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const harness = await load<HarnessModule>('../server/src/testing/harness.ts');
  api = await load<ApiModule>('../electron/src/auth/api.ts');
  tenant = harness.TENANT_A;
  s = await harness.startTestServer();
});
test.afterAll(async () => {
  await s?.close();
});

interface Who {
  persona: 'alice' | 'bob' | 'admin';
  name: string;
  roles: string[];
}

/** The stand-in shell, with sync requests made like the main process makes them. */
async function desktopShell(page: Page, who: Who, saved: Map<string, string>) {
  await installDesktopShell(
    page,
    { name: who.name, roles: who.roles, tenantId: tenant, oid: s.entra.oidOf(tenant, who.persona) },
    {
      syncRequest: async (req) =>
        api.sendSyncRequest(
          {
            accessToken: async () => ({
              token: await s.token(tenant, who.persona),
              expiresAt: Date.now() + 600_000,
              serverUrl: s.url,
            }),
          },
          api.parseSyncRequest('werkplan:sync-request', req),
        ),
      saveFile: (name, text) => void saved.set(name, text),
    },
  );
}

async function openAs(browser: Browser, who: Who, saved = new Map<string, string>()) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await desktopShell(page, who, saved);
  await page.goto('/');
  return { page, errors, saved, close: () => context.close() };
}

async function signIn(page: Page, name: string) {
  await page.getByRole('button', { name: 'Einstellungen' }).click();
  await page.getByLabel('Tenant-ID').fill(tenant);
  await page.getByLabel('Client-ID der Desktop-App').fill('werkplan-desktop');
  await page.getByLabel('API-Bereich (Scope)').fill('api://werkplan-sync-test/access_as_user');
  await page.getByLabel('Server-URL').fill(s.url);
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await page.getByRole('button', { name: 'Im Browser anmelden' }).click();
  await expect(page.getByText(`Angemeldet als ${name}`)).toBeVisible();
}

const syncNow = (page: Page) => page.getByRole('banner').locator('button.sync-status').click();
const syncStatus = (page: Page) => page.getByRole('banner').locator('button.sync-status [role=status]');

test('share with a colleague, delete everywhere, and the administrator audits it', async ({ browser }) => {
  test.setTimeout(240_000);
  const passphrase = 'Stadtwerke-Team-2026!';
  const alice = await openAs(browser, { persona: 'alice', name: 'Alice Schmidt', roles: [] });
  const bob = await openAs(browser, { persona: 'bob', name: 'Bob Weber', roles: [] });
  try {
    // Alice: a project, a team key, and the project encrypted on the server.
    const a = alice.page;
    await a.getByLabel('Neues Projekt').fill('Wärmenetz Nord');
    await a.getByLabel('Neues Projekt').press('Enter');
    await expect(a.getByTestId('header-project')).toHaveText('Projekt: Wärmenetz Nord'); // opened
    await signIn(a, 'Alice Schmidt');
    await a.getByLabel('Team-Passphrase').fill(passphrase);
    await a.getByRole('button', { name: 'Neuen Teamschlüssel anlegen' }).click();
    const code = (await a.getByTestId('team-code').textContent({ timeout: 30_000 }))!.trim();
    await expect(syncStatus(a)).toHaveText('Synchron', { timeout: 30_000 });
    const aliceToken = await s.token(tenant, 'alice');
    const listed = (await (await s.call('GET', '/v1/projects', { token: aliceToken })).json()) as {
      projects: { id: string }[];
    };
    expect(listed.projects).toHaveLength(1);
    const projectId = listed.projects[0].id;

    // Bob signs in once (so the directory knows him) and joins the team key.
    const b = bob.page;
    await signIn(b, 'Bob Weber');
    await b.getByLabel('Team-Passphrase').fill(passphrase);
    await b.getByLabel('Teamschlüssel-Code (nur beim ersten Beitritt)').fill(code);
    await b.getByRole('button', { name: 'Entsperren' }).click();
    await expect(syncStatus(b)).toHaveText('Synchron', { timeout: 30_000 });

    // Alice shares the project with Bob, found by name in the tenant's directory.
    await a.getByRole('button', { name: 'Projekte' }).click();
    await a.getByRole('button', { name: 'Teilen' }).click();
    const dialog = a.getByRole('dialog', { name: '„Wärmenetz Nord“ teilen' });
    await dialog.getByLabel('Name oder Benutzername').fill('Bob');
    await dialog.getByRole('button', { name: 'Bob Weber hinzufügen' }).click();
    await expect(dialog.getByLabel('Zugriff für Bob Weber')).toBeVisible();
    await a.screenshot({ path: 'e2e/artifacts/share-dialog.png', fullPage: true });
    await dialog.getByRole('button', { name: 'Schließen' }).click();

    // Bob now gets the project and decrypts it in his browser.
    await syncNow(b);
    await b.getByRole('button', { name: 'Projekte' }).click();
    await expect(b.getByRole('button', { name: 'Wärmenetz Nord' })).toBeVisible({ timeout: 30_000 });
    // Bob is no owner: deleting would only remove his copy and leave the project.
    await b.getByRole('button', { name: 'Löschen' }).click();
    await expect(b.getByRole('dialog', { name: 'Projekt entfernen und verlassen?' })).toBeVisible();
    await b.getByRole('button', { name: 'Abbrechen' }).click();

    // Alice deletes it everywhere: erased on the server, Bob keeps his copy marked as gone.
    await a.getByRole('button', { name: 'Löschen' }).click();
    await a
      .getByRole('dialog', { name: 'Projekt überall löschen?' })
      .getByRole('button', { name: 'Überall löschen' })
      .click();
    await expect
      .poll(async () => (await s.call('GET', `/v1/projects/${projectId}`, { token: aliceToken })).status, {
        timeout: 30_000,
      })
      .toBe(404);
    await expect(a.getByRole('button', { name: 'Wärmenetz Nord' })).toHaveCount(0);
    await syncNow(b);
    await expect(b.getByText('Nicht mehr auf dem Server').first()).toBeVisible({ timeout: 30_000 });
    await expect(b.getByRole('button', { name: 'Wärmenetz Nord' })).toBeVisible();

    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  } finally {
    await alice.close();
    await bob.close();
  }

  // The administrator (signed in with MFA) reads the audit log and exports it.
  const admin = await openAs(browser, { persona: 'admin', name: 'Ada Admin', roles: ['Administrator'] });
  try {
    const p = admin.page;
    await signIn(p, 'Ada Admin');
    await p.getByRole('button', { name: 'Administration' }).click();
    const log = p.getByRole('table', { name: 'Audit-Einträge, älteste zuerst' });
    await expect(log).toContainText('project.share', { timeout: 30_000 });
    await expect(log).toContainText('project.delete');
    await expect(p.getByText(/Prüfkette der geladenen Einträge 1–\d+ intakt/)).toBeVisible();
    await p.getByRole('button', { name: 'Exportieren (NDJSON)' }).click();
    await expect(p.getByText(/Prüfung des Servers: Kette intakt/)).toBeVisible({ timeout: 30_000 });
    await p.screenshot({ path: 'e2e/artifacts/admin-audit.png', fullPage: true });
    const [[name, text]] = [...admin.saved];
    expect(name).toMatch(new RegExp(`^werkplan-audit-${tenant}-\\d{4}-\\d{2}-\\d{2}\\.ndjson$`));
    const actions = text
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { action: string }).action);
    expect(actions).toEqual(expect.arrayContaining(['project.create', 'project.share', 'project.delete']));
    expect(admin.errors).toEqual([]);
  } finally {
    await admin.close();
  }
});
