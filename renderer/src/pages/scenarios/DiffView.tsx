import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Scenario } from '../../../../solver/src';
import { getPointer } from '../../project/pointer';
import { formatNumber } from '../../i18n/format';
import type { Language } from '../../i18n';
import { useApp } from '../../store/app';
import type { StoredProject } from '../../project/document';
import { parameterLabel, relativeChange, valueText } from './labels';
import { db } from '../../db/schema';
import { useLiveQuery } from '../../db/useLiveQuery';
import { seriesNames } from '../../project/problems';

export interface DiffRow {
  pointer: string;
  /** What the plants forms call the field, e.g. "Gaskessel: Investition". */
  label: string;
  /** Base and variant value as shown (German number format, shares in %), '—' when absent. */
  base: string;
  variant: string;
  unit: string;
  /** Relative change in % when both are numbers and the base is not 0. */
  change: number | null;
  /** The override points at something the base no longer has. */
  orphan: boolean;
}

/** What a variant changes: one row per override, with the base value beside it, in form order of labels. */
export function diffRows(
  doc: StoredProject,
  scenario: Scenario,
  t: TFunction,
  language: Language,
  /** Series key → the name the user gave it (problems.ts seriesNames). */
  names: Record<string, string> = {},
): DiffRow[] {
  const seriesName = (key: string) => names[key] ?? key;
  return Object.entries(scenario.overrides)
    .map(([pointer, variant]) => {
      const base = getPointer(doc, pointer);
      const l = parameterLabel(doc, pointer, t);
      return {
        pointer,
        label: l.label,
        base: valueText(base, l.scale, language, t, seriesName),
        variant: valueText(variant, l.scale, language, t, seriesName),
        unit: l.unit,
        change: relativeChange(base, variant),
        orphan: base === undefined,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, language) || a.pointer.localeCompare(b.pointer));
}

export function DiffView({
  doc,
  scenario,
  onRemove,
}: {
  doc: StoredProject;
  scenario: Scenario;
  onRemove: (pointer: string) => void;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const projectId = useApp((s) => s.activeProjectId);
  const records = useLiveQuery(
    () => (projectId ? db().timeSeries.where('projectId').equals(projectId).toArray() : Promise.resolve([])),
    [projectId],
  );
  const rows = diffRows(doc, scenario, t, language, seriesNames(doc, records ?? []));
  if (rows.length === 0) return <p className="empty">{t('planner.scenarios.noChanges')}</p>;
  return (
    <table className="table diff" data-testid="diff">
      <caption>{t('planner.scenarios.diffTitle', { name: scenario.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('scenarios.diff.parameter')}</th>
          <th scope="col" className="num">
            {t('scenarios.diff.change')}
          </th>
          <th scope="col">{t('planner.scenarios.unit')}</th>
          <th scope="col" className="num">
            {t('scenarios.diff.relative')}
          </th>
          <th scope="col">
            <span className="sr-only">{t('projects.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.pointer} className={r.orphan ? 'orphan' : undefined} data-pointer={r.pointer}>
            <th scope="row" title={t('scenarios.diff.pointer', { pointer: r.pointer })}>
              {r.label}
              {r.orphan && <span className="field-error"> {t('planner.scenarios.orphan')}</span>}
            </th>
            <td className="num">
              <span className="diff-base">{r.base}</span> →{' '}
              <strong className="diff-variant">{r.variant}</strong>
            </td>
            <td>{r.unit}</td>
            <td className="num">
              {r.change === null
                ? ''
                : `${r.change > 0 ? '+' : r.change < 0 ? '−' : '±'}${formatNumber(Math.abs(r.change), language, 1)} %`}
            </td>
            <td>
              <button type="button" onClick={() => onRemove(r.pointer)}>
                {t('planner.scenarios.resetValue')}
                <span className="sr-only">: {r.label}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
