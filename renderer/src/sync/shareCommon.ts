import { useTranslation } from 'react-i18next';
import type { ProjectAccess } from '../../../contracts';
import type { SyncController } from './controller';
import { TransportError } from './transport';
import { sanitizeDisplayName } from './displayName';

/** The access levels a project member can have, most rights first. */
export const ACCESS: ProjectAccess[] = ['owner', 'editor', 'viewer'];

/** The sharing requests of a signed-in user. */
export type SharingApi = ReturnType<SyncController['sharing']>;

/** A member or directory user as shown (sanitised): display name, else user name, else id. */
export const nameOf = (u: { userId: string; displayName?: string; username?: string }) =>
  sanitizeDisplayName(u.displayName) || sanitizeDisplayName(u.username) || sanitizeDisplayName(u.userId);

/** The error of a sharing request, in the user's words: rights, offline, sign-in, last owner. */
export function useErrorText() {
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
