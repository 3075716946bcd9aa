import { useTranslation } from 'react-i18next';
import type { DirectoryUser, ProjectAccess } from '../../../contracts';
import { ACCESS, nameOf } from './shareCommon';

/** Finds colleagues in the tenant's user directory and adds them with the access chosen. */
export function ShareAddMember({
  query,
  onQuery,
  newAccess,
  onNewAccess,
  found,
  memberIds,
  busy,
  onAdd,
}: {
  query: string;
  onQuery: (query: string) => void;
  newAccess: ProjectAccess;
  onNewAccess: (access: ProjectAccess) => void;
  found: DirectoryUser[] | null;
  memberIds: Set<string>;
  busy: boolean;
  onAdd: (user: DirectoryUser, name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="share-add">
      <h3 id="share-add">{t('sync.share.add')}</h3>
      <div className="field-row">
        <div>
          <label htmlFor="share-search">{t('sync.share.search')}</label>
          <input
            id="share-search"
            type="search"
            autoComplete="off"
            autoFocus
            value={query}
            aria-describedby="share-search-hint"
            onChange={(e) => onQuery(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="share-new-access">{t('sync.share.newAccess')}</label>
          <select
            id="share-new-access"
            value={newAccess}
            onChange={(e) => onNewAccess(e.target.value as ProjectAccess)}
          >
            {ACCESS.map((a) => (
              <option key={a} value={a}>
                {t(`sync.share.${a}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id="share-search-hint" className="muted">
        {t('sync.share.searchHint')}
      </p>
      {found && found.length === 0 && <p role="status">{t('sync.share.noResults')}</p>}
      {found && found.length > 0 && (
        <ul aria-label={t('sync.share.results')}>
          {found.map((u) => {
            const name = nameOf(u);
            return (
              <li key={u.userId}>
                {name}
                {u.username && u.displayName && <span className="muted"> · {u.username}</span>}{' '}
                {memberIds.has(u.userId) ? (
                  <span className="muted">({t('sync.share.alreadyMember')})</span>
                ) : (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('sync.share.addLabel', { name })}
                    onClick={() => onAdd(u, name)}
                  >
                    {t('sync.share.addButton')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
