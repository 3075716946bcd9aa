import { describe, expect, it } from 'vitest';
import { reportFileName } from './reports/ReportsPage';
import { fileNameOf } from './ProjectsPage';

describe('fileNameOf (suggested project file name)', () => {
  it('keeps the user’s words: umlauts, ß and spaces', () => {
    expect(fileNameOf('Wohnanlage Lindenstraße 2023')).toBe('Wohnanlage Lindenstraße 2023.werkplan.json');
    expect(fileNameOf('Nahwärme Süd')).toBe('Nahwärme Süd.werkplan.json');
  });

  it('names the file as the reports do, only with its own extension', () => {
    const name = 'Einfamilienhaus mit PV, Wärmepumpe (Variante 2)';
    expect(fileNameOf(name)).toBe(reportFileName(name, 'pdf').replace(/\.pdf$/, '.werkplan.json'));
  });

  it('replaces only what a file system forbids; an empty name gets a fallback', () => {
    expect(fileNameOf('Halle 3/4: Kälte')).toBe('Halle 3-4- Kälte.werkplan.json');
    expect(fileNameOf('  ')).toBe('Projekt.werkplan.json');
  });
});
