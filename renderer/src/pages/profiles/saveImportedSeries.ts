import { db } from '../../db/schema';
import type { ImportResult } from '../../../../solver/src';
import { fillGaps, type FillRule } from '../../../../solver/src';
import { SERIES_KINDS, type SeriesKind } from './seriesKinds';

/** Stores the selected column of an import as a series of the project, its gaps filled by the rule chosen. */
export async function saveImportedSeries(
  projectId: string,
  source: string,
  result: ImportResult,
  seriesKind: SeriesKind,
  name: string,
  fill: FillRule | '',
) {
  const col = result.columns[result.selected];
  const as = SERIES_KINDS[seriesKind];
  const filled = fill ? fillGaps(col.values, result.resolution_min, fill) : null;
  await db().timeSeries.add({
    id: crypto.randomUUID(),
    projectId,
    name: name.trim() || col.name,
    // A price, temperature or yield column is read as it is (the "kW" reading takes no conversion).
    unit: as.unit,
    resolution_min: result.resolution_min,
    start: result.start,
    values: filled ? filled.values : col.values,
    kind: as.kind,
    source,
    fillRule: filled ? filled.rule : undefined,
    filledIntervals: filled ? filled.filled : undefined,
  });
}
