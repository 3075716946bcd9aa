import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n';
import type { WerkplanDb } from './schema';

export async function loadLanguage(db: WerkplanDb): Promise<Language> {
  const row = await db.settings.get('language');
  return isLanguage(row?.value) ? row.value : DEFAULT_LANGUAGE;
}

export async function saveLanguage(db: WerkplanDb, language: Language): Promise<void> {
  await db.settings.put({ key: 'language', value: language });
}
