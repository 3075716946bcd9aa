import { randomBytes } from 'node:crypto';
import type { DataKeyResponse } from '../../../contracts';
import type { FileSystemLike, SafeStorageLike } from '../electron-api';
import { writeFileAtomic } from './atomic';
import { osProtection } from './protection';

/** Whether the OS protects what safeStorage encrypts, and if not, why. */
export type KeyProtection = { ok: true } | { ok: false; reason: 'noKeyring' | 'basicText' };

/**
 * The one place that decides whether safeStorage protects the at-rest key: `osProtection` (also
 * Linux's `basic_text` fallback, a key hard-coded in Chromium, counts as no protection).
 */
export function keyProtection(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): KeyProtection {
  const p = osProtection(safeStorage, platform);
  if (p.available) return { ok: true };
  return { ok: false, reason: p.reason === 'basicText' ? 'basicText' : 'noKeyring' };
}

interface KeyFile {
  v: 1;
  /** safeStorage.encryptString(base64 of the 32 key bytes), base64. */
  wrapped_b64: string;
}

const KEY_BYTES = 32;

/**
 * The data key that encrypts the planner's local database at rest: 256 random bits, created once,
 * stored in `file` (userData/data-key.json, its own file: the renderer's secret channels cannot
 * reach or delete it) encrypted with the OS keychain through safeStorage, written atomically.
 * A stored key that cannot be read is never replaced: the data encrypted with it would be lost.
 */
export class DataKeyStore {
  private pending: Promise<DataKeyResponse> | null = null;

  constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly fs: FileSystemLike,
    private readonly protection: () => KeyProtection = () => keyProtection(safeStorage),
    private readonly random: (n: number) => Uint8Array = (n) => new Uint8Array(randomBytes(n)),
  ) {}

  /** The key (a fresh copy each time), or why there is none. */
  async get(): Promise<DataKeyResponse> {
    this.pending ??= this.load();
    this.pending.catch(() => (this.pending = null));
    const r = await this.pending;
    return r.status === 'ok' ? { status: 'ok', key: new Uint8Array(r.key) } : r;
  }

  /** Deletes the stored key (all local data are being deleted with it). */
  async forget(): Promise<void> {
    this.pending = null;
    await this.fs.rm(this.file, { force: true });
  }

  private async load(): Promise<DataKeyResponse> {
    let stored: Uint8Array | null = null;
    try {
      stored = await this.fs.readFile(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        return { status: 'locked', reason: 'keyUnreadable' };
    }
    const protection = this.protection();
    if (stored) {
      if (!protection.ok) return { status: 'locked', reason: 'noKeyring' };
      try {
        const parsed = JSON.parse(new TextDecoder().decode(stored)) as KeyFile;
        if (parsed.v !== 1) throw new Error('unknown key file version');
        const b64 = this.safeStorage.decryptString(Buffer.from(parsed.wrapped_b64, 'base64'));
        const key = new Uint8Array(Buffer.from(b64, 'base64'));
        if (key.length !== KEY_BYTES) throw new Error('wrong key length');
        return { status: 'ok', key };
      } catch {
        return { status: 'locked', reason: 'keyUnreadable' };
      }
    }
    if (!protection.ok) return { status: 'unprotected', reason: protection.reason };
    const key = this.random(KEY_BYTES);
    const file: KeyFile = {
      v: 1,
      wrapped_b64: this.safeStorage.encryptString(Buffer.from(key).toString('base64')).toString('base64'),
    };
    await writeFileAtomic(this.fs, this.file, new TextEncoder().encode(JSON.stringify(file)));
    return { status: 'ok', key };
  }
}
