import { describe, expect, it } from 'vitest';
import { userFileName } from './fileName';

describe('userFileName', () => {
  it('keeps umlauts, ß, spaces and punctuation the file system allows', () => {
    expect(userFileName('Wohnanlage Lindenstraße 2023', 'pdf')).toBe('Wohnanlage Lindenstraße 2023.pdf');
    expect(userFileName('Einfamilienhaus mit PV, Wärmepumpe (Variante 2)', 'xlsx')).toBe(
      'Einfamilienhaus mit PV, Wärmepumpe (Variante 2).xlsx',
    );
    expect(userFileName('Wärmelastgang 2023', 'csv', ' – Fahrplan')).toBe(
      'Wärmelastgang 2023 – Fahrplan.csv',
    );
  });

  it('replaces only what a file system forbids, and control characters', () => {
    expect(userFileName('A/B\\C:D*E?F"G<H>I|J', 'pdf')).toBe('A-B-C-D-E-F-G-H-I-J.pdf');
    expect(userFileName('Zeile\neins\tzwei\u0007', 'pdf')).toBe('Zeile eins zwei-.pdf');
  });

  it('trims spaces and dots, composes decomposed umlauts, and limits the length', () => {
    expect(userFileName('  ..Projekt.  ', 'pdf')).toBe('Projekt.pdf');
    expect(userFileName('Ka\u0308lte', 'pdf')).toBe('Kälte.pdf');
    expect(userFileName('x'.repeat(300), 'pdf')).toBe(`${'x'.repeat(120)}.pdf`);
  });

  it('falls back for empty names and avoids reserved device names', () => {
    expect(userFileName('', 'pdf')).toBe('Werkplan.pdf');
    expect(userFileName('///', 'csv', ' – Fahrplan')).toBe('Werkplan – Fahrplan.csv');
    expect(userFileName('CON', 'pdf')).toBe('_CON.pdf');
    expect(userFileName('=/..', 'csv', '', 'werkplan')).toBe('=-.csv');
  });
});
