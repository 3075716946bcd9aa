import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { projectSchema } from './schema';
import { FORMAT_VERSION, type ProjectV1 } from './types';
import { locatePointer, positionOf } from './locate';
import { jsonErrorOffset } from './jsonError';
import { crossCheck } from './crossCheck';

export interface ProjectError {
  /** JSON pointer of the offending value ('' for the document). */
  pointer: string;
  message: string;
  fileName?: string;
  line?: number;
  column?: number;
}

export type ValidationResult = { ok: true; project: ProjectV1 } | { ok: false; errors: ProjectError[] };

const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: true });
const validateSchema = ajv.compile(projectSchema);

/** Migrations from older format versions: each takes version n and returns version n+1. */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

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

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key '${(e.params as { additionalProperty: string }).additionalProperty}'`;
    case 'required':
      return `missing required key '${(e.params as { missingProperty: string }).missingProperty}'`;
    case 'const':
      return `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case 'enum':
      return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return e.message ?? e.keyword;
  }
}

/** Validates a parsed document (or JSON text) against format v1 and the cross-references. */
export function validateProject(
  json: unknown,
  source: { fileName?: string; text?: string } = {},
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
  const locate = (pointer: string): ProjectError => {
    const pos = text ? locatePointer(text, pointer) : undefined;
    return { pointer, message: '', fileName: source.fileName, ...pos };
  };
  if (!validateSchema(doc)) {
    const seen = new Set<string>();
    const errors: ProjectError[] = [];
    for (const e of validateSchema.errors ?? []) {
      if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
      const pointer =
        e.keyword === 'additionalProperties'
          ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`
          : e.instancePath;
      const message = `${pointer || '/'}: ${describe(e)}`;
      if (seen.has(message)) continue;
      seen.add(message);
      errors.push({ ...locate(pointer), message });
    }
    return { ok: false, errors };
  }
  const project = doc as ProjectV1;
  const errors = crossCheck(project).map((e) => ({
    ...locate(e.pointer),
    message: `${e.pointer}: ${e.message}`,
  }));
  return errors.length ? { ok: false, errors } : { ok: true, project };
}
