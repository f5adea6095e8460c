import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Limits of the prepared-statement cache of one connection. */
export interface StatementCacheLimits {
  /** Most statements kept. */
  statements: number;
  /**
   * Most SQL text kept, in characters, summed over the statements: a prepared batch insert takes about
   * 40 times its SQL length in memory (a 1,400-row insert: ~70 kB of SQL, ~3 MB prepared).
   */
  sqlChars: number;
}

/** Default limits: 256 statements, 1.5 M characters of SQL (about 60 MB of prepared statements at most). */
export const DEFAULT_STATEMENT_CACHE: StatementCacheLimits = Object.freeze({
  statements: 256,
  sqlChars: 1_500_000,
});

/**
 * The database as kysely's SQLite driver sees it, with prepared statements reused: kysely prepares the
 * SQL of every query it runs, and preparing a batch insert of thousands of parameters costs a good part
 * of running it. Statements are keyed by their SQL text; the least recently used go first when either
 * limit is reached.
 */
export function withStatementCache(
  database: BetterSqlite3.Database,
  limits: StatementCacheLimits = DEFAULT_STATEMENT_CACHE,
): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  let chars = 0;
  return {
    close() {
      statements.clear();
      chars = 0;
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement !== undefined) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (sql.length > limits.sqlChars) return statement as unknown as SqliteStatement;
        chars += sql.length;
        for (const oldest of statements.keys()) {
          if (statements.size < limits.statements && chars <= limits.sqlChars) break;
          statements.delete(oldest);
          chars -= oldest.length;
        }
      }
      statements.set(sql, statement);
      return statement as unknown as SqliteStatement;
    },
  };
}
