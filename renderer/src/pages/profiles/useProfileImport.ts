import { useEffect, useState } from 'react';
import { importInWorker } from '../../solver/importClient';
import type { ImportResult, ImportSettings } from '../../../../solver/src';
import { formatImportMessage, type ImportMessage } from '../../../../solver/src';
import type { Language } from '../../i18n';

export type LoadedFile = { name: string; bytes: Uint8Array };

type ImportError = {
  file: string;
  line: number | null;
  text: string;
  detail: ImportMessage | null;
};

/**
 * A file being imported: its bytes, the settings it is read with, and the worker's result or
 * error. Every change of file or settings reads it again; a stale reading is dropped.
 */
export function useProfileImport(language: Language) {
  const [loaded, setLoaded] = useState<LoadedFile | null>(null);
  const [settings, setSettings] = useState<ImportSettings>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  // The import's message is kept coded, so it shows in the language chosen now.
  const [error, setError] = useState<ImportError | null>(null);
  // the coded message names its line itself ("Zeile 8077: …"); the file name goes in front once
  const errorText = error
    ? error.detail
      ? `${error.file}: ${formatImportMessage(error.detail, language)}`
      : `${error.line ? `${error.file}:${error.line}: ` : ''}${error.text}`
    : null;
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!loaded) return;
    let current = true;
    void importInWorker(loaded.name, loaded.bytes, settings).then((r) => {
      if (!current) return;
      setBusy(false);
      if (r.ok) {
        setResult(r.result);
        setError(null);
      } else {
        setResult(null);
        setError({ file: loaded.name, line: r.line, text: r.message, detail: r.detail });
      }
    });
    return () => {
      current = false;
    };
  }, [loaded, settings]);

  /** Reads a new file with the given settings. */
  const load = (f: { name: string; data: Uint8Array }, initial: ImportSettings) => {
    setBusy(true);
    setLoaded({ name: f.name, bytes: f.data });
    setSettings(initial);
  };
  /** Reads the file again with some settings changed. */
  const set = (patch: Partial<ImportSettings>) => {
    setBusy(true);
    setSettings((s) => ({ ...s, ...patch }));
  };

  return { loaded, settings, setSettings, result, error, errorText, busy, load, set };
}
