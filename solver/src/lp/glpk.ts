import type { LpModel } from './model';
import type { LpSolution, SolveOptions, SolveStatus, SolverBackend } from './backend';

interface GlpkApi {
  GLP_MIN: number;
  GLP_FR: number;
  GLP_LO: number;
  GLP_UP: number;
  GLP_DB: number;
  GLP_FX: number;
  GLP_MSG_OFF: number;
  solve(
    lp: unknown,
    options?: unknown,
  ):
    | { result: { status: number; z: number; vars: Record<string, number>; dual?: Record<string, number> } }
    | Promise<{
        result: { status: number; z: number; vars: Record<string, number>; dual?: Record<string, number> };
      }>;
  terminate?: () => void;
}

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

/**
 * glpk.js (GLPK compiled to WebAssembly): the selectable second backend and cross-check on small
 * models. It is far slower than HiGHS on full-year models (shared/cases/reference-hub/SOLVERS.md).
 * Columns and rows are passed as x<j> / r<i>: glpk.js keys its results by name.
 */
export async function createGlpkBackend(): Promise<SolverBackend> {
  const mod = (isNode ? await import('glpk.js/node') : await import('glpk.js')) as unknown as {
    default: () => Promise<GlpkApi>;
  };
  let glpk: GlpkApi | null = await mod.default();

  const bound = (g: GlpkApi, lb: number, ub: number) => {
    const lo = Number.isFinite(lb);
    const hi = Number.isFinite(ub);
    if (lo && hi) return { type: lb === ub ? g.GLP_FX : g.GLP_DB, lb, ub };
    if (lo) return { type: g.GLP_LO, lb, ub: 0 };
    if (hi) return { type: g.GLP_UP, lb: 0, ub };
    return { type: g.GLP_FR, lb: 0, ub: 0 };
  };

  return {
    name: 'glpk',
    async solve(m: LpModel, options: SolveOptions = {}): Promise<LpSolution> {
      if (!glpk) throw new Error('glpk backend was disposed');
      const g = glpk;
      const t0 = performance.now();
      const n = m.colNames.length;
      const vars = [];
      for (let j = 0; j < n; j++) if (m.colCost[j] !== 0) vars.push({ name: `x${j}`, coef: m.colCost[j] });
      const subjectTo = [];
      for (let i = 0; i < m.rowNames.length; i++) {
        const v = [];
        for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++)
          v.push({ name: `x${m.colIndex[k]}`, coef: m.values[k] });
        subjectTo.push({ name: `r${i}`, vars: v, bnds: bound(g, m.rowLower[i], m.rowUpper[i]) });
      }
      const bounds = [];
      for (let j = 0; j < n; j++) bounds.push({ name: `x${j}`, ...bound(g, m.colLower[j], m.colUpper[j]) });
      const generals: string[] = [];
      if (m.colIntegrality) for (let j = 0; j < n; j++) if (m.colIntegrality[j] === 1) generals.push(`x${j}`);
      // A column that appears nowhere still needs to exist for glpk: give it a zero objective entry.
      if (vars.length === 0 && n > 0) vars.push({ name: 'x0', coef: 0 });
      const lp = {
        name: 'werkplan',
        objective: { direction: g.GLP_MIN, name: 'cost', vars },
        subjectTo,
        bounds,
        generals,
      };
      if (options.signal?.aborted) return empty('cancelled', 0);
      const tmlim = options.timeLimit_s ?? 2_000_000;
      const tolerance = options.mipGap ?? 1e-4;
      const run = (presol: boolean) =>
        g.solve(lp, { msglev: g.GLP_MSG_OFF, presol, mipgap: tolerance, tmlim });
      let r = (await run(true)).result;
      // With presolve, an infeasible or unbounded LP ends with status 1 (undefined); without it the
      // simplex states which. A status 1 after the time limit stays a time limit.
      if (r.status === 1 && !generals.length && (performance.now() - t0) / 1000 < tmlim)
        r = (await run(false)).result;
      const { status, has } = statusOf(
        r.status,
        generals.length > 0,
        (performance.now() - t0) / 1000 < tmlim,
      );
      if (!has) return empty(status, (performance.now() - t0) / 1000);
      const x = new Float64Array(n);
      for (let j = 0; j < n; j++) x[j] = r.vars[`x${j}`] ?? 0;
      let objective = m.objectiveOffset;
      for (let j = 0; j < n; j++) objective += m.colCost[j] * x[j];
      const rowDual =
        r.dual && !generals.length
          ? Float64Array.from(m.rowNames, (_, i) => r.dual![`r${i}`] ?? 0)
          : undefined;
      let mipGap: number | undefined = 0;
      // A MILP stopped before its search ended: glpk.js reports no best bound, the LP relaxation is one.
      if (generals.length && r.status !== 5) {
        let bound: number | undefined;
        if (!options.signal?.aborted) {
          const left = Math.max(tmlim - (performance.now() - t0) / 1000, tmlim / 10);
          const relaxed = (
            await g.solve({ ...lp, generals: [] }, { msglev: g.GLP_MSG_OFF, presol: true, tmlim: left })
          ).result;
          if (relaxed.status === 5) bound = relaxed.z + m.objectiveOffset;
        }
        const reached = status === 'optimal' ? tolerance : undefined;
        mipGap = glpkMipGap(objective, m.objectiveOffset, bound, reached);
      }
      return {
        status,
        hasSolution: true,
        objective,
        x,
        rowDual,
        mipGap,
        seconds: (performance.now() - t0) / 1000,
        solver: 'glpk',
      };
    },
    dispose() {
      glpk?.terminate?.();
      glpk = null;
    },
  };
}

/**
 * The solve status of a glpk.js result. A MILP's status 2 (feasible, optimality not proven) comes
 * from the relative gap tolerance being reached, which is an optimum as HiGHS reports it, or from
 * the time limit; status 1 after presolve without a definite answer counts as the time limit.
 */
export function statusOf(
  glpkStatus: number,
  mip: boolean,
  withinTimeLimit: boolean,
): { status: SolveStatus; has: boolean } {
  if (glpkStatus === 5) return { status: 'optimal', has: true };
  if (glpkStatus === 2 && mip) return { status: withinTimeLimit ? 'optimal' : 'time_limit', has: true };
  if (glpkStatus === 4 || glpkStatus === 3) return { status: 'infeasible', has: false };
  if (glpkStatus === 6) return { status: 'unbounded', has: false };
  return { status: 'time_limit', has: false };
}

/**
 * The relative MIP gap of a search glpk stopped early, (objective − bound) / |objective|, both with
 * the model's objective offset. glpk.js does not expose its branch-and-bound's best bound, so the
 * LP relaxation's optimum stands in for it: an upper bound on the true gap. When the gap tolerance
 * stopped the search, glpk's own gap (on its objective, without the offset) is at most that
 * tolerance, which bounds the difference too; the smaller difference counts. Undefined when neither
 * is known, or when the objective is 0 and the gap not.
 */
export function glpkMipGap(
  objective: number,
  offset: number,
  bound?: number,
  tolerance?: number,
): number | undefined {
  let diff = bound === undefined ? undefined : Math.max(0, objective - bound);
  if (tolerance !== undefined) {
    const reached = tolerance * Math.abs(objective - offset);
    diff = diff === undefined ? reached : Math.min(diff, reached);
  }
  if (diff === undefined) return undefined;
  if (diff <= 1e-9 * Math.max(1, Math.abs(objective))) return 0;
  return objective === 0 ? undefined : diff / Math.abs(objective);
}

function empty(status: SolveStatus, seconds: number): LpSolution {
  return { status, hasSolution: false, objective: NaN, x: new Float64Array(0), seconds, solver: 'glpk' };
}
