// Electron main process: wires the real Electron API into the shell's modules.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  type MenuItemConstructorOptions,
  type OpenDialogOptions,
  safeStorage,
  session,
  shell,
  webContents,
} from 'electron';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { FileSystemLike } from './electron-api';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { applySecurityHeaders, denyPermissions, trustedOrigins } from './security';
import { registerIpc } from './ipc/register';
import { SecretVault } from './ipc/secrets';
import { DataKeyStore } from './ipc/dataKey';
import { wipeLocalData } from './ipc/wipe';
import { KeyringService } from './ipc/keyring';
import { createMainWindow, type BrowserWindowLike } from './window';
import { buildMenu } from './menu';
import { AuthService } from './auth/signin';
import { settingsChangeDialog } from './auth/binding';

// Injected by @electron-forge/plugin-vite.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

const fs: FileSystemLike = {
  readFile: async (p) => new Uint8Array(await fsp.readFile(p)),
  writeFile: (p, d) => fsp.writeFile(p, d, { flag: 'wx', mode: 0o600 }),
  rename: (a, b) => fsp.rename(a, b),
  rm: (p, o) => fsp.rm(p, o),
  stat: (p) => fsp.stat(p),
  realpath: (p) => fsp.realpath(p),
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  const devServerUrl =
    typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
  const origins = trustedOrigins(devServerUrl);
  const windowIds = new Set<number>();
  let mainWindow: BrowserWindowLike | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    const rendererRoot = path.join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}`);
    protocol.handle('app', createAppProtocolHandler(rendererRoot, fs));
    denyPermissions(session.defaultSession);
    applySecurityHeaders(session.defaultSession);
    const userData = app.getPath('userData');
    const authFile = path.join(userData, 'auth.json');
    const secretsFile = path.join(userData, 'secrets.json');
    const keyringFile = path.join(userData, 'keyring.json');
    const vaultFiles = [authFile, secretsFile, keyringFile];
    const secretsVault = new SecretVault(secretsFile, safeStorage, fs);
    // The team key and its remembered passphrase stay here; their vault file is the keyring's own.
    const keyring = new KeyringService(new SecretVault(keyringFile, safeStorage, fs), secretsVault);
    // Sign-in tokens get their own vault file: the renderer's secret channels cannot reach them.
    const auth = new AuthService({
      vault: new SecretVault(authFile, safeStorage, fs),
      openExternal: (url) => shell.openExternal(url),
      // Where tokens go is confirmed in a native dialog, never by the page alone.
      confirmSettingsChange: async (change) => {
        const d = settingsChangeDialog(change, app.getLocale());
        const options = { type: 'warning' as const, ...d, defaultId: 0, cancelId: 0, noLink: true };
        const parent = BrowserWindow.getFocusedWindow();
        const answer = parent
          ? await dialog.showMessageBox(parent, options)
          : await dialog.showMessageBox(options);
        return answer.response === 1;
      },
    });
    // The at-rest key of the planner's database, in its own file (docs/security/desktop-data.md).
    const dataKey = new DataKeyStore(path.join(userData, 'data-key.json'), safeStorage, fs);
    registerIpc({
      dataKey,
      keyring,
      wipeLocalData: () =>
        keyring.lock().finally(() =>
          wipeLocalData({
            fs,
            vaultFiles,
            dataKey,
            signOut: () => auth.signOut(),
            session: session.defaultSession,
          }),
        ),
      auth,
      ipcMain,
      dialog: {
        showOpenDialog: (o) => dialog.showOpenDialog(o as OpenDialogOptions),
        showSaveDialog: (o) => dialog.showSaveDialog(o),
      },
      fs,
      vault: secretsVault,
      appVersion: app.getVersion(),
      origins,
      windowIds,
      contentsById: (id) => webContents.fromId(id) ?? undefined,
    });
    const create = async () => {
      mainWindow = await createMainWindow({
        BrowserWindow,
        shell,
        preloadPath: path.join(__dirname, 'preload.js'),
        origins,
        windowIds,
        devServerUrl,
      });
      mainWindow.on('closed', () => (mainWindow = null));
    };
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenu({
          isMac: process.platform === 'darwin',
          appName: app.getName(),
        }) as MenuItemConstructorOptions[],
      ),
    );
    await create();
    app.on('activate', () => {
      if (!mainWindow) void create();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
