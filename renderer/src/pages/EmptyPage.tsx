import { useTranslation } from 'react-i18next';
import type { Page } from '../store/app';

/** The pages whose content comes with later work show what will be there, never fake data. */
export function EmptyPage({ page }: { page: Exclude<Page, 'projects' | 'settings' | 'profiles'> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${page}-title`}>
      <h1 id={`${page}-title`}>{t(`nav.${page}`)}</h1>
      <div className="empty-state">
        <p className="empty-title">{t('empty.noProject')}</p>
        <p>{t(`empty.${page}`)}</p>
        <p className="muted">{t('empty.chooseProject')}</p>
      </div>
    </section>
  );
}
