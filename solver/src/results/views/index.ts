/**
 * Results views: the data behind every chart, table and report, computed from a run's results and
 * dispatch in one place, for the planner (renderer/src/charts, pages/results), the CLI and the
 * report (solver/src/report). Pure functions, no echarts, no React, no language beyond the names
 * of the cost categories.
 */
export * from './columns';
export * from './storage';
export * from './dispatch';
export * from './sankey';
export * from './costs';
export * from './compare';
export * from './csv';
export * from './path';
export * from './pathReport';
export * from './pathExtra';
export * from './network';
export * from './sizes';
