import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { db, type TimeSeriesRecord } from '../../db/schema';
import { useProject } from '../../project/store';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import {
  adoptSeriesYear,
  changeProjectYear,
  followProjectYear,
  shiftSeriesToProjectYear,
  type SeriesUse,
} from '../../project/seriesActions';
import { coversYear, seriesYear, type CoverageProblem, type ShiftedSeries } from '../../project/seriesYear';
import { EditorProvider, useEditor, type Editor } from '../plants/editor';

/**
 * The project year and the series: the year field changes the year and regenerates the synthetic
 * series in one step; a profile of another year offers to adopt its year or to shift it.
 */

/** Wraps the site's year field: in the base, committing a year goes through changeProjectYear. */
export function ProjectYearEditor({ children }: { children: ReactNode }) {
  const ed = useEditor();
  const wrapped = useMemo<Editor>(
    () =>
      ed.variantId !== null
        ? ed
        : {
            ...ed,
            set: (p, v) =>
              p === '/site/year' && typeof v === 'number' && Number.isInteger(v)
                ? changeProjectYear(v)
                : ed.set(p, v),
          },
    [ed],
  );
  return <EditorProvider editor={wrapped}>{children}</EditorProvider>;
}

/** Keeps the synthetic series on the document's year (after an undo or redo of a year change). */
export function useFollowProjectYear(records: TimeSeriesRecord[] | undefined): void {
  const year = useProject((s) => s.doc?.site.year);
  const stamp = records?.map((r) => `${r.id}@${r.start}`).join('|');
  useEffect(() => {
    if (year !== undefined && stamp !== undefined) void followProjectYear();
  }, [year, stamp]);
}

/** The source note of a shifted series, in the user's language. */
export function shiftNote(s: ShiftedSeries, t: TFunction): string {
  const hours = s.repeatedStart_h + s.repeatedEnd_h;
  const weeks = `${s.weeks > 0 ? '+' : ''}${s.weeks}`;
  return hours > 0
    ? t('profiles.year.shiftNoteRepeated', { fromYear: s.fromYear, weeks, hours })
    : t('profiles.year.shiftNote', { fromYear: s.fromYear, weeks });
}

/** The one message for a series that does not cover the project year. */
export function coverageText(p: CoverageProblem, t: TFunction, language: 'de' | 'en'): string {
  return t('profiles.year.coverage', {
    name: p.name,
    seriesYear: p.seriesYear,
    projectYear: p.projectYear,
    hours: formatNumber(p.missingHours, language, 0),
  });
}

/** Where a series is used, named as the forms name it. */
export function usesText(uses: SeriesUse[], t: TFunction): string {
  return uses
    .map((u) =>
      u.what === 'yield'
        ? t('profiles.use.yield', { technology: u.technology })
        : u.what === 'price'
          ? t('profiles.use.price', {
              of: u.of === 'gridImport' || u.of === 'gridExport' ? t(`profiles.use.${u.of}`) : u.of,
            })
          : t(`profiles.use.${u.what}`),
    )
    .join(', ');
}

/**
 * A profile whose year is not the project's: says so and offers both ways out. Nothing for a series
 * that covers the project year or that is generated (those follow the year by themselves).
 */
export function YearMismatch({ record, generated }: { record: TimeSeriesRecord; generated?: boolean }) {
  const { t } = useTranslation();
  const year = useProject((s) => s.doc?.site.year);
  const timeZone = useProject((s) => s.doc?.site.timeZone);
  const [busy, setBusy] = useState(false);
  if (year === undefined || generated || coversYear(record, year, timeZone)) return null;
  const from = seriesYear(record);
  const run = (f: () => Promise<unknown>) => {
    setBusy(true);
    void f().finally(() => setBusy(false));
  };
  return (
    <div className="year-mismatch" role="group" data-testid={`year-mismatch-${record.id}`}>
      <p className="field-error">
        {t('profiles.year.mismatch', { name: record.name, seriesYear: from, projectYear: year })}
      </p>
      <button type="button" disabled={busy} onClick={() => run(() => adoptSeriesYear(db(), record.id))}>
        {t('profiles.year.adopt', { seriesYear: from })}
      </button>{' '}
      <button
        type="button"
        disabled={busy}
        onClick={() => run(() => shiftSeriesToProjectYear(record.id, (s) => shiftNote(s, t)))}
      >
        {t('profiles.year.shift', { projectYear: year })}
      </button>
      <small className="hint">{t('profiles.year.shiftHint')}</small>
    </div>
  );
}

/** The language for formatting, as the app has it. */
export const useLanguage = () => useApp((s) => s.language);
