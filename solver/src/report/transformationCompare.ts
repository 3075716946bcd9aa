/**
 * Scenarios that are transformation paths, side by side with the base path: the key figures per
 * milestone year (results views `comparePaths`) and the net present cost of each. Empty unless the
 * base and at least one scenario are paths.
 */
import { comparePaths, isPathResult, pathMilestones } from '../results/views/path';
import type { ReportModel } from './model';
import { scenarioLabel, type Cell, type Table } from './tables';
import { text, type ReportLanguage, type TextKey } from './texts';

const LABEL: Record<ReturnType<typeof comparePaths>['rows'][number]['key'], TextKey> = {
  emissions: 'emissions',
  renewableHeatShare: 'renewableWasteHeatShare',
  annualCost: 'annualCost',
  investment: 'capex',
};

/** The runs after the base whose results are paths. */
const pathRuns = (m: ReportModel) => (m.path ? m.runs.slice(1).filter((r) => isPathResult(r.results)) : []);

/** Per scenario path: its figures and the base's in the milestone years of either. */
export function pathComparisonTables(m: ReportModel, lang: ReportLanguage): Table[] {
  const base = m.base;
  return pathRuns(m).map((run) => {
    const c = comparePaths(base.results, run.results);
    const milestones = new Set(
      [...pathMilestones(base.results), ...pathMilestones(run.results)].map((p) => p.year),
    );
    const shown = c.years.map((y, i) => [y, i] as const).filter(([y]) => milestones.has(y));
    const rows: Cell[][] = [];
    for (const row of c.rows)
      for (const [who, values] of [
        [base, row.a],
        [run, row.b],
      ] as const)
        rows.push([
          text(lang, LABEL[row.key]),
          scenarioLabel(lang, who),
          row.unit,
          ...shown.map(([, i]) => values[i]),
        ]);
    return {
      id: `path:compare:${run.scenarioId}`,
      title: `${text(lang, 'pathComparison')}: ${scenarioLabel(lang, base)} – ${scenarioLabel(lang, run)}`,
      columns: [
        { label: text(lang, 'parameter'), kind: 'text', width: 1.8 },
        { label: text(lang, 'scenario'), kind: 'text', width: 1.2 },
        { label: text(lang, 'unit'), kind: 'text', width: 0.7 },
        ...shown.map(([y]) => ({ label: String(y), kind: 'number' as const, digits: 0 })),
      ],
      rows,
    };
  });
}

/** The net present cost of every path in the report and its difference to the base. */
export function pathNpcComparisonTable(m: ReportModel, lang: ReportLanguage): Table | null {
  const others = pathRuns(m);
  if (!others.length) return null;
  const baseNpc = m.base.results.objective.netPresentCost_EUR ?? null;
  return {
    id: 'path:compareNpc',
    title: text(lang, 'pathNpcComparison'),
    columns: [
      { label: text(lang, 'scenario'), kind: 'text', width: 1.5 },
      { label: text(lang, 'netPresentCost'), unit: 'EUR', kind: 'number', digits: 0 },
      { label: text(lang, 'differenceToBase'), unit: 'EUR', kind: 'number', digits: 0 },
    ],
    rows: [m.base, ...others].map((r) => {
      const npc = r.results.objective.netPresentCost_EUR ?? null;
      return [
        scenarioLabel(lang, r),
        npc,
        npc === null || baseNpc === null || r === m.base ? null : npc - baseNpc,
      ];
    }),
  };
}

/** Every comparison table of the path section (empty without scenario paths). */
export function pathCompareTables(m: ReportModel, lang: ReportLanguage): Table[] {
  const npc = pathNpcComparisonTable(m, lang);
  return npc ? [npc, ...pathComparisonTables(m, lang)] : [];
}
