import { projectSchema, checkDocument, type ProjectError, type ValidationResult } from '../../../solver/src';
// Not solver/src/project/validate.ts: it compiles its schema with Ajv at import, i.e. with
// `new Function`, which the renderer's Content Security Policy (no 'unsafe-eval') forbids.

export type { ProjectError, ValidationResult };

type Schema = Record<string, unknown>;
interface Found {
  pointer: string;
  message: string;
}

const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const typeOk = (t: string, v: unknown) =>
  t === 'object'
    ? typeof v === 'object' && v !== null && !Array.isArray(v)
    : t === 'array'
      ? Array.isArray(v)
      : t === 'integer'
        ? typeof v === 'number' && Number.isInteger(v)
        : t === 'number'
          ? typeof v === 'number' && Number.isFinite(v)
          : typeof v === t;

/**
 * Checks a value against the subset of JSON Schema that project format v1 uses, by walking the
 * schema (no code generation, so it runs under the renderer's CSP). Messages as validateProject's.
 */
function walk(s: Schema, v: unknown, at: string, out: Found[], closest = false): void {
  const err = (message: string, pointer = at): void => {
    out.push({ pointer, message: `${pointer || '/'}: ${message}` });
  };
  if ('const' in s && v !== s.const) return err(`must be ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(v))
    return err(`must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  if (typeof s.type === 'string' && !typeOk(s.type, v)) return err(`must be ${s.type}`);
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) err(`must be >= ${s.minimum}`);
    if (typeof s.maximum === 'number' && v > s.maximum) err(`must be <= ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum)
      err(`must be > ${s.exclusiveMinimum}`);
  }
  if (typeof v === 'string') {
    if (typeof s.minLength === 'number' && v.length < s.minLength)
      err(`must NOT have fewer than ${s.minLength} characters`);
    if (typeof s.maxLength === 'number' && v.length > s.maxLength)
      err(`must NOT have more than ${s.maxLength} characters`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v))
      err(`must match pattern "${s.pattern}"`);
  }
  if (Array.isArray(v)) {
    if (typeof s.maxItems === 'number' && v.length > s.maxItems)
      err(`must NOT have more than ${s.maxItems} items`);
    const items = s.items as Schema | undefined;
    if (items && items.type === 'number' && Object.keys(items).length === 1) {
      // fast path for series (8760 numbers): walk only the values that fail
      for (let i = 0; i < v.length; i++)
        if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) walk(items, v[i], `${at}/${i}`, out, closest);
    } else if (items) v.forEach((e, i) => walk(items, e, `${at}/${i}`, out, closest));
  }
  if (typeOk('object', v)) {
    const o = v as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const r of (s.required ?? []) as string[]) if (!(r in o)) err(`missing required key '${r}'`);
    for (const [k, val] of Object.entries(o)) {
      const p = `${at}/${esc(k)}`;
      if (s.propertyNames) {
        const before = out.length;
        walk(s.propertyNames as Schema, k, p, out);
        if (out.length > before) {
          out.splice(before);
          err(`property name '${k}' is invalid`);
        }
      }
      if (k in props) walk(props[k], val, p, out, closest);
      else if (s.additionalProperties === false) err(`unknown key '${k}'`, p);
      else if (typeof s.additionalProperties === 'object')
        walk(s.additionalProperties as Schema, val, p, out, closest);
    }
  }
  if (Array.isArray(s.oneOf)) {
    const branches = s.oneOf as Schema[];
    const disc = (s.discriminator as { propertyName?: string } | undefined)?.propertyName;
    if (disc && typeOk('object', v)) {
      const tag = (v as Record<string, unknown>)[disc];
      const b = branches.find((x) => (x.properties as Record<string, Schema>)?.[disc]?.const === tag);
      if (!b)
        return err(
          `must be one of ${branches.map((x) => JSON.stringify((x.properties as Record<string, Schema>)[disc].const)).join(', ')}`,
          at,
        );
      return walk(b, v, at, out, closest);
    }
    const results = branches.map((b) => {
      const o: Found[] = [];
      walk(b, v, at, o, closest);
      return o;
    });
    const passing = results.filter((r) => r.length === 0).length;
    if (passing === 1) return;
    if (passing > 1) return err('must match exactly one schema in oneOf');
    if (closest) {
      out.push(...results[closestBranch(branches, results, v, at)]);
      return;
    }
    // as Ajv: the errors of every branch
    for (const r of results) out.push(...r);
  }
}

/**
 * The branch of a oneOf the value was meant for: one of its type if any, then the one with the
 * fewest problems at the value itself (missing or unknown keys), then the fewest problems.
 */
function closestBranch(branches: Schema[], results: Found[][], v: unknown, at: string): number {
  const kind = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
  const typed = branches.map((b) => b.type === kind || (kind === 'number' && b.type === 'integer'));
  const own = (r: Found[]) =>
    r.filter((f) => f.pointer === at || f.pointer.slice(at.length + 1).indexOf('/') < 0).length;
  let best = 0;
  results.forEach((r, i) => {
    const b = results[best];
    const better =
      typed[i] !== typed[best] ? typed[i] : own(r) !== own(b) ? own(r) < own(b) : r.length < b.length;
    if (better) best = i;
  });
  return best;
}

/**
 * validateProject for the renderer: the same schema (solver/src/project/schema.ts) and the same
 * cross-checks, every error at its JSON pointer and, with the file's text, line and column.
 * The cross-checks are solver/src/project/crossCheck.ts, shared with validateProject.
 */
export function checkProject(
  json: unknown,
  source: { fileName?: string; text?: string } = {},
  options: { closest?: boolean } = {},
): ValidationResult {
  return checkDocument(json, source, (doc) => {
    const found: Found[] = [];
    walk(projectSchema, doc, '', found, options.closest ?? false);
    return found;
  });
}

/**
 * The check as the planner shows it (one message per problem): where a value may take one of
 * several forms (a price: a number or a series; a series: values or a file), only the problems of
 * the form it was meant to have, not those of every form as validateProject reports them.
 */
export const checkForPlanner = (json: unknown): ValidationResult => checkProject(json, {}, { closest: true });
