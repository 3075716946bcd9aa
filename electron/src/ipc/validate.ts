import type { FileFilter, OpenFileRequest, PrintToPdfRequest, SaveFileRequest } from '../../../contracts';

/** Thrown for a payload that does not match its channel's schema; the renderer gets the message. */
export class PayloadError extends Error {
  constructor(channel: string, detail: string) {
    super(`${channel}: invalid payload: ${detail}`);
    this.name = 'PayloadError';
  }
}

export const MAX_SAVE_BYTES = 200 * 1024 * 1024;
export const SECRET_KEY = /^[a-z0-9._-]{1,64}$/;
export const MAX_SECRET_CHARS = 16 * 1024;
const FILE_NAME = /^[^/\\:*?"<>|\0]{1,200}$/;
const EXTENSION = /^[A-Za-z0-9]{1,10}$/;

type Obj = Record<string, unknown>;

function object(channel: string, v: unknown, allowed: string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new PayloadError(channel, 'expected an object');
  const extra = Object.keys(v).filter((k) => !allowed.includes(k));
  if (extra.length) throw new PayloadError(channel, `unknown key(s) ${extra.join(', ')}`);
  return v as Obj;
}

function optionalString(channel: string, o: Obj, key: string, max: number): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length > max)
    throw new PayloadError(channel, `${key} must be a string of at most ${max} characters`);
  return v;
}

function filters(channel: string, v: unknown): FileFilter[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length > 20)
    throw new PayloadError(channel, 'filters must be an array of at most 20 entries');
  return v.map((f, i) => {
    const o = object(channel, f, ['name', 'extensions']);
    if (typeof o.name !== 'string' || o.name.length === 0 || o.name.length > 100)
      throw new PayloadError(channel, `filters[${i}].name must be 1–100 characters`);
    if (
      !Array.isArray(o.extensions) ||
      o.extensions.length === 0 ||
      o.extensions.length > 20 ||
      !o.extensions.every((e) => typeof e === 'string' && EXTENSION.test(e))
    )
      throw new PayloadError(channel, `filters[${i}].extensions must be 1–20 plain extensions such as "csv"`);
    return { name: o.name, extensions: o.extensions as string[] };
  });
}

function fileName(channel: string, v: unknown): string {
  if (typeof v !== 'string' || !FILE_NAME.test(v) || v === '.' || v === '..')
    throw new PayloadError(channel, 'suggestedName must be a plain file name without directories');
  return v;
}

export function parseOpenFile(channel: string, v: unknown): OpenFileRequest {
  const o = object(channel, v, ['title', 'filters']);
  return { title: optionalString(channel, o, 'title', 200), filters: filters(channel, o.filters) };
}

export function parseSaveFile(channel: string, v: unknown): SaveFileRequest {
  const o = object(channel, v, ['suggestedName', 'data', 'filters']);
  if (!(o.data instanceof Uint8Array)) throw new PayloadError(channel, 'data must be a Uint8Array');
  if (o.data.byteLength > MAX_SAVE_BYTES)
    throw new PayloadError(channel, `data is larger than ${MAX_SAVE_BYTES} bytes`);
  return {
    suggestedName: fileName(channel, o.suggestedName),
    data: o.data,
    filters: filters(channel, o.filters),
  };
}

export function parsePrintToPdf(channel: string, v: unknown): PrintToPdfRequest {
  const o = object(channel, v, ['suggestedName', 'landscape']);
  if (o.landscape !== undefined && typeof o.landscape !== 'boolean')
    throw new PayloadError(channel, 'landscape must be a boolean');
  return { suggestedName: fileName(channel, o.suggestedName), landscape: o.landscape };
}

export function parseSecretKey(channel: string, v: unknown): string {
  if (typeof v !== 'string' || !SECRET_KEY.test(v))
    throw new PayloadError(channel, 'key must match [a-z0-9._-]{1,64}');
  return v;
}

export function parseSecretValue(channel: string, v: unknown): string {
  if (typeof v !== 'string' || v.length > MAX_SECRET_CHARS)
    throw new PayloadError(channel, `value must be a string of at most ${MAX_SECRET_CHARS} characters`);
  return v;
}

export function parseNoArgs(channel: string, args: unknown[]): void {
  if (args.length !== 0) throw new PayloadError(channel, 'expected no arguments');
}
