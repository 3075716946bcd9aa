import { beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import ExcelJS from 'exceljs';
import singleText from '../../../../assets/examples/single-building.json?raw';
import type { Project } from '../../../../solver/src/project/types';
import type { Results } from '../../../../solver/src/results/results';
import { solveProject } from '../../../../solver/src/run/solve';
import type { SaveFileRequest } from '../../../../contracts';
import { db } from '../../db/schema';
import { saveResult } from '../../db/results';
import { importProject } from '../../project/files';
import { initI18n } from '../../i18n';
import { useApp } from '../../store/app';
import ReportsPage, { reportFileName } from './ReportsPage';

const saved: SaveFileRequest[] = [];
vi.mock('../../platform/files', () => ({
  files: () => ({
    kind: 'web',
    saveFile: async (req: SaveFileRequest) => {
      saved.push(req);
      return { saved: true, name: req.suggestedName };
    },
  }),
}));

let withResults: string;
let withoutResults: string;
let base: Results;
let heatPeak_kW: number;

beforeAll(async () => {
  await initI18n('de');
  const project = JSON.parse(singleText) as Project;
  const record = await importProject(db(), project);
  const heat = project.timeSeries[project.demands.heat];
  heatPeak_kW = 'values' in heat ? Math.max(...heat.values) : NaN;
  const outcome = await solveProject(project, { mode: 'aggregated' });
  base = outcome.results;
  await saveResult(db(), record.id, 'base', 'hash', {
    results: outcome.results,
    dispatch: outcome.dispatch ?? null,
    scenarioName: 'Basis',
    mode: 'aggregated',
  });
  withResults = record.id;
  withoutResults = (await importProject(db(), { ...project, name: 'Ohne Ergebnisse' })).id;
  useApp.getState().setLanguage('de');
}, 120_000);

describe('reports page', () => {
  it('file names are the project name as written, umlauts and spaces kept', () => {
    expect(reportFileName('Wohnanlage Lindenstraße 2023', 'pdf')).toBe('Wohnanlage Lindenstraße 2023.pdf');
    expect(reportFileName('Einfamilienhaus mit PV, Wärmepumpe', 'xlsx')).toBe(
      'Einfamilienhaus mit PV, Wärmepumpe.xlsx',
    );
    // Only what a file system forbids is replaced.
    expect(reportFileName('Halle 3/4: Süd', 'csv', ' – Fahrplan')).toBe('Halle 3-4- Süd – Fahrplan.csv');
    expect(reportFileName('///', 'pdf')).toBe('Werkplan.pdf');
  });

  it('shows an empty state when the project has no results yet', async () => {
    act(() => useApp.getState().setActiveProject(withoutResults));
    render(<ReportsPage />);
    expect(await screen.findByText('Für dieses Projekt gibt es noch keine Ergebnisse.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Bericht erzeugen/ })).toBeNull();
  });

  it('generates the Excel workbook from the stored result and saves it', async () => {
    act(() => useApp.getState().setActiveProject(withResults));
    render(<ReportsPage />);
    fireEvent.click(await screen.findByLabelText('Excel-Arbeitsmappe'));
    fireEvent.click(screen.getByRole('button', { name: 'Bericht erzeugen und speichern' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Gespeichert:'), {
      timeout: 60_000,
    });
    const req = saved.at(-1)!;
    expect(req.suggestedName).toBe('Einfamilienhaus mit PV, Wärmepumpe und Speicher.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      req.data.buffer.slice(req.data.byteOffset, req.data.byteOffset + req.data.byteLength) as ArrayBuffer,
    );
    const caps = wb.getWorksheet('Leistungen')!;
    expect(caps.getRow(2).getCell(4).value).toBeCloseTo(base.capacities.hp.power_kW!, 9);
    expect(wb.getWorksheet('Fahrplan Basis')!.rowCount).toBe(8761);
    // The series are joined back into the document: the demand table has the peak of the series.
    const inputs = wb.getWorksheet('Eingaben')!;
    let heat: ExcelJS.CellValue[] | undefined;
    inputs.eachRow((row) => {
      if (row.getCell(1).value === 'Wärmebedarf') heat = row.values as ExcelJS.CellValue[];
    });
    expect(heat?.[3]).toBeCloseTo(heatPeak_kW, 9);
  }, 90_000);

  it('generates the hourly dispatch as international CSV in English', async () => {
    act(() => useApp.getState().setActiveProject(withResults));
    render(<ReportsPage />);
    fireEvent.click(await screen.findByLabelText('CSV'));
    fireEvent.change(screen.getByLabelText('Sprache des Berichts'), { target: { value: 'en' } });
    fireEvent.change(screen.getByLabelText('Schreibweise'), { target: { value: 'intl' } });
    fireEvent.change(screen.getByLabelText('Inhalt'), { target: { value: 'dispatch' } });
    expect(screen.getByText('Fahrplan von: Basis')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bericht erzeugen und speichern' }));
    await waitFor(
      () =>
        expect(saved.at(-1)?.suggestedName).toBe(
          'Einfamilienhaus mit PV, Wärmepumpe und Speicher – Dispatch.csv',
        ),
      {
        timeout: 60_000,
      },
    );
    const lines = new TextDecoder().decode(saved.at(-1)!.data).trimEnd().split('\r\n');
    expect(lines).toHaveLength(8761);
    expect(lines[0].startsWith('hour,time_local_standard,weight_h,')).toBe(true);
  }, 90_000);

  it('names the base scenario in the UI language, also among the runs without a solution', async () => {
    const project = JSON.parse(singleText) as Project;
    const id = (await importProject(db(), { ...project, name: 'Zwei Läufe' })).id;
    // stored results keep the base's name in German ("Basis"), whatever the language of the run
    await saveResult(db(), id, 'base', 'hash', {
      results: { ...base, status: 'infeasible' },
      dispatch: null,
      scenarioName: 'Basis',
      mode: 'aggregated',
    });
    await saveResult(db(), id, 'insulated', 'hash', {
      results: base,
      dispatch: null,
      scenarioName: 'Dämmung',
      mode: 'aggregated',
    });
    await initI18n('en');
    act(() => {
      useApp.setState({ language: 'en' });
      useApp.getState().setActiveProject(id);
    });
    try {
      render(<ReportsPage />);
      expect(await screen.findByText('No solution, so not in the report: Base')).toBeTruthy();
      expect(screen.queryByText(/Basis/)).toBeNull();
    } finally {
      await initI18n('de');
      act(() => useApp.setState({ language: 'de' }));
    }
  });
});
