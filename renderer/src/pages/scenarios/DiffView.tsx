import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../solver/src/project/types';
import { getPointer, unitOf } from '../../project/pointer';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import type { StoredProject } from '../../project/document';

export interface DiffRow {
  pointer: string;
  base: unknown;
  variant: unknown;
  unit: string;
  /** The override points at something the base no longer has. */
  orphan: boolean;
}

/** What a variant changes: one row per override, with the base value beside it. */
export function diffRows(doc: StoredProject, scenario: Scenario): DiffRow[] {
  return Object.entries(scenario.overrides)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([pointer, variant]) => {
      const base = getPointer(doc, pointer);
      return { pointer, base, variant, unit: unitOf(pointer), orphan: base === undefined };
    });
}

export function DiffView({
  doc,
  scenario,
  onRemove,
}: {
  doc: StoredProject;
  scenario: Scenario;
  onRemove(pointer: string): void;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const rows = diffRows(doc, scenario);
  const show = (v: unknown) =>
    typeof v === 'number' ? formatNumber(v, language, 6) : v === undefined ? '—' : JSON.stringify(v);
  if (rows.length === 0) return <p className="empty">{t('planner.scenarios.noChanges')}</p>;
  return (
    <table className="table diff" data-testid="diff">
      <caption>{t('planner.scenarios.diffTitle', { name: scenario.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('planner.scenarios.path')}</th>
          <th scope="col">{t('planner.scenarios.baseValue')}</th>
          <th scope="col">{t('planner.scenarios.variantValue')}</th>
          <th scope="col">{t('planner.scenarios.unit')}</th>
          <th scope="col">
            <span className="sr-only">{t('projects.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.pointer} className={r.orphan ? 'orphan' : undefined}>
            <td>
              <code>{r.pointer}</code>
              {r.orphan && <span className="field-error"> {t('planner.scenarios.orphan')}</span>}
            </td>
            <td className="num">{show(r.base)}</td>
            <td className="num">{show(r.variant)}</td>
            <td>{r.unit}</td>
            <td>
              <button type="button" onClick={() => onRemove(r.pointer)}>
                {t('planner.scenarios.resetValue')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
