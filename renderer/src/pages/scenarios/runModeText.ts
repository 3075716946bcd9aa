import type { TFunction } from 'i18next';
import { DEFAULT_SEGMENTS, DEFAULT_TYPICAL_DAYS } from '../../../../solver/src';
import type { RunOptions } from '../../project/document';

/**
 * How a run was computed, for a line under its results: the mode and, on typical days, their number
 * and time segments ("Rechenart: Typtage …; 24 Typtage zu je 8 Zeitsegmenten"); a screening sweep's
 * points are the typical-day sizing alone, and the line says so instead of naming the full year.
 */
export function runModeText(options: RunOptions, t: TFunction, screening = false): string {
  const name = screening ? t('scenarios.sweep.screeningMode') : t(`planner.run.${options.mode}`);
  const mode = t('scenarios.sweep.mode', { mode: name });
  if (options.mode !== 'aggregated') return mode;
  const days = options.typicalDays ?? DEFAULT_TYPICAL_DAYS;
  const segments = options.segments ?? DEFAULT_SEGMENTS;
  return `${mode}; ${
    segments === 24
      ? t('scenarios.sweep.resolutionHourly', { days })
      : t('scenarios.sweep.resolution', { days, segments })
  }`;
}
