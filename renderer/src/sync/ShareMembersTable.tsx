import { useTranslation } from 'react-i18next';
import type { ProjectAccess, ProjectMember } from '../../../contracts';
import { ACCESS, nameOf } from './shareCommon';
import { sanitizeDisplayName } from './displayName';

/**
 * The members of a shared project with their access; whoever may manage it changes access or
 * removes a member (never the last owner, never oneself unless an Administrator).
 */
export function ShareMembersTable({
  members,
  selfId,
  admin,
  canManage,
  busy,
  onAccess,
  onRemove,
}: {
  members: ProjectMember[];
  selfId: string | undefined;
  admin: boolean;
  canManage: boolean;
  busy: boolean;
  onAccess: (member: ProjectMember, access: ProjectAccess, name: string) => void;
  onRemove: (member: ProjectMember, name: string) => void;
}) {
  const { t } = useTranslation();
  const owners = members.filter((m) => m.access === 'owner').length;
  return (
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
          const self = m.userId === selfId;
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
                    <span className="muted">{sanitizeDisplayName(m.username)}</span>
                  </>
                )}
              </td>
              <td>
                {editable ? (
                  <select
                    aria-label={t('sync.share.accessOf', { name })}
                    value={m.access}
                    disabled={busy}
                    onChange={(e) => onAccess(m, e.target.value as ProjectAccess, name)}
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
                    {lastOwner && canManage && <span className="muted"> · {t('sync.share.lastOwner')}</span>}
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
                    onClick={() => onRemove(m, name)}
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
  );
}
