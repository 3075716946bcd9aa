import type { TimeSeriesRecord } from '../../db/schema';

/** Annual energy of a series in kWh (mean kW per interval × interval length). */
export const annual_kWh = (r: Pick<TimeSeriesRecord, 'values' | 'resolution_min'>): number =>
  r.values.reduce((a, v) => a + (Number.isNaN(v) ? 0 : (v * r.resolution_min) / 60), 0);
