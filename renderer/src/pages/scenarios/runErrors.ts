import type { TFunction } from 'i18next';
import type { TimeSeriesRecord } from '../../db/schema';
import type { Language } from '../../i18n';
import type { StoredProject } from '../../project/document';
import { describeProblems, seriesNames } from '../../project/problems';
import { coverageProblems, withCoverage } from '../../project/seriesYear';
import { coverageText } from '../profiles/ProjectYear';

/**
 * "pointer: message" lines of a project that cannot be run, as the input check words them; a
 * series outside the project year is one message naming it and both years (as in the input check).
 * Lines not all of that form are shown as they are.
 */
export function readableRunErrors(
  lines: string[],
  doc: StoredProject,
  records: TimeSeriesRecord[],
  t: TFunction,
  language: Language,
): string[] {
  const findings = lines.map((l) => /^(\/[^:\s]*|\/): ([\s\S]*)$/.exec(l));
  if (findings.some((f) => !f)) return lines;
  const list = findings.map((f) => ({ pointer: f![1] === '/' ? '' : f![1], message: f![2] }));
  return withCoverage(
    describeProblems(list, doc, t, language, { seriesNames: seriesNames(doc, records) }).filter(
      (p) => p.kind === 'error' || list.some((f) => f.pointer === p.pointer),
    ),
    // only series this run was refused for (the list is of the run, the records are of now)
    coverageProblems(doc, records).filter((c) =>
      list.some((f) => f.pointer === `/timeSeries/${c.key}` || f.pointer.startsWith(`/timeSeries/${c.key}/`)),
    ),
    (c) => ({
      kind: 'error' as const,
      text: coverageText(c, t, language),
      pointer: `/timeSeries/${c.key}`,
    }),
  ).map((p) => p.text);
}
