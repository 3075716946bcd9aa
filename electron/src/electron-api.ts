/**
 * The narrow slice of the Electron API the shell's modules depend on. main.ts passes the real
 * `electron` module; tests pass fakes, since the Electron binary cannot run on CI machines.
 */

export interface WebPreferencesLike {
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  spellcheck: boolean;
  preload: string;
}

export interface FrameLike {
  url: string;
  /** The top frame of the page; a subframe's `top` is a different object. */
  top: FrameLike | null;
}

export interface IpcEventLike {
  senderFrame: FrameLike | null;
  sender: { id: number };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

export interface DialogLike {
  showOpenDialog(options: {
    title?: string;
    properties: string[];
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title?: string;
    defaultPath?: string;
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only (Electron ≥ 28): basic_text, gnome_libsecret, kwallet…, or unknown. */
  getSelectedStorageBackend?(): string;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export interface WebContentsLike {
  id: number;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url: string }, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  printToPDF(options: { landscape?: boolean; printBackground?: boolean; pageSize?: 'A4' }): Promise<Buffer>;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((wc: unknown, permission: string) => boolean) | null): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

export interface FileSystemLike {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options?: { force?: boolean }): Promise<void>;
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  realpath(path: string): Promise<string>;
}
