import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolverBackend } from '../lp/backend';
import { createGlpkBackend } from '../lp/glpk';
import { createHighsBackend } from '../lp/highs';
import type { LpModel } from '../lp/model';
import { buildModel } from '../model/build';
import { solveFromBlocks, type BlockStart } from './blockStart';
import { fourDays, maxViolation } from './testing';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/** The four days dispatched with fixed capacities (a check), daily blocks; optionally a peak charge. */
function check(cap?: number, quarterHours = false, peakCharge_EUR_kW_a?: number) {
  const p = fourDays(cap);
  if (quarterHours) p.site.timeStep_min = 15;
  if (peakCharge_EUR_kW_a) p.grid.import!.peakCharge_EUR_kW_a = peakCharge_EUR_kW_a;
  const fixedCapacities = { gb: { value: 120 }, eb: { value: 150 }, tes: { value: 400 } };
  return buildModel(p, { mode: 'full', horizon_h: 96, fixedCapacities, slackPenalty_EUR_kWh: 1e3 }).model;
}

/** Estimates for the four daily blocks: the storage level at every day's end, the CO2 cap's parts. */
function start(
  m: LpModel,
  o: { level: number; worth?: number; shares?: number[]; price?: number; perDay?: number },
): BlockStart {
  const perDay = o.perDay ?? 24;
  const cols = [1, 2, 3, 4].map((d) => m.colNames.indexOf(`soc_tes[t=${d * perDay - 1}]`));
  expect(cols.every((c) => c >= 0)).toBe(true);
  const co2 = m.rowNames.indexOf('co2_cap');
  if (o.shares) expect(co2).toBeGreaterThanOrEqual(0);
  return {
    steps: 4 * perDay,
    blockSteps: perDay,
    cols: Int32Array.from(cols),
    values: Float64Array.from(cols, () => o.level),
    worth: Float64Array.from(cols, () => o.worth ?? NaN),
    rows: Int32Array.from(o.shares ? [co2] : []),
    shares: o.shares ? [Float64Array.from(o.shares)] : [],
    prices: Float64Array.from(o.shares ? [o.price ?? NaN] : []),
  };
}

async function expectOptimum(m: LpModel, s: BlockStart) {
  const direct = await highs.solve(m);
  expect(direct.status).toBe('optimal');
  const r = solveFromBlocks(m, s, highs);
  expect(r?.status).toBe('optimal');
  expect(Math.abs(r!.objective - direct.objective) / direct.objective).toBeLessThan(1e-9);
  expect(maxViolation(m, r!.x)).toBeLessThan(1e-6);
  let cost = m.objectiveOffset;
  r!.x.forEach((v, j) => (cost += v * m.colCost[j]));
  expect(cost).toBeCloseTo(r!.objective, 6);
}

describe('solveFromBlocks', () => {
  it('reaches the optimum of a check without an annual row, from empty storages', async () => {
    await expectOptimum(check(), start(check(), { level: 0 }));
  });

  it('reaches the optimum under a CO2 cap whatever the estimates (exact, not approximate)', async () => {
    const m = check(3);
    // Good estimates, poor ones (the whole cap in the first day), and end levels chosen by worth.
    await expectOptimum(m, start(m, { level: 200, shares: [750, 750, 750, 750] }));
    await expectOptimum(m, start(m, { level: 400, shares: [3000, 0, 0, 0] }));
    await expectOptimum(m, start(m, { level: 100, worth: 0.2, shares: [750, 750, 750, 750] }));
  });

  it('reaches the optimum with each block buying its part of the cap at a price, whatever the price', async () => {
    // A peak charge: every block may raise the annual peak import, which then is basic in several.
    const m = check(3, false, 40);
    expect(m.colNames).toContain('import_peak_grid');
    const direct = await highs.solve(m);
    const co2Price = -direct.rowDual![m.rowNames.indexOf('co2_cap')];
    expect(co2Price).toBeGreaterThan(0); // the cap binds
    const shares = [750, 750, 750, 750];
    // The cap's own price; none; one of the wrong sign (taken as 0); one above the elastic penalty.
    for (const price of [co2Price, 0, -1, 1e5])
      await expectOptimum(m, start(m, { level: 200, worth: 0.1, shares, price }));
  });

  it('lets a week that cannot start empty have the week before end at the estimates', async () => {
    // 190 kW of boilers under a peak of 220 kW on day 4: day 4 needs heat stored on day 3. Priced to
    // end empty (keeping a kWh costs), day 3 leaves none, and day 4 alone is infeasible; day 3 is then
    // solved again ending at the estimate (full), and day 4 from there.
    const fixedCapacities = { gb: { value: 90 }, eb: { value: 100 }, tes: { value: 400 } };
    const m = buildModel(fourDays(), { mode: 'full', horizon_h: 96, fixedCapacities }).model;
    expect(m.colNames.some((n) => n.startsWith('unmet_'))).toBe(false);
    let sessions = 0;
    const counting: SolverBackend = { ...highs, session: (x) => (sessions++, highs.session!(x)) };
    const direct = await highs.solve(m);
    const r = solveFromBlocks(m, start(m, { level: 400, worth: -0.01 }), counting);
    expect(r?.status).toBe('optimal');
    expect(Math.abs(r!.objective - direct.objective) / direct.objective).toBeLessThan(1e-9);
    expect(sessions).toBe(4 + 2 + 1); // four days, days 3 and 4 again, the joined days
  });

  it('works on quarter hours (96 steps a day)', async () => {
    const m = check(3, true);
    await expectOptimum(m, start(m, { level: 100, worth: 0.1, shares: [750, 750, 750, 750], perDay: 96 }));
  });

  it('leaves the model to the caller where it cannot start from blocks', async () => {
    const m = check(3);
    const s = start(m, { level: 0, shares: [750, 750, 750, 750] });
    const glpk = await createGlpkBackend();
    expect(solveFromBlocks(m, s, glpk)).toBeNull(); // no sessions with bases
    glpk.dispose();
    expect(solveFromBlocks(m, { ...s, blockSteps: 48 }, highs)).toBeNull(); // two blocks
    expect(solveFromBlocks(m, s, highs, { signal: { aborted: true } })).toBeNull();
  });
});
