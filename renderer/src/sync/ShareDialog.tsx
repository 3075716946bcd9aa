import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectAccess } from '../../../contracts';
import { syncController, useSync, type SyncController } from './controller';
import { useErrorText } from './shareCommon';
import { useDirectorySearch, useProjectMembers } from './useShareData';
import { ShareMembersTable } from './ShareMembersTable';
import { ShareAddMember } from './ShareAddMember';
import { sanitizeDisplayName } from './displayName';

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
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const auth = useSync((s) => s.auth);
  const signedIn = useSync((s) => s.auth.signedIn && !!s.settings);
  const api = useMemo(() => (signedIn ? controller.sharing() : null), [controller, signedIn]);
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newAccess, setNewAccess] = useState<ProjectAccess>('editor');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);

  const onError = (e: unknown) => setError(errorText(e));
  const { members, load } = useProjectMembers(api, projectId, onError);
  const { query, setQuery, found } = useDirectorySearch(api, onError);

  const admin = auth.roles?.includes('Administrator') ?? false;
  const mine = members?.find((m) => m.userId === auth.oid)?.access;
  const canManage = mine === 'owner' || admin;
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
      <h2 id="share-title">{t('sync.share.title', { name: sanitizeDisplayName(projectName) })}</h2>
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
            <ShareMembersTable
              members={members}
              selfId={auth.oid}
              admin={admin}
              canManage={canManage}
              busy={busy}
              onAccess={(m, access, name) =>
                void act(() => api.setMember(projectId, m.userId, access), t('sync.share.changed', { name }))
              }
              onRemove={(m, name) =>
                void act(() => api.removeMember(projectId, m.userId), t('sync.share.removed', { name }))
              }
            />
          )}

          {members && !canManage && <p className="muted">{t('sync.share.readOnly')}</p>}
          {members && canManage && (
            <ShareAddMember
              query={query}
              onQuery={setQuery}
              newAccess={newAccess}
              onNewAccess={setNewAccess}
              found={found}
              memberIds={memberIds}
              busy={busy}
              onAdd={(u, name) =>
                void act(() => api.setMember(projectId, u.userId, newAccess), t('sync.share.added', { name }))
              }
            />
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
