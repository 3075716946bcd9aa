import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateProject } from './validate';
import { locatePointer } from './locate';
import { applyScenario } from './scenario';
import { testProject, boiler } from '../model/testing';

const hub = readFileSync(new URL('../../../assets/examples/reference-hub.json', import.meta.url), 'utf8');

describe('project validation', () => {
  it('accepts the shipped examples', () => {
    const r = validateProject(JSON.parse(hub));
    expect(r.ok).toBe(true);
  });

  it('keeps documents without site.weather valid and checks a weather choice', () => {
    const doc = testProject({ heat: [1], technologies: [boiler('gb', 0.9, 80)] });
    expect(doc.site.weather).toBeUndefined();
    expect(validateProject(doc).ok).toBe(true);
    const withWeather = (weather: unknown) => validateProject({ ...doc, site: { ...doc.site, weather } }).ok;
    expect(withWeather({ kind: 'dwd-try', year: 2015 })).toBe(true);
    expect(withWeather({ kind: 'dwd-try', region: 4, year: 2045 })).toBe(true);
    expect(withWeather({ kind: 'file', name: 'tmy.csv', format: 'pvgis-csv', latitude_deg: 45 })).toBe(true);
    expect(withWeather({ kind: 'dwd-try', region: 16, year: 2015 })).toBe(false);
    expect(withWeather({ kind: 'dwd-try', year: 2030 })).toBe(false);
    expect(withWeather({ kind: 'file', name: 'x.txt', format: 'xls' })).toBe(false);
    expect(withWeather({ kind: 'dwd-try', year: 2015, file: 'x' })).toBe(false);
  });

  it('rejects unknown keys with their location in the file', () => {
    const doc = testProject({ heat: [1], technologies: [boiler('gb', 0.9, 80)] });
    (doc.technologies[0] as unknown as Record<string, unknown>).efficency = 0.9;
    const text = JSON.stringify(doc, null, 2);
    const r = validateProject(text, { fileName: 'p.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.message.includes("unknown key 'efficency'"));
    expect(e).toBeDefined();
    expect(e!.pointer).toBe('/technologies/0/efficency');
    expect(e!.fileName).toBe('p.json');
    expect(text.split('\n')[e!.line! - 1]).toContain('"efficency"');
  });

  it('names missing keys, wrong types and bad enum values', () => {
    const doc = JSON.parse(
      JSON.stringify(testProject({ heat: [1], technologies: [boiler('gb', 0.9, 80)] })),
    ) as {
      economics: Record<string, unknown>;
      technologies: Record<string, unknown>[];
    };
    delete doc.economics.interestRate;
    doc.technologies[0].efficiency = 'hoch';
    const r = validateProject(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.errors.map((e) => e.message).join('\n');
    expect(messages).toContain("/economics: missing required key 'interestRate'");
    expect(messages).toContain('/technologies/0/efficiency: must be number');
  });

  it('checks cross references: series, their length, fuels, duplicate ids', () => {
    const doc = testProject({
      heat: [1],
      technologies: [boiler('gb', 0.9, 80, { fuel: 'oil' }), boiler('gb', 0.9, 80)],
    });
    (doc.timeSeries.heat as { values: number[] }).values.pop();
    const r = validateProject(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.errors.map((e) => e.message);
    expect(messages).toContain(
      '/timeSeries/heat/values: has 8759 values; the year 2023 has 8760 hours (35040 quarter hours)',
    );
    expect(messages).toContain("/technologies/0/fuel: fuel 'oil' is not defined in /fuels");
    expect(messages).toContain("/technologies/1/id: duplicate technology id 'gb'");
  });

  it('reports a JSON syntax error with line and column', () => {
    const r = validateProject('{\n  "formatVersion": 1,\n  "name": oops\n}', { fileName: 'bad.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].message).toMatch(/not valid JSON/);
    expect(r.errors[0].line).toBe(3);
  });

  it('rejects a future format version', () => {
    const doc = { ...testProject({ heat: [1], technologies: [] }), formatVersion: 3 };
    const r = validateProject(doc);
    expect(r.ok).toBe(false);
  });

  it('migrates a format v1 project to v2 (a path of one period), leaving the input unchanged', () => {
    const v1 = { ...testProject({ heat: [1], technologies: [] }), formatVersion: 1 };
    const r = validateProject(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.project.formatVersion).toBe(2);
    expect(r.project.periods).toBeUndefined();
    expect({ ...r.project, formatVersion: 1 }).toStrictEqual(v1);
    expect(v1.formatVersion).toBe(1);
  });
});

describe('locatePointer', () => {
  it('finds nested values in objects and arrays', () => {
    const text = '{\n "a": [1, {"b": "x"}],\n "c": {"d~/e": 2}\n}';
    expect(locatePointer(text, '/a/1/b')).toEqual({ line: 2, column: 17 });
    expect(locatePointer(text, '/c/d~0~1e')).toEqual({ line: 3, column: 16 });
    expect(locatePointer(text, '/nope')).toBeUndefined();
  });
});

describe('scenarios', () => {
  it('apply JSON-pointer overrides to a copy, addressing technologies by id', () => {
    const p = testProject({ heat: [1], technologies: [boiler('gb', 0.9, 80)] });
    p.scenarios = [
      {
        id: 'v1',
        name: 'Variante',
        overrides: { '/technologies/gb/capex_EUR_per_unit': 100, '/fuels/gas/price_EUR_kWh': 0.2 },
      },
    ];
    const v = applyScenario(p, 'v1');
    expect(v.technologies[0].capex_EUR_per_unit).toBe(100);
    expect(v.fuels.gas.price_EUR_kWh).toBe(0.2);
    expect(p.technologies[0].capex_EUR_per_unit).toBe(80);
    expect(() => applyScenario(p, 'v2')).toThrow(/does not exist \(known: base, v1\)/);
    p.scenarios[0].overrides = { '/technologies/gb/nonsense': 1 };
    expect(() => applyScenario(p, 'v1')).toThrow(/'nonsense' does not exist/);
  });

  it("shares the series' value arrays with the base, copies one an override goes into, changes no base", () => {
    const p = testProject({ heat: [1, 2], electricity: [3], technologies: [boiler('gb', 0.9, 80)] });
    p.scenarios = [
      { id: 'v', name: 'V', overrides: { '/timeSeries/heat/values/1': 5, '/fuels/gas/price_EUR_kWh': 0.3 } },
    ];
    const v = applyScenario(p, 'v');
    const values = (q: typeof p, id: string) => (q.timeSeries[id] as { values: number[] }).values;
    expect(values(v, 'heat').slice(0, 3)).toEqual([1, 5, 0]);
    expect(values(p, 'heat').slice(0, 3)).toEqual([1, 2, 0]);
    // An untouched series: the same array, in a series object of the copy's own.
    expect(values(v, 'electricity')).toBe(values(p, 'electricity'));
    expect(v.timeSeries.electricity).not.toBe(p.timeSeries.electricity);
    v.timeSeries.extra = { unit: '-', values: [1] };
    expect(p.timeSeries.extra).toBeUndefined();
    expect([v.fuels.gas.price_EUR_kWh, p.fuels.gas.price_EUR_kWh]).toEqual([0.3, 0.1]);
    expect(v.technologies).not.toBe(p.technologies);
  });
});

describe('documented schema', () => {
  it('docs/formats/project-v2.schema.json is the schema the validator uses', async () => {
    const { projectSchema } = await import('./schema');
    const doc = readFileSync(
      new URL('../../../docs/formats/project-v2.schema.json', import.meta.url),
      'utf8',
    );
    expect(JSON.parse(doc)).toEqual(JSON.parse(JSON.stringify(projectSchema)));
  });
});
