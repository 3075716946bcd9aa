import type { ErrorObject } from 'ajv';
import validateSchema from './schemaValidator.generated';
import { projectSchema } from './schema';
import type { SchemaFinding } from './checkDocument';

/**
 * The schema check of project format v2 for the CLI and the renderer alike: the Ajv standalone
 * validator generated from schema.ts (schemaValidator.generated.js, no code generation at run time,
 * so it runs under the renderer's CSP) and the wording of its errors. Two wordings:
 * - 'cli': the CLI's messages, a contract (`werkplan validate`); every branch of a oneOf.
 * - 'planner': what the planner turns into sentences (renderer/src/project/problems.ts): a bad
 *   technology type as "must be one of …", a bad series key as one "property name … is invalid",
 *   keys escaped in pointers, in document order; with `closest`, of a oneOf only the branch the
 *   value was meant for.
 */
export type Wording = 'cli' | 'planner';

type Schema = Record<string, unknown>;

interface Item extends SchemaFinding {
  error: ErrorObject;
}

const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const unesc = (k: string) => k.replace(/~1/g, '/').replace(/~0/g, '~');

/** The schema at an Ajv schemaPath ('#/properties/x/oneOf/1'). */
function schemaAt(schemaPath: string): Schema | undefined {
  let s: unknown = projectSchema;
  for (const part of schemaPath.split('/').slice(1)) {
    if (typeof s !== 'object' || s === null) return undefined;
    s = (s as Record<string, unknown>)[unesc(decodeURIComponent(part))];
  }
  return typeof s === 'object' && s !== null ? (s as Schema) : undefined;
}

/** The value at an (escaped) JSON pointer. */
function valueAt(doc: unknown, pointer: string): unknown {
  let v = doc;
  for (const part of pointer === '' ? [] : pointer.slice(1).split('/')) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[unesc(part)];
  }
  return v;
}

function describe(e: ErrorObject, wording: Wording): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key '${(e.params as { additionalProperty: string }).additionalProperty}'`;
    case 'required':
      return `missing required key '${(e.params as { missingProperty: string }).missingProperty}'`;
    case 'const':
      return `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case 'enum':
      return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'discriminator':
      if (wording === 'planner') {
        const tag = (e.params as { tag: string }).tag;
        const branches = (schemaAt(e.schemaPath.replace(/\/discriminator$/, '/oneOf')) ??
          []) as unknown as Schema[];
        const tags = branches.map((b) => (b.properties as Record<string, Schema>)[tag].const);
        return `must be one of ${tags.map((v) => JSON.stringify(v)).join(', ')}`;
      }
      return e.message ?? e.keyword;
    case 'propertyNames':
      if (wording === 'planner')
        return `property name '${(e.params as { propertyName: string }).propertyName}' is invalid`;
      return e.message ?? e.keyword;
    default:
      return e.message ?? e.keyword;
  }
}

const parentOf = (e: ErrorObject) =>
  `${e.instancePath}#${e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'))}`;

/**
 * The errors shown in the wording ('oneOf' stands for its branches' errors). For the planner, a
 * oneOf only when several branches pass, a property name's own errors as one message, and a value
 * of the wrong type with that problem only (Ajv also checks the bounds of 0.5 against an integer's).
 */
function shown(errors: ErrorObject[], wording: Wording): ErrorObject[] {
  if (wording === 'cli') return errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map(parentOf));
  return errors.filter((e) =>
    e.keyword === 'oneOf'
      ? (e.params as { passingSchemas: unknown }).passingSchemas !== null
      : e.keyword !== 'if' &&
        (e as { propertyName?: string }).propertyName === undefined &&
        (e.keyword === 'type' || !wrongType.has(parentOf(e))),
  );
}

function item(e: ErrorObject, wording: Wording): Item {
  const key = (e.params as { additionalProperty?: string }).additionalProperty;
  const pointer =
    e.keyword === 'additionalProperties'
      ? `${e.instancePath}/${wording === 'planner' ? esc(key!) : key}`
      : e.instancePath;
  return { error: e, pointer, message: `${pointer || '/'}: ${describe(e, wording)}` };
}

/**
 * Of the branches of a oneOf none of which fits, the one the value was meant for: one of its type
 * if any, then the one with the fewest problems at the value itself or its direct children (missing
 * or unknown keys), then the fewest problems.
 */
function closestBranch(branches: Schema[], results: Item[][], v: unknown, at: string): number {
  const kind = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
  const typed = branches.map((b) => b.type === kind || (kind === 'number' && b.type === 'integer'));
  const own = (r: Item[]) =>
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

/** The branch of a oneOf (its error) whose check an error comes from, or -1. */
function branchIn(oneOf: ErrorObject, e: ErrorObject): number {
  const at = oneOf.instancePath;
  const prefix = `${oneOf.schemaPath}/`;
  const under = e.instancePath === at || e.instancePath.startsWith(`${at}/`);
  return under && e.schemaPath.startsWith(prefix) ? parseInt(e.schemaPath.slice(prefix.length), 10) : -1;
}

/** Keeps of every failing oneOf only the errors of its closest branch (innermost oneOf first). */
function keepClosest(items: Item[], failing: ErrorObject[], doc: unknown): Item[] {
  let kept = items;
  const inner = [...failing].sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const o of inner) {
    const branches = (schemaAt(o.schemaPath) ?? []) as unknown as Schema[];
    const results: Item[][] = branches.map(() => []);
    const branchOf = (f: Item) => branchIn(o, f.error);
    for (const f of kept) if (branchOf(f) >= 0) results[branchOf(f)].push(f);
    const best = closestBranch(branches, results, valueAt(doc, o.instancePath), o.instancePath);
    kept = kept.filter((f) => branchOf(f) < 0 || branchOf(f) === best);
  }
  return kept;
}

/** Where a pointer's value is in the document: the index of each key among its parent's keys. */
function placeOf(doc: unknown, pointer: string): number[] {
  const place: number[] = [];
  let v = doc;
  for (const part of pointer === '' ? [] : pointer.slice(1).split('/')) {
    if (typeof v !== 'object' || v === null) break;
    const key = unesc(part);
    place.push(Array.isArray(v) ? Number(key) : Object.keys(v).indexOf(key));
    v = (v as Record<string, unknown>)[key];
  }
  return place;
}

/**
 * Findings in document order (Ajv's is the schema's), the order of the problems the planner lists;
 * the findings of a oneOf none of whose branches fits branch by branch, after the value's others.
 */
function inDocumentOrder(items: Item[], failing: ErrorObject[], doc: unknown): Item[] {
  const outerFirst = [...failing].sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  const keyOf = (f: Item): number[] => {
    const name = (f.error.params as { propertyName?: string }).propertyName;
    // a bad property name is reported where the walk over the keys meets it
    const at = f.error.keyword === 'propertyNames' ? `${f.pointer}/${esc(name ?? '')}` : f.pointer;
    const place = placeOf(doc, at);
    const key: number[] = [];
    let from = 0;
    for (const o of outerFirst) {
      const branch = branchIn(o, f.error);
      if (branch < 0) continue;
      const depth = placeOf(doc, o.instancePath).length;
      key.push(...place.slice(from, depth), Number.MAX_SAFE_INTEGER - 1000 + branch);
      from = depth;
    }
    return [...key, ...place.slice(from)];
  };
  const keys = new Map(items.map((f) => [f, keyOf(f)]));
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  };
  return [...items].sort((a, b) => compare(keys.get(a)!, keys.get(b)!));
}

/** The schema findings of a (migrated) document, each at its JSON pointer, in the given wording. */
export function schemaFindings(doc: unknown, wording: Wording, closest = false): SchemaFinding[] {
  if (validateSchema(doc)) return [];
  const errors = validateSchema.errors ?? [];
  let items = shown(errors, wording).map((e) => item(e, wording));
  const failing = errors.filter(
    (e) => e.keyword === 'oneOf' && (e.params as { passingSchemas: unknown }).passingSchemas === null,
  );
  if (closest) items = keepClosest(items, failing, doc);
  if (wording === 'planner') items = inDocumentOrder(items, failing, doc);
  return items.map(({ pointer, message }) => ({ pointer, message }));
}
