import type { BenchHubSqlSchema, SqlDialectTraits, SqlErrorKind } from '@benchhub/storage-sql';
import { type Kysely, sql } from 'kysely';

/** SQLite's default `SQLITE_MAX_VARIABLE_NUMBER` (since 3.32): bound parameters per statement. */
export const SQLITE_MAX_PARAMETERS = 32_766;

/** `SQLITE_BUSY*` and `SQLITE_LOCKED*`: another connection holds the lock, trying again later may pass. */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * What SQLite does differently: JSON as text, instants as epoch milliseconds in INTEGER columns, flags as
 * 0/1, batches bound as VALUES lists, `BINARY` text order (already byte order), an `INTEGER PRIMARY KEY AUTOINCREMENT` serial, write
 * transactions opened with `BEGIN IMMEDIATE` (the write lock is taken up front, so a busy database waits
 * `busy_timeout` rather than failing halfway), at most 32,766 bound parameters, and `SQLITE_BUSY` /
 * `SQLITE_LOCKED` retried.
 */
export const sqliteDialectTraits: SqlDialectTraits = Object.freeze({
  name: 'sqlite',
  maxParameters: SQLITE_MAX_PARAMETERS,
  rowBinding: 'values',
  jsonType: 'text',
  timestampType: 'integer',
  booleanType: 'integer',
  keyTextType: 'text',
  serialPrimaryKey: 'integer',
  toTimestamp: (date: Date) => date.getTime(),
  fromTimestamp: (value: unknown) => new Date(Number(value)),
  toBoolean: (value: boolean) => (value ? 1 : 0),
  async writeTransaction<T>(
    db: Kysely<BenchHubSqlSchema>,
    body: (trx: Kysely<BenchHubSqlSchema>) => Promise<T>,
  ): Promise<T> {
    return db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      try {
        const result = await body(connection);
        await sql`commit`.execute(connection);
        return result;
      } catch (error) {
        try {
          await sql`rollback`.execute(connection);
        } catch {
          // No transaction left to roll back (SQLite ends it itself on some errors).
        }
        throw error;
      }
    });
  },
  async lockMigrations() {
    // BEGIN IMMEDIATE already excludes every other writer.
  },
  classifyError: (error: unknown): SqlErrorKind | undefined => (isBusy(error) ? 'busy' : undefined),
});
