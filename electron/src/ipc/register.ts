import { IPC, type DataKeyResponse } from '../../../contracts';
import type { DialogLike, FileSystemLike, IpcEventLike, IpcMainLike, WebContentsLike } from '../electron-api';
import { assertTrustedSender } from './sender';
import { openFile, saveFile } from './files';
import { printToPdf } from './print';
import type { SecretVault } from './secrets';
import type { DataKeyStore } from './dataKey';
import {
  parseFlag,
  parseOpenRequest,
  parseParams,
  parsePassphrase,
  parseSealRequest,
  REMEMBERED_PASSPHRASE,
  type KeyringService,
} from './keyring';
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
  /** The sync team key, held here (ipc/keyring.ts); without it the keyring channels refuse. */
  keyring?: Pick<KeyringService, 'create' | 'unlock' | 'unlockRemembered' | 'lock' | 'seal' | 'open'>;
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
  // The team passphrase is the keyring's: no renderer channel reads or writes it, not even where an
  // older version left it in this file (the keyring moves it out on first unlock).
  const secretKey = (channel: string, key: unknown) => {
    const k = parseSecretKey(channel, key);
    if (k === REMEMBERED_PASSPHRASE) throw new PayloadError(channel, 'this secret is kept by the shell only');
    return k;
  };
  handle(IPC.secretAvailable, 0, () => deps.vault.isAvailable());
  handle(IPC.secretGet, 1, (_e, [key]) => deps.vault.get(secretKey(IPC.secretGet, key)));
  handle(IPC.secretSet, 2, (_e, [key, value]) =>
    deps.vault.set(secretKey(IPC.secretSet, key), parseSecretValue(IPC.secretSet, value)),
  );
  handle(IPC.secretDelete, 1, (_e, [key]) => deps.vault.delete(secretKey(IPC.secretDelete, key)));
  const keyring = (channel: string) => {
    if (!deps.keyring) throw new Error(`${channel}: not available in this shell`);
    return deps.keyring;
  };
  handle(IPC.keyringCreate, 2, (_e, [passphrase, remember]) =>
    keyring(IPC.keyringCreate).create(
      parsePassphrase(IPC.keyringCreate, passphrase),
      parseFlag(IPC.keyringCreate, remember),
    ),
  );
  handle(IPC.keyringUnlock, 3, (_e, [params, passphrase, remember]) =>
    keyring(IPC.keyringUnlock).unlock(
      parseParams(IPC.keyringUnlock, params),
      parsePassphrase(IPC.keyringUnlock, passphrase),
      parseFlag(IPC.keyringUnlock, remember),
    ),
  );
  handle(IPC.keyringUnlockRemembered, 1, (_e, [params]) =>
    keyring(IPC.keyringUnlockRemembered).unlockRemembered(parseParams(IPC.keyringUnlockRemembered, params)),
  );
  handle(IPC.keyringLock, 0, () => keyring(IPC.keyringLock).lock());
  handle(IPC.keyringSeal, 1, (_e, [req]) =>
    keyring(IPC.keyringSeal).seal(parseSealRequest(IPC.keyringSeal, req)),
  );
  handle(IPC.keyringOpen, 1, (_e, [req]) =>
    keyring(IPC.keyringOpen).open(parseOpenRequest(IPC.keyringOpen, req)),
  );
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
