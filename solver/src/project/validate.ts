import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { projectSchema } from './schema';
import { checkDocument, type SchemaFinding, type ValidationResult } from './checkDocument';

export { migrate, type ProjectError, type ValidationResult } from './checkDocument';

const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: true });
const validateSchema = ajv.compile(projectSchema);

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
  return checkDocument(json, source, (doc) => {
    if (validateSchema(doc)) return [];
    const found: SchemaFinding[] = [];
    for (const e of validateSchema.errors ?? []) {
      if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
      const pointer =
        e.keyword === 'additionalProperties'
          ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`
          : e.instancePath;
      found.push({ pointer, message: `${pointer || '/'}: ${describe(e)}` });
    }
    return found;
  });
}
