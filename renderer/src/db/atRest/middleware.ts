import Dexie, {
  type DBCore,
  type DBCoreCursor,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { decodeValue, encodeValue } from './codec';

/**
 * Encryption at rest for the planner's database (docs/decisions/desktop-encryption-at-rest.md).
 * A dexie DBCore middleware, placed below dexie's own (hooks, cache, live queries), so everything
 * above it sees plain rows. Every stored row keeps its primary key and indexed fields in clear (the
 * database needs them to look rows up) and carries everything else in `SEALED`: AES-256-GCM with a
 * fresh 96-bit IV, the additional data binding the ciphertext to its table, primary key and clear
 * fields, so sealed contents cannot be swapped between rows or tables unnoticed.
 *
 * Reads accept plaintext rows (written before the desktop had a key, or by the browser build) and
 * sealed rows. A sealed row that cannot be opened (another key, no key) is an `AtRestError` and the
 * row stays as it is: nothing here ever rewrites a row it could not read.
 */

export const SEALED = '__atRest';
const FORMAT = 1;

export interface SealedContent {
  v: number;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

/**
 * `key`: rows are written sealed. `plain`: no key on this platform (browser build, desktop without
 * OS protection); rows are written in clear. `locked`: the desktop has encrypted data but cannot
 * unlock its key now; nothing is written, so no plaintext lands next to the unreadable rows.
 */
export type AtRestState =
  { mode: 'key'; key: CryptoKey } | { mode: 'plain' } | { mode: 'locked'; reason: string };

export type AtRestErrorCode = 'undecryptable' | 'locked' | 'readOnly';

export class AtRestError extends Error {
  constructor(
    readonly code: AtRestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AtRestError';
  }
}

export function isSealed(row: unknown): row is Record<string, unknown> & { [SEALED]: SealedContent } {
  return typeof row === 'object' && row !== null && SEALED in row;
}

/** Top-level fields a table must keep in clear: its primary key and every index's key path. */
export function clearFields(table: DBCoreTable): Set<string> {
  const paths: (string | string[] | null)[] = [
    table.schema.primaryKey.keyPath,
    ...table.schema.indexes.map((i) => i.keyPath),
  ];
  const out = new Set<string>();
  for (const p of paths.flat()) {
    if (p === null) continue;
    if (p.includes('.')) throw new Error(`at-rest encryption: nested key path "${p}" in ${table.name}`);
    out.add(p);
  }
  return out;
}

function additionalData(
  table: string,
  primaryKey: unknown,
  clear: Record<string, unknown>,
): Uint8Array<ArrayBuffer> {
  const fields = Object.keys(clear)
    .sort()
    .map((k) => [k, clear[k]]);
  return new TextEncoder().encode(JSON.stringify(['werkplan-at-rest', FORMAT, table, primaryKey, fields]));
}

const KEEPALIVE_KEY = '\u0000werkplan-at-rest-keepalive';

/**
 * Waits for `work` (WebCrypto, which is not an IndexedDB request) while keeping the transaction
 * open: IndexedDB commits a transaction as soon as no request is pending, so small reads of a key
 * that does not exist are chained until the work is done.
 */
export async function whileAlive<T>(
  down: DBCoreTable,
  trans: DBCoreTransaction,
  work: Promise<T>,
): Promise<T> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) await down.get({ trans, key: KEEPALIVE_KEY });
  return work;
}

export interface TableCipher {
  seal(row: unknown): Promise<unknown>;
  open(row: unknown): Promise<unknown>;
}

export function tableCipher(down: DBCoreTable, state: AtRestState): TableCipher {
  const clearSet = clearFields(down);
  const { extractKey } = down.schema.primaryKey;
  const split = (row: Record<string, unknown>) => {
    const clear: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    for (const k of Object.keys(row)) (clearSet.has(k) ? clear : rest)[k] = row[k];
    return { clear, rest };
  };
  const where = (row: unknown) => `${down.name} ${JSON.stringify(extractKey?.(row) ?? null)}`;
  return {
    async seal(row) {
      if (state.mode === 'locked')
        throw new AtRestError(
          'readOnly',
          `local data are locked (${state.reason}); ${where(row)} not written`,
        );
      if (state.mode === 'plain' || !extractKey) return row;
      const { clear, rest } = split(row as Record<string, unknown>);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ad = additionalData(down.name, extractKey(row), clear);
      const ct = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: ad },
        state.key,
        encodeValue(rest),
      );
      const sealed: SealedContent = { v: FORMAT, iv, ciphertext: new Uint8Array(ct) };
      return { ...clear, [SEALED]: sealed };
    },
    async open(row) {
      if (!isSealed(row)) return row;
      if (state.mode !== 'key')
        throw new AtRestError('locked', `${where(row)} is encrypted and no key to read it is available`);
      const { [SEALED]: sealed, ...clear } = row;
      let plain: ArrayBuffer;
      try {
        if (sealed.v !== FORMAT) throw new Error(`format ${sealed.v}`);
        plain = await crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: sealed.iv,
            additionalData: additionalData(down.name, extractKey!(row), clear),
          },
          state.key,
          sealed.ciphertext,
        );
      } catch {
        throw new AtRestError(
          'undecryptable',
          `${where(row)} cannot be decrypted: it was encrypted with another key or was altered; it is left unchanged`,
        );
      }
      return { ...clear, ...(decodeValue(new Uint8Array(plain)) as Record<string, unknown>) };
    },
  };
}

function wrapCursor(cursor: DBCoreCursor, down: DBCoreTable, cipher: TableCipher): DBCoreCursor {
  let value: unknown;
  const wrapped: DBCoreCursor = {
    get trans() {
      return cursor.trans;
    },
    get key(): unknown {
      return cursor.key as unknown;
    },
    get primaryKey(): unknown {
      return cursor.primaryKey as unknown;
    },
    get value() {
      return value;
    },
    get done() {
      return cursor.done;
    },
    continue: (key) => cursor.continue(key),
    continuePrimaryKey: (key, primaryKey) => cursor.continuePrimaryKey(key, primaryKey),
    advance: (count) => cursor.advance(count),
    stop: (v) => cursor.stop(v),
    fail: (e) => cursor.fail(e),
    next() {
      let gotOne = 1;
      return wrapped.start(() => (gotOne-- ? wrapped.continue() : wrapped.stop())).then(() => wrapped);
    },
    start(onNext) {
      return cursor.start(() => {
        const raw: unknown = cursor.value;
        if (!isSealed(raw)) {
          value = raw;
          onNext();
          return;
        }
        whileAlive(down, cursor.trans, cipher.open(raw)).then(
          (v) => {
            value = v;
            try {
              onNext();
            } catch (e) {
              cursor.fail(e as Error);
            }
          },
          (e: Error) => cursor.fail(e),
        );
      });
    },
  };
  return wrapped;
}

/**
 * Dexie follows its transaction through its own promises (PSD zones); a native promise from an
 * async function would lose it, and dexie's hooks above would find no transaction.
 */
const zoned = <T>(p: Promise<T>): Promise<T> => Dexie.Promise.resolve(p);

function encryptingTable(down: DBCoreTable, state: AtRestState): DBCoreTable {
  const cipher = tableCipher(down, state);
  const openAll = <T>(trans: DBCoreTransaction, rows: T[]): Promise<T[]> | T[] =>
    rows.some(isSealed)
      ? whileAlive(down, trans, Promise.all(rows.map((r) => cipher.open(r) as Promise<T>)))
      : rows;
  return {
    ...down,
    mutate(req) {
      if ((req.type !== 'add' && req.type !== 'put') || state.mode === 'plain') return down.mutate(req);
      const values = req.values;
      return zoned(
        whileAlive(down, req.trans, Promise.all(values.map((v) => cipher.seal(v)))).then((sealed) =>
          down.mutate({ ...req, values: sealed }),
        ),
      );
    },
    get(req) {
      return zoned(
        down
          .get(req)
          .then((row: unknown) => (isSealed(row) ? whileAlive(down, req.trans, cipher.open(row)) : row)),
      );
    },
    getMany(req) {
      return zoned(down.getMany(req).then((rows) => openAll(req.trans, rows)));
    },
    query(req) {
      if (!req.values) return down.query(req);
      return zoned(
        down.query(req).then(async (res) => ({ ...res, result: await openAll(req.trans, res.result) })),
      );
    },
    openCursor(req) {
      if (!req.values) return down.openCursor(req);
      return zoned(down.openCursor(req).then((cursor) => cursor && wrapCursor(cursor, down, cipher)));
    },
  };
}

/** Lowest in dexie's stack: dexie's own middleware (level -1 and up) sees plain rows. */
export const AT_REST_LEVEL = -2;

/**
 * The middleware. `raw` collects each table's core below the encryption (the migration reads
 * rows as stored to find the plaintext ones).
 */
export function atRestMiddleware(state: AtRestState, raw?: Map<string, DBCoreTable>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'WerkplanAtRest',
    level: AT_REST_LEVEL,
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        raw?.set(name, table);
        return encryptingTable(table, state);
      },
    }),
  };
}
