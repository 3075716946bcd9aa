import { crossCheck } from './crossCheck';
import { jsonErrorOffset } from './jsonError';
import { locatePointer, positionOf } from './locate';
import { FORMAT_VERSION, type Project } from './types';

export interface ProjectError {
  /** JSON pointer of the offending value ('' for the document). */
  pointer: string;
  message: string;
  fileName?: string;
  line?: number;
  column?: number;
}

export type ValidationResult = { ok: true; project: Project } | { ok: false; errors: ProjectError[] };

/** A schema finding: where, and the message (already starting with the pointer). */
export interface SchemaFinding {
  pointer: string;
  message: string;
}

/** Migrations from older format versions: each takes version n and returns version n+1. */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  /** v1 → v2: v2 only adds optional fields (periods, commissioned_year); a v1 project is a path of one period. */
  1: (doc) => ({ ...doc, formatVersion: 2 }),
};

export function migrate(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null) return doc;
  let d = doc as Record<string, unknown>;
  let v = d.formatVersion;
  while (typeof v === 'number' && v < FORMAT_VERSION && migrations[v]) {
    d = migrations[v](d);
    v = d.formatVersion;
  }
  return d;
}

/**
 * The validation driver of validate.ts: parse JSON text with a located error, migrate, check the
 * schema with the given checker, then the cross-checks; every error at its JSON pointer and, with
 * the text, its line and column.
 */
export function checkDocument(
  json: unknown,
  source: { fileName?: string; text?: string },
  schemaFindings: (doc: unknown) => SchemaFinding[],
): ValidationResult {
  let doc = json;
  const text = source.text ?? (typeof json === 'string' ? json : undefined);
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch (err) {
      const offset = jsonErrorOffset(json);
      const pos = offset >= 0 ? positionOf(json, offset) : undefined;
      return {
        ok: false,
        errors: [
          {
            pointer: '',
            message: `not valid JSON: ${(err as Error).message}`,
            fileName: source.fileName,
            ...pos,
          },
        ],
      };
    }
  }
  doc = migrate(doc);
  const locate = (f: SchemaFinding): ProjectError => {
    const pos = text ? locatePointer(text, f.pointer) : undefined;
    return { pointer: f.pointer, message: f.message, fileName: source.fileName, ...pos };
  };
  const found = schemaFindings(doc);
  if (found.length) {
    const seen = new Set<string>();
    return {
      ok: false,
      errors: found.filter((f) => !seen.has(f.message) && seen.add(f.message)).map(locate),
    };
  }
  const project = doc as Project;
  const errors = crossCheck(project).map((e) =>
    locate({ pointer: e.pointer, message: `${e.pointer}: ${e.message}` }),
  );
  return errors.length ? { ok: false, errors } : { ok: true, project };
}
