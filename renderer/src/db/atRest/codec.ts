/**
 * Turns a row's non-indexed content into bytes and back, for encryption at rest (docs/decisions/
 * desktop-encryption-at-rest.md). IndexedDB stores values by structured clone; this codec keeps what
 * the planner stores: plain objects, arrays, strings, booleans, null, numbers (NaN, ±Infinity and -0
 * included), undefined, Dates and typed arrays. Typed arrays go as raw bytes after a JSON header, so
 * an 8760-value load profile costs a copy, not a number-to-text conversion. Anything else (Map,
 * Blob, class instances) is refused rather than silently changed.
 */

const TAG = '$werkplan:';
const TA = `${TAG}ta`;
const NUM = `${TAG}n`;
const UNDEF = `${TAG}u`;
const DATE = `${TAG}d`;

const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedName = keyof typeof TYPED;

export class CodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodecError';
  }
}

function specialNumber(n: number): string | null {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Object.is(n, -0)) return '-0';
  return null;
}

/** Encodes a value as [u32 header length][JSON header][typed array bytes …]. */
export function encodeValue(value: unknown): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const tags = new WeakSet<object>();
  const tag = (o: Record<string, unknown>): Record<string, unknown> => (tags.add(o), o);
  const replacer = function (this: Record<string, unknown>, key: string, v: unknown): unknown {
    const raw = this[key];
    if (raw === undefined) return tag({ [UNDEF]: 1 });
    if (raw instanceof Date) return tag({ [DATE]: raw.getTime() });
    if (typeof raw === 'number') {
      const s = specialNumber(raw);
      return s === null ? raw : tag({ [NUM]: s });
    }
    if (typeof raw === 'bigint') throw new CodecError(`cannot store a bigint at "${key}"`);
    if (ArrayBuffer.isView(raw)) {
      const name = raw.constructor.name as TypedName;
      if (!(name in TYPED)) throw new CodecError(`cannot store a ${name} at "${key}"`);
      const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      chunks.push(bytes);
      const entry = tag({ [TA]: [name, offset, bytes.byteLength] });
      offset += bytes.byteLength;
      return entry;
    }
    if (raw instanceof ArrayBuffer) {
      chunks.push(new Uint8Array(raw));
      const entry = tag({ [TA]: ['ArrayBuffer', offset, raw.byteLength] });
      offset += raw.byteLength;
      return entry;
    }
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !tags.has(raw)) {
      const proto = Object.getPrototypeOf(raw) as unknown;
      if (proto !== Object.prototype && proto !== null)
        throw new CodecError(`cannot store a ${raw.constructor?.name ?? 'object'} at "${key}"`);
      for (const k of Object.keys(raw)) if (k.startsWith(TAG)) throw new CodecError(`reserved key "${k}"`);
    }
    return v;
  };
  const header = new TextEncoder().encode(JSON.stringify(value, replacer));
  const out = new Uint8Array(4 + header.byteLength + offset);
  new DataView(out.buffer).setUint32(0, header.byteLength, true);
  out.set(header, 4);
  let at = 4 + header.byteLength;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function decodeValue(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  const body = 4 + headerLength;
  const header = new TextDecoder().decode(bytes.subarray(4, body));
  return JSON.parse(header, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    if (UNDEF in o) return undefined;
    if (DATE in o) return new Date(o[DATE] as number);
    if (NUM in o) return Number(o[NUM]);
    if (TA in o) {
      const [name, start, length] = o[TA] as [TypedName | 'ArrayBuffer', number, number];
      const copy = bytes.slice(body + start, body + start + length).buffer;
      if (name === 'ArrayBuffer') return copy;
      const Ctor = TYPED[name];
      if (!Ctor) throw new CodecError(`unknown array type ${String(name)}`);
      return new Ctor(copy);
    }
    return v;
  });
}
