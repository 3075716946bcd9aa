import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSettings as Settings } from '../platform/auth';
import { syncController, useSync, type SyncController } from './controller';
import { SyncStatus } from './SyncStatus';
import { sanitizeDisplayName } from './displayName';

const EMPTY: Settings = { authority: '', tenantId: '', clientId: '', apiScope: '', serverUrl: '' };

/** The sync section of the Settings page: connection, sign-in, team key, status. */
export function SyncSettings({ controller = syncController() }: { controller?: SyncController }) {
  const { t } = useTranslation();
  const s = useSync();
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [remember, setRemember] = useState(false);
  const [createdCode, setCreatedCode] = useState<string | null>(null);

  useEffect(() => {
    void controller.ensureInit();
  }, [controller]);

  if (!s.supported)
    return (
      <section aria-labelledby="sync-title" className="panel">
        <h2 id="sync-title">{t('sync.title')}</h2>
        <p className="muted">{t('sync.desktopOnly')}</p>
      </section>
    );

  const unlock = (e: FormEvent) => {
    e.preventDefault();
    void controller.unlock(passphrase, remember, code || undefined).then(() => setPassphrase(''));
  };
  const create = () =>
    void controller.createTeam(passphrase, remember).then((c) => {
      if (c) setCreatedCode(c);
      setPassphrase('');
    });

  return (
    <section aria-labelledby="sync-title" className="panel">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p>{t('sync.intro')}</p>
      <SyncStatus controller={controller} />
      {s.conflictList.length > 0 && (
        <div role="region" aria-labelledby="sync-conflicts-title">
          <h3 id="sync-conflicts-title">{t('sync.conflicts.title')}</h3>
          <p className="muted">{t('sync.conflicts.explain')}</p>
          <ul>
            {s.conflictList.map((c) => (
              <li key={c.id}>
                {t(`sync.conflicts.${c.kind && c.kind !== 'copy' ? c.kind : 'item'}`, {
                  name: sanitizeDisplayName(c.copyName) || t('sync.conflicts.unnamed'),
                  version: c.serverVersion,
                  seen: c.seenVersion ?? '–',
                  time: new Date(c.at).toLocaleString(),
                })}{' '}
                <button type="button" onClick={() => void controller.dismissConflict(c.id!)}>
                  {t('sync.conflicts.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {s.error && (
        <p role="alert" className="error">
          {/settings change not confirmed/.test(s.error) ? t('sync.settingsNotConfirmed') : s.error}
        </p>
      )}

      <ConnectionForm
        key={JSON.stringify(s.settings)}
        initial={s.settings}
        busy={s.busy}
        onSave={(f) => void controller.configure({ ...f, tenantId: f.tenantId || undefined })}
      />

      <h3>{t('sync.account.title')}</h3>
      {s.auth.signedIn ? (
        <>
          <p>{t('sync.account.signedIn', { name: s.auth.name ?? s.auth.username ?? s.auth.oid ?? '?' })}</p>
          {s.auth.roles?.length ? (
            <p className="muted">{t('sync.account.roles', { roles: s.auth.roles.join(', ') })}</p>
          ) : null}
          <button type="button" disabled={s.busy} onClick={() => void controller.signOut()}>
            {t('sync.account.signOut')}
          </button>
        </>
      ) : (
        <>
          <p>{t('sync.account.signedOut')}</p>
          <p className="muted">{t('sync.account.browserHint')}</p>
          <button
            type="button"
            disabled={s.busy || !s.auth.configured}
            onClick={() => void controller.signIn()}
          >
            {t('sync.account.signIn')}
          </button>
        </>
      )}

      <h3>{t('sync.team.title')}</h3>
      {s.teamKeyId ? (
        <>
          <p>{t('sync.team.unlocked', { keyId: s.teamKeyId })}</p>
          <button type="button" onClick={() => void controller.lock()}>
            {t('sync.team.lock')}
          </button>
        </>
      ) : (
        <form onSubmit={unlock}>
          <p className="muted">{t('sync.team.locked')}</p>
          <label htmlFor="sync-passphrase">{t('sync.team.passphrase')}</label>
          <input
            id="sync-passphrase"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          {!s.hasTeamParams && (
            <>
              <label htmlFor="sync-code">{t('sync.team.code')}</label>
              <input id="sync-code" value={code} onChange={(e) => setCode(e.target.value)} />
            </>
          )}
          <label>
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            {t('sync.team.remember')}
          </label>
          <button type="submit" disabled={s.busy || passphrase.length === 0}>
            {t('sync.team.unlock')}
          </button>
          {!s.hasTeamParams && (
            <>
              <button type="button" disabled={s.busy || passphrase.length < 12} onClick={create}>
                {t('sync.team.create')}
              </button>
              <p className="muted">{t('sync.team.createHint')}</p>
            </>
          )}
        </form>
      )}
      {createdCode && (
        <p>
          {t('sync.team.codeCreated')}{' '}
          <code data-testid="team-code" style={{ wordBreak: 'break-all', userSelect: 'all' }}>
            {createdCode}
          </code>
        </p>
      )}
    </section>
  );
}

function ConnectionForm(props: {
  initial: Settings | null;
  busy: boolean;
  onSave(settings: Settings): void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Settings>({ ...EMPTY, ...props.initial });
  const field = (key: keyof Settings, type = 'text') => (
    <div>
      <label htmlFor={`sync-${key}`}>{t(`sync.settings.${key}`)}</label>
      <input
        id={`sync-${key}`}
        type={type}
        value={form[key] ?? ''}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </div>
  );
  const save = (e: FormEvent) => {
    e.preventDefault();
    props.onSave(form);
  };
  return (
    <form onSubmit={save} aria-labelledby="sync-settings-title">
      <h3 id="sync-settings-title">{t('sync.settings.title')}</h3>
      {field('tenantId')}
      {field('authority', 'url')}
      <p className="muted">{t('sync.settings.authorityHint')}</p>
      {field('clientId')}
      {field('apiScope')}
      {field('serverUrl', 'url')}
      <button type="submit" disabled={props.busy}>
        {t('sync.settings.save')}
      </button>
    </form>
  );
}
