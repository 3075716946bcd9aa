import { describe, expect, it } from 'vitest';
import { findLanguageProblems } from '../../report/languageCheck';
import {
  formatImportMessage,
  importMessage,
  importTime,
  MESSAGE_CODES,
  type ImportMessage,
} from './messages';
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
  unit: 'kW',
  scale: 'MW',
  offset: '+1',
  hours: 8784,
  expected: 8760,
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

describe('times in import messages: the file’s own clock, readable in each language', () => {
  /** The one message of a code in a result, in both languages. */
  const texts = (m: ImportMessage) => ({
    en: formatImportMessage(m, 'en'),
    de: formatImportMessage(m, 'de'),
  });
  const clean = (t: { en: string; de: string }) => {
    expect(findLanguageProblems(t.de, 'de')).toEqual([]);
    expect(findLanguageProblems(t.en, 'en')).toEqual([]);
  };

  it('a gap after the spring shift: local summer time, the instant stays ISO UTC', () => {
    // Local wall time in Europe/Berlin: 02:00 does not exist, 03:00 CEST (01:00 UTC) is missing.
    const r = importProfile(enc('Zeit;kW\n26.03.2023 00:00;1\n26.03.2023 01:00;1\n26.03.2023 04:00;1\n'));
    const gap = r.issues.find((i) => i.kind === 'gap')!;
    expect(gap.time).toBe('2023-03-26T01:00:00Z');
    expect(gap.detail.params).toMatchObject({
      time: '2023-03-26T01:00:00Z',
      timeLocal: '2023-03-26 03:00 +02:00',
    });
    const t = texts(gap.detail);
    expect(t.en).toBe(
      'gap of 1 interval(s) from 2023-03-26 03:00 UTC+2 (before line 4); not filled: choose a fill rule',
    );
    expect(t.de).toBe(
      'Lücke von 1 Intervall(en) ab 26.03.2023, 03:00 UTC+2 (vor Zeile 4); nicht gefüllt: bitte eine Füllregel wählen',
    );
    expect(gap.message).toBe(t.en);
    clean(t);
    // The summary names the same gap in the same language.
    expect(
      formatImportMessage(
        r.messages.find((m) => m.code === 'gapsSummary')!,
        'de',
      ),
    ).toBe(
      '1 Lücke(n), 1 fehlende(s) Intervall(e); erste: Lücke von 1 Intervall(en) ab 26.03.2023, 03:00 UTC+2 (vor Zeile 4); nicht gefüllt: bitte eine Füllregel wählen',
    );
  });

  it('a file in standard time all year shows standard time: 01:00 UTC is 02:00 UTC+1', () => {
    const r = importProfile(enc('Zeit;kW\n26.03.2023 00:00;1\n26.03.2023 01:00;1\n26.03.2023 03:00;1\n'), {
      standardTime: true,
    });
    const gap = r.issues.find((i) => i.kind === 'gap')!;
    expect(gap.time).toBe('2023-03-26T01:00:00Z');
    expect(texts(gap.detail).de).toMatch(
      /^Lücke von 1 Intervall\(en\) ab 26\.03\.2023, 02:00 UTC\+1 \(vor Zeile 4\)/,
    );
    expect(texts(gap.detail).en).toMatch(
      /^gap of 1 interval\(s\) from 2023-03-26 02:00 UTC\+1 \(before line 4\)/,
    );
  });

  it('a file with UTC stamps (Z) keeps UTC', () => {
    const r = importProfile(
      enc(
        'time,kW\n2023-03-26T00:00:00Z,1\n2023-03-26T01:00:00Z,1\n2023-03-26T01:00:00Z,2\n2023-03-26T03:00:00Z,1\n',
      ),
    );
    const dup = r.issues.find((i) => i.kind === 'duplicate')!;
    expect(dup.time).toBe('2023-03-26T01:00:00Z');
    const t = texts(dup.detail);
    expect(t.en).toBe(
      'line 4: 2023-03-26 01:00 UTC appears again (first on line 3); the first value is kept',
    );
    expect(t.de).toBe(
      'Zeile 4: 26.03.2023, 01:00 UTC kommt doppelt vor (zuerst in Zeile 3); der erste Wert bleibt',
    );
    expect(texts(r.issues.find((i) => i.kind === 'gap')!.detail).de).toMatch(
      /ab 26\.03\.2023, 02:00 UTC \(vor Zeile 5\)/,
    );
    clean(t);
  });

  it('errors: off the grid and backwards, in the file’s clock (winter: UTC+1)', () => {
    const offGrid =
      'Zeit;kW\n01.01.2023 00:00;1\n01.01.2023 00:15;1\n01.01.2023 00:30;1\n01.01.2023 00:37;1\n';
    try {
      importProfile(enc(offGrid));
      expect.unreachable();
    } catch (e) {
      const err = e as ImportError;
      expect(err.detail.params).toMatchObject({
        time: '2022-12-31T23:37:00Z',
        start: '2022-12-31T23:00:00Z',
      });
      expect(err.message).toBe(
        'line 5: 2023-01-01 00:37 UTC+1 is not on the 15-minute grid that starts at 2023-01-01 00:00 UTC+1',
      );
      expect(formatImportMessage(err.detail, 'de')).toBe(
        'Zeile 5: 01.01.2023, 00:37 UTC+1 liegt nicht im 15-Minuten-Raster ab 01.01.2023, 00:00 UTC+1',
      );
      clean(texts(err.detail));
    }
    const backwards = 'Zeit;kW\n01.01.2023 00:00;1\n01.01.2023 01:00;1\n31.12.2022 23:00;1\n';
    try {
      importProfile(enc(backwards));
      expect.unreachable();
    } catch (e) {
      const err = e as ImportError;
      expect(err.message).toBe('line 4: time goes backwards (2022-12-31 23:00 UTC+1)');
      expect(formatImportMessage(err.detail, 'de')).toBe(
        'Zeile 4: die Zeit läuft rückwärts (31.12.2022, 23:00 UTC+1)',
      );
    }
  });

  it('a message without the local time (made before) shows its ISO instant as UTC', () => {
    const old = importMessage('backwards', { line: 4, time: '2023-03-26T01:00:00Z' });
    expect(texts(old)).toEqual({
      en: 'line 4: time goes backwards (2023-03-26 01:00 UTC)',
      de: 'Zeile 4: die Zeit läuft rückwärts (26.03.2023, 01:00 UTC)',
    });
    expect(importTime('2023-10-29 02:30:15 -03:30', undefined, 'de')).toBe('29.10.2023, 02:30:15 UTC-3:30');
  });
});
