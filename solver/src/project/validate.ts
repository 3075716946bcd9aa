/**
 * The one validator of project format v2 (docs/decisions/one-validator.md), for the CLI, the
 * scripts and the renderer: the JSON Schema check generated from schema.ts by Ajv ahead of time
 * (no `new Function` at run time, so the renderer's CSP allows it), then the cross-checks of
 * crossCheck.ts; every error at its JSON pointer and, with the file's text, line and column.
 */
import { checkDocument, type ValidationResult } from './checkDocument';
import { schemaFindings } from './schemaFindings';

export { migrate, type ProjectError, type ValidationResult } from './checkDocument';

type Source = { fileName?: string; text?: string };

/** Validates a parsed document (or JSON text) against format v2 and the cross-references; the CLI's messages. */
export function validateProject(json: unknown, source: Source = {}): ValidationResult {
  return checkDocument(json, source, (doc) => schemaFindings(doc, 'cli'));
}

/**
 * validateProject in the wording the planner's problem list reads (renderer/src/project/problems.ts):
 * the same findings at the same places. With `closest`, where a value may take one of several
 * forms, only the problems of the form it was meant to have.
 */
export function checkProject(
  json: unknown,
  source: Source = {},
  options: { closest?: boolean } = {},
): ValidationResult {
  return checkDocument(json, source, (doc) => schemaFindings(doc, 'planner', options.closest ?? false));
}

/**
 * The check as the planner shows it (one message per problem): where a value may take one of
 * several forms (a price: a number or a series; a series: values or a file), only the problems of
 * the form it was meant to have, not those of every form as validateProject reports them.
 */
export const checkForPlanner = (json: unknown): ValidationResult => checkProject(json, {}, { closest: true });
