/**
 * The defaults of a new transformation path: the solver's (solver/src/project/pathDefaults.ts),
 * which write the source of each figure into `periods.sources`; the path table reads them there.
 */
export { defaultPeriods } from '../../../../solver/src';

/**
 * Sources the planner knows beyond `periods.sources` (row key or path name → text). Empty: every
 * default names its own; kept so a path from a file without sources can be given some later.
 */
export const PATH_SOURCES: Partial<Record<string, string>> = {};
