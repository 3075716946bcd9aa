/**
 * The repository: all SQL of the routes, as functions over one transaction (`Sql`, from
 * `Db.tenant`). Routes decide who may do what; these functions only read and write rows.
 * The audit chain's SQL is in ../audit.ts, the database drivers in ../db.ts.
 */
export * from './projects';
export * from './members';
export * from './keys';
export * from './users';
export * from './erasure';
