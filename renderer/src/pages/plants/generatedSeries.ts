import type { TFunction } from 'i18next';
import type { TimeSeriesKind, TimeSeriesRecord } from '../../db/schema';
import { useProject } from '../../project/store';
import { yearStart_ms } from '../../project/document';
import type { ElectricityProfile, GeneratedSpec, HeatType } from '../../project/profileTypes';
import { keysOf, seriesKey } from '../../project/seriesActions';

export type Which = 'heat' | 'electricity';

/**
 * Stores a generated hourly series on the site year: in place of `replace` (same record, so no
 * copies pile up) or as a new record, with its source note in the planner's language; returns the
 * document key that refers to it.
 */
export async function storeGenerated(
  projectId: string,
  spec: GeneratedSpec,
  name: string,
  unit: string,
  kind: TimeSeriesKind,
  values: Float64Array,
  year: number,
  replace: TimeSeriesRecord | undefined,
  keyBase: string,
  language: 'de' | 'en',
): Promise<string> {
  const { generatedSource } = await import('../../project/generate');
  // the weather the series is made from: the site's, a DWD test reference year by default
  const site = useProject.getState().doc?.site;
  const source = generatedSource(
    spec,
    language,
    site && { ...site, weather: site.weather ?? { kind: 'dwd-try', year: 2015 } },
  );
  const id = replace?.id ?? crypto.randomUUID();
  const rec: TimeSeriesRecord = {
    id,
    projectId,
    name,
    unit,
    kind,
    resolution_min: 60,
    start: new Date(yearStart_ms(year, site?.timeZone)).toISOString(),
    values,
    source,
    generated: spec,
  };
  let key = '';
  await useProject.getState().edit(
    (d) => {
      key = keysOf(d, id)[0] ?? seriesKey(keyBase, Object.keys(d.timeSeries));
      d.timeSeries[key] = { unit, seriesId: id, source };
      // series made from weather record which weather (the report names it with DWD's source note)
      if (spec.kind !== 'electricity') d.site.weather ??= { kind: 'dwd-try', year: 2015 };
    },
    undefined,
    (tx) => tx.timeSeries.put(rec),
  );
  return key;
}

/**
 * Generates a standard load profile of the given annual energy on the site year and makes it the
 * heat or electricity demand; a generated demand (`current`) is replaced in place.
 */
export async function generateDemand(
  projectId: string,
  what: Which,
  profile: string,
  energy: number,
  year: number,
  current: TimeSeriesRecord | undefined,
  name: string,
  language: 'de' | 'en',
): Promise<void> {
  const { electricityProfile, heatProfile, generatedSpecOf } = await import('../../project/generate');
  const spec: GeneratedSpec =
    what === 'heat'
      ? { kind: 'heat', type: profile as HeatType, annual_kWh: energy }
      : { kind: 'electricity', profile: profile as ElectricityProfile, annual_kWh: energy };
  const values =
    spec.kind === 'heat'
      ? await heatProfile(spec.type, energy, year, useProject.getState().doc?.site)
      : await electricityProfile(spec.profile, energy, year);
  // a generated demand is replaced in place; an imported one stays in the list
  const replace = current && generatedSpecOf(current) ? current : undefined;
  const key = await storeGenerated(
    projectId,
    spec,
    name,
    'kW',
    'demand',
    values,
    year,
    replace,
    `${what}_${profile}`,
    language,
  );
  await useProject.getState().edit((d) => {
    d.demands[what] = key;
  });
}

/**
 * Stores the site's weather (site.weather, by default the DWD TRY of the nearest region) on the site year (ambient temperature, PV and solar-thermal yield)
 * and makes its temperature the site's; taking it again rewrites the same series.
 */
export async function addDefaultWeather(
  projectId: string,
  year: number,
  records: TimeSeriesRecord[],
  t: TFunction,
  language: 'de' | 'en',
): Promise<void> {
  const { weatherSeries, generatedSpecOf } = await import('../../project/generate');
  const w = await weatherSeries(year, useProject.getState().doc?.site);
  // the default weather is there once: taking it again rewrites the same series
  const existing = (kind: GeneratedSpec['kind']) => records.find((r) => generatedSpecOf(r)?.kind === kind);
  const parts = [
    ['ambient', '°C', 'weather', w.ambient, 'ambient'],
    ['pvYield', 'kWh/kWp', 'yield', w.pvYield, 'pv_yield'],
    ['solarYield', 'kWh/m2', 'yield', w.solarYield, 'solar_yield'],
  ] as const;
  for (const [kind, unit, seriesKind, values, keyBase] of parts) {
    const key = await storeGenerated(
      projectId,
      { kind },
      t(`profiles.weatherName.${kind}`),
      unit,
      seriesKind,
      values,
      year,
      existing(kind),
      keyBase,
      language,
    );
    if (kind === 'ambient')
      await useProject.getState().edit((d) => {
        d.site.ambientTemperature = key;
      });
  }
}
