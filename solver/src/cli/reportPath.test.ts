/**
 * `werkplan report` of a transformation path: the report has the Transformationsplan without any
 * option for it. The solver is replaced by the fixture path (report/pathFixture.ts), so the test
 * checks the command, not the path model.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pathProject, pathResults } from '../report/pathFixture';
import { runCli } from './testing';

vi.mock('../run/solve', async (original) => ({
  ...(await original<typeof import('../run/solve')>()),
  solveProject: vi.fn(() => Promise.resolve({ results: pathResults(), reasons: [] })),
}));

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'werkplan-report-path-'));
  file = path.join(dir, 'path.json');
  writeFileSync(file, JSON.stringify(pathProject()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('werkplan report of a transformation path', () => {
  it('writes the workbook with the Transformationsplan sheet, unchanged options and output', async () => {
    const out = path.join(dir, 'path.xlsx');
    const r = await runCli('report', file, '--format', 'xlsx', '--out', out);
    expect(r.err).toContain(
      'base: optimal, 2700000.00 EUR/a, path of 3 periods, net present cost 49300000.00 EUR',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote .*path\.xlsx \(xlsx, de, \d+ bytes, 1 scenario\(s\)\)\n$/);
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(out);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const ws = wb.getWorksheet('Transformationsplan');
    expect(ws).toBeDefined();
    const values: unknown[] = [];
    ws!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toEqual(expect.arrayContaining(['Kosten je Stützjahr', 49_300_000, 'Maßnahmen']));
  }, 60_000);

  it('writes the PDF and the CSV summary with the path tables', async () => {
    const pdf = path.join(dir, 'path.pdf');
    expect((await runCli('report', file, '--format', 'pdf', '--out', pdf, '--lang', 'en')).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = path.join(dir, 'path.csv');
    expect((await runCli('report', file, '--format', 'csv', '--out', csv)).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain(
      'path:npc;Kapitalwert des Transformationspfads;Kapitalwert der Kosten;EUR;49300000',
    );
  }, 60_000);

  it('says so when the dispatch CSV is asked of a path without an hourly dispatch', async () => {
    const r = await runCli(
      'report',
      file,
      '--format',
      'csv',
      '--csv-table',
      'dispatch',
      '--out',
      path.join(dir, 'd.csv'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("the result of scenario 'base' has no hourly dispatch");
  });
});
