import { describe, expect, it } from 'vitest';
import { createSolverWorkerHandler } from './handler';
import type { SolverResponse } from './protocol';
import { boiler, gasOrElectricBoiler, heatStorage, testProject } from '../model/testing';

/** A handler whose platform records each pool request (jobs, cores) and gives no pool. */
function handlerWithPoolCalls() {
  const calls: [number, number | undefined][] = [];
  const messages: SolverResponse[] = [];
  const handle = createSolverWorkerHandler((m) => messages.push(m), {
    lpPool: (jobs, cores) => {
      calls.push([jobs, cores]);
      return Promise.resolve(undefined); // one after another in this thread
    },
  });
  return { handle, messages, calls };
}

describe('solver worker handler', () => {
  it('solves, reports progress and returns results; the backend stays alive between requests', async () => {
    const messages: SolverResponse[] = [];
    const handle = createSolverWorkerHandler((m) => messages.push(m));
    const project = testProject({ heat: [100, 300], technologies: [boiler('gb', 1, 10)] });
    await handle({ type: 'solve', id: 'a', project, options: { mode: 'full' } });
    await handle({ type: 'solve', id: 'b', project, options: { mode: 'full' } });
    const results = messages.filter((m) => m.type === 'result');
    expect(results.map((m) => m.id)).toEqual(['a', 'b']);
    const r = results[0];
    if (r.type !== 'result') throw new Error('unreachable');
    expect(r.results.capacities.gb.power_kW).toBeCloseTo(300, 6);
    expect(messages.some((m) => m.type === 'progress' && m.id === 'a')).toBe(true);
    await handle({ type: 'dispose' });
  });

  it('solves screening points on typical days alone, each from the last one, as from scratch', async () => {
    const messages: SolverResponse[] = [];
    const handle = createSolverWorkerHandler((m) => messages.push(m));
    const project = gasOrElectricBoiler();
    for (const [id, gas] of [
      ['s1', 0.04],
      ['s2', 0.05],
    ] as const) {
      const p = { ...project, fuels: { gas: { ...project.fuels.gas, price_EUR_kWh: gas } } };
      await handle({ type: 'solve', id, project: p, options: { sizingOnly: true } });
    }
    const results = messages.flatMap((m) => (m.type === 'result' ? [m.results] : []));
    // Gas boiler at the 200 kW peak, 450 kWh at 95 % (solver/src/model/testing.ts), no full-year check.
    expect(results.map((r) => r.objective.totalAnnualCost_EUR)).toEqual([
      expect.closeTo(200 + (450 / 0.95) * 0.04, 6),
      expect.closeTo(200 + (450 / 0.95) * 0.05, 6),
    ]);
    expect(results.map((r) => [r.solve.fullYearCheck, r.messages?.[0].code])).toEqual([
      [undefined, 'sizingOnly'],
      [undefined, 'sizingOnly'],
    ]);
    await handle({ type: 'dispose' });
  });

  it('sizes the pool for a path’s checks from the cores the page reports', async () => {
    const { handle, messages, calls } = handlerWithPoolCalls();
    const project = testProject({ heat: [100, 300], technologies: [boiler('gb', 1, 10)] });
    project.periods = { years: [2030, 2035] };
    await handle({ type: 'solve', id: 'p', project, options: {}, cores: 6 });
    expect(messages.find((m) => m.type === 'result')).toBeDefined();
    expect(calls).toEqual([[2, 6]]);
    await handle({ type: 'dispose' });
  });

  it('sizes the pool for a front’s checks from the cores the page reports', async () => {
    const { handle, messages, calls } = handlerWithPoolCalls();
    await handle({
      type: 'pareto',
      id: 'f',
      project: gasOrElectricBoiler(),
      options: { points: 3 },
      cores: 4,
    });
    expect(messages.find((m) => m.type === 'paretoResult')).toMatchObject({ status: 'optimal' });
    expect(calls).toEqual([[3, 4]]);
    await handle({ type: 'dispose' });
  });

  it('cancels a running solve through the shared flag', async () => {
    const flag = new SharedArrayBuffer(4);
    const view = new Int32Array(flag);
    const messages: SolverResponse[] = [];
    // Cancel once the solver reports work in progress: the flag is read inside HiGHS's callbacks
    // and between the decomposition's iterations.
    const handle = createSolverWorkerHandler((m) => {
      messages.push(m);
      if (m.type === 'progress' && !m.progress.phase.startsWith('building')) Atomics.store(view, 0, 1);
    });
    const heat = Array.from({ length: 8760 }, (_, h) => 200 + 100 * Math.sin(h / 7) + 50 * Math.cos(h / 97));
    const tes = heatStorage('tes', 0.5, {
      efficiencyCharge: 0.95,
      efficiencyDischarge: 0.95,
      loss_per_h: 0.001,
      cRate_per_h: 0.25,
    });
    const project = testProject({ heat, technologies: [boiler('gb', 0.9, 20), tes] });
    await handle({ type: 'solve', id: 'c', project, options: { mode: 'full' }, cancelFlag: flag });
    const last = messages[messages.length - 1];
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    expect(last.results.status).toBe('cancelled');
    expect(last.reasons).toEqual(['the run was cancelled']);
    expect(messages.some((m) => m.type === 'progress' && !m.progress.phase.startsWith('building'))).toBe(
      true,
    );
  });

  it('reports errors as messages, not exceptions', async () => {
    const messages: SolverResponse[] = [];
    const handle = createSolverWorkerHandler((m) => messages.push(m));
    const project = testProject({ heat: [100], technologies: [boiler('gb', 1, 10)] });
    await handle({ type: 'solve', id: 'x', project, options: { scenarioId: 'missing' } });
    expect(messages.filter((m) => m.type !== 'progress')).toEqual([
      { type: 'error', id: 'x', message: "scenario 'missing' does not exist (known: base)" },
    ]);
  });

  describe('pareto requests', () => {
    // Gas boiler or electric boiler for 100, 200, 150 kWh of heat (cli/pareto.test.ts has the hand
    // calculation): 223.68 EUR/a and 94.74 kg at minimum cost, 565.84 EUR/a at 69.87 kg, 1108 EUR/a at 45 kg.
    const project = gasOrElectricBoiler;

    it('computes the front with progress per point and a results summary per point', async () => {
      const messages: SolverResponse[] = [];
      const handle = createSolverWorkerHandler((m) => messages.push(m));
      await handle({ type: 'pareto', id: 'p', project: project(), options: { mode: 'full', points: 3 } });
      const progress = messages.filter((m) => m.type === 'progress');
      expect(new Set(progress.map((m) => m.type === 'progress' && `${m.point}/${m.points}`))).toEqual(
        new Set(['1/3', '2/3', '3/3']),
      );
      const last = messages[messages.length - 1];
      if (last.type !== 'paretoResult') throw new Error(`expected a paretoResult, got ${last.type}`);
      expect(last.status).toBe('optimal');
      expect(last.reasons).toEqual([]);
      expect(last.points.map((p) => p.kind)).toEqual(['minCost', 'epsilon', 'minCo2']);
      const hand = [
        { cost: 223.6842105263158, co2: 0.0947368421052632, eb: 0 },
        { cost: 565.8421052631579, co2: 0.0698684210526316, eb: 75 },
        { cost: 1108, co2: 0.045, eb: 200 },
      ];
      last.points.forEach((p, i) => {
        expect(Math.abs(p.totalAnnualCost_EUR - hand[i].cost) / hand[i].cost).toBeLessThan(1e-6);
        expect(Math.abs(p.emissions_tCO2 - hand[i].co2) / hand[i].co2).toBeLessThan(1e-6);
        expect(Math.abs(p.capacities.eb.power_kW! - hand[i].eb)).toBeLessThan(1e-4);
        expect(p.results.objective.totalAnnualCost_EUR).toBe(p.totalAnnualCost_EUR);
        expect(p).not.toHaveProperty('dispatch');
      });
      // the minimum-cost point's dispatch comes along, so the scenario's result can be stored whole
      expect(last.minCostDispatch?.series['gb.heat_out_kW'][1]).toBeCloseTo(200, 6);
      await handle({ type: 'dispose' });
    });

    it('a cancel message stops the front between points and keeps the points done', async () => {
      const messages: SolverResponse[] = [];
      let handle: ReturnType<typeof createSolverWorkerHandler> | null = null;
      handle = createSolverWorkerHandler((m) => {
        messages.push(m);
        if (m.type === 'progress' && m.point === 2) void handle!({ type: 'cancel', id: 'q' });
      });
      await handle({ type: 'pareto', id: 'q', project: project(), options: { mode: 'full', points: 4 } });
      const last = messages[messages.length - 1];
      if (last.type !== 'paretoResult') throw new Error(`expected a paretoResult, got ${last.type}`);
      expect(last.status).toBe('cancelled');
      expect(last.reasons).toEqual(['the run was cancelled']);
      expect(last.points.map((p) => p.kind)).toEqual(['minCost']);
      expect(messages.some((m) => m.type === 'progress' && m.point === 3)).toBe(false);
      await handle({ type: 'dispose' });
    });

    it('reports a bad request as an error message', async () => {
      const messages: SolverResponse[] = [];
      const handle = createSolverWorkerHandler((m) => messages.push(m));
      await handle({
        type: 'pareto',
        id: 'r',
        project: project(),
        options: { scenarioId: 'missing', points: 3 },
      });
      expect(messages.filter((m) => m.type !== 'progress')).toEqual([
        { type: 'error', id: 'r', message: "scenario 'missing' does not exist (known: base)" },
      ]);
    });
  });
});
