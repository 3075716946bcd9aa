/**
 * The shipped examples as the benchmarks and their tests read them: assets/examples/NAME, validated
 * (and migrated) as `werkplan solve` reads a project file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateProject } from '../../solver/src/project/validate';
import type { Project } from '../../solver/src/project/types';

export function loadExample(name: string): Project {
  const text = readFileSync(fileURLToPath(new URL(`../../assets/examples/${name}`, import.meta.url)), 'utf8');
  const r = validateProject(JSON.parse(text));
  if (!r.ok) throw new Error(`${name}: ${r.errors.map((e) => e.message).join('\n')}`);
  return r.project;
}

/** The reference hub (assets/examples/reference-hub.json). */
export const loadHub = (): Project => loadExample('reference-hub.json');
