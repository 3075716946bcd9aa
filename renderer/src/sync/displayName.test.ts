import { describe, expect, it } from 'vitest';
import { DISPLAY_NAME_MAX, sanitizeDisplayName } from './displayName';
import { nameOf } from './shareCommon';

describe('display names from the server or other users (issue #15, finding 3)', () => {
  it('strips bidi overrides, isolates, marks, zero-width characters and controls', () => {
    expect(sanitizeDisplayName('Admin\u202Egnp.exe')).toBe('Admingnp.exe');
    expect(sanitizeDisplayName('A\u200Dd\u200Cm\u200Bi\u2060n\uFEFF')).toBe('Admin');
    expect(sanitizeDisplayName('\u2066Eve\u2069 \u200E\u200F\u061C\u202A\u202B\u202C\u202D')).toBe('Eve');
    expect(sanitizeDisplayName('Mallory\u0000\u0007\u001B[31m\u009B\u2028x')).toBe('Mallory[31mx');
    expect(sanitizeDisplayName('  Anna \n\t Müller ')).toBe('Anna Müller');
  });

  it('normalises to NFC and bounds the length', () => {
    expect(sanitizeDisplayName('Mu\u0308ller')).toBe('Müller');
    const long = sanitizeDisplayName('x'.repeat(10_000));
    expect(Array.from(long)).toHaveLength(DISPLAY_NAME_MAX);
    expect(long.endsWith('…')).toBe(true);
    expect(sanitizeDisplayName(undefined)).toBe('');
  });

  it('is what the share dialog shows for colleagues (nameOf)', () => {
    expect(nameOf({ userId: 'oid-1', displayName: 'Admin\u202Egnp.exe' })).toBe('Admingnp.exe');
    expect(nameOf({ userId: 'oid-1', displayName: '\u200B\u200D', username: 'eve@x.de' })).toBe('eve@x.de');
  });
});
