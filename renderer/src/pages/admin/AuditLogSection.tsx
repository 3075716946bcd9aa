import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveResult } from '../../platform/files';
import { useApp } from '../../store/app';
import {
  AUDIT_PAGE_SIZE,
  CHAIN_START,
  exportAudit,
  listAudit,
  verifyAuditChain,
  type AuditEntry,
  type ChainCursor,
  type ChainStatus,
} from '../../sync/admin';
import type { AdminContext } from './AdminPage';
import { auditExportName, formatAuditDetails, formatAuditTime } from './format';

interface Log {
  entries: AuditEntry[];
  /** `after` of the next page; null when the last page was short. */
  next: number | null;
  /** The client-side chain check of the loaded entries. */
  chain: { ok: true; cursor: ChainCursor } | { ok: false; brokenAt: number };
}

const EMPTY_LOG: Log = { entries: [], next: null, chain: { ok: true, cursor: CHAIN_START } };

interface ExportOutcome {
  chain: ChainStatus;
  entries: number;
  saved: SaveResult;
}

/** The audit log: a table loaded page by page, a client-side filter, chain status and export. */
export function AuditLogSection({
  ctx,
  pageSize = AUDIT_PAGE_SIZE,
}: {
  ctx: AdminContext;
  pageSize?: number;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const { send, saveFile, explain, session, tenantId, oid } = ctx;
  const [log, setLog] = useState<Log | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportOutcome | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  // Only the newest load may write its result (a reload while a page is on its way wins).
  const generation = useRef(0);
  const current = useRef<Log>(EMPTY_LOG);

  const load = useCallback(
    async (reset: boolean) => {
      const gen = ++generation.current;
      const base = reset ? EMPTY_LOG : current.current;
      setLoading(true);
      setError(null);
      try {
        const page = await listAudit(send, { after: reset ? 0 : (base.next ?? 0), limit: pageSize });
        const chain = base.chain.ok ? await verifyAuditChain(page.entries, base.chain.cursor) : base.chain;
        if (gen !== generation.current) return;
        const next: Log = { entries: [...base.entries, ...page.entries], next: page.next, chain };
        current.current = next;
        setLog(next);
      } catch (e) {
        if (gen === generation.current) setError(explain(e));
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    [send, pageSize, explain],
  );

  useEffect(() => {
    // Loads the first page on opening, and again after signing in anew or an erasure.
    const timer = setTimeout(() => void load(true), 0);
    return () => clearTimeout(timer);
  }, [load, session]);

  const runExport = async () => {
    setExporting(true);
    setExportError(null);
    setExported(null);
    try {
      const r = await exportAudit(send);
      const saved = await saveFile({
        suggestedName: auditExportName(tenantId ?? r.tenantId, new Date()),
        data: new TextEncoder().encode(r.ndjson),
        filters: [{ name: 'NDJSON', extensions: ['ndjson'] }],
      });
      setExported({ chain: r.chain, entries: r.entries, saved });
    } catch (e) {
      setExportError(explain(e));
    } finally {
      setExporting(false);
    }
  };

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
          <table className="table">
            <caption className="muted" style={{ textAlign: 'left' }}>
              {t('admin.audit.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('admin.audit.columns.n')}
                </th>
                <th scope="col">{t('admin.audit.columns.at')}</th>
                <th scope="col">{t('admin.audit.columns.actor')}</th>
                <th scope="col">{t('admin.audit.columns.action')}</th>
                <th scope="col">{t('admin.audit.columns.target')}</th>
                <th scope="col">{t('admin.audit.columns.outcome')}</th>
                <th scope="col">{t('admin.audit.columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.n}>
                  <td className="num">{e.n}</td>
                  <td>
                    <time dateTime={e.at} title={e.at}>
                      {formatAuditTime(e.at, language)}
                    </time>
                  </td>
                  <td>
                    {e.actorId === null ? (
                      <span className="muted">{t('admin.audit.system')}</span>
                    ) : (
                      <>
                        <code>{e.actorId}</code>
                        {e.actorId === oid ? ` ${t('admin.audit.you')}` : ''}
                      </>
                    )}
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.target ? <code>{e.target}</code> : ''}</td>
                  <td>
                    {['ok', 'refused', 'conflict'].includes(e.outcome)
                      ? t(`admin.audit.outcome.${e.outcome}`)
                      : e.outcome}
                  </td>
                  <td className="muted">{formatAuditDetails(e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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

function ExportResult({ outcome, error }: { outcome: ExportOutcome | null; error: string | null }) {
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
