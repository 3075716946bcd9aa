import { describe, expect, it } from 'vitest';
import type { Results } from '../results/results';
import type { JobRecord } from './job';
import { csvField, summaryCsv, summaryRows } from './summary';

const rec = (r: Partial<JobRecord> & Pick<JobRecord, 'id' | 'kind'>): JobRecord => ({
  format: 'werkplan-batch-job',
  version: 1,
  scenario: 'base',
  fingerprint: 'f',
  status: 'optimal',
  seconds: 1.5,
  reasons: [],
  ...r,
});
const results = (cost: number, co2: number, caps: Results['capacities']) =>
  ({ objective: { totalAnnualCost_EUR: cost }, emissions_tCO2: co2, capacities: caps }) as unknown as Results;

const records = new Map(
  [
    rec({ id: 'scenario-base', kind: 'scenario', results: results(100, 2, { hp: { power_kW: 50 } }) }),
    rec({
      id: 'sweep-0001',
      kind: 'sweep',
      overrides: { '/fuels/gas/price_EUR_kWh': 0.04 },
      results: results(90, 3, { hp: { power_kW: 1e-9 }, tes: { energy_kWh: 200 } }),
    }),
    rec({
      id: 'sweep-0002',
      kind: 'sweep',
      overrides: { '/fuels/gas/price_EUR_kWh': 0.08 },
      status: 'infeasible',
      reasons: ['heat, not met'],
    }),
    rec({
      id: 'pareto-base',
      kind: 'pareto',
      status: 'failed',
      reasons: ['point 3 has no solution'],
      seconds: 9,
      front: [
        {
          kind: 'minCost',
          co2Limit_t: null,
          totalAnnualCost_EUR: 100,
          emissions_tCO2: 2,
          seconds: 2,
          capacities: { hp: { power_kW: 50 } },
        },
        {
          kind: 'minCo2',
          co2Limit_t: 1,
          totalAnnualCost_EUR: 150,
          emissions_tCO2: 1,
          seconds: 3,
          capacities: { hp: { power_kW: 80 } },
        },
      ],
    }),
  ].map((r) => [r.id, r]),
);

describe('batch summary', () => {
  it('writes one row per job, one per front point, a column per parameter and capacity', () => {
    expect(summaryCsv(summaryRows(records)).split('\n')).toEqual([
      'id,job,kind,scenario,/fuels/gas/price_EUR_kWh,status,totalAnnualCost_EUR,emissions_tCO2,co2Limit_t,seconds,message,hp.power_kW,tes.energy_kWh',
      'pareto-base-01,pareto-base,pareto,base,,optimal,100,2,,2.00,minimum cost,50,',
      'pareto-base-02,pareto-base,pareto,base,,optimal,150,1,1,3.00,minimum CO2,80,',
      'pareto-base,pareto-base,pareto,base,,failed,,,,9.00,point 3 has no solution,,',
      'scenario-base,scenario-base,scenario,base,,optimal,100,2,,1.50,,50,',
      'sweep-0001,sweep-0001,sweep,base,0.04,optimal,90,3,,1.50,,0,200',
      'sweep-0002,sweep-0002,sweep,base,0.08,infeasible,,,,1.50,"heat, not met",,',
      '',
    ]);
  });

  it('follows the plan: its order, missing jobs and files from other inputs marked', () => {
    const plan = [
      { id: 'scenario-base', kind: 'scenario' as const, scenario: 'base', fingerprint: 'f' },
      { id: 'scenario-gone', kind: 'scenario' as const, scenario: 'gone', fingerprint: 'f' },
      {
        id: 'sweep-0001',
        kind: 'sweep' as const,
        scenario: 'base',
        overrides: { '/x': 1 },
        fingerprint: 'other',
      },
    ];
    expect(summaryRows(records, plan).map((r) => [r.id, r.status, r.message])).toEqual([
      ['scenario-base', 'optimal', ''],
      ['scenario-gone', 'missing', ''],
      ['sweep-0001', 'stale', 'the result file is from other inputs'],
    ]);
  });

  it("marks a screening point's row: typical days only", () => {
    const screened = {
      ...results(80, 1, { hp: { power_kW: 40 } }),
      messages: [{ code: 'sizingOnly' as const, params: {} }],
    } as Results;
    const one = new Map([['sweep-0001', rec({ id: 'sweep-0001', kind: 'sweep', results: screened })]]);
    expect(summaryRows(one)[0]).toMatchObject({
      status: 'optimal',
      totalAnnualCost_EUR: 80,
      message: 'typical days only, no full-year check',
    });
  });

  it("says where a front point shows another point's plant", () => {
    const front = rec({ id: 'pareto-base', kind: 'pareto', front: records.get('pareto-base')!.front });
    front.front = [
      { ...front.front![0], plantOfPoint: 2, ownPlant: { ...front.front![0], totalAnnualCost_EUR: 120 } },
    ];
    expect(summaryRows(new Map([['pareto-base', front]]))[0].message).toBe(
      'minimum cost; the plant of point 2, better over the full year than the plant sized for this point on ' +
        'typical days (120 EUR/a, 2.0 t CO2/a)',
    );
  });

  it('quotes a field only when it must', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});
