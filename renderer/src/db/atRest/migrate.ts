import type Dexie from 'dexie';
import type { DBCoreKeyRange, DBCoreTable, IndexableType, Transaction } from 'dexie';
import { AtRestError, atRestMiddleware, isSealed, type AtRestState } from './middleware';

/** Per database: its state and each table's core below the encryption. */
const installed = new WeakMap<Dexie, { state: AtRestState; raw: Map<string, DBCoreTable> }>();

/** Puts the at-rest middleware on a database before it is opened. */
export function installAtRest(db: Dexie, state: AtRestState): void {
  const raw = new Map<string, DBCoreTable>();
  db.use(atRestMiddleware(state, raw));
  installed.set(db, { state, raw });
}

export function atRestStateOf(db: Dexie): AtRestState | undefined {
  return installed.get(db)?.state;
}

/** Settings row set once every plaintext row has been rewritten sealed. */
export const MIGRATED_KEY = 'atRest:migrated';
export const MIGRATION_BATCH = 50;

/**
 * Whether the database's data were sealed with this key: the migration marker is itself a sealed
 * row, so a marker that does not open means another key (key file lost or replaced). `none`: not
 * migrated yet (or no key).
 */
export async function checkAtRestKey(db: Dexie): Promise<'ok' | 'none' | 'otherKey'> {
  const settings = db.tables.find((t) => t.name === 'settings');
  if (installed.get(db)?.state.mode !== 'key' || !settings) return 'none';
  try {
    return (await settings.get(MIGRATED_KEY)) ? 'ok' : 'none';
  } catch (e) {
    if (e instanceof AtRestError && e.code === 'undecryptable') return 'otherKey';
    throw e;
  }
}

export interface MigrationOptions {
  batchSize?: number;
  /** Called after each committed batch (tests interrupt the migration here). */
  afterBatch?: (table: string, sealed: number) => void | Promise<void>;
}

const ANY = { type: 3 } as unknown as DBCoreKeyRange;
const after = (key: IndexableType) => ({ type: 2, lower: key, lowerOpen: true }) as unknown as DBCoreKeyRange;

/**
 * Rewrites every plaintext row sealed, once, on the first start with a key. Batches of
 * `batchSize` rows, each read and rewritten in one transaction, so a crash leaves every row
 * either plaintext or sealed, never half-written, and the next start continues. Sealed rows are
 * not touched (not even read as plaintext): a row under another key stays exactly as it is.
 */
export async function encryptPlaintextRows(db: Dexie, options: MigrationOptions = {}): Promise<number> {
  const setup = installed.get(db);
  if (setup?.state.mode !== 'key') return 0;
  const batchSize = options.batchSize ?? MIGRATION_BATCH;
  await db.open();
  const settings = db.tables.find((t) => t.name === 'settings');
  if (settings && (await settings.get(MIGRATED_KEY))) return 0;
  let total = 0;
  for (const table of db.tables) {
    let last: IndexableType | undefined;
    for (;;) {
      const { done, sealed } = await db.transaction('rw', table, async (tx: Transaction) => {
        const core = setup.raw.get(table.name)!;
        const { primaryKey } = core.schema;
        const { result } = await core.query({
          trans: tx.idbtrans,
          values: true,
          limit: batchSize,
          query: { index: primaryKey, range: last === undefined ? ANY : after(last) },
        });
        const plain = result.filter((r) => !isSealed(r));
        if (plain.length > 0) await table.bulkPut(plain);
        if (result.length > 0) last = primaryKey.extractKey!(result[result.length - 1]) as IndexableType;
        return { done: result.length < batchSize, sealed: plain.length };
      });
      total += sealed;
      await options.afterBatch?.(table.name, sealed);
      if (done) break;
    }
  }
  if (settings) await settings.put({ key: MIGRATED_KEY, value: true });
  return total;
}
