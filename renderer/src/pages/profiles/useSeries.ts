import { db, type TimeSeriesRecord } from '../../db/schema';
import { useLiveQuery } from '../../db/useLiveQuery';
import { useProject } from '../../project/store';

/** The stored series of the active project (live: renames and deletions show at once). */
export function useSeriesRecords(): TimeSeriesRecord[] {
  const projectId = useProject((s) => s.projectId);
  return (
    useLiveQuery(
      () =>
        projectId ? db().timeSeries.where('projectId').equals(projectId).toArray() : Promise.resolve([]),
      [projectId],
    ) ?? []
  );
}
