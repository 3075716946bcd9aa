import {
  IPC,
  type AuthStatus,
  type DataKeyResponse,
  type CipherResult,
  type EncryptedEnvelope,
  type Opened,
  type OpenRequest,
  type SealRequest,
  type TeamKeyParams,
  type SignInOptions,
  type SignOutResult,
  type SyncHttpRequest,
  type SyncHttpResponse,
  type SyncSettings,
  type WerkplanBridge,
} from '../../contracts';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * Builds the one API the renderer sees, as `window.werkplan`. Each function calls exactly one IPC
 * channel with its own arguments: the renderer gets no ipcRenderer and cannot name channels.
 */
export function createBridge(invoke: Invoke): WerkplanBridge {
  const call = <T>(channel: string, ...args: unknown[]) => invoke(channel, ...args) as Promise<T>;
  return Object.freeze({
    kind: 'electron' as const,
    appVersion: () => call<string>(IPC.appVersion),
    openFile: (request) => call(IPC.openFile, request),
    saveFile: (request) => call(IPC.saveFile, request),
    printToPdf: (request) => call(IPC.printToPdf, request),
    dataKey: () => call<DataKeyResponse>(IPC.dataKey),
    wipeLocalData: () => call<void>(IPC.wipeLocalData),
    keyring: Object.freeze({
      create: (passphrase: string, remember: boolean) =>
        call<TeamKeyParams>(IPC.keyringCreate, passphrase, remember),
      unlock: (params: TeamKeyParams, passphrase: string, remember: boolean) =>
        call<string>(IPC.keyringUnlock, params, passphrase, remember),
      unlockRemembered: (params: TeamKeyParams) => call<string | null>(IPC.keyringUnlockRemembered, params),
      lock: () => call<void>(IPC.keyringLock),
      seal: (request: SealRequest) => call<CipherResult<EncryptedEnvelope>>(IPC.keyringSeal, request),
      open: (request: OpenRequest) => call<CipherResult<Opened>>(IPC.keyringOpen, request),
    }),
    secrets: Object.freeze({
      isAvailable: () => call<boolean>(IPC.secretAvailable),
      get: (key: string) => call<string | null>(IPC.secretGet, key),
      set: (key: string, value: string) => call<void>(IPC.secretSet, key, value),
      delete: (key: string) => call<void>(IPC.secretDelete, key),
    }),
    auth: Object.freeze({
      status: () => call<AuthStatus>(IPC.authStatus),
      settings: () => call<SyncSettings | null>(IPC.authSettings),
      configure: (settings: SyncSettings) => call<SyncSettings>(IPC.authConfigure, settings),
      signIn: (options?: SignInOptions) => call<AuthStatus>(IPC.authSignIn, options ?? {}),
      signOut: () => call<SignOutResult>(IPC.authSignOut),
      syncRequest: (request: SyncHttpRequest) => call<SyncHttpResponse>(IPC.syncRequest, request),
    }),
  } satisfies WerkplanBridge);
}

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export function exposeBridge(contextBridge: ContextBridgeLike, ipcRenderer: { invoke: Invoke }): void {
  contextBridge.exposeInMainWorld(
    'werkplan',
    createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
  );
}
