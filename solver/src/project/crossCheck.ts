import { hoursInYear } from './calendar';
import type { Project, Technology } from './types';

/**
 * Checks that the schema cannot express: references, series lengths and gaps, units, bounds.
 * Free of Ajv so the renderer (whose CSP forbids generated code) runs the very same checks.
 */
export function crossCheck(p: Project): { pointer: string; message: string }[] {
  const out: { pointer: string; message: string }[] = [];
  const hours = hoursInYear(p.site.year, p.site.timeZone);
  const series = (ref: string, pointer: string, unit?: string) => {
    const s = p.timeSeries[ref];
    if (!s) return out.push({ pointer, message: `time series '${ref}' is not defined in /timeSeries` });
    // Hourly or quarter-hourly, in an hourly or a quarter-hourly project (ModelContext.at).
    if ('values' in s && s.values.length !== hours && s.values.length !== 4 * hours)
      out.push({
        pointer: `/timeSeries/${ref}/values`,
        message: `has ${s.values.length} values; the year ${p.site.year} has ${hours} hours (${4 * hours} quarter hours)`,
      });
    if ('values' in s) {
      const gap = s.values.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
      if (gap >= 0)
        out.push({
          pointer: `/timeSeries/${ref}/values/${gap}`,
          message:
            s.values.length === 4 * hours
              ? `quarter hour ${gap} has no value (gap in the profile)`
              : `hour ${gap} has no value (gap in the profile)`,
        });
    }
    if (unit && s.unit !== unit)
      out.push({ pointer: `/timeSeries/${ref}/unit`, message: `is '${s.unit}', expected '${unit}'` });
  };
  series(p.demands.heat, '/demands/heat', 'kW');
  series(p.demands.electricity, '/demands/electricity', 'kW');
  if (p.demands.cooling)
    out.push({
      pointer: '/demands/cooling',
      message: 'cooling demand is not modelled yet; remove it or set it to a zero series',
    });
  if (p.site.ambientTemperature) series(p.site.ambientTemperature, '/site/ambientTemperature', '°C');
  const price = (spec: unknown, pointer: string) => {
    if (typeof spec === 'object' && spec && 'series' in spec)
      series((spec as { series: string }).series, `${pointer}/series`);
  };
  Object.entries(p.fuels).forEach(([k, f]) => price(f.price_EUR_kWh, `/fuels/${k}/price_EUR_kWh`));
  if (p.grid.import) price(p.grid.import.price_EUR_kWh, '/grid/import/price_EUR_kWh');
  if (p.grid.export) price(p.grid.export.price_EUR_kWh, '/grid/export/price_EUR_kWh');
  const ids = new Set<string>();
  p.technologies.forEach((t: Technology, i) => {
    const at = `/technologies/${i}`;
    if (ids.has(t.id)) out.push({ pointer: `${at}/id`, message: `duplicate technology id '${t.id}'` });
    ids.add(t.id);
    if (t.min !== undefined && t.max !== undefined && t.min > t.max)
      out.push({ pointer: `${at}/min`, message: `min ${t.min} is above max ${t.max}` });
    if (t.existing !== undefined && t.max !== undefined && t.existing > t.max)
      out.push({ pointer: `${at}/existing`, message: `existing ${t.existing} is above max ${t.max}` });
    if ((t.type === 'boiler' || t.type === 'chp') && !p.fuels[t.fuel])
      out.push({ pointer: `${at}/fuel`, message: `fuel '${t.fuel}' is not defined in /fuels` });
    if (t.type === 'chp' && t.efficiencyEl + t.efficiencyTh > 1)
      out.push({ pointer: `${at}/efficiencyTh`, message: 'electric + thermal efficiency exceed 1' });
    if (t.type === 'pv' || t.type === 'solarThermal') series(t.yieldSeries, `${at}/yieldSeries`);
    if (t.type === 'heatPump') {
      if (t.copMin > t.copMax)
        out.push({ pointer: `${at}/copMin`, message: `copMin ${t.copMin} is above copMax ${t.copMax}` });
      if (t.heatSource === 'air' && !p.site.ambientTemperature)
        out.push({
          pointer: `${at}/heatSource`,
          message: 'an air-source heat pump needs /site/ambientTemperature',
        });
      if (t.supplyMode === 'curve' && t.heatSource !== 'air' && !p.site.ambientTemperature)
        out.push({
          pointer: `${at}/supplyMode`,
          message: 'a heat pump with a heating curve needs /site/ambientTemperature',
        });
      if (t.heatSource === 'ground' && t.groundTemp_C === undefined)
        out.push({ pointer: `${at}/groundTemp_C`, message: 'a ground-source heat pump needs groundTemp_C' });
    }
    if (
      (t.type === 'electricBoiler' || t.type === 'heatPump' || t.type === 'battery') &&
      !p.grid.import &&
      !p.technologies.some((o) => o.type === 'pv' || o.type === 'chp')
    )
      out.push({
        pointer: at,
        message: `${t.type} '${t.id}' needs electricity, but there is no grid import, PV or CHP`,
      });
  });
  out.push(...periodsCheck(p, series));
  const scenarioIds = new Set<string>();
  (p.scenarios ?? []).forEach((s, i) => {
    if (scenarioIds.has(s.id))
      out.push({ pointer: `/scenarios/${i}/id`, message: `duplicate scenario id '${s.id}'` });
    scenarioIds.add(s.id);
    for (const ptr of Object.keys(s.overrides))
      if (!/^\/[^/]/.test(ptr) || ptr.startsWith('/scenarios'))
        out.push({
          pointer: `/scenarios/${i}/overrides`,
          message: `'${ptr}' is not a JSON pointer into the project`,
        });
  });
  return out;
}

/** A transformation path: increasing years, references to fuels, technologies and series that exist. */
function periodsCheck(
  p: Project,
  series: (ref: string, pointer: string, unit?: string) => unknown,
): { pointer: string; message: string }[] {
  const out: { pointer: string; message: string }[] = [];
  const ps = p.periods;
  if (!ps) return out;
  ps.years.forEach((y, i) => {
    if (i > 0 && y <= ps.years[i - 1])
      out.push({
        pointer: `/periods/years/${i}`,
        message: `period year ${y} does not come after ${ps.years[i - 1]}`,
      });
  });
  if (ps.baseYear !== undefined && ps.baseYear > ps.years[0])
    out.push({
      pointer: '/periods/baseYear',
      message: `base year ${ps.baseYear} is after the first period ${ps.years[0]}`,
    });
  for (const fuel of Object.keys(ps.prices?.fuelPrice_factor ?? {}))
    if (!p.fuels[fuel])
      out.push({
        pointer: `/periods/prices/fuelPrice_factor/${fuel}`,
        message: `fuel '${fuel}' is not defined in /fuels`,
      });
  const techs = new Set(p.technologies.map((t) => t.id));
  for (const [what, map] of [
    ['targets/maxNewCapacity', ps.targets?.maxNewCapacity],
    ['subsidies/investment_share', ps.subsidies?.investment_share],
  ] as const)
    for (const id of Object.keys(map ?? {}))
      if (!techs.has(id))
        out.push({
          pointer: `/periods/${what}/${id}`,
          message: `technology '${id}' is not defined in /technologies`,
        });
  for (const which of ['heat', 'electricity'] as const)
    for (const [year, id] of Object.entries(ps.demand?.[which]?.series ?? {}))
      series(id, `/periods/demand/${which}/series/${year}`, 'kW');
  return out;
}
