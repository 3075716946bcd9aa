import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IPC } from '../../../contracts';
import { registerIpc } from './register';
import { SecretVault } from './secrets';
import { FakeIpcMain, FakeWebContents, mainFrameEvent, nodeFs, subFrameEvent } from '../testing/fakes';
import type { DialogLike, SafeStorageLike } from '../electron-api';
import { AuthService } from '../auth/signin';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'werkplan-ipc-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

const fakeSafeStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (s) => Buffer.from(`enc:${Buffer.from(s).toString('hex')}`),
  decryptString: (b) => Buffer.from(b.toString().slice(4), 'hex').toString(),
});

function setup(opts: { available?: boolean; dialog?: Partial<DialogLike> } = {}) {
  const ipcMain = new FakeIpcMain();
  const auth = new AuthService({
    vault: new SecretVault(path.join(dir, 'auth.json'), fakeSafeStorage(opts.available ?? true), nodeFs),
    openExternal: vi.fn(async () => undefined),
    // The user confirms where tokens go in the shell's own dialog (auth/binding.test.ts).
    confirmSettingsChange: vi.fn(async () => true),
  });
  const contents = new FakeWebContents(1);
  const dialog: DialogLike = {
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: path.join(dir, 'out.json') })),
    ...opts.dialog,
  };
  registerIpc({
    ipcMain,
    dialog,
    fs: nodeFs,
    vault: new SecretVault(path.join(dir, 'secrets.json'), fakeSafeStorage(opts.available ?? true), nodeFs),
    auth,
    appVersion: '1.2.3',
    origins: new Set(['app://werkplan']),
    windowIds: new Set([1]),
    contentsById: (id) => (id === 1 ? contents : undefined),
  });
  return { ipcMain, dialog, contents };
}

const app = mainFrameEvent('app://werkplan/index.html', 1);

describe('IPC handlers', () => {
  it('registers one handler per bridge channel', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(IPC).sort());
  });

  it('refuse senders from other origins, subframes and foreign windows on every channel', async () => {
    const { ipcMain } = setup();
    for (const channel of Object.values(IPC)) {
      await expect(ipcMain.invoke(channel, mainFrameEvent('https://evil.example/', 1))).rejects.toThrow(
        /untrusted origin/,
      );
      await expect(ipcMain.invoke(channel, subFrameEvent('app://werkplan/frame.html', 1))).rejects.toThrow(
        /subframe/,
      );
      await expect(ipcMain.invoke(channel, mainFrameEvent('app://werkplan/index.html', 99))).rejects.toThrow(
        /not a Werkplan window/,
      );
      await expect(ipcMain.invoke(channel, { senderFrame: null, sender: { id: 1 } })).rejects.toThrow(/gone/);
    }
  });

  it('answers the app version to the app', async () => {
    const { ipcMain } = setup();
    expect(await ipcMain.invoke(IPC.appVersion, app)).toBe('1.2.3');
    await expect(ipcMain.invoke(IPC.appVersion, app, 'extra')).rejects.toThrow(/expected 0 argument/);
  });

  it.each([
    [IPC.saveFile, [{ suggestedName: '../../etc/passwd', data: new Uint8Array([1]) }], /plain file name/],
    [IPC.saveFile, [{ suggestedName: 'a.json', data: 'not bytes' }], /Uint8Array/],
    [IPC.saveFile, [{ suggestedName: 'a.json', data: new Uint8Array(1), extra: 1 }], /unknown key/],
    [
      IPC.saveFile,
      [{ suggestedName: 'a.json', data: new Uint8Array(1), filters: [{ name: 'x', extensions: ['../x'] }] }],
      /extensions/,
    ],
    [IPC.openFile, [null], /expected an object/],
    [IPC.openFile, [{ title: 'x'.repeat(201) }], /title/],
    [IPC.printToPdf, [{ suggestedName: 'r.pdf', landscape: 'yes' }], /landscape/],
    [IPC.secretGet, ['Bad Key!'], /key must match/],
    [IPC.secretSet, ['k', 42], /value must be a string/],
    [IPC.secretSet, ['k'], /expected 2 argument/],
    [
      IPC.authConfigure,
      [{ authority: 'http://login.example.com', clientId: 'c', apiScope: 's', serverUrl: 'https://s' }],
      /authority.*https/,
    ],
    [
      IPC.authConfigure,
      [
        {
          authority: 'https://login.example.com',
          clientId: 'c',
          apiScope: 's',
          serverUrl: 'https://s',
          x: 1,
        },
      ],
      /unknown key/,
    ],
    [IPC.authConfigure, ['https://login.example.com'], /expected an object/],
    [IPC.authSignIn, [], /expected 1 argument/],
    [IPC.authSignIn, ['now'], /expected an object/],
    [IPC.authSignIn, [{ prompt: 'none' }], /unknown key/],
    [IPC.authSignIn, [{ claims: 'not base64!' }], /claims must be base64/],
    [IPC.syncRequest, [{ method: 'GET', path: '/admin/tenants' }], /path must be/],
    [IPC.syncRequest, [{ method: 'GET', path: '/projects/../admin' }], /path must be/],
    [IPC.syncRequest, [{ method: 'POST', path: '/projects' }], /method/],
    [IPC.syncRequest, [{ method: 'GET', path: '/projects/a', body: '{}' }], /only PUT/],
    [IPC.syncRequest, [{ method: 'PUT', path: '/projects/a', ifMatch: 0 }], /ifMatch/],
    [IPC.syncRequest, [{ method: 'GET', path: '/projects', authorization: 'Bearer x' }], /unknown key/],
  ])('rejects a malformed %s payload', async (channel, args, message) => {
    const { ipcMain } = setup();
    await expect(ipcMain.invoke(channel, app, ...args)).rejects.toThrow(message);
  });

  it('saves atomically and returns only the file name', async () => {
    const { ipcMain } = setup();
    const res = await ipcMain.invoke(IPC.saveFile, app, {
      suggestedName: 'projekt.json',
      data: new TextEncoder().encode('{"a":1}'),
    });
    expect(res).toEqual({ saved: true, name: 'out.json' });
    expect(await readFile(path.join(dir, 'out.json'), 'utf8')).toBe('{"a":1}');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('opens a picked file, returning its name and bytes but not its path', async () => {
    const file = path.join(dir, 'last.csv');
    await nodeFs.writeFile(file, new TextEncoder().encode('a;b'));
    const { ipcMain } = setup({
      dialog: { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [file] })) },
    });
    const res = (await ipcMain.invoke(IPC.openFile, app, {
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    })) as { name: string; data: Uint8Array };
    expect(res.name).toBe('last.csv');
    expect(new TextDecoder().decode(res.data)).toBe('a;b');
    expect(JSON.stringify(res)).not.toContain(dir);
  });

  it('prints the sender window to PDF', async () => {
    const { ipcMain, contents } = setup();
    const res = await ipcMain.invoke(IPC.printToPdf, app, { suggestedName: 'bericht' });
    expect(res).toEqual({ saved: true, name: 'out.json' });
    expect(contents.printed).toEqual([{ landscape: false, printBackground: true, pageSize: 'A4' }]);
    expect((await readFile(path.join(dir, 'out.json'))).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('keeps secrets encrypted on disk and round-trips them', async () => {
    const { ipcMain } = setup();
    expect(await ipcMain.invoke(IPC.secretAvailable, app)).toBe(true);
    await ipcMain.invoke(IPC.secretSet, app, 'sync.refresh-token', 's3cr3t');
    expect(await readFile(path.join(dir, 'secrets.json'), 'utf8')).not.toContain('s3cr3t');
    expect(await ipcMain.invoke(IPC.secretGet, app, 'sync.refresh-token')).toBe('s3cr3t');
    await ipcMain.invoke(IPC.secretDelete, app, 'sync.refresh-token');
    expect(await ipcMain.invoke(IPC.secretGet, app, 'sync.refresh-token')).toBeNull();
  });

  it('keeps sync settings, reports signed-out, and never exposes the token vault through the secret channels', async () => {
    const { ipcMain } = setup();
    expect(await ipcMain.invoke(IPC.authStatus, app)).toEqual({ configured: false, signedIn: false });
    await expect(ipcMain.invoke(IPC.authSignIn, app, {})).rejects.toThrow(/not configured/);
    const settings = {
      tenantId: '3f9c2a51-7d44-4c1e-9b0a-2e6f8d1c5a77',
      clientId: 'werkplan-desktop',
      apiScope: 'api://werkplan/access_as_user',
      serverUrl: 'https://sync.example.com/',
    };
    const saved = await ipcMain.invoke(IPC.authConfigure, app, settings);
    expect(saved).toMatchObject({
      authority: 'https://login.microsoftonline.com/3f9c2a51-7d44-4c1e-9b0a-2e6f8d1c5a77/v2.0',
      serverUrl: 'https://sync.example.com',
    });
    expect(await ipcMain.invoke(IPC.authSettings, app)).toEqual(saved);
    expect(await ipcMain.invoke(IPC.authStatus, app)).toEqual({ configured: true, signedIn: false });
    expect(await ipcMain.invoke(IPC.syncRequest, app, { method: 'GET', path: '/projects' })).toMatchObject({
      status: 0,
      signedOut: true,
    });
    // The auth vault is a separate file: the renderer's secret channels cannot read its entries.
    expect(await ipcMain.invoke(IPC.secretGet, app, 'sync.settings')).toBeNull();
    expect(await ipcMain.invoke(IPC.secretGet, app, 'sync.tokens')).toBeNull();
  });

  it('stores no secret at all when the OS offers no encryption', async () => {
    const { ipcMain } = setup({ available: false });
    expect(await ipcMain.invoke(IPC.secretAvailable, app)).toBe(false);
    await expect(ipcMain.invoke(IPC.secretSet, app, 'k', 'v')).rejects.toThrow(/not available/);
    expect(await readdir(dir)).toEqual([]);
    await expect(
      ipcMain.invoke(IPC.authConfigure, app, {
        authority: 'https://i.example',
        clientId: 'c',
        apiScope: 's',
        serverUrl: 'https://s.example',
      }),
    ).rejects.toThrow(/no secure storage/);
  });
});
