import { DEFAULT_LANGUAGE, initI18n, type Language } from './i18n';
import { db } from './db/schema';
import { loadLanguage, saveLanguage } from './db/settings';
import { useApp } from './store/app';

/** Switches the UI language and remembers the choice in IndexedDB. */
export async function changeLanguage(language: Language): Promise<void> {
  await initI18n(language);
  useApp.getState().setLanguage(language);
  await saveLanguage(db(), language);
}

/** Restores the saved language (German by default) before the first render. */
export async function restoreLanguage(): Promise<void> {
  // Unreadable local data (at-rest key locked) must not keep the app from starting and saying so.
  const language = await loadLanguage(db()).catch(() => DEFAULT_LANGUAGE);
  await initI18n(language);
  useApp.getState().setLanguage(language);
}
