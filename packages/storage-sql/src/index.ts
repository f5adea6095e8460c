/**
 * @packageDocumentation
 * `@benchhub/storage-sql`: the SQL storage both database adapters share — one kysely schema, one set of
 * versioned migrations and one set of queries. `@benchhub/storage-sqlite` and `@benchhub/storage-postgres`
 * only add a connection and their {@link SqlDialectTraits}. Importing it does no I/O.
 */

export { decodeSealed, encodeSealed } from './credentials/credential-queries.js';
export {
  readCount,
  readJson,
  type SqlDialectTraits,
  type SqlErrorKind,
  type SqlValueKind,
} from './dialect/traits.js';
export { SqlStorageError, type SqlStorageErrorOptions } from './errors/sql-storage-error.js';
export { primaryScore } from './results/result-rows.js';
export { type MigrationOutcome, migrateSqlSchema, SchemaVersionError } from './schema/migrate.js';
export { SQL_MIGRATIONS, SQL_SCHEMA_VERSION, type SqlMigration } from './schema/migrations.js';
export type {
  BenchHubSqlSchema,
  BooleanColumn,
  CredentialsTable,
  EvaluationTasksTable,
  ExperimentSamplesTable,
  JsonColumn,
  LeaderboardCacheTable,
  NullableJsonColumn,
  NullableTimestampColumn,
  ResponseCacheTable,
  SchemaVersionTable,
  TaskEventsTable,
  TimestampColumn,
} from './schema/tables.js';
export { createSqlStorage, type SqlStorageOptions } from './storage/create-sql-storage.js';
export { DEFAULT_SQL_RETRY_POLICY, type SqlRetryPolicy } from './storage/operation-runner.js';
