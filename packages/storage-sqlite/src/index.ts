/**
 * @packageDocumentation
 * `@benchhub/storage-sqlite`: BenchHub's storage in one SQLite file (the embedded default), on
 * better-sqlite3 and the shared SQL layer of `@benchhub/storage-sql`. Importing it does no I/O and does not
 * load the native driver.
 */

export { SQLITE_MAX_PARAMETERS, sqliteDialectTraits } from './dialect/sqlite-traits.js';
export {
  createSqliteStorage,
  SQLITE_MEMORY,
  type SqliteStorageOptions,
} from './storage/create-sqlite-storage.js';
