import { describe, expect, it } from 'vitest';
import { formatSolverMessage, solverMessage } from '../results/messages';
import { createSolverI18n, SOLVER_NAMESPACES, solverResources, t } from './index';

/** Every text of a namespace as `key → text`, nested keys joined with '.' (as i18next reads them). */
function texts(obj: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (v && typeof v === 'object') Object.assign(out, texts(v, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v as string;
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('solver i18n', () => {
  it('has every key in both languages for every namespace', () => {
    expect(SOLVER_NAMESPACES.length).toBeGreaterThan(0);
    expect(Object.keys(solverResources.de).sort()).toEqual([...SOLVER_NAMESPACES].sort());
    for (const ns of SOLVER_NAMESPACES) {
      const de = Object.keys(texts(solverResources.de[ns])).sort();
      const en = Object.keys(texts(solverResources.en[ns])).sort();
      expect(de, ns).toEqual(en);
    }
  });

  it('has the same placeholders in both languages, and no text is empty or without its value', () => {
    for (const ns of SOLVER_NAMESPACES) {
      const de = texts(solverResources.de[ns]);
      const en = texts(solverResources.en[ns]);
      for (const [key, text] of Object.entries(en)) {
        expect(typeof text, `${ns}:${key}`).toBe('string');
        expect(typeof de[key], `${ns}:${key}`).toBe('string');
        expect(placeholders(de[key]), `${ns}:${key}`).toEqual(placeholders(text));
        // A placeholder is only ever {{name}}: a single brace or a format would be printed as is.
        expect(text.replace(/\{\{\w+\}\}/g, ''), `${ns}:${key}`).not.toMatch(/\{\{|\}\}|\$t\(/);
        expect(de[key].replace(/\{\{\w+\}\}/g, ''), `${ns}:${key}`).not.toMatch(/\{\{|\}\}|\$t\(/);
        if (text.trim() !== '') expect(de[key].trim(), `${ns}:${key}`).not.toBe('');
      }
    }
  });

  it('is ready at once: a new instance translates synchronously', () => {
    const i = createSolverI18n('de');
    expect(i.isInitialized).toBe(true);
    expect(i.t('cancelled', { ns: 'findings' })).toBe('die Berechnung wurde abgebrochen');
  });

  it('keeps values apart from i18next options and never reads them as markup', () => {
    expect(t('en', 'findings', 'solverFailed_reason', { reason: '$t(findings:cancelled) {{x}}' })).toBe(
      '$t(findings:cancelled) {{x}}',
    );
  });

  it('uses i18next plurals with numbers formatted before interpolation', () => {
    expect(t('de', 'findings', 'hours', { n: '1' }, { count: 1 })).toBe('1 Stunde');
    expect(t('de', 'findings', 'hours', { n: '4.690' }, { count: 4690 })).toBe('4.690 Stunden');
    expect(t('en', 'findings', 'hours', { n: '1' }, { count: 1 })).toBe('1 hours');
  });

  it('gives the same strings as before for hand-picked messages', () => {
    const m = solverMessage('unmetDemand', {
      carrier: 'heat',
      hours: 4690,
      first: '2023-01-12 07:00',
      worst_kW: 1234.5,
    });
    expect(formatSolverMessage(m, 'de')).toBe(
      'der Wärmebedarf ist in 4.690 Stunden nicht zu decken (erstmals 12.01.2023, 07:00 Uhr): bis zu 1,23 MW fehlen mit den zugelassenen Leistungen und Nebenbedingungen',
    );
    expect(formatSolverMessage(m, 'en')).toBe(
      'heat demand cannot be met in 4690 hours (first 2023-01-12 07:00): up to 1.23 MW are missing with the allowed capacities and constraints',
    );
    const one = solverMessage('surplus', {
      carrier: 'electricity',
      hours: 1,
      first: '2023-01-12 07:00',
      worst_kW: 500,
    });
    expect(formatSolverMessage(one, 'de')).toBe(
      'überschüssiger Strom kann in 1 Stunde nirgends hin (erstmals 12.01.2023, 07:00 Uhr): bis zu 0,5 MW; Notkühlung, Einspeisung oder Abregelung zulassen',
    );
    expect(formatSolverMessage(one, 'en')).toBe(
      'surplus electricity has nowhere to go in 1 hours (first 2023-01-12 07:00): up to 0.5 MW; allow a heat dump, grid export or curtailment',
    );
    expect(formatSolverMessage(solverMessage('solverFailed'), 'de')).toBe('der Solver ist fehlgeschlagen');
    expect(formatSolverMessage(solverMessage('solverFailed', { reason: 'x' }), 'en')).toBe('x');
    expect(
      formatSolverMessage(
        solverMessage('unboundedTechnology', { tech: 'PV', kind: 'feedIn', revenue_ct: 8.1, cost_ct: 5 }),
        'de',
      ),
    ).toBe(
      'PV ist unbeschränkt: die Einspeisevergütung von 8,1 ct/kWh übersteigt die Stromgestehungskosten von 5 ct/kWh; eine Höchstleistung angeben',
    );
    expect(
      formatSolverMessage(solverMessage('unboundedTechnology', { tech: 'WP', kind: 'other' }), 'en'),
    ).toBe(
      'WP is unbounded: every additional unit of capacity lowers the annual cost; give it a maximum capacity or check the prices',
    );
  });
});
