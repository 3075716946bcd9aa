import type { Language } from '../../i18n';

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** An audit timestamp (UTC, ISO 8601) in the user's language and local time, to the second. */
export function formatAuditTime(iso: string, language: Language, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  }).format(d);
}

/** An audit entry's details (canonical JSON object) as "key: value, …"; other text as it is. */
export function formatAuditDetails(details: string): string {
  let v: unknown;
  try {
    v = JSON.parse(details);
  } catch {
    return details;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return details;
  return Object.entries(v)
    .map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`)
    .join(', ');
}

/** werkplan-audit-<tenant>-<local date YYYY-MM-DD>.ndjson, with only file-name-safe characters. */
export function auditExportName(tenantId: string | null | undefined, date: Date): string {
  const tenant = (tenantId ?? '').replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64) || 'tenant';
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  return `werkplan-audit-${tenant}-${day}.ndjson`;
}
