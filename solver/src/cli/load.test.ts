import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject, ProjectLoadError } from './load';

/** A project whose price series is a CSV file beside it, read through the profile import. */
describe('loadProject with a time series file reference', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'werkplan-load-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function projectWith(csv: (hours: number) => string) {
    const doc = JSON.parse(await readFile('assets/examples/single-building.json', 'utf8')) as {
      timeSeries: Record<string, unknown>;
    };
    const hours = 8760;
    doc.timeSeries['price_file'] = { unit: 'EUR/kWh', file: 'price.csv', column: 'Preis' };
    await writeFile(path.join(dir, 'price.csv'), csv(hours));
    const file = path.join(dir, 'p.json');
    await writeFile(file, JSON.stringify(doc));
    return file;
  }

  it('inlines the values (decimal comma, semicolons)', async () => {
    const file = await projectWith(
      (n) => 'Stunde;Preis\n' + Array.from({ length: n }, (_, i) => `${i};0,${i % 10}`).join('\n'),
    );
    const p = await loadProject(file);
    const s = p.timeSeries['price_file'];
    expect('values' in s && s.values.slice(0, 3)).toEqual([0, 0.1, 0.2]);
    expect('values' in s && s.values.length).toBe(8760);
  });

  it('locates a bad cell: project file, series pointer, CSV file, line and column', async () => {
    const file = await projectWith(
      (n) => 'Stunde;Preis\n' + Array.from({ length: n }, (_, i) => `${i};${i === 5 ? 'x' : 1}`).join('\n'),
    );
    const err = await loadProject(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProjectLoadError);
    expect((err as ProjectLoadError).errors[0]).toMatchObject({
      pointer: '/timeSeries/price_file/file',
      fileName: file,
      message: `${path.join(dir, 'price.csv')}: line 7, column 'Preis': expected a number, found 'x'`,
    });
  });
});
