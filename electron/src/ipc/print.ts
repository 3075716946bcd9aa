import path from 'node:path';
import type { PrintToPdfRequest, SaveResult } from '../../../contracts';
import type { DialogLike, FileSystemLike, WebContentsLike } from '../electron-api';
import { writeFileAtomic } from './atomic';

/** Prints the sender's page to PDF (A4) and saves it where the user chooses. */
export async function printToPdf(
  contents: WebContentsLike,
  dialog: DialogLike,
  fs: FileSystemLike,
  request: PrintToPdfRequest,
): Promise<SaveResult> {
  const name = request.suggestedName.toLowerCase().endsWith('.pdf')
    ? request.suggestedName
    : `${request.suggestedName}.pdf`;
  const result = await dialog.showSaveDialog({
    defaultPath: name,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (result.canceled || !result.filePath) return { saved: false };
  const pdf = await contents.printToPDF({
    landscape: request.landscape ?? false,
    printBackground: true,
    pageSize: 'A4',
  });
  await writeFileAtomic(fs, result.filePath, new Uint8Array(pdf));
  return { saved: true, name: path.basename(result.filePath) };
}
