import { IPC, type DataKeyResponse } from '../../../contracts';
import type { DialogLike, FileSystemLike, IpcEventLike, IpcMainLike, WebContentsLike } from '../electron-api';
import { assertTrustedSender } from './sender';
import { openFile, saveFile } from './files';
import { printToPdf } from './print';
import type { SecretVault } from './secrets';
import type { DataKeyStore } from './dataKey';
import { parseSignInOptions, type AuthService } from '../auth/signin';
import { parseSyncRequest, sendSyncRequest, type FetchLike } from '../auth/api';
import {
  parseNoArgs,
  parseOpenFile,
  parsePrintToPdf,
  parseSaveFile,
  parseSecretKey,
  parseSecretValue,
  PayloadError,
} from './validate';

export interface IpcDeps {
  ipcMain: IpcMainLike;
  dialog: DialogLike;
  fs: FileSystemLike;
  vault: SecretVault;
  /** Sign-in for sync; keeps its tokens in its own vault, which no renderer channel can read. */
  auth: Pick<AuthService, 'status' | 'settings' | 'configure' | 'signIn' | 'signOut' | 'accessToken'>;
  appVersion: string;
  /** fetch for the sync API proxy (tests pass their own). */
  fetch?: FetchLike;
  /** Origins the renderer may come from (app://werkplan, dev server). */
  origins: Set<string>;
  /** webContents ids of the windows the shell created. */
  windowIds: Set<number>;
  /** The webContents of a window by id (for printing the sender's page). */
  contentsById(id: number): WebContentsLike | undefined;
  /** The at-rest key of the local database (without it: unencrypted, reason noKeyring). */
  dataKey?: Pick<DataKeyStore, 'get'>;
  /** Deletes all local data (ipc/wipe.ts). */
  wipeLocalData?: () => Promise<void>;
}

/** Registers every channel of the bridge; each checks its sender and validates its payload first. */
export function registerIpc(deps: IpcDeps): void {
  const handle = <T>(
    channel: string,
    arity: number,
    fn: (event: IpcEventLike, args: unknown[]) => Promise<T> | T,
  ) => {
    deps.ipcMain.handle(channel, async (event, ...args) => {
      assertTrustedSender(channel, event, deps.origins, deps.windowIds);
      if (args.length !== arity)
        throw new PayloadError(channel, `expected ${arity} argument(s), got ${args.length}`);
      return fn(event, args);
    });
  };

  handle(IPC.appVersion, 0, (_e, args) => {
    parseNoArgs(IPC.appVersion, args);
    return deps.appVersion;
  });
  handle(IPC.openFile, 1, (_e, [req]) => openFile(deps.dialog, deps.fs, parseOpenFile(IPC.openFile, req)));
  handle(IPC.saveFile, 1, (_e, [req]) => saveFile(deps.dialog, deps.fs, parseSaveFile(IPC.saveFile, req)));
  handle(IPC.printToPdf, 1, (event, [req]) => {
    const request = parsePrintToPdf(IPC.printToPdf, req);
    const contents = deps.contentsById(event.sender.id);
    if (!contents) throw new Error(`${IPC.printToPdf}: window is gone`);
    return printToPdf(contents, deps.dialog, deps.fs, request);
  });
  handle(IPC.secretAvailable, 0, () => deps.vault.isAvailable());
  handle(IPC.secretGet, 1, (_e, [key]) => deps.vault.get(parseSecretKey(IPC.secretGet, key)));
  handle(IPC.secretSet, 2, (_e, [key, value]) =>
    deps.vault.set(parseSecretKey(IPC.secretSet, key), parseSecretValue(IPC.secretSet, value)),
  );
  handle(IPC.secretDelete, 1, (_e, [key]) => deps.vault.delete(parseSecretKey(IPC.secretDelete, key)));
  handle(IPC.authStatus, 0, () => deps.auth.status());
  handle(IPC.authSettings, 0, () => deps.auth.settings());
  // configure() validates the settings itself (parseSettings) and throws a located SettingsError.
  handle(IPC.authConfigure, 1, (_e, [settings]) => deps.auth.configure(settings));
  handle(IPC.authSignIn, 1, (_e, [options]) => deps.auth.signIn(parseSignInOptions(IPC.authSignIn, options)));
  handle(IPC.authSignOut, 0, () => deps.auth.signOut());
  handle(IPC.syncRequest, 1, (_e, [req]) =>
    sendSyncRequest(deps.auth, parseSyncRequest(IPC.syncRequest, req), deps.fetch),
  );
  handle<DataKeyResponse>(
    IPC.dataKey,
    0,
    () => deps.dataKey?.get() ?? { status: 'unprotected', reason: 'noKeyring' },
  );
  handle(IPC.wipeLocalData, 0, () => {
    if (!deps.wipeLocalData) throw new Error(`${IPC.wipeLocalData}: not available in this shell`);
    return deps.wipeLocalData();
  });
}
