import { Type, type Static } from '@sinclair/typebox';
// The .js extension: the CLI bundle leaves packages to Node's ESM resolver, and ajv has no exports map.
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import { locatePointer } from '../project/locate';
import { jsonErrorOffset } from '../project/jsonError';

/**
 * The batch specification of `werkplan batch` (docs/formats/batch.md): one project, how to solve it,
 * and the jobs: scenarios, sweep grids and cost–CO2 fronts. Defined once in TypeBox; the JSON Schema
 * (docs/formats/batch.schema.json is a copy) is compiled by Ajv when the CLI reads a spec. The spec is
 * a CLI file only, never checked in the planner, so run-time compilation is fine here
 * (docs/decisions/batch-runner.md).
 */

const closed = { additionalProperties: false } as const;
const opt = Type.Optional.bind(Type);

/** A scenario id as the project format has it, or `base`. */
const scenarioId = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' });

const Scenarios = Type.Union(
  [Type.Literal('all'), Type.Array(scenarioId, { minItems: 1, uniqueItems: true })],
  {
    description: '"all" or a list of scenario ids',
  },
);

const Axis = Type.Object(
  {
    pointer: Type.String({ pattern: '^/', description: 'JSON pointer to a number in the project' }),
    from: opt(Type.Number()),
    to: opt(Type.Number()),
    steps: opt(Type.Integer({ minimum: 2, maximum: 50 })),
    values: opt(Type.Array(Type.Number(), { minItems: 1, maxItems: 1000 })),
  },
  { ...closed, description: 'from, to and steps, or values' },
);

const Sweep = Type.Object(
  {
    id: opt(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,31}$' })),
    scenario: opt(scenarioId),
    axes: Type.Array(Axis, { minItems: 1, maxItems: 2 }),
    fullYearCheck: opt(
      Type.Boolean({
        description:
          'false: each point is the typical-day sizing only, a screening warm-started from the point before; default true: sizing and full-year check',
      }),
    ),
  },
  closed,
);

export const BatchSpecSchema = Type.Object(
  {
    $schema: opt(Type.String()),
    version: Type.Literal(1),
    project: Type.String({ minLength: 1 }),
    mode: opt(Type.Union([Type.Literal('aggregated'), Type.Literal('full')])),
    solver: opt(Type.Union([Type.Literal('highs'), Type.Literal('glpk')])),
    timeLimit_s: opt(Type.Number({ exclusiveMinimum: 0 })),
    typicalDays: opt(Type.Integer({ minimum: 1, maximum: 366 })),
    scenarios: opt(Scenarios),
    sweeps: opt(Type.Array(Sweep, { minItems: 1 })),
    pareto: opt(
      Type.Object(
        {
          points: Type.Integer({ minimum: 2, maximum: 50 }),
          scenarios: opt(Scenarios),
          cleanEndTolerance: opt(
            Type.Number({
              minimum: 0,
              exclusiveMaximum: 1,
              description: 'clean end within this share of the CO2 range above the least CO2 (default 0)',
            }),
          ),
        },
        closed,
      ),
    ),
  },
  {
    ...closed,
    $id: 'https://werkplan.invalid/schema/batch-v1.json',
    title: 'Werkplan batch specification, version 1',
  },
);

export type BatchSpec = Static<typeof BatchSpecSchema>;
export type BatchAxis = BatchSpec['sweeps'] extends (infer S)[] | undefined
  ? S extends { axes: (infer A)[] }
    ? A
    : never
  : never;

/** The schema as plain JSON (docs/formats/batch.schema.json). */
export const batchSpecSchema = JSON.parse(JSON.stringify(BatchSpecSchema)) as typeof BatchSpecSchema;

/** A problem of a spec: where (JSON pointer, and line:column in its text when known) and what. */
export interface SpecProblem {
  pointer: string;
  message: string;
}

/** Thrown for a spec that cannot be run; the message lists every problem, located. */
export class BatchSpecError extends Error {
  constructor(
    readonly problems: SpecProblem[],
    fileName: string,
    text?: string,
  ) {
    super(problems.map((p) => formatProblem(p, fileName, text)).join('\n'));
  }
}

/** `file:line:column: /pointer: message` (the located form of the project validator's messages). */
export function formatProblem(p: SpecProblem, fileName: string, text?: string): string {
  const at = text === undefined ? undefined : locatePointer(text, p.pointer);
  const where = at ? `${fileName}:${at.line}:${at.column}` : fileName;
  return `${where}: ${p.pointer || '/'}: ${p.message}`;
}

let compiled: ReturnType<Ajv2020['compile']> | undefined;
const check = () =>
  (compiled ??= new Ajv2020({ allErrors: true, strict: false, strictNumbers: true, verbose: true }).compile(
    batchSpecSchema,
  ));

/** Ajv's error in plain words, at the place it concerns. */
function problemOf(e: ErrorObject): SpecProblem {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return { pointer: `${e.instancePath}/${String(p.additionalProperty)}`, message: 'unknown key' };
    case 'required':
      return { pointer: e.instancePath, message: `missing '${String(p.missingProperty)}'` };
    case 'const':
      return { pointer: e.instancePath, message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'pattern':
      return {
        pointer: e.instancePath,
        message: e.instancePath.endsWith('/pointer')
          ? 'must be a JSON pointer starting with /'
          : `must match ${String(p.pattern)}`,
      };
    default:
      return { pointer: e.instancePath, message: e.message ?? e.keyword };
  }
}

/**
 * The schema check in plain words: a value that may take several forms (anyOf) gets one message
 * naming them instead of one per form.
 */
export function schemaProblems(doc: unknown): SpecProblem[] {
  const validate = check();
  if (validate(doc)) return [];
  const errors = validate.errors ?? [];
  const unions = errors.filter((e) => e.keyword === 'anyOf');
  const out: SpecProblem[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf') {
      const s = e.parentSchema as { description?: string; anyOf?: { const?: unknown }[] } | undefined;
      const consts = s?.anyOf?.every((b) => 'const' in b) ? s.anyOf.map((b) => JSON.stringify(b.const)) : [];
      const forms = consts.length ? `one of ${consts.join(', ')}` : (s?.description ?? 'one of its forms');
      out.push({ pointer: e.instancePath, message: `must be ${forms}` });
    } else if (!unions.some((u) => e.schemaPath.startsWith(`${u.schemaPath}/`))) out.push(problemOf(e));
  }
  return out;
}

/** Parses and checks the text of a spec; throws BatchSpecError with located problems. */
export function parseBatchSpec(text: string, fileName: string): BatchSpec {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const offset = jsonErrorOffset(text);
    const before = text.slice(0, Math.max(0, offset));
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new Error(`${fileName}:${line}:${column}: not valid JSON (${(err as Error).message})`);
  }
  const problems = schemaProblems(doc);
  const spec = doc as BatchSpec;
  if (!problems.length)
    spec.sweeps?.forEach((s, k) =>
      s.axes.forEach((a, n) => {
        const range = a.from !== undefined || a.to !== undefined || a.steps !== undefined;
        const complete = a.from !== undefined && a.to !== undefined && a.steps !== undefined;
        if (range === (a.values !== undefined) || (range && !complete))
          problems.push({
            pointer: `/sweeps/${k}/axes/${n}`,
            message: 'give either from, to and steps, or values',
          });
      }),
    );
  if (!problems.length && !spec.scenarios && !spec.sweeps && !spec.pareto)
    problems.push({ pointer: '', message: 'no jobs: give scenarios, sweeps or pareto' });
  if (problems.length) throw new BatchSpecError(problems, fileName, text);
  return spec;
}
