import type { FileFilter, OpenedFile, SaveResult } from '../../../../contracts';
import type { FilePlatform } from './index';

/** The subset of the File System Access API we use (Chromium); absent elsewhere. */
interface FsAccessWindow {
  showOpenFilePicker?: (options: {
    types?: { description: string; accept: Record<string, string[]> }[];
    multiple?: boolean;
  }) => Promise<{ getFile(): Promise<File> }[]>;
  showSaveFilePicker?: (options: {
    suggestedName?: string;
    types?: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<{
    name: string;
    createWritable(): Promise<{ write(data: BufferSource | Blob): Promise<void>; close(): Promise<void> }>;
  }>;
}

const pickerTypes = (filters: FileFilter[] | undefined) =>
  filters?.map((f) => ({
    description: f.name,
    accept: { 'application/octet-stream': f.extensions.map((e) => `.${e.replace(/^\./, '')}`) },
  }));

const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

async function readFile(file: File): Promise<OpenedFile> {
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

/** Opens a file with an <input type=file>; resolves null when the user cancels. */
function openWithInput(doc: Document, filters: FileFilter[] | undefined): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = doc.createElement('input');
    input.type = 'file';
    if (filters?.length)
      input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e.replace(/^\./, '')}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) resolve(null);
      else readFile(file).then(resolve, reject);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    doc.body.appendChild(input);
    input.click();
  });
}

/** Saves by downloading an object URL: the browser decides where the file goes. */
function saveWithDownload(win: Window, name: string, data: Uint8Array): SaveResult {
  const url = URL.createObjectURL(new Blob([data as BlobPart]));
  const a = win.document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  win.document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true, name };
}

export function webFiles(win: Window): FilePlatform {
  const fs = win as unknown as FsAccessWindow;
  return {
    kind: 'web',
    appVersion: () => Promise.resolve(__APP_VERSION__),
    async openFile(request) {
      if (fs.showOpenFilePicker) {
        try {
          const [handle] = await fs.showOpenFilePicker({
            types: pickerTypes(request.filters),
            multiple: false,
          });
          return handle ? readFile(await handle.getFile()) : null;
        } catch (err) {
          if (isAbort(err)) return null;
          throw err;
        }
      }
      return openWithInput(win.document, request.filters);
    },
    async saveFile(request) {
      if (fs.showSaveFilePicker) {
        try {
          const handle = await fs.showSaveFilePicker({
            suggestedName: request.suggestedName,
            types: pickerTypes(request.filters),
          });
          const writable = await handle.createWritable();
          await writable.write(request.data as BufferSource);
          await writable.close();
          return { saved: true, name: handle.name };
        } catch (err) {
          if (isAbort(err)) return { saved: false };
          throw err;
        }
      }
      return saveWithDownload(win, request.suggestedName, request.data);
    },
    printToPdf() {
      // Browsers offer "Save as PDF" in their print dialog; whether the user saved is not observable.
      win.print();
      return Promise.resolve({ saved: false });
    },
  };
}
