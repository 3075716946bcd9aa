import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importXlsx } from './xlsx';

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Lastgang'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('XLSX import', () => {
  it('reads dates, numbers, metadata and units from the first sheet', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['Zählpunkt', 'DE000123']);
      ws.addRow([]);
      ws.addRow(['Zeitstempel', 'Wärme [kW]', 'Strom [kWh]']);
      for (let h = 0; h < 4; h++) ws.addRow([new Date(Date.UTC(2023, 6, 1, h)), 100 * (h + 1), 0.5]);
    });
    const r = await importXlsx(bytes);
    expect(r.metadata[0]).toContain('Zählpunkt');
    expect(r.resolution_min).toBe(60);
    expect(r.start).toBe('2023-06-30T22:00:00Z'); // 1 July 00:00 CEST
    expect(r.columns.map((c) => [c.name, c.energy_kWh, c.peak_kW])).toEqual([
      ['Wärme [kW]', 1000, 400],
      ['Strom [kWh]', 2, 0.5],
    ]);
  });

  it('locates a non-numeric cell by its sheet row', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['Zeit', 'Leistung [kW]']);
      ws.addRow([new Date(Date.UTC(2023, 0, 1, 0)), 1]);
      ws.addRow([new Date(Date.UTC(2023, 0, 1, 1)), 'defekt']);
    });
    await expect(importXlsx(bytes)).rejects.toThrow(
      "line 3, column 'Leistung [kW]': expected a number, found 'defekt'",
    );
  });

  it('reads an error cell (#N/A) as a missing value, not as text', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['Zeit', 'Leistung [kW]']);
      ws.addRow([new Date(Date.UTC(2023, 0, 1, 0)), 1]);
      ws.addRow([new Date(Date.UTC(2023, 0, 1, 1)), { error: '#N/A' }]);
      ws.addRow([new Date(Date.UTC(2023, 0, 1, 2)), { error: '#DIV/0!' }]);
      ws.addRow([new Date(Date.UTC(2023, 0, 1, 3)), 3]);
    });
    const r = await importXlsx(bytes);
    expect(r.start).toBe('2022-12-31T23:00:00Z');
    expect(r.resolution_min).toBe(60);
    expect(r.columns[0].energy_kWh).toBe(4);
    expect(JSON.stringify(r.warnings)).not.toContain('[object Object]');
    expect(JSON.stringify(r.warnings)).toContain('#N/A');
    expect(JSON.stringify(r.warnings)).toContain('#DIV/0!');
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(importXlsx(new TextEncoder().encode('a;b\n1;2'))).rejects.toThrow(
      /not a readable .xlsx file/,
    );
  });
});
