import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { useApp } from '../../store/app';
import type { RunningState } from '../../project/runs';
import { RunProgress } from './RunProgress';

afterEach(cleanup);

const running = (over: Partial<RunningState>): RunningState => ({
  kind: 'run',
  projectId: 'p',
  scenarioId: 'base',
  phase: 'fullYearCheck',
  started: Date.now(),
  queue: [],
  ...over,
});

const show = (r: RunningState) =>
  render(<RunProgress running={r} cancelled={false} points={5} nameOf={() => 'Basis'} />);

describe('RunProgress', () => {
  it("counts a path's checked periods, in German and English", async () => {
    for (const [lng, text] of [
      ['de', 'Ganzjahresprüfung (2 von 5 Perioden fertig)'],
      ['en', 'full-year check (2 of 5 periods done)'],
    ] as const) {
      await initI18n(lng);
      useApp.setState({ language: lng });
      show(running({ checks: { done: 2, of: 5 } }));
      expect(screen.getByTestId('run-status').textContent).toContain(text);
      cleanup();
    }
  });

  it('names the phase alone for a single year', async () => {
    await initI18n('de');
    useApp.setState({ language: 'de' });
    show(running({}));
    const status = screen.getByTestId('run-status').textContent;
    expect(status).toContain('Ganzjahresprüfung');
    expect(status).not.toContain('Perioden');
  });
});
