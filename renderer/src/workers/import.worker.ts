/// <reference lib="webworker" />
// Load-profile import off the UI thread: CSV/TXT and XLSX bytes in, the imported profile out.
import {
  importProfile,
  importXlsx,
  ImportError,
  type ImportMessage,
  type ImportResult,
  type ImportSettings,
} from '../../../solver/src/profiles/import';

export type ImportRequest = { id: string; name: string; bytes: Uint8Array; settings: ImportSettings };
export type ImportResponse =
  | { id: string; ok: true; result: ImportResult }
  | { id: string; ok: false; message: string; line: number | null; detail: ImportMessage | null };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { id, name, bytes, settings } = e.data;
  try {
    const isXlsx =
      /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4);
    const result = isXlsx ? await importXlsx(bytes, settings) : importProfile(bytes, settings);
    scope.postMessage({ id, ok: true, result } satisfies ImportResponse);
  } catch (err) {
    scope.postMessage({
      id,
      ok: false,
      message: err instanceof Error ? err.message : String(err),
      line: err instanceof ImportError ? (err.line ?? null) : null,
      detail: err instanceof ImportError ? err.detail : null,
    } satisfies ImportResponse);
  }
};
