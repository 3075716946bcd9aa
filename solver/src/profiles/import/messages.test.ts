import { describe, expect, it } from 'vitest';
import { formatImportMessage, importMessage, MESSAGE_CODES } from './messages';
import { importProfile, ImportError } from './parse';

const enc = (s: string) => new TextEncoder().encode(s);
const params = {
  line: 7,
  column: 'Wärme [kW]',
  found: 'x',
  count: 3,
  year: 2025,
  resolution: 15,
  time: 't',
  start: 's',
  first: 'f',
  intervals: 2,
  firstLine: 4,
  gaps: 1,
  missing: 2,
  value: '-1,5',
  zone: 'Europe/Berlin',
  reason: 'r',
  sheet: 'S',
  headerLine: 9,
  lines: 5,
  columns: '1: a',
};

describe('import messages in German and English', () => {
  it('every message has both languages, different texts, and the same figures in each', () => {
    for (const code of MESSAGE_CODES) {
      const en = formatImportMessage(importMessage(code, params), 'en');
      const de = formatImportMessage(importMessage(code, params), 'de');
      expect(en.length, code).toBeGreaterThan(5);
      expect(de, code).not.toBe(en);
      const figures = (s: string) => (s.match(/\d+/g) ?? []).sort();
      expect(figures(de), code).toEqual(figures(en));
    }
  });

  it('warnings of a real import come in German with the nested first gap', () => {
    const text =
      'Zeit;Leistung [kW]\n01.01.2023 00:00;1\n01.01.2023 01:00;2\n01.01.2023 04:00;-3\n01.01.2023 05:00;1\n';
    const r = importProfile(enc(text));
    expect(r.warnings).toHaveLength(r.messages.length);
    const de = r.messages.map((m) => formatImportMessage(m, 'de'));
    expect(de.join('\n')).toMatch(
      /1 Lücke\(n\), 2 fehlende\(s\) Intervall\(e\); erste: Lücke von 2 Intervall\(en\) ab /,
    );
    expect(de.join('\n')).toMatch(/Zeile 4, Spalte 'Leistung \[kW\]': negativer Wert -3/);
    // English stays the CLI's text.
    expect(r.warnings.map((w, i) => w === formatImportMessage(r.messages[i]))).not.toContain(false);
  });

  it('errors carry their message for the planner to show in German', () => {
    try {
      importProfile(enc('Zeit;Leistung [kW]\n01.01.2023 00:00;1\n01.01.2023 01:00;Zähler defekt\n'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect(formatImportMessage((e as ImportError).detail, 'de')).toBe(
        "Zeile 3, Spalte 'Leistung [kW]': erwartet wurde eine Zahl, gefunden 'Zähler defekt'",
      );
    }
  });

  it('the skipped spring hour is named in both languages', () => {
    try {
      importProfile(enc('Zeit;Leistung [kW]\n26.03.2023 01:00;1\n26.03.2023 02:00;1\n'));
      expect.unreachable();
    } catch (e) {
      const d = (e as ImportError).detail;
      expect(d.code).toBe('skippedHour');
      expect((e as ImportError).message).toMatch(/does not exist in Europe\/Berlin/);
      expect(formatImportMessage(d, 'de')).toMatch(/gibt es in Europe\/Berlin nicht/);
    }
  });
});
