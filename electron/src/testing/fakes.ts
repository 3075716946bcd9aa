import { promises as fsp } from 'node:fs';
import type {
  FileSystemLike,
  IpcEventLike,
  IpcMainLike,
  SafeStorageLike,
  WebContentsLike,
} from '../electron-api';

/**
 * A stand-in for the OS keychain behind safeStorage (a Linux keyring by default): reversible, but
 * visibly not plaintext.
 */
export function xorSafeStorage(backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (v) => Buffer.from(Buffer.from(v).map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString(),
  };
}

/** The real file system behind the FileSystemLike seam (tests run in temp directories). */
export const nodeFs: FileSystemLike = {
  readFile: async (p) => new Uint8Array(await fsp.readFile(p)),
  writeFile: (p, d) => fsp.writeFile(p, d),
  rename: (a, b) => fsp.rename(a, b),
  rm: (p, o) => fsp.rm(p, o),
  stat: (p) => fsp.stat(p),
  realpath: (p) => fsp.realpath(p),
};

/** A fake ipcMain that records handlers and lets tests invoke them as a given sender. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  async invoke(channel: string, event: IpcEventLike, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, ...args);
  }
}

export function mainFrameEvent(url: string, senderId = 1): IpcEventLike {
  const frame: { url: string; top: unknown } = { url, top: null };
  frame.top = frame;
  return { senderFrame: frame as IpcEventLike['senderFrame'], sender: { id: senderId } };
}

export function subFrameEvent(url: string, senderId = 1): IpcEventLike {
  const top = { url: 'app://werkplan/index.html', top: null as unknown };
  top.top = top;
  return {
    senderFrame: { url, top: top as IpcEventLike['senderFrame'] },
    sender: { id: senderId },
  };
}

type Listener = (...args: never[]) => void;

export class FakeWebContents implements WebContentsLike {
  readonly listeners = new Map<string, Listener>();
  openHandler?: (details: { url: string }) => { action: 'deny' | 'allow' };
  printed: unknown[] = [];
  constructor(readonly id = 1) {}
  on(event: string, listener: Listener): void {
    this.listeners.set(event, listener);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void {
    this.openHandler = handler;
  }
  async printToPDF(options: unknown): Promise<Buffer> {
    this.printed.push(options);
    return Buffer.from('%PDF-1.7 fake');
  }
  /** Simulates a navigation event; returns whether it was prevented. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    const l = this.listeners.get(event) as unknown as (
      e: { preventDefault(): void; url: string },
      url: string,
    ) => void;
    l({ preventDefault: () => (prevented = true), url }, url);
    return prevented;
  }
}
