import { describe, expect, it } from 'vitest';
import { addStorage, type StorageSpec } from './storage';
import { colBounds, costsOf, rowsOf, testProject, tinyAggregatedGrid, tinyContext } from './testing';
import type { ModelContext } from './context';

const zeros = new Float64Array(8760);

/** Heat storage 's' on columns E and P: charge/discharge ≤ 0.5·P, ηch 0.9, ηdis 0.8, 1 %/h loss. */
function withStorage(ctx: ModelContext, varOm_EUR_kWh?: number) {
  const E = ctx.b.addCol('E');
  const P = ctx.b.addCol('P');
  const spec: StorageSpec = {
    techId: 's',
    carrier: 'heat',
    energyCap: E,
    powerCap: P,
    powerFactor: 0.5,
    effCharge: 0.9,
    effDischarge: 0.8,
    loss_per_h: 0.01,
    varOm_EUR_kWh,
  };
  addStorage(ctx, spec);
  ctx.addBalances({ heat: zeros, electricity: zeros });
  return ctx.b.build();
}

const keep = 1 - 0.01;

describe('storage, full year (cyclic)', () => {
  const ctx = tinyContext(testProject({ technologies: [] }), 3);
  const m = withStorage(ctx);

  it('limits charge and discharge to powerFactor · P: ch[t] ≤ f·P, dis[t] ≤ f·P', () => {
    expect(rowsOf(m, 'ch_max_s')).toEqual(
      [0, 1, 2].map((t) => ({
        name: `ch_max_s[t=${t}]`,
        lower: -Infinity,
        upper: 0,
        coefs: { [`charge_s[t=${t}]`]: 1, P: -0.5 },
      })),
    );
    expect(rowsOf(m, 'dis_max_s')[2]).toEqual({
      name: 'dis_max_s[t=2]',
      lower: -Infinity,
      upper: 0,
      coefs: { 'discharge_s[t=2]': 1, P: -0.5 },
    });
  });

  it('balances the state of charge, the first hour following the last', () => {
    // soc[t] = 0.99·soc[t−1] + 0.9·ch[t] − dis[t]/0.8, soc[−1] = soc[2]
    const rows = rowsOf(m, 'soc_balance_s');
    expect(rows.map((r) => r.name)).toEqual([
      'soc_balance_s[t=0]',
      'soc_balance_s[t=1]',
      'soc_balance_s[t=2]',
    ]);
    expect(rows[0]).toEqual({
      name: 'soc_balance_s[t=0]',
      lower: 0,
      upper: 0,
      coefs: { 'soc_s[t=0]': 1, 'soc_s[t=2]': -keep, 'charge_s[t=0]': -0.9, 'discharge_s[t=0]': 1.25 },
    });
    expect(rows[1].coefs).toEqual({
      'soc_s[t=1]': 1,
      'soc_s[t=0]': -keep,
      'charge_s[t=1]': -0.9,
      'discharge_s[t=1]': 1.25,
    });
  });

  it('keeps the content within [0, E]', () => {
    expect(colBounds(m, 'soc_s[t=1]')).toEqual([0, Infinity]);
    expect(rowsOf(m, 'soc_max_s')[1]).toEqual({
      name: 'soc_max_s[t=1]',
      lower: -Infinity,
      upper: 0,
      coefs: { 'soc_s[t=1]': 1, E: -1 },
    });
    expect(m.rowNames.filter((n) => n.startsWith('soc_inter') || n.startsWith('soc_link'))).toEqual([]);
  });

  it('puts discharge into and charge out of its carrier balance', () => {
    expect(rowsOf(m, 'heat_balance')[0].coefs).toEqual({ 'discharge_s[t=0]': 1, 'charge_s[t=0]': -1 });
    expect(rowsOf(m, 'el_balance')[0].coefs).toEqual({});
    expect(ctx.storages).toHaveLength(1);
    expect(ctx.storages[0].interSoc).toBeUndefined();
    expect(Array.from(ctx.storages[0].soc).map((c) => m.colNames[c])).toEqual([
      'soc_s[t=0]',
      'soc_s[t=1]',
      'soc_s[t=2]',
    ]);
  });

  it('adds no cost of its own', () => {
    expect(ctx.costs).toEqual([]);
    expect(Array.from(m.colCost).every((c) => c === 0)).toBe(true);
  });
});

describe('storage, typical days (Kotzur et al.)', () => {
  // Two typical days of two hours; the year is days 0, 1, 2 of types 0, 1, 0.
  const ctx = tinyContext(testProject({ technologies: [] }), tinyAggregatedGrid());
  const m = withStorage(ctx);
  const keepDay = Math.pow(keep, 2);

  it('starts each typical day from 0: the intra-day state is free', () => {
    const rows = rowsOf(m, 'soc_balance_s');
    expect(rows.map((r) => r.name)).toEqual([
      'soc_balance_s[p=0,h=0]',
      'soc_balance_s[p=0,h=1]',
      'soc_balance_s[p=1,h=0]',
      'soc_balance_s[p=1,h=1]',
    ]);
    // h = 0: s[k,0] = 0.9·ch − dis/0.8 (nothing carried over)
    expect(rows[2].coefs).toEqual({
      'soc_s[p=1,h=0]': 1,
      'charge_s[p=1,h=0]': -0.9,
      'discharge_s[p=1,h=0]': 1.25,
    });
    // h = 1: s[k,1] = 0.99·s[k,0] + 0.9·ch − dis/0.8
    expect(rows[3].coefs).toEqual({
      'soc_s[p=1,h=1]': 1,
      'soc_s[p=1,h=0]': -keep,
      'charge_s[p=1,h=1]': -0.9,
      'discharge_s[p=1,h=1]': 1.25,
    });
    expect(colBounds(m, 'soc_s[p=0,h=0]')).toEqual([-Infinity, Infinity]);
  });

  it('bounds the intra-day state by its extremes smin_k ≤ s[k,h] ≤ smax_k', () => {
    expect(colBounds(m, 'soc_intra_max_s[p=1]')).toEqual([0, Infinity]);
    expect(colBounds(m, 'soc_intra_min_s[p=1]')).toEqual([-Infinity, 0]);
    expect(rowsOf(m, 'soc_intra_hi_s')[3]).toEqual({
      name: 'soc_intra_hi_s[p=1,h=1]',
      lower: -Infinity,
      upper: 0,
      coefs: { 'soc_s[p=1,h=1]': 1, 'soc_intra_max_s[p=1]': -1 },
    });
    expect(rowsOf(m, 'soc_intra_lo_s')[0]).toEqual({
      name: 'soc_intra_lo_s[p=0,h=0]',
      lower: 0,
      upper: Infinity,
      coefs: { 'soc_s[p=0,h=0]': 1, 'soc_intra_min_s[p=0]': -1 },
    });
  });

  it('links the days of the year: S[d+1] = keep^24·S[d] + s[k(d), last], the last day followed by the first', () => {
    const rows = rowsOf(m, 'soc_link_s');
    expect(rows).toEqual([
      {
        name: 'soc_link_s[d=0]',
        lower: 0,
        upper: 0,
        coefs: { 'soc_inter_s[d=1]': 1, 'soc_inter_s[d=0]': -keepDay, 'soc_s[p=0,h=1]': -1 },
      },
      {
        name: 'soc_link_s[d=1]',
        lower: 0,
        upper: 0,
        coefs: { 'soc_inter_s[d=2]': 1, 'soc_inter_s[d=1]': -keepDay, 'soc_s[p=1,h=1]': -1 },
      },
      {
        name: 'soc_link_s[d=2]',
        lower: 0,
        upper: 0,
        coefs: { 'soc_inter_s[d=0]': 1, 'soc_inter_s[d=2]': -keepDay, 'soc_s[p=0,h=1]': -1 },
      },
    ]);
    expect(colBounds(m, 'soc_inter_s[d=2]')).toEqual([0, Infinity]);
  });

  it('keeps the real content within [0, E]: 0 ≤ S[d] + smin_k(d), S[d] + smax_k(d) ≤ E', () => {
    expect(rowsOf(m, 'soc_inter_lo_s')[1]).toEqual({
      name: 'soc_inter_lo_s[d=1]',
      lower: 0,
      upper: Infinity,
      coefs: { 'soc_inter_s[d=1]': 1, 'soc_intra_min_s[p=1]': 1 },
    });
    expect(rowsOf(m, 'soc_inter_hi_s')[2]).toEqual({
      name: 'soc_inter_hi_s[d=2]',
      lower: -Infinity,
      upper: 0,
      coefs: { 'soc_inter_s[d=2]': 1, 'soc_intra_max_s[p=0]': 1, E: -1 },
    });
    expect(m.rowNames.some((n) => n.startsWith('soc_max'))).toBe(false);
    expect(ctx.storages[0].interSoc).toHaveLength(3);
  });
});

describe('storage variable O&M', () => {
  it('costs w[t]·varOm per kW discharged in every hour of a full year', () => {
    const ctx = tinyContext(testProject({ technologies: [] }), 3);
    const m = withStorage(ctx, 0.004);
    expect(costsOf(ctx, 's')).toEqual(
      [0, 1, 2].map((t) => ({ category: 'variableOm', col: `discharge_s[t=${t}]`, coef: 0.004 })),
    );
    expect(m.colCost[m.colNames.indexOf('discharge_s[t=1]')]).toBe(0.004);
    expect(m.colCost[m.colNames.indexOf('charge_s[t=1]')]).toBe(0);
  });

  it('weights each typical hour by the days it stands for', () => {
    // Period 0 stands for 2 days, period 1 for 1 day: 2·0.5 and 1·0.5 EUR per kW discharged.
    const ctx = tinyContext(testProject({ technologies: [] }), tinyAggregatedGrid());
    withStorage(ctx, 0.5);
    expect(costsOf(ctx, 's')).toEqual([
      { category: 'variableOm', col: 'discharge_s[p=0,h=0]', coef: 1 },
      { category: 'variableOm', col: 'discharge_s[p=0,h=1]', coef: 1 },
      { category: 'variableOm', col: 'discharge_s[p=1,h=0]', coef: 0.5 },
      { category: 'variableOm', col: 'discharge_s[p=1,h=1]', coef: 0.5 },
    ]);
  });
});

describe('storage, typical days in time segments', () => {
  // The tiny grid with segments: day type 0 is hours 0–2 (Δt 3 h) and 3–23 (Δt 21 h), day type 1 two
  // steps of 12 h; the days still span 24 h.
  const grid = {
    ...tinyAggregatedGrid(),
    hours: Int32Array.from([0, 3, 48, 60]),
    duration_h: Float64Array.from([3, 21, 12, 12]),
    weight: Float64Array.from([6, 42, 12, 12]),
  };
  const m = withStorage(tinyContext(testProject({ technologies: [] }), grid));

  it('balances over a step of Δt hours: s[t] = keep^Δt·s[t−1] + Δt·(ηch·ch − dis/ηdis)', () => {
    const rows = rowsOf(m, 'soc_balance_s');
    expect(rows[0].coefs).toEqual({
      'soc_s[p=0,s=0]': 1,
      'charge_s[p=0,s=0]': -3 * 0.9,
      'discharge_s[p=0,s=0]': 3 / 0.8,
    });
    expect(rows[1].coefs['soc_s[p=0,s=0]']).toBeCloseTo(-Math.pow(keep, 21), 15);
    expect(rows[1].coefs['charge_s[p=0,s=1]']).toBeCloseTo(-21 * 0.9, 12);
    expect(rows[3].coefs['discharge_s[p=1,s=1]']).toBeCloseTo(12 / 0.8, 12);
  });

  it('links the days over 24 h: S[d+1] = keep^24·S[d] + s[k(d), last]', () => {
    const link = rowsOf(m, 'soc_link_s')[0];
    expect(link.coefs['soc_inter_s[d=0]']).toBeCloseTo(-Math.pow(keep, 24), 15);
    expect(link.coefs['soc_s[p=0,s=1]']).toBe(-1);
  });

  it('costs variable O&M by the hours a step stands for: w[t] = days × Δt', () => {
    const ctx = tinyContext(testProject({ technologies: [] }), grid);
    withStorage(ctx, 0.5);
    expect(costsOf(ctx, 's').map((c) => c.coef)).toEqual([6 * 0.5, 42 * 0.5, 12 * 0.5, 12 * 0.5]);
  });
});
