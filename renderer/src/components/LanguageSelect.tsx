import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../i18n';
import { useApp } from '../store/app';
import { changeLanguage } from '../language';

export function LanguageSelect({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) void changeLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
