import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { files } from '../platform/files';
import { LanguageSelect } from '../components/LanguageSelect';
import { SolverCheck } from '../components/SolverCheck';
import { SyncSettings } from '../sync/SyncSettings';
import { LocalDataSection } from './settings/LocalDataSection';

export default function SettingsPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState('');
  useEffect(() => {
    files()
      .appVersion()
      .then(setVersion, () => setVersion('?'));
  }, []);
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <LanguageSelect id="settings-language" />
      <p>{t('settings.storage')}</p>
      <p className="muted">{t('settings.version', { version })}</p>
      <SolverCheck />
      <SyncSettings />
      <LocalDataSection />
    </section>
  );
}
