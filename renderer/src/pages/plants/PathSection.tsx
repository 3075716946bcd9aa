import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Periods, YearPath } from '../../../../solver/src';
import { NumberField } from '../../components/NumberField';
import { formatNumber } from '../../i18n/format';
import { parseLocaleNumber } from '../../project/numbers';
import { draftKey, useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { PField, useEditor } from './editor';
import { addYear, pathOf, removeYear, setPathValue, valueIn, yearProblem } from './pathEdit';
import { defaultPeriods, PATH_SOURCES } from './pathDefaults';
import { PATH_ROWS, rowPointer, type PathRow } from './pathRows';
import './pathSection.css';

/**
 * The transformation path of the project (format v2 `periods`, issue 16): created with the
 * defaults, then its period years and, per period year, the figures that change over the path.
 * Absent, the project is one period (its site year).
 */
export function PathSection() {
  const { t } = useTranslation();
  const ed = useEditor();
  const edit = useProject((s) => s.edit);
  const periods = ed.doc.periods;
  const base = ed.variantId === null;
  return (
    <fieldset className="panel path-section" data-testid="path-section">
      <legend>{t('planner.path.title')}</legend>
      {!periods ? (
        <>
          <p className="empty">{t('planner.path.none')}</p>
          {base && (
            <button
              type="button"
              data-testid="path-create"
              onClick={() =>
                void edit((d) => {
                  d.periods = defaultPeriods();
                })
              }
            >
              {t('planner.path.create')}
            </button>
          )}
        </>
      ) : (
        <>
          <p className="hint">{t('planner.path.intro')}</p>
          <PathYears periods={periods} />
          <PathTable periods={periods} />
          <div className="form-grid">
            <PField
              ptr="/periods/demand/heat/renovationRate_per_a"
              label={t('planner.path.renovationRate')}
              unit="%/a"
              scale={100}
              min={0}
              max={20}
              hint={t('planner.path.renovationHint')}
              testId="path-renovation"
            />
            <PField
              ptr="/periods/bew/operatingAidYears"
              label={t('planner.path.operatingAidYears')}
              unit="a"
              integer
              min={1}
              max={30}
              testId="path-aid-years"
            />
            <PField
              ptr="/periods/lastPeriodYears"
              label={t('planner.path.lastPeriodYears')}
              unit="a"
              integer
              min={1}
              max={30}
              hint={t('planner.path.lastPeriodHint')}
            />
          </div>
          <ScalarSource
            periods={periods}
            name="operatingAidYears"
            label={t('planner.path.sourceOf', { what: t('planner.path.operatingAidYears') })}
          />
          <ScalarSource
            periods={periods}
            name="lastPeriodYears"
            label={t('planner.path.sourceOf', { what: t('planner.path.lastPeriodYears') })}
          />
          {base && (
            <button
              type="button"
              className="danger"
              data-testid="path-remove"
              onClick={() =>
                void edit((d) => {
                  delete d.periods;
                })
              }
            >
              {t('planner.path.remove')}
            </button>
          )}
        </>
      )}
    </fieldset>
  );
}

/** The period years: each editable and removable (one stays), and a year to add in its place. */
function PathYears({ periods }: { periods: Periods }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const edit = useProject((s) => s.edit);
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add() {
    const n = parseLocaleNumber(text.trim(), language);
    const year = n.ok ? n.value : NaN;
    const problem = yearProblem(periods, year);
    if (problem) {
      setError(t(`planner.path.year.${problem}`, { year: text.trim() }));
      return;
    }
    setError(null);
    setText('');
    void edit((d) => {
      if (d.periods) addYear(d.periods, year);
    });
  }

  return (
    <fieldset className="sub path-years">
      <legend>{t('planner.path.years')}</legend>
      <ol className="path-year-list">
        {periods.years.map((year, i) => (
          <li key={`${i}-${year}`}>
            <PField
              ptr={`/periods/years/${i}`}
              label={t('planner.path.periodYear', { n: i + 1 })}
              integer
              min={1990}
              max={2100}
              required
              grouping={false}
              testId={`path-year-${i}`}
            />
            {periods.years.length > 1 && (
              <button
                type="button"
                className="link"
                onClick={() =>
                  void edit((d) => {
                    if (d.periods) removeYear(d.periods, i);
                  })
                }
              >
                {t('planner.path.year.remove', { year })}
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id}>{t('planner.path.year.new')}</label>
          <input
            id={id}
            inputMode="numeric"
            autoComplete="off"
            value={text}
            data-testid="path-year-new"
            aria-invalid={error ? true : undefined}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" onClick={add} data-testid="path-year-add">
          {t('planner.path.year.add')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Rows: the figures that change over the path; columns: the period years; last column: the source. */
function PathTable({ periods }: { periods: Periods }) {
  const { t } = useTranslation();
  const defaults = defaultPeriods();
  return (
    <div className="path-table-wrap">
      <table className="table path-table" data-testid="path-table">
        <caption>{t('planner.path.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planner.path.quantity')}</th>
            {periods.years.map((y, i) => (
              <th key={`${i}-${y}`} scope="col" className="num">
                {y}
              </th>
            ))}
            <th scope="col">{t('planner.path.source')}</th>
          </tr>
        </thead>
        <tbody>
          {PATH_ROWS.map((row) => (
            <tr key={row.key} data-testid={`path-row-${row.key}`}>
              <th scope="row">
                {t(`planner.path.rows.${row.key}`)}
                {row.unit && <span className="unit"> [{row.unit}]</span>}
              </th>
              {periods.years.map((year, i) => (
                <td key={`${i}-${year}`}>
                  <PathCell periods={periods} row={row} year={year} />
                </td>
              ))}
              <td className="source">{sourceText(t, periods, defaults, row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The source the path names for its figures under one of these names: the document's own
 * `periods.sources` (path name → text, as defaultPeriods writes them), else the stand-in's.
 */
export function namedSource(periods: Periods, names: string[]): string | undefined {
  const own = (periods as { sources?: Record<string, string> }).sources ?? {};
  for (const n of names) if (own[n]) return own[n];
  for (const n of names) if (PATH_SOURCES[n]) return PATH_SOURCES[n];
  return undefined;
}

/** Where a row's figures come from: the default's source (or "assumption"), or the user's own. */
export function sourceText(
  t: (key: string) => string,
  periods: Periods,
  defaults: Periods,
  row: PathRow,
): string {
  const mine = pathOf(periods, row);
  if (!mine) return '–';
  if (JSON.stringify(mine) !== JSON.stringify(pathOf(defaults, row))) return t('planner.path.own');
  // by the path's name (co2Price_EUR_t), its group (bew) or the row
  const names = [row.at[row.at.length - 1], row.at[0], row.key];
  return namedSource(periods, names) ?? t('planner.path.assumption');
}

/** The source of a single default figure below the table, while it is the default. */
function ScalarSource({ periods, name, label }: { periods: Periods; name: string; label: string }) {
  const { t } = useTranslation();
  const value = (p: Periods) => (name === 'lastPeriodYears' ? p.lastPeriodYears : p.bew?.operatingAidYears);
  const mine = value(periods);
  if (mine === undefined || mine !== value(defaultPeriods())) return null;
  const group = name === 'lastPeriodYears' ? name : 'bew';
  return (
    <p className="source" data-testid={`path-source-${name}`}>
      {label}: {namedSource(periods, [name, group]) ?? t('planner.path.assumption')}
    </p>
  );
}

/**
 * What an empty cell says holds in its year: the path's value there (interpolated, or held from a
 * year), else the project's single value or the unchanged demand, else nothing.
 */
function emptyCellHint(
  t: (key: string, args?: Record<string, unknown>) => string,
  row: PathRow,
  path: YearPath | undefined,
  year: number,
  single: unknown,
  shown: (v: number) => string,
): string {
  const implied = valueIn(path, year, row.mode);
  if (implied?.from !== undefined)
    return t('planner.path.heldFrom', { value: shown(implied.value), year: implied.from });
  if (implied) return t('planner.path.interpolated', { value: shown(implied.value) });
  if (typeof single !== 'number') return t('planner.path.noValue');
  const fixed = row.otherwise && 'value' in row.otherwise;
  return t(fixed ? 'planner.path.unchanged' : 'planner.path.projectValue', { value: shown(single) });
}

/** One figure of one period year; empty, it shows what the path gives there anyway. */
function PathCell({ periods, row, year }: { periods: Periods; row: PathRow; year: number }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const edit = useProject((s) => s.edit);
  const ed = useEditor();
  const ptr = rowPointer(row, year);
  const label = t('planner.path.cellLabel', { what: t(`planner.path.rows.${row.key}`), year });
  const path = pathOf(periods, row);
  const own = path?.[String(year)];
  const shown = (v: number) => `${formatNumber(v * row.scale, language, 3)}${row.unit ? ` ${row.unit}` : ''}`;
  const single =
    row.otherwise && ('value' in row.otherwise ? row.otherwise.value : ed.get(row.otherwise.pointer));
  const hint = own === undefined ? emptyCellHint(t, row, path, year, single, shown) : undefined;
  return (
    <NumberField
      label={label}
      fieldKey={draftKey(ptr, null)}
      fieldLabel={label}
      pointer={ptr}
      variantId={null}
      value={own}
      scale={row.scale}
      min={0}
      max={row.max}
      hint={hint}
      testId={`path-${row.key}-${year}`}
      onCommit={(v) =>
        void edit((d) => {
          if (d.periods) setPathValue(d.periods, row, year, v);
        }, ptr)
      }
    />
  );
}
