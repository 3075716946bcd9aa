import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkForPlanner, checkProject, validateProject } from './validate';

const example = (name: string) =>
  readFileSync(new URL(`../../../assets/examples/${name}.json`, import.meta.url), 'utf8');
const singleText = example('single-building');
const hubText = example('reference-hub');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of parsed JSON
type Json = Record<string, any>;

/** Breaks a copy of the example in one way. */
function broken(change: (d: Json) => void): string {
  const d = JSON.parse(singleText) as Json;
  change(d);
  return JSON.stringify(d, null, 2);
}

const cases: [string, (d: Json) => void][] = [
  ['wrong type', (d) => (d.economics.interestRate = 'five')],
  ['above maximum', (d) => (d.economics.interestRate = 0.9)],
  ['missing key', (d) => delete d.site.year],
  ['unknown key', (d) => (d.site.altitude = 3)],
  ['bad const', (d) => (d.formatVersion = 3)],
  ['bad tech type', (d) => (d.technologies[0].type = 'fusion')],
  ['tech field out of range', (d) => (d.technologies[0].carnotEfficiency = 1.5)],
  ['unknown tech key', (d) => (d.technologies[1].colour = 'red')],
  ['bad id', (d) => (d.technologies[1].id = '1abc')],
  ['series length', (d) => d.timeSeries.heat.values.pop()],
  ['undefined series', (d) => (d.demands.heat = 'nope')],
  ['unit', (d) => (d.timeSeries.heat.unit = 'MW')],
  ['price spec', (d) => (d.grid.import.price_EUR_kWh = { scale: 2 })],
  [
    'fuel ref',
    (d) =>
      d.technologies.push({
        id: 'gb',
        type: 'boiler',
        fuel: 'oil',
        efficiency: 0.9,
        capex_EUR_per_unit: 1,
        lifetime_a: 20,
        fixedOm_share: 0,
      }),
  ],
  ['bad JSON', () => undefined],
];

describe("checkProject (the planner's wording of validateProject)", () => {
  it('accepts both examples like validateProject', () => {
    for (const text of [singleText, hubText]) {
      expect(checkProject(text).ok).toBe(true);
      expect(validateProject(text).ok).toBe(true);
    }
  });

  it.each(cases)('reports %s at the same place as validateProject', (name, change) => {
    const text = name === 'bad JSON' ? singleText.slice(0, 500) : broken(change);
    const mine = checkProject(text, { fileName: 'p.json' });
    const theirs = validateProject(text, { fileName: 'p.json' });
    expect(mine.ok).toBe(false);
    expect(theirs.ok).toBe(false);
    if (mine.ok || theirs.ok) return;
    const at = (e: { pointer: string; line?: number; column?: number }) =>
      `${e.pointer}@${e.line}:${e.column}`;
    expect(mine.errors.map(at)).toEqual(theirs.errors.map(at));
    expect(mine.errors[0].line).toBeGreaterThan(0);
  });

  it('also reports gaps in a series', () => {
    const d = JSON.parse(singleText);
    d.timeSeries.heat.values[10] = null;
    const r = checkProject(d);
    expect(r.ok ? [] : r.errors.map((e) => e.pointer)).toContain('/timeSeries/heat/values/10');
  });

  it('for the planner reports only the form a value was meant to have (one problem, not every branch)', () => {
    const d = JSON.parse(singleText);
    d.grid.import.price_EUR_kWh = { scale: 2 };
    d.timeSeries.heat.values[3] = 'x';
    const all = checkProject(d);
    const planner = checkForPlanner(d);
    expect(all.ok ? [] : all.errors.map((e) => e.pointer)).toContain('/timeSeries/heat');
    expect(planner.ok ? [] : planner.errors.map((e) => e.message)).toEqual([
      '/timeSeries/heat/values/3: must be number',
      "/grid/import/price_EUR_kWh: missing required key 'series'",
    ]);
    d.grid.import.price_EUR_kWh = 'teuer';
    delete d.timeSeries.heat.values;
    const p2 = checkForPlanner(d);
    expect(p2.ok ? [] : p2.errors.map((e) => e.message)).toEqual([
      "/timeSeries/heat: missing required key 'values'",
      '/grid/import/price_EUR_kWh: must be number',
    ]);
  });
});
