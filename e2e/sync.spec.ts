import { expect, test, type Page } from '@playwright/test';
import { installDesktopShell } from './shell';

/**
 * Sync in the built renderer in a real Chromium: real WebCrypto (PBKDF2 600 000, AES-GCM, AES-KW),
 * real IndexedDB, the real Settings page and status indicator. The Electron shell is stood in for
 * by a bridge injected before the app loads: sign-in is faked (it is tested end to end against a
 * real OpenID provider in electron/src/auth/signin.test.ts), and its sync requests go to a
 * contract-faithful in-memory server in this test process.
 */

interface Req {
  method: 'GET' | 'PUT' | 'DELETE';
  path: string;
  ifMatch?: number;
  ifNoneMatch?: '*';
  body?: string;
}
interface Meta {
  id: string;
  tenantId: string;
  version: number;
  size_bytes: number;
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

function contractServer() {
  const rows = new Map<string, { meta: Meta; envelope: unknown }>();
  const bodies: string[] = [];
  const reply = (status: number, body: unknown, etag: string | null = null) => ({
    status,
    etag,
    body: JSON.stringify(body),
  });
  const handle = (req: Req) => {
    const m = /^\/projects(?:\/([^/]+))?$/.exec(req.path);
    if (!m) return reply(404, { error: 'not_found', message: req.path });
    const id = m[1];
    if (req.method === 'GET' && !id) return reply(200, { projects: [...rows.values()].map((r) => r.meta) });
    if (req.method === 'GET' && id) {
      const row = rows.get(id);
      return row ? reply(200, row, `"${row.meta.version}"`) : reply(404, { error: 'not_found', message: id });
    }
    if (req.method === 'PUT' && id) {
      bodies.push(req.body ?? '');
      const row = rows.get(id);
      const ok = row ? req.ifMatch === row.meta.version : req.ifNoneMatch === '*';
      if (!ok) return reply(409, { error: 'conflict', current: row?.meta ?? null });
      const now = new Date().toISOString();
      const meta: Meta = {
        id,
        tenantId: 't',
        version: (row?.meta.version ?? 0) + 1,
        size_bytes: (req.body ?? '').length,
        authorId: 'oid-e2e',
        createdAt: row?.meta.createdAt ?? now,
        updatedAt: now,
      };
      rows.set(id, { meta, envelope: (JSON.parse(req.body ?? '{}') as { envelope: unknown }).envelope });
      return reply(row ? 200 : 201, { meta }, `"${meta.version}"`);
    }
    return reply(405, { error: 'method', message: req.method });
  };
  return { rows, bodies, handle };
}

const desktopShell = (page: Page, server: ReturnType<typeof contractServer>) =>
  installDesktopShell(
    page,
    { name: 'Erika Mustermann', roles: [] },
    { syncRequest: (req) => server.handle(req as Req) },
  );

test('a project is encrypted in the browser and synced; the server never sees its name', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const server = contractServer();
  await desktopShell(page, server);

  await page.goto('/');
  await page.getByLabel('Neues Projekt').fill('Fernwärme Südstadt');
  await page.getByLabel('Neues Projekt').press('Enter');
  await expect(page.getByTestId('header-project')).toHaveText('Projekt: Fernwärme Südstadt'); // opened

  await page.getByRole('button', { name: 'Einstellungen' }).click();
  await expect(page.getByRole('heading', { name: 'Synchronisation' })).toBeVisible();
  await page.getByLabel('Tenant-ID').fill('3f9c2a51-7d44-4c1e-9b0a-2e6f8d1c5a77');
  await page.getByLabel('Client-ID der Desktop-App').fill('werkplan-desktop');
  await page.getByLabel('API-Bereich (Scope)').fill('api://werkplan/access_as_user');
  await page.getByLabel('Server-URL').fill('https://sync.example.com');
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await page.getByRole('button', { name: 'Im Browser anmelden' }).click();
  await expect(page.getByText('Angemeldet als Erika Mustermann')).toBeVisible();

  await page.getByLabel('Team-Passphrase').fill('Stadtwerke-Team-2026!');
  await page.getByRole('button', { name: 'Neuen Teamschlüssel anlegen' }).click();
  await expect(page.getByTestId('team-code')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('banner').locator('button.sync-status [role=status]')).toHaveText('Synchron', {
    timeout: 20_000,
  });
  await page.screenshot({ path: 'e2e/artifacts/sync-settings.png', fullPage: true });

  expect(server.rows.size).toBe(1);
  const [row] = [...server.rows.values()];
  expect(row.meta.version).toBe(1);
  expect(row.envelope).toMatchObject({ formatVersion: 2, alg: 'AES-256-GCM' });
  const all = server.bodies.join('\n');
  expect(all).not.toContain('Südstadt');
  expect(all).not.toContain('Fernw');

  // An edit is uploaded as version 2 after "sync now".
  await page.getByRole('button', { name: 'Projekte' }).click();
  await page.getByRole('button', { name: 'Umbenennen' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Fernwärme Südstadt 2030');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('button', { name: 'Einstellungen' }).click();
  await page.getByRole('banner').locator('button.sync-status').click();
  await expect.poll(() => server.rows.get(row.meta.id)?.meta.version, { timeout: 10_000 }).toBe(2);
  expect(server.bodies.join('\n')).not.toContain('2030');
  expect(errors).toEqual([]);
});
