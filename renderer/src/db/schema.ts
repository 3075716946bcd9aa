import Dexie, { type EntityTable } from 'dexie';
import type { GeneratedSpec } from '../project/profileTypes';
import type { WeatherYear } from '../../../solver/src';
import { installAtRest } from './atRest/migrate';
import type { AtRestState } from './atRest/middleware';

/**
 * The planner's local database (IndexedDB via dexie). Every version and its migration is listed
 * here and documented in docs/formats/database.md; never edit a published version, add a new one.
 */

export interface ProjectRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /**
   * The project document in project format v2 (solver/src/project), or null for a blank project
   * whose inputs have not been entered yet. Time series are stored in `timeSeries`, not inline.
   */
  document: unknown;
  /** Run options that go into the inputs hash (renderer/src/project/document.ts RunOptions). */
  runOptions?: {
    mode: 'aggregated' | 'full';
    /** A scenario's own run mode (scenario id → mode); scenarios without one use `mode`. */
    modes?: Record<string, 'aggregated' | 'full'>;
    /** Aggregated runs of every scenario: typical days and time segments per day (absent: defaults). */
    typicalDays?: number;
    segments?: number;
  };
}

export interface ScenarioRecord {
  id: string;
  projectId: string;
  name: string;
  /** Overrides of the base project (JSON pointer → value). */
  overrides: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export type TimeSeriesKind = 'demand' | 'price' | 'weather' | 'yield' | 'other';

export interface TimeSeriesRecord {
  id: string;
  projectId: string;
  name: string;
  unit: string;
  resolution_min: number;
  /** ISO 8601 instant of the first interval's start. */
  start: string;
  /** Stored as a typed array: IndexedDB keeps it binary, without JSON conversion. */
  values: Float64Array;
  /** Added in version 2. */
  kind: TimeSeriesKind;
  /** Where the series came from (file name) and how gaps were filled, if they were. */
  source?: string;
  fillRule?: 'linear' | 'previous-week' | 'zero';
  filledIntervals?: number;
  /** A synthetic series (BDEW, SigLinDe, default weather): how to make it again for another year. */
  generated?: GeneratedSpec;
}

export interface ResultRecord {
  id: string;
  projectId: string;
  scenarioId: string;
  /** Hash of the inputs the result was computed from; a different hash marks the result stale. */
  inputsHash: string;
  createdAt: number;
  payload: unknown;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = 'werkplan';

/** Version 1 stores; kept verbatim so migrations from it stay testable. */
export const SCHEMA_V1 = {
  projects: 'id, name, updatedAt',
  scenarios: 'id, projectId',
  timeSeries: 'id, projectId',
  results: 'id, projectId, scenarioId',
  settings: 'key',
} as const;

/** Version 2: time series get a `kind` (indexed, so profiles and prices can be listed apart). */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  timeSeries: 'id, projectId, [projectId+kind]',
} as const;

/** Version 3: a project's imported weather file, parsed (one record per project, docs/decisions). */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  weatherFiles: 'projectId',
} as const;

/**
 * Version 4: projects lose the unused `name` index. Indexed fields stay in clear when rows are
 * encrypted at rest (docs/decisions/desktop-encryption-at-rest.md); a project's name is not one.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  projects: 'id, updatedAt',
} as const;

export const CURRENT_VERSION = 4;

/** The hourly weather a project imported from a file, as the solver's readers parsed it. */
export interface WeatherFileRecord {
  projectId: string;
  /** The file's name as imported (the project's `site.weather.name`). */
  name: string;
  importedAt: number;
  weather: WeatherYear;
}

export type WerkplanDb = Dexie & {
  projects: EntityTable<ProjectRecord, 'id'>;
  scenarios: EntityTable<ScenarioRecord, 'id'>;
  timeSeries: EntityTable<TimeSeriesRecord, 'id'>;
  results: EntityTable<ResultRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  weatherFiles: EntityTable<WeatherFileRecord, 'projectId'>;
};

/**
 * Opens (and if needed upgrades) the database. `name` is for tests. With `atRest`, rows are
 * encrypted at rest (desktop with an OS-protected key: renderer/src/db/atRest).
 */
export function openDb(name = DB_NAME, atRest?: AtRestState): WerkplanDb {
  const db = new Dexie(name) as WerkplanDb;
  if (atRest) installAtRest(db, atRest);
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      await tx
        .table('timeSeries')
        .toCollection()
        .modify((ts: Partial<TimeSeriesRecord>) => {
          if (ts.kind === undefined) ts.kind = 'other';
        });
    });
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4);
  return db;
}

let shared: WerkplanDb | undefined;
let sharedAtRest: AtRestState | undefined;

/** Sets how the app's database is encrypted at rest; at start, before the first `db()`. */
export function configureDbAtRest(state: AtRestState): void {
  if (shared) throw new Error('configureDbAtRest: the database is already open');
  sharedAtRest = state;
}

/** The app's database instance. */
export function db(): WerkplanDb {
  shared ??= openDb(DB_NAME, sharedAtRest);
  return shared;
}

/** Closes the app's database (before all local data are deleted). */
export function closeDb(): void {
  shared?.close();
  shared = undefined;
}
