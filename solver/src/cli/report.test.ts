import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './testing';

const EXAMPLES = path.resolve(__dirname, '../../../assets/examples');
/** The generated report of the example hub stays here for a look (pdftoppm -png -r 50 ...). */
const HUB_OUT = path.join(os.tmpdir(), 'werkplan-hub-report');

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'werkplan-report-cli-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

async function pdfText(file: string): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(readFileSync(file)),
    standardFontDataUrl: `${path.resolve(__dirname, '../../../node_modules/pdfjs-dist/standard_fonts')}/`,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++)
    pages.push(
      (await (await doc.getPage(i)).getTextContent()).items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' '),
    );
  await doc.destroy();
  return pages;
}

describe('werkplan report', () => {
  it('rejects bad input with a reason and exit code 1', async () => {
    const hub = path.join(EXAMPLES, 'single-building.json');
    const cases: [string[], RegExp][] = [
      [[hub, '--out', 'x.pdf'], /--format is required/],
      [[hub, '--format', 'docx', '--out', 'x'], /--format must be one of pdf, xlsx, csv/],
      [[hub, '--format', 'pdf'], /--out FILE is required/],
      [[hub, '--format', 'pdf', '--out', 'x', '--lang', 'fr'], /--lang must be one of de, en/],
      [[hub, '--format', 'pdf', '--out', 'x', '--csv-style', 'de'], /apply to --format csv only/],
      [
        [hub, '--format', 'pdf', '--out', 'x', '--scenario', 'nope'],
        /scenario 'nope' does not exist \(known: base\)/,
      ],
      [[hub, '--format', 'pdf', '--out', 'x', '--colour', 'red'], /unknown option\(s\): --colour/],
    ];
    for (const [args, reason] of cases) {
      const r = await run('report', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(reason);
    }
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"formatVersion": 1, "name": 3}');
    const r = await run('report', bad, '--format', 'pdf', '--out', path.join(dir, 'x.pdf'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.json');
  });

  it('writes the PDF report of the example hub with its scenario (base and gas price +50 %)', async () => {
    mkdirSync(HUB_OUT, { recursive: true });
    const out = path.join(HUB_OUT, 'reference-hub-de.pdf');
    const r = await run('report', path.join(EXAMPLES, 'reference-hub.json'), '--format', 'pdf', '--out', out);
    expect(r.err).toMatch(/base: optimal/);
    expect(r.err).toMatch(/gas-high: optimal/);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${out} (pdf, de`);
    const pages = await pdfText(out);
    const all = pages.join('\n');
    expect(pages[0]).toContain('Referenz-Quartier (Benchmark)');
    expect(pages[0]).toContain('Basis, Gaspreis +50 %');
    for (const s of [
      'BHKW',
      'Gaskessel',
      'Wärmespeicher',
      'Szenarienvergleich',
      'Kennzahlen',
      'Betrieb in einer Sommerwoche',
      'Typtagen',
    ])
      expect(all).toContain(s);
    // The base's cost on the cover equals the cost in the comparison table.
    const cover = /Gesamtjahreskosten\s+([\d.]+) €\/a/.exec(pages[0]);
    expect(cover).not.toBeNull();
    expect(all.split(cover![1]).length).toBeGreaterThan(2);
  }, 600_000);

  it('writes the hourly dispatch of the chosen scenario as international CSV', async () => {
    // The single-building example with a scenario without PV: its dispatch has no PV output.
    const doc = JSON.parse(readFileSync(path.join(EXAMPLES, 'single-building.json'), 'utf8')) as {
      scenarios?: unknown[];
    };
    doc.scenarios = [{ id: 'nopv', name: 'ohne PV', overrides: { '/technologies/pv/max': 0 } }];
    const file = path.join(dir, 'single-nopv.json');
    writeFileSync(file, JSON.stringify(doc));
    const out = path.join(dir, 'sub', 'dispatch.csv');
    const r = await run(
      'report',
      file,
      '--format',
      'csv',
      '--csv-table',
      'dispatch',
      '--csv-style',
      'intl',
      '--scenario',
      'nopv',
      '--out',
      out,
    );
    expect(r.err).toMatch(/base: optimal[\s\S]*nopv: optimal/);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(8761);
    expect(lines[0].startsWith('hour,time_local_standard,weight_h,')).toBe(true);
    expect(lines[8760].startsWith('8759,2023-12-31 23:00,1,')).toBe(true);
    const pv = lines[0].split(',').indexOf('pv.el_out_kW');
    expect(pv).toBeGreaterThan(2);
    expect(lines.slice(1).every((l) => Number(l.split(',')[pv]) === 0)).toBe(true);
  }, 300_000);
});
