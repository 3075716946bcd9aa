import type { Project } from './types';

/**
 * The base project with one scenario's overrides applied; the input is not changed. A deep copy,
 * except the series' value arrays (the bulk of a project, copied per sweep point before): the copy
 * has series objects of its own that share those arrays with the base, nothing changes them in
 * place, and an override inside one copies that array first.
 */
export function applyScenario(project: Project, scenarioId?: string): Project {
  if (!scenarioId || scenarioId === 'base') return project;
  const scenario = project.scenarios?.find((s) => s.id === scenarioId);
  if (!scenario) {
    const known = ['base', ...(project.scenarios ?? []).map((s) => s.id)].join(', ');
    throw new Error(`scenario '${scenarioId}' does not exist (known: ${known})`);
  }
  const { timeSeries, ...rest } = project;
  const copy: Project = {
    ...structuredClone(rest),
    timeSeries: Object.fromEntries(Object.entries(timeSeries).map(([id, s]) => [id, { ...s }])),
  };
  const copied = new Set<string>();
  for (const [pointer, value] of Object.entries(scenario.overrides)) {
    const inSeries = /^\/timeSeries\/([^/]+)\/values(\/|$)/.exec(pointer);
    const id = inSeries?.[1].replace(/~1/g, '/').replace(/~0/g, '~');
    const series = id !== undefined ? copy.timeSeries[id] : undefined;
    if (id !== undefined && series && 'values' in series && !copied.has(id)) {
      series.values = series.values.slice();
      copied.add(id);
    }
    setPointer(copy, pointer, value);
  }
  return copy;
}

/** Sets the value at a JSON pointer; array elements with an `id` may be addressed by it (/technologies/chp/max). */
export function setPointer(doc: unknown, pointer: string, value: unknown): void {
  const parts = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = doc as Record<string, unknown>;
  const key = (n: unknown, part: string) =>
    Array.isArray(n) && !/^\d+$/.test(part)
      ? String(n.findIndex((e) => (e as { id?: string })?.id === part))
      : part;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = node[key(node, parts[i])];
    if (typeof next !== 'object' || next === null)
      throw new Error(`override ${pointer}: '${parts.slice(0, i + 1).join('/')}' does not exist`);
    node = next as Record<string, unknown>;
  }
  const last = key(node, parts[parts.length - 1]);
  if (!(last in node)) {
    throw new Error(`override ${pointer}: '${last}' does not exist in the base project`);
  }
  node[last] = value;
}
