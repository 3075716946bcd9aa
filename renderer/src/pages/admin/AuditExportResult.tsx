import { useTranslation } from 'react-i18next';
import type { ExportOutcome } from './useAuditExport';

/** The outcome of an audit export: chain verified, unknown or broken, and whether it was saved. */
export function ExportResult({ outcome, error }: { outcome: ExportOutcome | null; error: string | null }) {
  const { t } = useTranslation();
  if (error)
    return (
      <p role="alert" className="field-error">
        {error}
      </p>
    );
  if (!outcome) return null;
  const saved = outcome.saved.saved
    ? t('admin.audit.exportSaved', { name: outcome.saved.name ?? '', count: outcome.entries })
    : t('admin.audit.exportNotSaved');
  if (outcome.chain.state === 'broken')
    return (
      <div
        className="panel problems"
        role="alert"
        aria-labelledby="admin-export-broken"
        data-testid="export-result"
      >
        <h3 id="admin-export-broken" style={{ color: 'var(--danger)', marginTop: 0 }}>
          {t('admin.audit.exportBrokenTitle')}
        </h3>
        <p style={{ fontWeight: 600 }}>{t('admin.audit.exportBroken', { n: outcome.chain.at })}</p>
        <p>{saved}</p>
      </div>
    );
  return (
    <div
      className={outcome.chain.state === 'verified' ? 'panel ok' : 'panel problems'}
      role="status"
      data-testid="export-result"
    >
      <p style={{ marginTop: 0 }}>
        {outcome.chain.state === 'verified'
          ? t('admin.audit.exportVerified', { count: outcome.entries })
          : t('admin.audit.exportUnknown')}
      </p>
      <p style={{ marginBottom: 0 }}>{saved}</p>
    </div>
  );
}
