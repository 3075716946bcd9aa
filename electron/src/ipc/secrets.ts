import type { FileSystemLike, SafeStorageLike } from '../electron-api';
import { writeFileAtomic } from './atomic';
import { osProtection, type OsProtection } from './protection';

/**
 * Secrets encrypted with the operating system's keychain (Electron safeStorage: DPAPI, Keychain,
 * libsecret) and kept base64-encoded in one JSON file in userData. Without real OS protection
 * (no encryption, or Linux's hard-coded `basic_text` key: ./protection.ts) nothing is stored: a
 * fallback anyone can undo would defeat the purpose.
 */
export class SecretVault {
  constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly fs: FileSystemLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Whether secrets can be kept, and why not. */
  protection(): OsProtection {
    return osProtection(this.safeStorage, this.platform);
  }

  isAvailable(): boolean {
    return this.protection().available;
  }

  private async load(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = new TextDecoder().decode(await this.fs.readFile(this.file));
    } catch {
      return {};
    }
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('secret store is corrupt');
    return parsed as Record<string, string>;
  }

  private async store(entries: Record<string, string>): Promise<void> {
    await writeFileAtomic(this.fs, this.file, new TextEncoder().encode(JSON.stringify(entries)));
  }

  async get(key: string): Promise<string | null> {
    if (!this.isAvailable()) return null;
    const entry = (await this.load())[key];
    return entry === undefined ? null : this.safeStorage.decryptString(Buffer.from(entry, 'base64'));
  }

  async set(key: string, value: string): Promise<void> {
    const p = this.protection();
    if (!p.available)
      throw new Error(
        `secure storage is not available on this system (${p.reason ?? 'unknown'}); the secret was not stored`,
      );
    const entries = await this.load();
    entries[key] = this.safeStorage.encryptString(value).toString('base64');
    await this.store(entries);
  }

  async delete(key: string): Promise<void> {
    const entries = await this.load();
    if (!(key in entries)) return;
    delete entries[key];
    await this.store(entries);
  }
}
