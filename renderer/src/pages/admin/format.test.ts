import { describe, expect, it } from 'vitest';
import { auditExportName, formatAuditDetails, formatAuditTime } from './format';

describe('audit formatting', () => {
  it('writes audit times in German local time to the second', () => {
    // 13:05:09 UTC in November is 14:05:09 CET; 22:30 UTC on 1 July is 00:30 CEST the next day.
    expect(formatAuditTime('2026-11-24T13:05:09.000Z', 'de', 'Europe/Berlin')).toBe('24.11.2026, 14:05:09');
    expect(formatAuditTime('2026-07-01T22:30:00.000Z', 'de', 'Europe/Berlin')).toBe('02.07.2026, 00:30:00');
    expect(formatAuditTime('2026-11-24T13:05:09.000Z', 'en', 'UTC')).toBe('24/11/2026, 13:05:09');
    expect(formatAuditTime('not a time', 'de')).toBe('not a time');
  });

  it('shows details as key: value pairs', () => {
    expect(formatAuditDetails('{"attempted":"admin.audit-read","why":"mfa"}')).toBe(
      'attempted: admin.audit-read, why: mfa',
    );
    expect(formatAuditDetails('{"keys":1,"mfa":true,"x":null}')).toBe('keys: 1, mfa: true, x: null');
    expect(formatAuditDetails('{}')).toBe('');
    expect(formatAuditDetails('plain')).toBe('plain');
  });

  it('names the export after tenant and local date', () => {
    const d = new Date(2026, 10, 4, 23, 59); // local 4 Nov 2026, 23:59
    expect(auditExportName('aaaaaaaa-0000-4000-8000-00000000000a', d)).toBe(
      'werkplan-audit-aaaaaaaa-0000-4000-8000-00000000000a-2026-11-04.ndjson',
    );
    expect(auditExportName('a/b:c', d)).toBe('werkplan-audit-a_b_c-2026-11-04.ndjson');
    expect(auditExportName(undefined, d)).toBe('werkplan-audit-tenant-2026-11-04.ndjson');
  });
});
