import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryUser, ProjectAccess, ProjectMember } from '../../../contracts';
import { DIRECTORY_QUERY_MIN } from '../../../contracts';
import { syncController, useSync, type SyncController } from './controller';
import { TransportError } from './transport';

const ACCESS: ProjectAccess[] = ['owner', 'editor', 'viewer'];
const SEARCH_DELAY_MS = 250;

const nameOf = (u: { userId: string; displayName?: string; username?: string }) =>
  u.displayName ?? u.username ?? u.userId;

/** The error of a sharing request, in the user's words: rights, offline, sign-in, last owner. */
function useErrorText() {
  const { t } = useTranslation();
  return (e: unknown): string => {
    if (e instanceof TransportError) {
      if (e.kind === 'network') return t('sync.share.errors.offline');
      if (e.kind === 'auth') return t('sync.share.errors.signedOut');
      if (e.status === 403)
        return t(e.code === 'mfa_required' ? 'sync.share.errors.mfa' : 'sync.share.errors.forbidden');
      if (e.code === 'last_owner') return t('sync.share.errors.lastOwner');
      if (e.status === 404) return t('sync.share.errors.notFound');
    }
    return t('sync.share.errors.other', { message: e instanceof Error ? e.message : String(e) });
  };
}

/**
 * Sharing one synced project: its members with their access, adding colleagues found in the
 * tenant's user directory, changing access, removing members. Owners (and Administrators) change
 * it; everyone else sees the list. A modal <dialog>: Escape and the Close button close it.
 */
export function ShareDialog({
  projectId,
  projectName,
  controller = syncController(),
  onClose,
}: {
  projectId: string;
  projectName: string;
  controller?: SyncController;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const auth = useSync((s) => s.auth);
  const signedIn = useSync((s) => s.auth.signedIn && !!s.settings);
  const api = useMemo(() => (signedIn ? controller.sharing() : null), [controller, signedIn]);
  const ref = useRef<HTMLDialogElement>(null);
  const [members, setMembers] = useState<ProjectMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; users: DirectoryUser[] } | null>(null);
  const [newAccess, setNewAccess] = useState<ProjectAccess>('editor');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);

  const load = useCallback(
    () =>
      api
        ? api.members(projectId).then(setMembers, (e: unknown) => setError(errorText(e)))
        : Promise.resolve(),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, projectId],
  );

  useEffect(() => {
    if (!api) return;
    let live = true;
    api.members(projectId).then(
      (m) => live && setMembers(m),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, projectId]);

  // Directory search, a moment after typing stops; answers are kept with their query, so a late
  // answer to an older query is never shown for a newer one.
  const q = query.trim();
  useEffect(() => {
    if (!api || q.length < DIRECTORY_QUERY_MIN) return;
    let live = true;
    const timer = setTimeout(() => {
      api.searchUsers(q).then(
        (users) => live && setResults({ query: q, users }),
        (e: unknown) => live && setError(errorText(e)),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, q]);
  const found = results && results.query === q && q.length >= DIRECTORY_QUERY_MIN ? results.users : null;

  const admin = auth.roles?.includes('Administrator') ?? false;
  const mine = members?.find((m) => m.userId === auth.oid)?.access;
  const canManage = mine === 'owner' || admin;
  const owners = members?.filter((m) => m.access === 'owner').length ?? 0;
  const memberIds = new Set(members?.map((m) => m.userId));

  async function act(fn: () => Promise<void>, done: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await fn();
      setNotice(done);
    } catch (e) {
      setError(errorText(e));
    } finally {
      await load();
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog share-dialog"
      aria-labelledby="share-title"
      aria-describedby="share-note"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="share-title">{t('sync.share.title', { name: projectName })}</h2>
      <p id="share-note" className="muted">
        {t('sync.share.passphraseNote')}
      </p>
      {!api && <p role="alert">{t('sync.share.notSignedIn')}</p>}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}

      {api && (
        <>
          <h3 id="share-members">{t('sync.share.members')}</h3>
          {members === null && !error && <p className="muted">{t('sync.share.loading')}</p>}
          {members && (
            <table className="table" aria-labelledby="share-members">
              <thead>
                <tr>
                  <th scope="col">{t('sync.share.name')}</th>
                  <th scope="col">{t('sync.share.access')}</th>
                  <th scope="col">{t('sync.share.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => {
                  const name = nameOf(m);
                  const self = m.userId === auth.oid;
                  const lastOwner = m.access === 'owner' && owners === 1;
                  // The server lets an owner change everyone's access but their own (Administrators: all).
                  const editable = canManage && (!self || admin) && !lastOwner;
                  return (
                    <tr key={m.userId} data-testid="share-member">
                      <td>
                        {name} {self && <span className="muted">{t('sync.share.you')}</span>}
                        {m.username && m.displayName && (
                          <>
                            <br />
                            <span className="muted">{m.username}</span>
                          </>
                        )}
                      </td>
                      <td>
                        {editable ? (
                          <select
                            aria-label={t('sync.share.accessOf', { name })}
                            value={m.access}
                            disabled={busy}
                            onChange={(e) => {
                              const access = e.target.value as ProjectAccess;
                              void act(
                                () => api.setMember(projectId, m.userId, access),
                                t('sync.share.changed', { name }),
                              );
                            }}
                          >
                            {ACCESS.map((a) => (
                              <option key={a} value={a}>
                                {t(`sync.share.${a}`)}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <>
                            {t(`sync.share.${m.access}`)}
                            {lastOwner && canManage && (
                              <span className="muted"> · {t('sync.share.lastOwner')}</span>
                            )}
                          </>
                        )}
                      </td>
                      <td>
                        {editable && (
                          <button
                            type="button"
                            className="danger"
                            disabled={busy}
                            aria-label={t('sync.share.removeLabel', { name })}
                            onClick={() =>
                              void act(
                                () => api.removeMember(projectId, m.userId),
                                t('sync.share.removed', { name }),
                              )
                            }
                          >
                            {t('sync.share.remove')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}

          {members && !canManage && <p className="muted">{t('sync.share.readOnly')}</p>}
          {members && canManage && (
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
                    onChange={(e) => setQuery(e.target.value)}
                  />
                </div>
                <div>
                  <label htmlFor="share-new-access">{t('sync.share.newAccess')}</label>
                  <select
                    id="share-new-access"
                    value={newAccess}
                    onChange={(e) => setNewAccess(e.target.value as ProjectAccess)}
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
                            onClick={() =>
                              void act(
                                () => api.setMember(projectId, u.userId, newAccess),
                                t('sync.share.added', { name }),
                              )
                            }
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
          )}
        </>
      )}

      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus={!canManage}>
          {t('sync.share.close')}
        </button>
      </div>
    </dialog>
  );
}
