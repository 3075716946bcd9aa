import type {
  OpenFileRequest,
  OpenedFile,
  PrintToPdfRequest,
  SaveFileRequest,
  SaveResult,
} from '../../../../contracts';
import { electronFiles } from './index.electron';
import { webFiles } from './index.web';

export type { OpenFileRequest, OpenedFile, PrintToPdfRequest, SaveFileRequest, SaveResult };

/** Files and printing: the same interface in the Electron shell and in a browser. */
export interface FilePlatform {
  readonly kind: 'electron' | 'web';
  appVersion(): Promise<string>;
  /** Lets the user pick a file; null when cancelled. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Lets the user choose where to save `data`. */
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /** Prints the current view to a PDF file (browser: the print dialog). */
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
}

/** The implementation for where the renderer runs: the shell's bridge if present, else the browser's APIs. */
export function files(win: Window = window): FilePlatform {
  return win.werkplan?.kind === 'electron' ? electronFiles(win.werkplan) : webFiles(win);
}
