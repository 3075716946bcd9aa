import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/app';
import type { AuditEntry } from '../../sync/admin';
import { formatAuditDetails, formatAuditTime } from './format';
import { sanitizeDisplayName } from '../../sync/displayName';

/** Audit entries as a table: number, time, actor (the signed-in user marked), action, outcome. */
export function AuditTable({ shown, oid }: { shown: AuditEntry[]; oid: string | undefined }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return (
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
                  <code>{sanitizeDisplayName(e.actorId)}</code>
                  {e.actorId === oid ? ` ${t('admin.audit.you')}` : ''}
                </>
              )}
            </td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>{e.target ? <code>{sanitizeDisplayName(e.target)}</code> : ''}</td>
            <td>
              {['ok', 'refused', 'conflict'].includes(e.outcome)
                ? t(`admin.audit.outcome.${e.outcome}`)
                : e.outcome}
            </td>
            <td className="muted">{sanitizeDisplayName(formatAuditDetails(e.details), 2000)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
