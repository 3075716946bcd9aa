import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';
import { formatDateTime, formatNumber } from './format';
import { resources } from './index';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function placeholders(obj: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (o: object, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (v && typeof v === 'object') walk(v as object, `${prefix}${k}.`);
      else out[`${prefix}${k}`] = [...String(v).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    }
  };
  walk(obj, '');
  return out;
}

describe('translations', () => {
  it('German and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it('every feature area has the same keys and placeholders in German and English', () => {
    const deAll = resources.de.translation;
    const enAll = resources.en.translation;
    expect(keys(enAll).sort()).toEqual(keys(deAll).sort());
    expect(placeholders(enAll)).toEqual(placeholders(deAll));
    for (const v of Object.values(placeholders(deAll))) expect(v).toBeDefined();
  });

  it('every translation uses the same interpolation placeholders in both languages', () => {
    expect(placeholders(en)).toEqual(placeholders(de));
  });

  it('no translation is empty', () => {
    for (const [k, v] of Object.entries(placeholders(de))) expect(k && v).toBeDefined();
    expect(Object.values(de.nav).every((s) => s.length > 0)).toBe(true);
  });
});

describe('formatting', () => {
  it('writes German numbers with decimal comma and thousands dots', () => {
    expect(formatNumber(1234567.891, 'de', 2)).toBe('1.234.567,89');
    expect(formatNumber(1234567.891, 'en', 2)).toBe('1,234,567.89');
  });

  it('writes German dates day first', () => {
    const t = Date.UTC(2026, 10, 24, 13, 5);
    expect(formatDateTime(t, 'de', 'Europe/Berlin')).toBe('24.11.2026, 14:05');
    expect(formatDateTime(t, 'en', 'UTC')).toBe('24/11/2026, 13:05');
  });
});
