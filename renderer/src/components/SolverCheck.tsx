import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { solverClient } from '../solver/client';
import { selfTestPassed, selfTestProject } from '../../../solver/src';

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'ok'; seconds: number }
  | { kind: 'wrong' }
  | { kind: 'failed'; message: string };

/** Solves a case with a known closed-form answer in the solver worker: proves WASM, worker and solver work here. */
export function SolverCheck() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  async function run() {
    setState({ kind: 'running' });
    const t0 = performance.now();
    try {
      const { results } = await solverClient().solve(selfTestProject(), { mode: 'aggregated' }).result;
      const seconds = Math.round((performance.now() - t0) / 100) / 10;
      setState(selfTestPassed(results) ? { kind: 'ok', seconds } : { kind: 'wrong' });
    } catch (err) {
      setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }
  return (
    <section aria-labelledby="solver-check-title" className="panel">
      <h2 id="solver-check-title">{t('settings.solver.title')}</h2>
      <p className="muted">{t('settings.solver.explain')}</p>
      <button type="button" onClick={() => void run()} disabled={state.kind === 'running'}>
        {t('settings.solver.run')}
      </button>
      <p role="status" data-testid="solver-check-status">
        {state.kind === 'running' && t('settings.solver.running')}
        {state.kind === 'ok' && t('settings.solver.ok', { seconds: state.seconds })}
        {state.kind === 'wrong' && t('settings.solver.wrong')}
        {state.kind === 'failed' && t('settings.solver.failed', { message: state.message })}
      </p>
    </section>
  );
}
