import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auth as authPlatform } from '../../platform/auth';
import { files, type FilePlatform } from '../../platform/files';
import { useApp } from '../../store/app';
import { AdminError, type AdminErrorKind } from '../../sync/admin';
import { syncController, useSync, type SyncController } from '../../sync/controller';
import type { SyncSender } from '../../sync/transport';
import { AuditLogSection } from './AuditLogSection';
import { EraseTenantSection, EraseUserSection } from './EraseSections';
import { sanitizeDisplayName } from '../../sync/displayName';

export interface AdminPageProps {
  /** The sync controller (sign-in state, signing in again); the app's own by default. */
  controller?: SyncController;
  /** How requests reach the server; by default the desktop shell sends them (platform/auth). */
  send?: SyncSender;
  /** Saves the audit export; by default the shell's save dialog (platform/files). */
  saveFile?: FilePlatform['saveFile'];
  /** Audit entries per page. */
  pageSize?: number;
}

/** What the sections share: the sender, the sign-in, and one place that explains refusals. */
export interface AdminContext {
  send: SyncSender;
  saveFile: FilePlatform['saveFile'];
  tenantId: string | undefined;
  oid: string | undefined;
  /** Increments after signing in again or an erasure: the audit log reloads. */
  session: number;
  refresh: () => void;
  /** The text for a failed request; an MFA or sign-in problem also shows the sign-in panel. */
  explain: (e: unknown) => string;
}

/**
 * Administration: the tenant's audit log (read, filter, export with chain check) and erasure of a
 * person's data or of the whole tenant (docs/security/admin.md). Offered in the navigation to
 * Administrators; anyone else who lands here gets an explanation instead of failing requests.
 */
export default function AdminPage(props: AdminPageProps) {
  const { t } = useTranslation();
  const controller = useMemo(() => props.controller ?? syncController(), [props.controller]);
  useEffect(() => {
    void controller.ensureInit();
  }, [controller]);
  const supported = useSync((s) => s.supported);
  const auth = useSync((s) => s.auth);
  const setPage = useApp((s) => s.setPage);

  let body;
  if (!supported) body = <p className="muted">{t('admin.gate.desktopOnly')}</p>;
  else if (!auth.signedIn)
    body = (
      <div className="empty-state">
        <p>{t('admin.gate.signedOut')}</p>
        <button type="button" onClick={() => setPage('settings')}>
          {t('admin.gate.toSettings')}
        </button>
      </div>
    );
  else if (!(auth.roles ?? []).includes('Administrator'))
    body = (
      <div className="empty-state" role="note">
        <p className="empty-title">
          {t('admin.gate.noRole', {
            name:
              sanitizeDisplayName(auth.name) ||
              sanitizeDisplayName(auth.username) ||
              sanitizeDisplayName(auth.oid) ||
              '?',
            roles: auth.roles?.length ? auth.roles.join(', ') : t('admin.gate.noRoles'),
          })}
        </p>
        <p>{t('admin.gate.noRoleHint')}</p>
      </div>
    );
  else body = <AdminConsole {...props} controller={controller} tenantId={auth.tenantId} oid={auth.oid} />;

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <p>{t('admin.intro')}</p>
      {body}
    </section>
  );
}

function AdminConsole(
  props: AdminPageProps & { controller: SyncController; tenantId?: string; oid?: string },
) {
  const { t } = useTranslation();
  const { controller } = props;
  const [problem, setProblem] = useState<'mfa' | 'auth' | null>(null);
  // The server's step-up challenge (claims) from the last "MFA required" refusal.
  const [claims, setClaims] = useState<string | undefined>(undefined);
  const [session, setSession] = useState(0);
  const busy = useSync((s) => s.busy);
  const syncError = useSync((s) => s.error);

  const send = useMemo<SyncSender>(() => props.send ?? ((r) => authPlatform().syncRequest(r)), [props.send]);
  const saveFile = useMemo<FilePlatform['saveFile']>(
    () => props.saveFile ?? ((r) => files().saveFile(r)),
    [props.saveFile],
  );
  const refresh = useCallback(() => setSession((n) => n + 1), []);
  const explain = useCallback(
    (e: unknown): string => {
      if (!(e instanceof AdminError)) return String((e as Error)?.message ?? e);
      if (e.kind === 'mfa' || e.kind === 'auth') setProblem(e.kind);
      if (e.kind === 'mfa') setClaims(e.claims);
      const kind: AdminErrorKind = e.kind;
      return `${t(`admin.errors.${kind}`)} ${t('admin.errors.detail', { detail: e.message })}`;
    },
    [t],
  );
  const ctx: AdminContext = {
    send,
    saveFile,
    tenantId: props.tenantId,
    oid: props.oid,
    session,
    refresh,
    explain,
  };

  const signInAgain = async () => {
    await controller.signIn(problem === 'mfa' && claims ? { claims } : undefined);
    if (!useSync.getState().error) {
      setProblem(null);
      refresh();
    }
  };

  return (
    <>
      {problem && (
        <div className="panel problems" role="alert" aria-labelledby="admin-session-title">
          <h2 id="admin-session-title">
            {t(problem === 'mfa' ? 'admin.session.mfaTitle' : 'admin.session.authTitle')}
          </h2>
          <p>{t(problem === 'mfa' ? 'admin.session.mfaBody' : 'admin.session.authBody')}</p>
          <button type="button" disabled={busy} onClick={() => void signInAgain()}>
            {busy ? t('admin.session.signingIn') : t('admin.session.signIn')}
          </button>
          {syncError && <p className="field-error">{syncError}</p>}
        </div>
      )}
      <AuditLogSection ctx={ctx} pageSize={props.pageSize} />
      <EraseUserSection ctx={ctx} />
      <EraseTenantSection ctx={ctx} />
    </>
  );
}
