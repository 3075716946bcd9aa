import { capacityColumns, plantOfPointNote } from '../cli/pareto';
import type { Results } from '../results/results';
import type { JobRecord } from './job';
import { cleanCapacities } from '../results/views/sizes';
import { numbered, type BatchJob } from './plan';

/**
 * The merge step: summary.csv from the job files of every chunk. One row per job (one per point for
 * a front: `pareto-base-01` … from minimum cost to minimum CO2), comma-separated with a decimal point.
 */

export interface SummaryRow {
  id: string;
  job: string;
  kind: string;
  scenario: string;
  overrides: Record<string, number>;
  /** The solver's status; 'missing' without a result file, 'stale' when the file is from other inputs. */
  status: string;
  totalAnnualCost_EUR?: number;
  emissions_tCO2?: number;
  co2Limit_t?: number | null;
  seconds?: number;
  message: string;
  capacities: Results['capacities'];
}

function rowsOf(r: JobRecord): SummaryRow[] {
  const base = {
    job: r.id,
    kind: r.kind,
    scenario: r.scenario,
    overrides: r.overrides ?? {},
    message: r.reasons.join('; '),
  };
  if (r.kind !== 'pareto')
    return [
      {
        ...base,
        // A screening point says so where the reasons of a failed job would stand.
        ...(r.results?.messages?.some((m) => m.code === 'sizingOnly')
          ? { message: 'typical days only, no full-year check' }
          : {}),
        id: r.id,
        status: r.status,
        totalAnnualCost_EUR: r.results?.objective.totalAnnualCost_EUR,
        emissions_tCO2: r.results?.emissions_tCO2,
        seconds: r.seconds,
        capacities: r.results ? cleanCapacities(r.results.capacities) : {},
      },
    ];
  const front = r.front ?? [];
  const points: SummaryRow[] = front.map((p, k) => ({
    ...base,
    id: `${r.id}-${numbered(k + 1, front.length, 2)}`,
    status: 'optimal',
    message: [
      p.kind === 'epsilon' ? '' : p.kind === 'minCost' ? 'minimum cost' : 'minimum CO2',
      plantOfPointNote(p),
    ]
      .filter(Boolean)
      .join('; '),
    totalAnnualCost_EUR: p.totalAnnualCost_EUR,
    emissions_tCO2: p.emissions_tCO2,
    co2Limit_t: p.co2Limit_t,
    seconds: p.seconds,
    capacities: p.capacities,
  }));
  // A front that broke off keeps the points it has, and a row saying why.
  if (r.status !== 'optimal')
    points.push({ ...base, id: r.id, status: r.status, seconds: r.seconds, capacities: {} });
  return points;
}

/**
 * The rows of the summary: with the plan, in its order, a row for every job (missing or stale ones
 * marked); without it, every job file in id order.
 */
export function summaryRows(
  records: Map<string, JobRecord>,
  plan?: (Pick<BatchJob, 'id' | 'kind' | 'scenario' | 'overrides'> & { fingerprint: string })[],
): SummaryRow[] {
  if (!plan) return [...records.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).flatMap(rowsOf);
  return plan.flatMap((j) => {
    const r = records.get(j.id);
    if (r && r.fingerprint === j.fingerprint) return rowsOf(r);
    return [
      {
        id: j.id,
        job: j.id,
        kind: j.kind,
        scenario: j.scenario,
        overrides: j.overrides ?? {},
        status: r ? 'stale' : 'missing',
        message: r ? 'the result file is from other inputs' : '',
        capacities: {},
      },
    ];
  });
}

/** One CSV field: quoted when it holds a comma, quote or line break. */
export const csvField = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * summary.csv: id, job, kind, scenario, one column per swept parameter (its JSON pointer), status,
 * total annual cost (EUR/a), CO2 (t/a), CO2 limit of a front point (t/a), seconds, message, and a
 * column per technology and quantity (`hp.power_kW`, `tes.energy_kWh`, `pv.area_m2`).
 */
export function summaryCsv(rows: SummaryRow[]): string {
  const pointers = [...new Set(rows.flatMap((r) => Object.keys(r.overrides)))];
  const caps = capacityColumns(rows);
  const header = [
    'id',
    'job',
    'kind',
    'scenario',
    ...pointers,
    'status',
    'totalAnnualCost_EUR',
    'emissions_tCO2',
    'co2Limit_t',
    'seconds',
    'message',
    ...caps.map((c) => `${c.techId}.${c.key}`),
  ];
  const lines = rows.map((r) => [
    r.id,
    r.job,
    r.kind,
    r.scenario,
    ...pointers.map((p) => num(r.overrides[p])),
    r.status,
    num(r.totalAnnualCost_EUR),
    num(r.emissions_tCO2),
    num(r.co2Limit_t),
    r.seconds === undefined ? '' : r.seconds.toFixed(2),
    r.message,
    ...caps.map((c) => num(r.capacities[c.techId]?.[c.key])),
  ]);
  return [header, ...lines].map((l) => l.map(csvField).join(',')).join('\n') + '\n';
}
