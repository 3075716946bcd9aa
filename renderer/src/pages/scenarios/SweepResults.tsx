import { useMemo, useState } from 'react';
import { runModeText } from './runModeText';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart';
import { files } from '../../platform/files';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import type { StoredProject } from '../../project/document';
import type { SweepPointResult, SweepRun } from '../../project/sweeps';
import {
  columnTitle,
  sweepCapacities,
  sweepCsv,
  sweepFileName,
  sweepTable,
  type SweepTableText,
} from '../../project/sweepTable';
import { parameterLabel } from './labels';
import {
  sweepCapacityOption,
  sweepHeatmapOption,
  sweepLineOption,
  type SweepCapacity,
  type SweepChartText,
} from './sweepCharts';

/** Digits shown per column: parameters as typed, money in whole euros, the rest to 0.1. */
const digitsOf = (k: number, params: number): number => (k < params ? 6 : k === params + 1 ? 0 : 1);

/**
 * A sweep's outcome: a chart (one parameter: cost and CO2 over it; two: heat map of the cost),
 * the table of all points with units, and the table as CSV.
 */
export function SweepResults({ run, doc }: { run: SweepRun; doc: StoredProject }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const [saved, setSaved] = useState<string | null>(null);
  const num = (v: number, digits = 1) => formatNumber(v, language, digits);
  const parameter = (p: string) => parameterLabel(doc, p, t);
  const stateText = (p: SweepPointResult): string =>
    p.state === 'failed'
      ? `${t('scenarios.sweep.pointState.failed')} (${t(`planner.run.status.${p.status ?? 'error'}`)})`
      : p.state === 'done' && p.status === 'time_limit'
        ? t('scenarios.sweep.timeLimit')
        : t(`scenarios.sweep.pointState.${p.state}`);
  const tableText: SweepTableText = {
    parameter,
    state: stateText,
    stateTitle: t('scenarios.sweep.state'),
    cost: t('scenarios.sweep.cost'),
    co2: t('scenarios.sweep.co2'),
    technology: (id) => doc.technologies.find((x) => x.id === id)?.name ?? id,
    technologyType: (id) => doc.technologies.find((x) => x.id === id)?.type,
  };
  const table = sweepTable(run, tableText);
  // On screen the note above the table says a screening is one; an exported row says it itself.
  const csvTable = sweepTable(run, {
    ...tableText,
    screening: { title: t('planner.run.mode'), value: t('scenarios.sweep.screeningMode') },
  });
  // What the chart shows: cost (and CO2) by default, or one sized capacity.
  const capacities: SweepCapacity[] = sweepCapacities(
    run,
    (id) => doc.technologies.find((x) => x.id === id)?.type,
  ).map(([tech, field, unit]) => ({
    tech,
    field,
    unit,
    label: doc.technologies.find((x) => x.id === tech)?.name || tech,
  }));
  const [shown, setShown] = useState('cost');
  const capacity = capacities.find((c) => `${c.tech}:${c.field}` === shown) ?? null;
  const capacityKey = capacity ? `${capacity.tech}:${capacity.field}:${capacity.unit}:${capacity.label}` : '';
  const option = useMemo(() => {
    const text: SweepChartText = {
      num: (v, digits = 1) => formatNumber(v, language, digits),
      parameter: (p) => parameterLabel(doc, p, t),
      cost: t('scenarios.sweep.cost'),
      co2: t('scenarios.sweep.co2'),
      costAxis: t('scenarios.sweep.costAxis'),
      costAxisK: t('scenarios.sweep.costAxisK'),
      co2Axis: t('scenarios.sweep.co2Axis'),
    };
    if (capacity) return sweepCapacityOption(run, capacity, text);
    return run.b ? sweepHeatmapOption(run, text) : sweepLineOption(run, text);
    // capacityKey stands for `capacity`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, doc, language, t, capacityKey]);
  const params = run.b ? 2 : 1;
  const chartLabel = capacity
    ? t('scenarios.sweep.capacityChart', {
        tech: capacity.label,
        unit: capacity.unit,
        param: parameter(run.a.pointer).label,
      })
    : run.b
      ? t('planner.sweep.caption')
      : t('scenarios.sweep.lineChart', { param: parameter(run.a.pointer).label });

  async function exportCsv() {
    const style = language === 'de' ? 'de' : 'intl';
    const r = await files().saveFile({
      suggestedName: sweepFileName(doc.name, t('scenarios.sweep.fileName')),
      data: new TextEncoder().encode(sweepCsv(csvTable, style)),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    setSaved(r.saved ? (r.name ?? '') : null);
  }

  return (
    <div className="sweep-results">
      <h3>{t('scenarios.sweep.results')}</h3>
      <p className="hint">{runModeText(run.options, t, run.screening)}</p>
      {run.screening && (
        <p className="hint" data-testid="sweep-screened">
          {t('planner.sweep.screened')}
        </p>
      )}
      {capacities.length ? (
        <div className="field">
          <label htmlFor="sweep-shown">{t('scenarios.sweep.shown')}</label>
          <select
            id="sweep-shown"
            value={capacity ? shown : 'cost'}
            onChange={(e) => setShown(e.target.value)}
          >
            <option value="cost">
              {run.b ? t('scenarios.sweep.cost') : t('scenarios.sweep.costAndCo2')}
            </option>
            {capacities.map((c) => (
              <option key={`${c.tech}:${c.field}`} value={`${c.tech}:${c.field}`}>
                {c.label} [{c.unit}]
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <EChart option={option} label={chartLabel} testId="sweep-chart" height={run.b ? 360 : 320} />
      <div className="sweep-table-wrap">
        <table className="table" data-testid="sweep-table">
          <caption>{t('scenarios.sweep.pointsCaption')}</caption>
          <thead>
            <tr>
              {table.columns.map((c, k) => (
                <th key={k} scope="col" className={k === params ? undefined : 'num'}>
                  {columnTitle(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} data-state={run.points[r].state}>
                {row.map((v, k) =>
                  k < params ? (
                    <th key={k} scope="row" className="num">
                      {num(v as number, digitsOf(k, params))}
                    </th>
                  ) : (
                    <td key={k} className={typeof v === 'string' ? undefined : 'num'}>
                      {v === null ? '—' : typeof v === 'number' ? num(v, digitsOf(k, params)) : v}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="field-row">
        <button type="button" onClick={() => void exportCsv()} disabled={run.state === 'running'}>
          {t('scenarios.sweep.csv')}
        </button>
        {saved !== null && <span role="status">{t('scenarios.sweep.csvSaved', { name: saved })}</span>}
      </div>
    </div>
  );
}
