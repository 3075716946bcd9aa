import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { syncController, useSync, type SyncController } from './controller';
import type { SyncState } from './engine';

const COLOURS: Record<SyncState, string> = {
  idle: '#2e7d32',
  syncing: '#1565c0',
  offline: '#9e9e9e',
  error: '#c62828',
  conflict: '#ef6c00',
  locked: '#9e9e9e',
  signedOut: '#bdbdbd',
};

/** A small sync status indicator for the header: a dot, a label, and a click to sync now. */
export function SyncStatus({ controller }: { controller?: SyncController }) {
  const { t } = useTranslation();
  const ctl = controller ?? syncController();
  useEffect(() => {
    void ctl.ensureInit();
  }, [ctl]);
  const status = useSync((s) => s.status);
  const supported = useSync((s) => s.supported);
  if (!supported) return null;
  const details = [
    status.pending > 0 ? t('sync.status.pending', { count: status.pending }) : null,
    status.conflicts > 0 ? t('sync.status.conflicts', { count: status.conflicts }) : null,
    status.lastSyncAt
      ? t('sync.status.lastSync', { time: new Date(status.lastSyncAt).toLocaleString() })
      : null,
    status.lastError,
  ].filter(Boolean);
  return (
    <button
      type="button"
      className="sync-status"
      data-state={status.state}
      title={[t('sync.status.syncNow'), ...details].join('\n')}
      onClick={() => void ctl.syncNow()}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: '0.4em',
        color: 'inherit',
        font: 'inherit',
        cursor: 'pointer',
        background: 'none',
        border: 'none',
      }}
    >
      <span
        aria-hidden="true"
        style={{ width: '0.7em', height: '0.7em', borderRadius: '50%', background: COLOURS[status.state] }}
      />
      <span role="status">
        {t(`sync.status.${status.state}`)}
        {status.pending > 0 ? ` · ${t('sync.status.pending', { count: status.pending })}` : ''}
      </span>
    </button>
  );
}
