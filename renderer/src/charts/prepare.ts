/**
 * The data behind the results charts comes from the results views of the solver
 * (solver/src/results/views: dispatch stacks, storage netting, Sankey, costs, comparison), the
 * same functions the CLI and the report use. This module only passes them on to the charts.
 */
export * from '../../../solver/src/results/views';
