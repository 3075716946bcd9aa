import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportError, readValueColumn } from '../profiles/import';
import { validateProject, type ProjectError } from '../project/validate';
import type { Project } from '../project/types';

export class ProjectLoadError extends Error {
  constructor(readonly errors: ProjectError[]) {
    super(errors.map(formatError).join('\n'));
  }
}

export function formatError(e: ProjectError): string {
  const where = [e.fileName, e.line, e.column].filter((v) => v !== undefined).join(':');
  return where ? `${where}: ${e.message}` : e.message;
}

/**
 * Reads and validates a project file. Time series given as `file` references are loaded from CSV
 * files beside the project through the profile import's table reader (header row; delimiter, encoding
 * and decimal mark detected) and inlined.
 */
export async function loadProject(file: string): Promise<Project> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new ProjectLoadError([{ pointer: '', message: `cannot read ${file}: ${err.code ?? err.message}` }]);
  });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    const r = validateProject(text, { fileName: file });
    if (!r.ok) throw new ProjectLoadError(r.errors);
  }
  const fileErrors: ProjectError[] = [];
  const ts = (
    doc as {
      timeSeries?: Record<string, { file?: string; column?: string; unit?: string; values?: number[] }>;
    }
  )?.timeSeries;
  if (ts && typeof ts === 'object') {
    for (const [id, spec] of Object.entries(ts)) {
      if (!spec || typeof spec.file !== 'string') continue;
      const csvPath = path.resolve(path.dirname(file), spec.file);
      try {
        const values = readValueColumn(await readFile(csvPath), spec.column);
        ts[id] = { unit: spec.unit ?? '', values };
      } catch (err) {
        fileErrors.push({
          pointer: `/timeSeries/${id}/file`,
          message: err instanceof ImportError ? `${csvPath}: ${err.message}` : (err as Error).message,
          fileName: file,
        });
      }
    }
  }
  if (fileErrors.length) throw new ProjectLoadError(fileErrors);
  const r = validateProject(doc, { fileName: file, text });
  if (!r.ok) throw new ProjectLoadError(r.errors);
  return r.project;
}

/** Loads a project for a CLI command; invalid input is reported on stderr and gives null (exit code 1). */
export async function loadProjectOrReport(
  file: string,
  io: { stderr: (t: string) => void },
): Promise<Project | null> {
  try {
    return await loadProject(file);
  } catch (err) {
    if (err instanceof ProjectLoadError) {
      io.stderr(`${err.message}\n`);
      return null;
    }
    throw err;
  }
}
