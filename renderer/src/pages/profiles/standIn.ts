import { syntheticStandIn } from '../../../../solver/src';
import { db, type TimeSeriesRecord } from '../../db/schema';
import { yearStart_ms } from '../../project/document';
import { electricityProfile } from '../../project/generate';
import { seriesYear } from '../../project/seriesYear';

/** Annual energy (MWh) and peak (kW) of a load series in kW: the two figures a stand-in keeps. */
export interface EnergyPeak {
  energy_MWh: number;
  peak_kW: number;
}

export function energyAndPeak(values: Float64Array, resolution_min: number): EnergyPeak {
  let sum = 0;
  let peak = -Infinity;
  for (const v of values) {
    sum += v;
    peak = Math.max(peak, v);
  }
  return { energy_MWh: (sum * resolution_min) / 60 / 1000, peak_kW: peak };
}

/** Only load series in kW get a stand-in (its energy and peak are read in MWh and kW). */
export const canMakeStandIn = (r: Pick<TimeSeriesRecord, 'unit'>) => r.unit === 'kW';

/**
 * Makes and stores a synthetic stand-in of a load series (solver/src/profiles/standin): the BDEW G25
 * shape on the series' own year and resolution, bent so that annual energy and peak equal the
 * original's. The original is left as it is; the stand-in is a new series under `name`.
 */
export async function createStandIn(
  r: TimeSeriesRecord,
  name: string,
  source: string,
): Promise<TimeSeriesRecord> {
  const year = seriesYear(r);
  const hourly = await electricityProfile('G25', 1, year);
  const n = hourly.length;
  const offset_h = Math.round((Date.parse(r.start) - yearStart_ms(year)) / 3_600_000);
  const shape = Float64Array.from(r.values, (_, i) => {
    const h = Math.floor((i * r.resolution_min) / 60) + offset_h;
    return hourly[((h % n) + n) % n];
  });
  const { values_kW } = syntheticStandIn(r.values, shape, r.resolution_min);
  const record: TimeSeriesRecord = {
    id: crypto.randomUUID(),
    projectId: r.projectId,
    name,
    unit: r.unit,
    kind: r.kind,
    resolution_min: r.resolution_min,
    start: r.start,
    values: values_kW,
    source,
  };
  await db().timeSeries.add(record);
  return record;
}
