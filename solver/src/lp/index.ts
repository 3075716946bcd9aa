import type { SolverBackend, SolverName } from './backend';

/** Creates a solver backend by name; HiGHS-WASM is the default, glpk.js the cross-check. */
export async function createBackend(name: SolverName = 'highs'): Promise<SolverBackend> {
  if (name === 'highs') return (await import('./highs')).createHighsBackend();
  if (name === 'glpk') return (await import('./glpk')).createGlpkBackend();
  throw new Error(`unknown solver '${String(name)}' (use highs or glpk)`);
}

export type {
  SolverBackend,
  SolverName,
  LpSolution,
  SolveOptions,
  SolveProgress,
  SizingPreview,
  PathPreview,
  PreviewSizes,
  RunningCheck,
  SolveStatus,
} from './backend';
export { LpBuilder, type LpModel } from './model';
