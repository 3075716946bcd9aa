import type { SolverBackend } from '../lp/backend';
import { buildModel, type BuildOptions, type BuiltModel } from '../model/build';
import { hourlyMeans } from '../timeseries/resample';
import { annualCapacityCost_EUR } from '../model/economics';
import { emissionOf, plus, tCO2, toTonnes } from '../units';
import { GRID_ID } from '../model/grid';
import { hourLabel, hoursInYear } from '../project/calendar';
import type { PriceSpec, Project, Technology } from '../project/types';
import { applyScenario } from '../project/scenario';
import { solverMessage, type SolverMessage } from '../results/messages';

/**
 * Explains why a project has no feasible plan, in plain language. First a bound analysis (the most
 * heat each plant may deliver in every hour against the demand), then, if that finds nothing, the
 * same model with priced slack on every balance row, whose non-zero slacks show where and when
 * demand cannot be met or surplus cannot go anywhere.
 */
export async function explainInfeasibility(
  base: Project,
  opts: BuildOptions,
  backend: SolverBackend,
): Promise<SolverMessage[]> {
  const project = applyScenario(base, opts.scenarioId);
  const found = boundAnalysis(project);
  if (found.length) return found;
  const limits = await globalLimitAnalysis(project, opts, backend);
  if (limits.length) return limits;
  const built = buildModel(project, {
    ...opts,
    scenarioId: undefined,
    milp: false,
    slackPenalty_EUR_kWh: 1e4,
  });
  const sol = await backend.solve(built.model, { timeLimit_s: 600 });
  if (!sol.hasSolution) return [solverMessage('notSolvableWithSlack', { status: sol.status })];
  const messages: SolverMessage[] = [];
  const year = project.site.year;
  for (const carrier of ['heat', 'electricity'] as const) {
    for (const kind of ['unmet', 'surplus'] as const) {
      let hours = 0;
      let first = -1;
      let worst = 0;
      for (const s of built.ctx.slacks) {
        if (s.carrier !== carrier) continue;
        const v = sol.x[kind === 'unmet' ? s.unmet : s.surplus];
        if (v > 1e-4) {
          hours += built.grid.weight[s.step];
          if (first < 0) first = built.grid.hours[s.step];
          worst = Math.max(worst, v);
        }
      }
      if (hours === 0) continue;
      messages.push(
        solverMessage(kind === 'unmet' ? 'unmetDemand' : 'surplus', {
          carrier,
          hours: Math.round(hours),
          first: hourLabel(year, first, project.site.timeZone),
          worst_kW: worst,
        }),
      );
    }
  }
  if (!messages.length) messages.push(...limitMessages(project, opts));
  return messages.length ? messages : [solverMessage('infeasibleUnexplained')];
}

/** Tonnes as shown in findings: four significant digits. */
const round1 = (v: number) => Number(v.toPrecision(4));

/**
 * Whether the annual limits (CO2 cap or the Pareto epsilon limit, renewable heat share, grid
 * import) make the plan infeasible: without them the demand can be met, so those are what cannot be
 * kept. A CO2 cap is then checked on its own against the least CO2 the plants can emit; the others
 * are named when the CO2 cap alone does not explain it. Nothing (no message) when the plan is
 * infeasible even without them: then demand or surplus is the problem, which the slack model finds.
 */
async function globalLimitAnalysis(
  project: Project,
  opts: BuildOptions,
  backend: SolverBackend,
): Promise<SolverMessage[]> {
  const named = limitMessages(project, opts);
  if (!named.length) return [];
  const build = (constraints: Project['constraints'], objective: BuildOptions['objective']) =>
    buildModel(
      { ...project, constraints },
      { ...opts, scenarioId: undefined, milp: false, co2Limit_t: undefined, objective },
    );
  const free = await backend.solve(build({}, 'cost').model, { timeLimit_s: 600 });
  if (!free.hasSolution) return [];
  const cap_t = co2CapOf(project, opts);
  if (cap_t !== undefined) {
    // The least CO2 the plants can emit with the other limits kept.
    const { co2Cap_t: _cap, ...rest } = project.constraints ?? {};
    void _cap;
    const co2Model = build(rest, 'co2');
    const cleanest = await backend.solve(co2Model.model, { timeLimit_s: 600 });
    let min_t = tCO2(0);
    if (cleanest.hasSolution)
      for (const e of co2Model.ctx.emissions)
        min_t = plus(min_t, toTonnes(emissionOf(e.kg, cleanest.x[e.col])));
    if (cleanest.hasSolution && min_t > cap_t * (1 + 1e-9) + 1e-9)
      return [solverMessage('co2CapMinimum', { cap_t: round1(cap_t), min_t: round1(min_t) })];
  }
  return named;
}

/** The binding CO2 cap: the project's and the run's (Pareto) limit, whichever is lower. */
function co2CapOf(project: Project, opts: BuildOptions): number | undefined {
  const caps = [project.constraints?.co2Cap_t, opts.co2Limit_t].filter((v): v is number => v !== undefined);
  return caps.length ? Math.min(...caps) : undefined;
}

/** The annual limits of a project (and the run's CO2 limit), each named as a finding. */
function limitMessages(project: Project, opts: BuildOptions): SolverMessage[] {
  const c = project.constraints ?? {};
  const cap_t = co2CapOf(project, opts);
  const messages: SolverMessage[] = [];
  if (cap_t !== undefined) messages.push(solverMessage('co2Cap', { cap_t: round1(cap_t) }));
  if (c.minRenewableHeatShare !== undefined)
    messages.push(solverMessage('renewableShare', { percent: Math.round(c.minRenewableHeatShare * 100) }));
  if (c.maxGridImport_kWh !== undefined)
    messages.push(solverMessage('gridImportLimit', { limit_kWh: c.maxGridImport_kWh }));
  return messages;
}

/** Hours in which the heat demand exceeds the largest heat output all allowed plants could give. */
export function boundAnalysis(project: Project): SolverMessage[] {
  const raw = (id: string) => {
    const s = project.timeSeries[id];
    return s && 'values' in s ? s.values : [];
  };
  // On the heat demand's own time basis: per quarter hour when it is quarter-hourly, an hourly yield
  // held over its quarters (a quarter-hour peak the plants cannot cover makes the year infeasible).
  const heat = raw(project.demands.heat);
  const perHour = heat.length === 4 * hoursInYear(project.site.year, project.site.timeZone) ? 4 : 1;
  const series = (id: string) => {
    const v = raw(id);
    return perHour === 4 && v.length * 4 === heat.length ? heat.map((_, q) => v[Math.floor(q / 4)]) : v;
  };
  const maxHeat = new Float64Array(heat.length);
  let unbounded = false;
  for (const t of project.technologies) {
    const max = t.max ?? Infinity;
    switch (t.type) {
      case 'boiler':
      case 'electricBoiler':
      case 'heatPump':
        if (!Number.isFinite(max)) unbounded = true;
        else maxHeat.forEach((_, h) => (maxHeat[h] += max));
        break;
      case 'chp':
        if (!Number.isFinite(max)) unbounded = true;
        else maxHeat.forEach((_, h) => (maxHeat[h] += (max * t.efficiencyTh) / t.efficiencyEl));
        break;
      case 'solarThermal': {
        const y = series(t.yieldSeries);
        if (!Number.isFinite(max)) unbounded = true;
        else maxHeat.forEach((_, h) => (maxHeat[h] += (y[h] ?? 0) * max));
        break;
      }
      case 'heatStorage':
        // Storage can shift heat; its power limit bounds what it adds in one hour.
        if (!Number.isFinite(max)) unbounded = true;
        else maxHeat.forEach((_, h) => (maxHeat[h] += max * t.cRate_per_h));
        break;
      default:
        break;
    }
  }
  if (unbounded) return [];
  let hours = 0;
  let first = -1;
  let peak = 0;
  let capAtPeak = 0;
  let lastHour = -1;
  for (let h = 0; h < heat.length; h++) {
    if (heat[h] > maxHeat[h] + 1e-6) {
      // Hours with an uncovered step: an hour with uncovered quarters counts once.
      if (Math.floor(h / perHour) !== lastHour) {
        hours++;
        lastHour = Math.floor(h / perHour);
      }
      if (first < 0) first = h;
      if (heat[h] > peak) {
        peak = heat[h];
        capAtPeak = maxHeat[h];
      }
    }
  }
  if (!hours) return [];
  return [
    solverMessage('heatPeakUncovered', {
      hours,
      first: hourLabel(project.site.year, Math.floor(first / perHour), project.site.timeZone),
      capacity_kW: capAtPeak,
      peak_kW: peak,
    }),
  ];
}

/** Capacities and flows at or above this share of the box are taken as running off to infinity. */
const AT_THE_BOX = 0.5;

/**
 * Explains an unbounded model: which technology earns money without limit, and at what price.
 * The same model is solved with every unbounded column boxed far above the demand; the capacities
 * that run to the box are the culprits (one solve finds all of them, also when several are unbounded
 * on their own). For PV the feed-in price (weighted by its yield) is set against its generation cost
 * per kWh; for CHP the feed-in price plus bonus against its running cost per kWh of electricity.
 * When no capacity runs away but the grid export does, import and export prices are to blame.
 */
export async function explainUnbounded(built: BuiltModel, backend: SolverBackend): Promise<SolverMessage[]> {
  const { project, model } = built;
  let peak = 1;
  for (const d of Object.values(built.demand)) for (const v of d) peak = Math.max(peak, Math.abs(v));
  const box = 1e4 * peak;
  const boxed = {
    ...model,
    colUpper: Float64Array.from(model.colUpper, (u) => (Number.isFinite(u) ? u : box)),
  };
  const sol = await backend.solve(boxed, { timeLimit_s: 600 });
  if (!sol.hasSolution) return [solverMessage('unbounded')];
  const messages: SolverMessage[] = [];
  const seen = new Set<string>();
  for (const c of built.ctx.capacities) {
    const runaway = [c.col, c.powerCol].some(
      (col) => col !== undefined && sol.x[col] >= AT_THE_BOX * box && !Number.isFinite(model.colUpper[col]),
    );
    if (!runaway || seen.has(c.techId)) continue;
    seen.add(c.techId);
    const t = project.technologies.find((x) => x.id === c.techId);
    if (t) messages.push(unboundedTechnology(project, t));
  }
  if (!messages.length && project.grid.import && project.grid.export) {
    const exp = built.ctx.flows.find((f) => f.techId === GRID_ID && f.name === 'export');
    if (exp?.cols.some((col) => col >= 0 && sol.x[col] >= AT_THE_BOX * box)) {
      const imp = priceOf(project, project.grid.import.price_EUR_kWh);
      const ex = priceOf(project, project.grid.export.price_EUR_kWh);
      let hours = 0;
      let maxExport = -Infinity;
      let minImport = Infinity;
      for (let h = 0; h < hoursInYear(project.site.year, project.site.timeZone); h++)
        if (ex(h) > imp(h)) {
          hours++;
          maxExport = Math.max(maxExport, ex(h));
          minImport = Math.min(minImport, imp(h));
        }
      if (hours)
        messages.push(
          solverMessage('unboundedGrid', {
            hours,
            export_ct: roundCt(maxExport),
            import_ct: roundCt(minImport),
          }),
        );
    }
  }
  return messages.length ? messages : [solverMessage('unbounded')];
}

/** EUR/kWh as ct/kWh, rounded to 0.01 ct. */
const roundCt = (eur: number) => Math.round(eur * 10000) / 100;

/** A series per hour of the year: a quarter-hourly one as its hourly means. */
function hourly(project: Project, values: number[]): number[] {
  const n = hoursInYear(project.site.year, project.site.timeZone);
  return values.length === 4 * n ? Array.from(hourlyMeans(Float64Array.from(values), n)) : values;
}

/** A price (fixed or a series with scale and adder) per hour of the year, EUR/kWh. */
function priceOf(project: Project, spec: PriceSpec): (h: number) => number {
  if (typeof spec === 'number') return () => spec;
  const s = project.timeSeries[spec.series];
  const values = hourly(project, s && 'values' in s ? s.values : []);
  return (h) => (values[h] ?? 0) * (spec.scale ?? 1) + (spec.adder ?? 0);
}

/** The finding for one technology that earns without limit, with the price that makes it so. */
function unboundedTechnology(project: Project, t: Technology): SolverMessage {
  const tech = techName(t);
  const perUnit = (): number => {
    const c = annualCapacityCost_EUR(
      t.capex_EUR_per_unit,
      t.lifetime_a,
      project.economics.interestRate,
      t.fixedOm_share,
      t.subsidy_share ?? 0,
    );
    return c.annuity + c.subsidy + c.fixedOm;
  };
  const exportPrice = project.grid.export ? priceOf(project, project.grid.export.price_EUR_kWh) : () => 0;
  if (t.type === 'pv') {
    const s = project.timeSeries[t.yieldSeries];
    const y = hourly(project, s && 'values' in s ? s.values : []);
    let annual = 0;
    let revenue = 0;
    y.forEach((v, h) => {
      annual += v;
      revenue += v * exportPrice(h);
    });
    if (annual > 0 && project.grid.export)
      return solverMessage('unboundedTechnology', {
        tech,
        kind: 'feedIn',
        revenue_ct: roundCt(revenue / annual),
        cost_ct: roundCt(perUnit() / annual + (t.varOm_EUR_kWh ?? 0)),
      });
  }
  if (t.type === 'chp' && project.grid.export) {
    const fuel = project.fuels[t.fuel];
    const fuelPrice = fuel ? priceOf(project, fuel.price_EUR_kWh) : () => 0;
    const co2_EUR_kWh = ((fuel?.co2_kg_kWh ?? 0) * project.economics.co2Price_EUR_t) / 1000;
    let best = -Infinity;
    let cost = 0;
    for (let h = 0; h < hoursInYear(project.site.year, project.site.timeZone); h++) {
      const r = exportPrice(h) + (t.bonus_EUR_kWhEl ?? 0);
      if (r > best) {
        best = r;
        cost = (fuelPrice(h) + co2_EUR_kWh) / t.efficiencyEl + (t.varOm_EUR_kWh ?? 0);
      }
    }
    return solverMessage('unboundedTechnology', {
      tech,
      kind: 'chp',
      revenue_ct: roundCt(best),
      cost_ct: roundCt(cost),
    });
  }
  if (t.type === 'battery' || t.type === 'heatStorage')
    return solverMessage('unboundedTechnology', { tech, kind: 'storage' });
  return solverMessage('unboundedTechnology', { tech, kind: 'other' });
}

/** What the user calls a technology: its name, else its id. */
export const techName = (t: { id: string; name?: string }): string => t.name?.trim() || t.id;
