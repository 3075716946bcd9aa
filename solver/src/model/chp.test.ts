import { describe, expect, it } from 'vitest';
import type { Chp } from '../project/types';
import { addChp } from './chp';
import {
  chpPlant,
  colBounds,
  costsOf,
  rowsOf,
  testProject,
  tinyAggregatedGrid,
  tinyContext,
  near,
} from './testing';

const zeros = new Float64Array(8760);
const steps = ['p=0,h=0', 'p=0,h=1', 'p=1,h=0', 'p=1,h=1'];
const weight = [2, 2, 1, 1];

// ηel 0.4, ηth 0.5 (1.25 kW heat per kW el), up to 100 kW el, minimum part load 40 %.
const chp: Chp = chpPlant({ varOm_EUR_kWh: 0.01, bonus_EUR_kWhEl: 0.02, max: 100, minLoad_share: 0.4 });

function build(milp: boolean, t: Chp = chp) {
  const p = testProject({ gasPrice: 0.05, co2Price_EUR_t: 50, technologies: [t] });
  const ctx = tinyContext(p, tinyAggregatedGrid());
  addChp(ctx, t, milp);
  ctx.addBalances({ heat: zeros, electricity: zeros });
  return { ctx, m: ctx.b.build() };
}

describe('CHP', () => {
  const { ctx, m } = build(false);

  it('limits electric output by the electric capacity: el[t] ≤ cap', () => {
    expect(colBounds(m, 'cap_chp')).toEqual([0, 100]);
    expect(rowsOf(m, 'cap_chp')[2]).toEqual({
      name: 'cap_chp[p=1,h=0]',
      lower: -Infinity,
      upper: 0,
      coefs: { 'el_chp[p=1,h=0]': 1, cap_chp: -1 },
    });
  });

  it('feeds el[t] into the electricity balance and el[t]·ηth/ηel into the heat balance', () => {
    expect(rowsOf(m, 'el_balance')[0].coefs).toEqual({ 'el_chp[p=0,h=0]': 1 });
    expect(rowsOf(m, 'heat_balance')[0].coefs).toEqual({ 'el_chp[p=0,h=0]': 1.25 });
  });

  it('pays fuel el/ηel, its CO2 and variable O&M, and earns the bonus per kWh el', () => {
    expect(costsOf(ctx, 'chp')).toEqual([
      { category: 'annuity', col: 'cap_chp', coef: 1 },
      ...steps.flatMap((s, i) => {
        const w = weight[i];
        const col = `el_chp[${s}]`;
        return [
          { category: 'fuel', col, coef: near((w / 0.4) * 0.05, 14) },
          { category: 'co2', col, coef: near((w / 0.4) * 0.2 * 0.05, 14) },
          { category: 'variableOm', col, coef: near(w * 0.01, 14) },
          { category: 'bonus', col, coef: near(-w * 0.02, 14) },
        ];
      }),
    ]);
    expect(ctx.emissions.map((e) => e.kg)).toEqual(weight.map((w) => near((w / 0.4) * 0.2, 14)));
  });

  it('has no on/off binaries in the LP', () => {
    expect(m.colIntegrality).toBeUndefined();
    expect(rowsOf(m, 'min_load_chp')).toEqual([]);
  });
});

describe('CHP with minimum part load (MILP)', () => {
  const { m } = build(true);

  it('has an on/off binary per step: el[t] ≤ M·on[t]', () => {
    expect(colBounds(m, 'on_chp[p=0,h=1]')).toEqual([0, 1]);
    expect(m.colIntegrality![m.colNames.indexOf('on_chp[p=0,h=1]')]).toBe(1);
    expect(rowsOf(m, 'on_max_chp')[1]).toEqual({
      name: 'on_max_chp[p=0,h=1]',
      lower: -Infinity,
      upper: 0,
      coefs: { 'el_chp[p=0,h=1]': 1, 'on_chp[p=0,h=1]': -100 },
    });
  });

  it('runs at least minLoad·cap when on: el[t] ≥ 0.4·cap − 0.4·M·(1 − on[t])', () => {
    // el − 0.4·cap − 40·on ≥ −40
    expect(rowsOf(m, 'min_load_chp')).toEqual(
      steps.map((s) => ({
        name: `min_load_chp[${s}]`,
        lower: -40,
        upper: Infinity,
        coefs: { [`el_chp[${s}]`]: 1, cap_chp: -0.4, [`on_chp[${s}]`]: -40 },
      })),
    );
  });

  it('needs a finite maximum capacity for the big M', () => {
    expect(() => build(true, { ...chp, max: undefined })).toThrow(/finite max capacity/);
    expect(rowsOf(build(true, { ...chp, minLoad_share: 0 }).m, 'min_load_chp')).toEqual([]);
  });
});
