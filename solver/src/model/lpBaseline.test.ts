import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LpModel } from '../lp/model';
import type { Project, Technology } from '../project/types';
import { buildModel, type BuildOptions } from './build';

/**
 * Pins the LP that model building produces for the shipped examples (and a variant that reaches
 * every technology and constraint the examples leave out), so that rewriting how rows are written
 * cannot change the model. Per case: sizes, a hash of the columns in order (names, bounds,
 * integrality), of the objective (costs and offset) and of the rows sorted by name (bounds and
 * coefficients by column name), and the same row hash per row family (the name before '[') to show
 * where a difference is. `UPDATE_LP_BASELINE=1 npx vitest run solver/src/model/lpBaseline.test.ts`
 * rewrites the fixture; only do so for an intended change of the model.
 */

const FIXTURE = new URL('./lpBaseline.json', import.meta.url);

interface Fingerprint {
  cols: number;
  rows: number;
  nonzeros: number;
  colsHash: string;
  objectiveHash: string;
  rowsHash: string;
  families: Record<string, { rows: number; hash: string }>;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

function fingerprint(m: LpModel): Fingerprint {
  const n = m.colNames.length;
  const cols: string[] = [];
  const objective: string[] = [`offset=${m.objectiveOffset}`];
  for (let j = 0; j < n; j++) {
    cols.push(`${m.colNames[j]}|${m.colLower[j]}|${m.colUpper[j]}|${m.colIntegrality?.[j] ?? 0}`);
    if (m.colCost[j] !== 0) objective.push(`${m.colNames[j]}=${m.colCost[j]}`);
  }
  const rows: { name: string; text: string }[] = [];
  for (let i = 0; i < m.rowNames.length; i++) {
    const entries: string[] = [];
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++)
      entries.push(`${m.colNames[m.colIndex[k]]}=${m.values[k]}`);
    entries.sort();
    const text = `${m.rowNames[i]}|${m.rowLower[i]}|${m.rowUpper[i]}|${entries.join(',')}`;
    rows.push({ name: m.rowNames[i], text });
  }
  rows.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const byFamily = new Map<string, string[]>();
  for (const r of rows) {
    const family = r.name.split('[')[0];
    let list = byFamily.get(family);
    if (!list) byFamily.set(family, (list = []));
    list.push(r.text);
  }
  const families: Fingerprint['families'] = {};
  for (const f of [...byFamily.keys()].sort()) {
    const list = byFamily.get(f)!;
    families[f] = { rows: list.length, hash: sha(list.join('\n')) };
  }
  return {
    cols: n,
    rows: m.rowNames.length,
    nonzeros: m.values.length,
    colsHash: sha(cols.join('\n')),
    objectiveHash: sha(objective.join('\n')),
    rowsHash: sha(rows.map((r) => r.text).join('\n')),
    families,
  };
}

const example = (name: string): Project =>
  JSON.parse(
    readFileSync(new URL(`../../../assets/examples/${name}.json`, import.meta.url), 'utf8'),
  ) as Project;

/**
 * The reference hub plus what the examples do not reach: non-curtailable PV and solar thermal,
 * curtailable solar thermal, a heat dump, a renewable boiler with existing capacity and subsidy, a
 * connection limit and all project constraints.
 */
function everything(): Project {
  const p = example('reference-hub');
  const base = { lifetime_a: 20, fixedOm_share: 0.01, varOm_EUR_kWh: 0.001 };
  const extra = [
    { id: 'st', type: 'solarThermal', yieldSeries: 'pv_yield', curtailable: false, capex_EUR_per_unit: 300 },
    { id: 'st2', type: 'solarThermal', yieldSeries: 'pv_yield', curtailable: true, capex_EUR_per_unit: 350 },
    { id: 'pv2', type: 'pv', yieldSeries: 'pv_yield', curtailable: false, capex_EUR_per_unit: 700 },
    { id: 'dump', type: 'heatDump', max: 500, capex_EUR_per_unit: 0 },
    {
      id: 'bio',
      type: 'boiler',
      fuel: 'wood',
      efficiency: 0.85,
      capex_EUR_per_unit: 400,
      existing: 100,
      subsidy_share: 0.3,
    },
  ];
  p.technologies.push(...extra.map((t) => ({ ...base, ...t }) as Technology));
  p.fuels.wood = { price_EUR_kWh: 0.04, co2_kg_kWh: 0.02, renewable: true };
  p.grid.import!.connectionLimit_kW = 4000;
  p.grid.import!.renewableShare = 0.5;
  p.constraints = { co2Cap_t: 5000, minRenewableHeatShare: 0.2, maxGridImport_kWh: 1e7 };
  return p;
}

const cases: { name: string; project: () => Project; opts: BuildOptions }[] = [
  { name: 'single-building full', project: () => example('single-building'), opts: { mode: 'full' } },
  {
    name: 'single-building aggregated',
    project: () => example('single-building'),
    opts: { mode: 'aggregated' },
  },
  { name: 'reference-hub full', project: () => example('reference-hub'), opts: { mode: 'full' } },
  { name: 'reference-hub aggregated', project: () => example('reference-hub'), opts: { mode: 'aggregated' } },
  {
    name: 'reference-hub aggregated milp gas-high',
    project: () => example('reference-hub'),
    opts: { mode: 'aggregated', milp: true, scenarioId: 'gas-high' },
  },
  {
    name: 'everything full 48 h co2 slack fixed',
    project: everything,
    opts: {
      mode: 'full',
      horizon_h: 48,
      objective: 'co2',
      co2Limit_t: 4000,
      slackPenalty_EUR_kWh: 1000,
      fixedCapacities: { gb: { value: 1000 }, bat: { value: 50, power: 20 } },
      minimumCapacities: { hp: { value: 10 }, tes: { value: 30 } },
    },
  },
  {
    name: 'everything aggregated 6 days milp',
    project: everything,
    opts: { mode: 'aggregated', typicalDays: 6, milp: true },
  },
];

describe('LP baseline of the examples', () => {
  const update = process.env.UPDATE_LP_BASELINE === '1';
  const stored = update ? {} : (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Fingerprint>);
  const fresh: Record<string, Fingerprint> = {};

  for (const c of cases)
    it(`${c.name}: the LP is unchanged`, () => {
      const fp = fingerprint(buildModel(c.project(), c.opts).model);
      fresh[c.name] = fp;
      if (update) {
        if (Object.keys(fresh).length === cases.length)
          writeFileSync(FIXTURE, JSON.stringify(fresh, null, 2) + '\n');
        return;
      }
      const want = stored[c.name];
      expect(want, `no baseline for ${c.name}`).toBeDefined();
      expect(fp.cols).toBe(want.cols);
      expect(fp.colsHash).toBe(want.colsHash);
      expect(fp.objectiveHash).toBe(want.objectiveHash);
      expect(fp.families).toEqual(want.families);
      expect(fp.rows).toBe(want.rows);
      expect(fp.nonzeros).toBe(want.nonzeros);
      expect(fp.rowsHash).toBe(want.rowsHash);
    });
});
