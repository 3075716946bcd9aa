import { useTranslation } from 'react-i18next';
import type { StoredResult } from '../../db/results';
import { formatNumber } from '../../i18n/format';
import type { StoredProject } from '../../project/document';
import { draftsConcern, type FieldDraft } from '../../project/store';
import { useApp } from '../../store/app';
import { findings } from '../results/common';
import { capacityText } from './capacityText';

/** A result with figures: solved to optimality or the best solution within the time limit. */
const solved = (r: StoredResult) =>
  r.payload.results.status === 'optimal' || r.payload.results.status === 'time_limit';

type Scenario = { id: string; name: string };

/** The stored result of each scenario with its state (current, stale, missing), cost, CO2 and sizes. */
export function RunResultsTable({
  doc,
  scenarios,
  byScenario,
  hashes,
  drafts,
  invalid,
}: {
  doc: StoredProject;
  scenarios: Scenario[];
  byScenario: Map<string, StoredResult>;
  hashes: Record<string, string | null> | null;
  drafts: Record<string, FieldDraft>;
  invalid: FieldDraft[];
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return (
    <table className="table" data-testid="run-results">
      <thead>
        <tr>
          <th scope="col">{t('planner.run.scenario')}</th>
          <th scope="col">{t('planner.run.state')}</th>
          <th scope="col">{t('planner.run.totalCost')}</th>
          <th scope="col">{t('planner.run.co2')}</th>
          <th scope="col">{t('planner.run.capacities')}</th>
        </tr>
      </thead>
      <tbody>
        {scenarios.map((s) => {
          const r = byScenario.get(s.id);
          const stale = r && hashes && hashes[s.id] !== r.inputsHash;
          return (
            <tr key={s.id} data-testid={`result-${s.id}`}>
              <th scope="row">{s.name}</th>
              <td>
                {!r ? (
                  <span className="muted">{t('planner.run.none')}</span>
                ) : stale ? (
                  <span className="badge stale">{t('planner.run.stale')}</span>
                ) : draftsConcern(drafts, s.id) ? (
                  // a value typed but not in the document: this result is not of what the form shows
                  <span className="badge stale">
                    {t(
                      invalid.some((d) => !d.variantId || d.variantId === s.id)
                        ? 'planner.run.draftInvalid'
                        : 'planner.run.draftPending',
                    )}
                  </span>
                ) : (
                  <span className={`badge ${solved(r) ? 'ok' : 'error'}`}>
                    {t(`planner.run.status.${r.payload.results.status}`)}
                  </span>
                )}
              </td>
              <td className="num">
                {r && solved(r)
                  ? `${formatNumber(r.payload.results.objective.totalAnnualCost_EUR, language, 0)} EUR/a`
                  : r
                    ? '–'
                    : ''}
              </td>
              <td className="num">
                {r && solved(r)
                  ? `${formatNumber(r.payload.results.emissions_tCO2, language, 1)} t`
                  : r
                    ? '–'
                    : ''}
              </td>
              <td data-testid={`capacities-${s.id}`}>{r ? capacityText(r, doc, language) : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The findings of each scenario whose result is not optimal, one note per scenario. */
export function RunFindings({
  scenarios,
  byScenario,
}: {
  scenarios: Scenario[];
  byScenario: Map<string, StoredResult>;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return (
    <>
      {scenarios.map((s) => {
        const r = byScenario.get(s.id);
        if (!r || r.payload.results.status === 'optimal' || r.payload.results.warnings.length === 0)
          return null;
        return (
          <div key={s.id} className="field-error" role="note" data-testid={`findings-${s.id}`}>
            <p>{t('planner.run.findings', { name: s.name })}</p>
            <ul>
              {findings(r.payload.results, language).map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
