/**
 * @packageDocumentation
 * `@benchhub/storage-postgres`: BenchHub's storage on PostgreSQL, on node-postgres and the shared SQL layer
 * of `@benchhub/storage-sql`, for several processes writing at once. Importing it does no I/O and opens no
 * connection.
 */

export {
  classifyPostgresError,
  POSTGRES_MAX_PARAMETERS,
  postgresDialectTraits,
} from './dialect/postgres-traits.js';
export {
  createPostgresStorage,
  type PostgresConnection,
  type PostgresStorageOptions,
} from './storage/create-postgres-storage.js';
