import path from 'node:path';
import type { OpenFileRequest, OpenedFile, SaveFileRequest, SaveResult } from '../../../contracts';
import type { DialogLike, FileSystemLike } from '../electron-api';
import { writeFileAtomic } from './atomic';

/** Largest file the planner opens (a year of 1-minute data with several columns fits easily). */
export const MAX_OPEN_BYTES = 500 * 1024 * 1024;

/** Opens a file the user picks; only its name and bytes go back to the renderer, never the path. */
export async function openFile(
  dialog: DialogLike,
  fs: FileSystemLike,
  request: OpenFileRequest,
): Promise<OpenedFile | null> {
  const result = await dialog.showOpenDialog({
    title: request.title,
    properties: ['openFile'],
    filters: request.filters,
  });
  const file = result.filePaths[0];
  if (result.canceled || !file) return null;
  const st = await fs.stat(file);
  if (!st.isFile()) throw new Error(`${path.basename(file)} is not a file`);
  if (st.size > MAX_OPEN_BYTES)
    throw new Error(`${path.basename(file)} is larger than ${MAX_OPEN_BYTES / 1024 / 1024} MB`);
  return { name: path.basename(file), data: await fs.readFile(file) };
}

/** Saves bytes where the user chooses, atomically. */
export async function saveFile(
  dialog: DialogLike,
  fs: FileSystemLike,
  request: SaveFileRequest,
): Promise<SaveResult> {
  const result = await dialog.showSaveDialog({
    defaultPath: request.suggestedName,
    filters: request.filters,
  });
  if (result.canceled || !result.filePath) return { saved: false };
  await writeFileAtomic(fs, result.filePath, request.data);
  return { saved: true, name: path.basename(result.filePath) };
}
