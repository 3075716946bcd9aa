import type { Project } from '../project/types';
import { applyScenario } from '../project/scenario';
import { isPath } from '../project/periods';
import type { BatchAxis, BatchSpec, SpecProblem } from './spec';
import { axisValues, valueGrid, type ValueAxis } from './sweepGrid';

/**
 * The jobs of a batch spec: their stable, readable ids (the names of their result files), in a fixed
 * order, and the deterministic split into chunks for a Kubernetes Indexed Job.
 */

export type JobKind = 'scenario' | 'sweep' | 'pareto';

export interface BatchJob {
  /** `scenario-base`, `sweep-0003`, `sweep-gas-0003` (a sweep with an id), `pareto-base`. */
  id: string;
  kind: JobKind;
  /** The scenario solved ('base' for the project itself); a sweep's point is applied on top of it. */
  scenario: string;
  /** A sweep point's values by JSON pointer. */
  overrides?: Record<string, number>;
  /** A front's number of points. */
  points?: number;
  /** A front's clean-end tolerance (share of its CO2 range; absent: 0, the strict end). */
  cleanEndTolerance?: number;
  /** A sweep point screened on typical days only (the sweep's `fullYearCheck: false`). */
  fullYearCheck?: false;
  /**
   * Expected work in solves (1, a front's points, 0.1 for a typical-day screening point): what the
   * chunks and the worker queue balance.
   */
  weight: number;
}

/** The value at a JSON pointer; array elements may be addressed by their `id` (as setPointer does). */
export function valueAt(doc: unknown, pointer: string): unknown {
  let node: unknown = doc;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node) && !/^\d+$/.test(part))
      node = node.find((e) => (e as { id?: string })?.id === part);
    else node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Every scenario of the project, base first. */
const allScenarios = (project: Project) => ['base', ...(project.scenarios ?? []).map((s) => s.id)];

/** Zero-padded 1-based number: 4 digits for sweeps, 2 for front points, more when needed. */
export const numbered = (k: number, total: number, digits: number): string =>
  String(k).padStart(Math.max(digits, String(total).length), '0');

function scenarioList(
  value: BatchSpec['scenarios'],
  project: Project,
  at: string,
  problems: SpecProblem[],
): string[] {
  if (value === undefined) return [];
  if (value === 'all') return allScenarios(project);
  const known = allScenarios(project);
  value.forEach((id, k) => {
    if (!known.includes(id))
      problems.push({
        pointer: `${at}/${k}`,
        message: `scenario '${id}' does not exist in the project (known: ${known.join(', ')})`,
      });
  });
  return value;
}

const valuesOf = (a: BatchAxis): ValueAxis => ({
  pointer: a.pointer,
  values: a.values ?? axisValues({ pointer: a.pointer, from: a.from!, to: a.to!, steps: a.steps! }),
});

function sweepJobs(spec: BatchSpec, project: Project, problems: SpecProblem[]): BatchJob[] {
  const sweeps = spec.sweeps ?? [];
  const jobs: BatchJob[] = [];
  sweeps.forEach((s, k) => {
    const at = `/sweeps/${k}`;
    if (sweeps.length > 1 && s.id === undefined)
      problems.push({ pointer: at, message: "several sweeps need an 'id' each (it names their jobs)" });
    const scenario = s.scenario ?? 'base';
    const known = allScenarios(project);
    if (!known.includes(scenario)) {
      problems.push({
        pointer: `${at}/scenario`,
        message: `scenario '${scenario}' does not exist in the project (known: ${known.join(', ')})`,
      });
      return;
    }
    const applied = applyScenario(project, scenario);
    s.axes.forEach((a, n) => {
      if (typeof valueAt(applied, a.pointer) !== 'number')
        problems.push({
          pointer: `${at}/axes/${n}/pointer`,
          message: `'${a.pointer}' is not a number in the project${scenario === 'base' ? '' : ` (scenario ${scenario})`}`,
        });
    });
    if (s.axes.length === 2 && s.axes[0].pointer === s.axes[1].pointer) {
      problems.push({ pointer: `${at}/axes/1/pointer`, message: 'the two axes of a sweep must differ' });
      return;
    }
    const screening = s.fullYearCheck === false;
    if (screening && (spec.mode === 'full' || isPath(applied))) {
      problems.push({
        pointer: `${at}/fullYearCheck`,
        message:
          spec.mode === 'full'
            ? "a screening on typical days (fullYearCheck: false) does not go with mode 'full'"
            : 'a screening on typical days (fullYearCheck: false) needs a single-year project, not a transformation path',
      });
      return;
    }
    const grid = valueGrid(valuesOf(s.axes[0]), s.axes[1] && valuesOf(s.axes[1]));
    const prefix = s.id === undefined ? 'sweep' : `sweep-${s.id}`;
    grid.forEach((p, q) =>
      jobs.push({
        id: `${prefix}-${numbered(q + 1, grid.length, 4)}`,
        kind: 'sweep',
        scenario,
        overrides: p.overrides,
        ...(screening ? { fullYearCheck: false as const } : {}),
        weight: screening ? 0.1 : 1,
      }),
    );
  });
  return jobs;
}

/**
 * The jobs of a spec, in spec order: scenarios, then each sweep's grid (axis 1 fastest), then the
 * fronts. Throws nothing: problems (unknown scenarios, pointers that are no number in the project,
 * clashing ids) are returned, located in the spec.
 */
export function planJobs(spec: BatchSpec, project: Project): { jobs: BatchJob[]; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const jobs: BatchJob[] = scenarioList(spec.scenarios, project, '/scenarios', problems).map((id) => ({
    id: `scenario-${id}`,
    kind: 'scenario',
    scenario: id,
    weight: 1,
  }));
  jobs.push(...sweepJobs(spec, project, problems));
  if (spec.pareto) {
    const { points, cleanEndTolerance } = spec.pareto;
    const list = scenarioList(spec.pareto.scenarios ?? ['base'], project, '/pareto/scenarios', problems);
    for (const scenario of list)
      jobs.push({
        id: `pareto-${scenario}`,
        kind: 'pareto',
        scenario,
        points,
        ...(cleanEndTolerance ? { cleanEndTolerance } : {}),
        weight: points,
      });
  }
  // Ids name files: two that differ only in case would be one file on Windows and macOS.
  const seen = new Map<string, string>();
  for (const j of jobs) {
    const other = seen.get(j.id.toLowerCase());
    if (other !== undefined)
      problems.push({ pointer: '', message: `jobs '${other}' and '${j.id}' would share one result file` });
    seen.set(j.id.toLowerCase(), j.id);
  }
  return { jobs, problems };
}

/**
 * Chunk `index` (0-based) of `count`: the jobs are dealt out heaviest first (a front weighs its points)
 * to the chunk with the least work so far, the lower index on a tie; each chunk keeps spec order.
 * Deterministic: every pod of an Indexed Job computes the same split from the same spec.
 */
export function chunkJobs<J extends Pick<BatchJob, 'weight'>>(jobs: J[], index: number, count: number): J[] {
  if (!(Number.isInteger(count) && count >= 1))
    throw new Error('the number of chunks must be a whole number ≥ 1');
  if (!(Number.isInteger(index) && index >= 0 && index < count))
    throw new Error(`the chunk index must be a whole number from 0 to ${count - 1}`);
  const load = new Array<number>(count).fill(0);
  const owner = new Array<number>(jobs.length);
  const order = jobs.map((_, k) => k).sort((a, b) => jobs[b].weight - jobs[a].weight || a - b);
  for (const k of order) {
    let best = 0;
    for (let c = 1; c < count; c++) if (load[c] < load[best]) best = c;
    owner[k] = best;
    load[best] += jobs[k].weight;
  }
  return jobs.filter((_, k) => owner[k] === index);
}
