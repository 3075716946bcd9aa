/**
 * The renderer↔shell seam: the one small API the Electron preload exposes as `window.werkplan`.
 * Pure types and constants, shared by electron/ (which implements it) and renderer/ (which uses it
 * through renderer/src/platform, with a browser implementation of the same interface).
 */

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileRequest {
  title?: string;
  filters?: FileFilter[];
}

export interface OpenedFile {
  /** File name without directories: the renderer never sees absolute paths. */
  name: string;
  data: Uint8Array;
}

export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
  filters?: FileFilter[];
}

export interface SaveResult {
  saved: boolean;
  /** File name chosen by the user (no directories), when saved. */
  name?: string;
}

export interface PrintToPdfRequest {
  suggestedName: string;
  landscape?: boolean;
}

export interface WerkplanBridge {
  readonly kind: 'electron';
  appVersion(): Promise<string>;
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
  secrets: {
    isAvailable(): Promise<boolean>;
    get(key: string): Promise<string | null>;
    set(key: string, value: string): Promise<void>;
    delete(key: string): Promise<void>;
  };
}

/** IPC channel names; every one is handled in electron/src/ipc with sender and payload checks. */
export const IPC = {
  appVersion: 'werkplan:app-version',
  openFile: 'werkplan:open-file',
  saveFile: 'werkplan:save-file',
  printToPdf: 'werkplan:print-to-pdf',
  secretAvailable: 'werkplan:secret-available',
  secretGet: 'werkplan:secret-get',
  secretSet: 'werkplan:secret-set',
  secretDelete: 'werkplan:secret-delete',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];
