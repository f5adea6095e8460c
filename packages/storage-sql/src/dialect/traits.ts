import type { Expression, Kysely } from 'kysely';
import type { BenchHubSqlSchema } from '../schema/tables.js';

/** How a failed statement may be retried (see {@link SqlDialectTraits.classifyError}). */
export type SqlErrorKind =
  /** The database was locked by another writer (SQLite `SQLITE_BUSY`): retry after a backoff. */
  | 'busy'
  /** The transaction lost a race (deadlock, serialization failure): retry it whole. */
  | 'conflict'
  /** The connection broke (killed backend, reset socket): retry once on a fresh connection. */
  | 'connection';

/** The kind of value a column holds, for binding whole columns at once (see `rowBinding`). */
export type SqlValueKind = 'text' | 'integer' | 'double' | 'json' | 'timestamp' | 'boolean';

/** What the shared queries need to know about one SQL dialect: everything else is the same SQL. */
export interface SqlDialectTraits {
  /** Dialect name, for messages. */
  readonly name: string;
  /**
   * Most bound parameters one statement may carry (SQLite: 32,766; PostgreSQL: 65,535). Batched inserts
   * are cut into chunks that stay under it.
   */
  readonly maxParameters: number;
  /**
   * How a batch insert binds its rows. `values`: a VALUES list with one parameter per cell, cut into
   * statements under `maxParameters`. `unnest`: one array parameter per column,
   * `select * from unnest($1::text[], …)` — the same statement whatever the row count, which PostgreSQL
   * plans once and runs several times faster than a VALUES list of thousands of parameters.
   */
  readonly rowBinding: 'values' | 'unnest';
  /** With `unnest` binding: the SQL element type of each kind of column (`text`, `int4`, `float8`…). */
  readonly arrayElementTypes?: Readonly<Record<SqlValueKind, string>>;
  /** Column type of JSON documents (written as JSON text, read back by {@link readJson}). */
  readonly jsonType: 'text' | 'json';
  /** Column type of instants (see {@link toTimestamp}). */
  readonly timestampType: 'integer' | 'timestamptz';
  /** Column type of flags (see {@link toBoolean}). */
  readonly booleanType: 'integer' | 'boolean';
  /**
   * Column type of text that is compared, sorted and used in keys: byte order everywhere, so sorting and
   * cursors agree with JavaScript and across databases (PostgreSQL: `text collate "C"`).
   */
  readonly keyTextType: Expression<unknown> | 'text';
  /** Column type and constraint of an auto-incrementing 64-bit primary key. */
  readonly serialPrimaryKey: 'integer' | 'bigserial';
  /** Converts an instant to the stored value. */
  toTimestamp(date: Date): Date | number;
  /** Converts a stored instant back to a `Date`. */
  fromTimestamp(value: unknown): Date;
  /** Converts a flag to the stored value. */
  toBoolean(value: boolean): boolean | number;
  /**
   * Runs `body` in a write transaction (SQLite: `BEGIN IMMEDIATE`, so the write lock is taken up front and a
   * busy database waits instead of failing mid-transaction).
   */
  writeTransaction<T>(
    db: Kysely<BenchHubSqlSchema>,
    body: (trx: Kysely<BenchHubSqlSchema>) => Promise<T>,
  ): Promise<T>;
  /**
   * Serialises schema migrations across processes within the current transaction (PostgreSQL: an advisory
   * transaction lock; SQLite: nothing, `BEGIN IMMEDIATE` already does).
   */
  lockMigrations(trx: Kysely<BenchHubSqlSchema>): Promise<void>;
  /** Whether a thrown error is worth retrying, and how; `undefined` for any other error. */
  classifyError(error: unknown): SqlErrorKind | undefined;
}

/**
 * Reads a JSON column: text is parsed (SQLite, or PostgreSQL with the JSON parser turned off); an already
 * parsed value (node-postgres parses `json`) is returned as is.
 *
 * @example
 * ```ts
 * readJson('{"a":1}'); // { a: 1 }
 * readJson({ a: 1 });  // { a: 1 }
 * ```
 */
export function readJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/**
 * Reads a count or a 64-bit integer column: PostgreSQL returns `bigint` aggregates as strings.
 *
 * @example
 * ```ts
 * readCount('42'); // 42
 * ```
 */
export function readCount(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}
