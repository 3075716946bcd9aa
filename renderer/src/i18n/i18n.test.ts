import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { costCategoryName, formatSolverMessage, SOLVER_NAMESPACES } from '../../../solver/src';
import de from './de.json';
import en from './en.json';
import { formatDateTime, formatNumber } from './format';
import { NAMESPACES, resources } from './index';

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

describe('one i18n mechanism', () => {
  // The planner's options (initI18n) without React and the document.
  const planner = i18next.createInstance();
  void planner.init({
    resources,
    ns: NAMESPACES,
    defaultNS: 'translation',
    lng: 'de',
    fallbackLng: 'de',
    initAsync: false,
    interpolation: { escapeValue: false },
  });

  it('holds the solver namespaces beside its own texts', () => {
    expect(NAMESPACES).toEqual(['translation', ...SOLVER_NAMESPACES]);
    expect(planner.t('nav.projects')).toBe('Projekte');
    expect(planner.t('views:costCategory.fuel')).toBe(costCategoryName('de', 'fuel'));
    expect(planner.t('costCategory.annuity', { ns: 'views', lng: 'en' })).toBe(
      costCategoryName('en', 'annuity'),
    );
    expect(planner.t('findings:cancelled')).toBe(
      formatSolverMessage({ code: 'cancelled', params: {} }, 'de'),
    );
  });

  it('keeps the solver namespaces apart from the planner areas (no area of that name)', () => {
    for (const ns of SOLVER_NAMESPACES) expect(Object.keys(resources.de.translation)).not.toContain(ns);
  });
});

describe('formatting', () => {
  it('writes German numbers with decimal comma and thousands dots', () => {
    expect(formatNumber(1234567.891, 'de', 2)).toBe('1.234.567,89');
    expect(formatNumber(1234567.891, 'en', 2)).toBe('1,234,567.89');
  });

  it('writes a value that rounds to zero as 0, never -0', () => {
    expect(formatNumber(-1e-9, 'de', 0)).toBe('0');
    expect(formatNumber(-0, 'en')).toBe('0');
    expect(formatNumber(-0.04, 'de', 1)).toBe('0');
    expect(formatNumber(-0.05, 'de', 1)).toBe('-0,1');
    expect(formatNumber(-0.6, 'en', 0)).toBe('-1');
  });

  it('writes German dates day first', () => {
    const t = Date.UTC(2026, 10, 24, 13, 5);
    expect(formatDateTime(t, 'de', 'Europe/Berlin')).toBe('24.11.2026, 14:05');
    expect(formatDateTime(t, 'en', 'UTC')).toBe('24/11/2026, 13:05');
  });
});
