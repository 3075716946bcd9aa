import { describe, expect, it } from 'vitest';
import { createSolverWorkerHandler } from './handler';
import type { SolverResponse } from './protocol';
import { boiler, heatStorage, testProject } from '../model/testing';

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
});
