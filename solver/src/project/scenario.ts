import type { Project } from './types';

/** The base project with one scenario's overrides applied (a deep copy; the input is not changed). */
export function applyScenario(project: Project, scenarioId?: string): Project {
  if (!scenarioId || scenarioId === 'base') return project;
  const scenario = project.scenarios?.find((s) => s.id === scenarioId);
  if (!scenario) {
    const known = ['base', ...(project.scenarios ?? []).map((s) => s.id)].join(', ');
    throw new Error(`scenario '${scenarioId}' does not exist (known: ${known})`);
  }
  const copy = structuredClone(project);
  for (const [pointer, value] of Object.entries(scenario.overrides)) setPointer(copy, pointer, value);
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
