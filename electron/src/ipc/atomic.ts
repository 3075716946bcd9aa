import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileSystemLike } from '../electron-api';

/**
 * Writes a file so that it is either fully the old or fully the new content: a temporary file in
 * the same directory, then a rename (atomic on the same file system). The temporary file is
 * removed if anything fails.
 */
export async function writeFileAtomic(fs: FileSystemLike, target: string, data: Uint8Array): Promise<void> {
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}
