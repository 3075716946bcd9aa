import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtRest } from '../../db/atRest/startup';
import type { AtRestStatus } from '../../platform/atRest';
import { localData, type LocalDataPlatform } from '../../platform/localData';

function noticeKey(status: AtRestStatus | null): string | null {
  if (!status) return null;
  if (status.mode === 'encrypted') return 'localData.encrypted';
  return `localData.${status.mode}.${status.reason}`;
}

interface Props {
  /** For tests; the app uses the platform's. */
  platform?: LocalDataPlatform;
  reload?: () => void;
}

/**
 * Settings → local data: whether the data on this device are encrypted at rest (and why not), and
 * "Delete all local data", which asks twice (docs/security/desktop-data.md).
 */
export function LocalDataSection({ platform, reload = () => window.location.reload() }: Props) {
  const { t } = useTranslation();
  const status = useAtRest((s) => s.status);
  const migrationFailed = useAtRest((s) => s.migrationFailed);
  const otherKey = useAtRest((s) => s.otherKey);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const key = noticeKey(status);
  const wipe = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await (platform ?? localData()).wipe();
      reload();
    } catch (e) {
      console.error('delete all local data', e);
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="local-data-title">
      <h2 id="local-data-title">{t('localData.title')}</h2>
      {key && (
        <p role={status?.mode === 'encrypted' ? undefined : 'status'} data-testid="at-rest-notice">
          {t(key)}
        </p>
      )}
      {migrationFailed && <p role="alert">{t('localData.migrationFailed')}</p>}
      {otherKey && <p role="alert">{t('localData.otherKey')}</p>}
      <p className="muted">{t('localData.wipe.explain')}</p>
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('localData.wipe.button')}
        </button>
      ) : (
        <div role="group" aria-labelledby="local-data-confirm">
          <p id="local-data-confirm">
            <strong>{t('localData.wipe.confirm')}</strong>
          </p>
          <button type="button" onClick={() => setConfirming(false)} disabled={busy} autoFocus>
            {t('localData.wipe.cancel')}
          </button>{' '}
          <button type="button" className="danger" onClick={() => void wipe()} disabled={busy}>
            {t('localData.wipe.really')}
          </button>
        </div>
      )}
      {failed && <p role="alert">{t('localData.wipe.failed')}</p>}
    </section>
  );
}

/** On every page while the local data are locked: why nothing shows and nothing is saved. */
export function AtRestLockedBanner() {
  const { t } = useTranslation();
  const status = useAtRest((s) => s.status);
  const otherKey = useAtRest((s) => s.otherKey);
  if (status?.mode !== 'locked' && !otherKey) return null;
  return (
    <p role="alert" className="field-error" data-testid="at-rest-locked">
      {t(status?.mode === 'locked' ? `localData.locked.${status.reason}` : 'localData.otherKey')}
    </p>
  );
}
