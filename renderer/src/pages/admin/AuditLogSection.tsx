import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_PAGE_SIZE } from '../../sync/admin';
import type { AdminContext } from './AdminPage';
import { useAuditLog } from './useAuditLog';
import { useAuditExport } from './useAuditExport';
import { AuditTable } from './AuditTable';
import { ExportResult } from './AuditExportResult';

/** The audit log: a table loaded page by page, a client-side filter, chain status and export. */
export function AuditLogSection({
  ctx,
  pageSize = AUDIT_PAGE_SIZE,
}: {
  ctx: AdminContext;
  pageSize?: number;
}) {
  const { t } = useTranslation();
  const { oid } = ctx;
  const { log, loading, error, load } = useAuditLog(ctx, pageSize);
  const [filter, setFilter] = useState('');
  const { exporting, exported, exportError, runExport } = useAuditExport(ctx);

  const needle = filter.trim().toLowerCase();
  const shown = log ? log.entries.filter((e) => !needle || e.action.toLowerCase().includes(needle)) : [];

  return (
    <section className="panel" aria-labelledby="admin-audit-title" aria-busy={loading}>
      <h2 id="admin-audit-title">{t('admin.audit.title')}</h2>
      <p className="muted">{t('admin.audit.intro')}</p>

      <div className="inline-form" style={{ marginBottom: 12 }}>
        <label htmlFor="admin-audit-filter" style={{ margin: 0 }}>
          {t('admin.audit.filter')}
        </label>
        <input
          id="admin-audit-filter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('admin.audit.filterHint')}
        />
        <button type="button" disabled={loading} onClick={() => void load(true)}>
          {t('admin.audit.reload')}
        </button>
        <button type="button" disabled={exporting} onClick={() => void runExport()}>
          {exporting ? t('admin.audit.exporting') : t('admin.audit.export')}
        </button>
      </div>

      <ExportResult outcome={exported} error={exportError} />

      {log && log.entries.length > 0 && (
        <p
          role={log.chain.ok ? 'status' : 'alert'}
          className={log.chain.ok ? 'muted' : 'field-error'}
          style={log.chain.ok ? undefined : { fontWeight: 600 }}
        >
          {log.chain.ok
            ? t('admin.audit.chainOk', { n: log.chain.cursor.n })
            : t('admin.audit.chainBroken', { n: log.chain.brokenAt })}
        </p>
      )}

      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}

      {log && log.entries.length === 0 && !error && <p className="empty-state">{t('admin.audit.empty')}</p>}
      {log && log.entries.length > 0 && shown.length === 0 && (
        <p className="empty-state">{t('admin.audit.emptyFiltered', { filter: filter.trim() })}</p>
      )}
      {shown.length > 0 && (
        <div style={{ overflowX: 'auto' }}>
          <AuditTable shown={shown} oid={oid} />
        </div>
      )}
      {log && log.entries.length > 0 && (
        <p className="muted">{t('admin.audit.count', { shown: shown.length, loaded: log.entries.length })}</p>
      )}
      {loading && <p className="muted">{t('admin.audit.loading')}</p>}
      {log?.next != null && (
        <button type="button" disabled={loading} onClick={() => void load(false)}>
          {t('admin.audit.loadMore')}
        </button>
      )}
    </section>
  );
}
