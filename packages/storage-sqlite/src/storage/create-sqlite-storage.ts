import { BenchHubError, type Logger, type StorageV1 } from '@benchhub/core';
import { type BenchHubSqlSchema, createSqlStorage, type SqlRetryPolicy } from '@benchhub/storage-sql';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { sqliteDialectTraits } from '../dialect/sqlite-traits.js';
import { withStatementCache } from './statement-cache.js';

/** The in-memory database name: a private database that lives as long as the storage. */
export const SQLITE_MEMORY = ':memory:';

/** Options of {@link createSqliteStorage}. */
export interface SqliteStorageOptions {
  /** The database file (created when missing; its directory must exist), or `:memory:`. */
  filename: string;
  /**
   * 32-byte AES-256 key that encrypts credentials at rest; pass the same key whenever the file is opened.
   * Without it a file database refuses to store or read credentials (`:memory:` uses a random key).
   */
  credentialKey?: Uint8Array;
  /** How long a statement waits for another process's write lock before SQLITE_BUSY (default 5000 ms). */
  busyTimeoutMs?: number;
  /** The clock for task and credential dates and for `maxAgeMs`. Default: `new Date()`. */
  now?: () => Date;
  /** Generates task ids when `createTask` is given none. Default: `crypto.randomUUID()`. */
  generateId?: () => string;
  /** Where retries are reported. Default: silent. */
  logger?: Logger;
  /** How SQLITE_BUSY is retried after `busyTimeoutMs` (default: 8 retries with backoff). */
  retry?: SqlRetryPolicy;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

function checkOptions(options: SqliteStorageOptions): { filename: string; busyTimeoutMs: number } {
  if (typeof options !== 'object' || options === null) {
    throw new BenchHubError('createSqliteStorage: expected options { filename }');
  }
  const { filename } = options;
  if (typeof filename !== 'string' || filename.trim() === '') {
    throw new BenchHubError(
      `createSqliteStorage: filename must be a file path or ":memory:", got ${JSON.stringify(filename)}`,
    );
  }
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new BenchHubError(
      `createSqliteStorage: busyTimeoutMs must be an integer >= 0, got ${String(options.busyTimeoutMs)}`,
    );
  }
  return { filename, busyTimeoutMs };
}

/**
 * Opens the file with the pragmas every connection uses (WAL, busy timeout, synchronous NORMAL, foreign
 * keys) and a prepared-statement cache.
 */
async function openDatabase(filename: string, busyTimeoutMs: number): Promise<SqliteDatabase> {
  const { default: Database } = await import('better-sqlite3');
  let database: BetterSqlite3.Database;
  try {
    database = new Database(filename, { timeout: busyTimeoutMs });
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new BenchHubError(`createSqliteStorage: cannot open "${filename}": ${why}`, { cause });
  }
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  } catch (cause) {
    database.close();
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new BenchHubError(`createSqliteStorage: cannot configure "${filename}": ${why}`, { cause });
  }
  return withStatementCache(database);
}

/**
 * BenchHub's storage in one SQLite file (the embedded default): better-sqlite3 through kysely, with the
 * schema and queries of `@benchhub/storage-sql`. The file is opened lazily (creating the storage does no
 * I/O) in WAL mode with `synchronous = NORMAL` and a busy timeout; the schema is migrated on first use.
 * Each batch is written in one `BEGIN IMMEDIATE` transaction; SQLITE_BUSY left after the timeout is retried
 * with backoff. One process writes at a time (`concurrentWriters: false`); other processes may read.
 *
 * @example
 * ```ts
 * const storage = createSqliteStorage({ filename: './benchhub.db', credentialKey });
 * const task = await storage.createTask({ planName: 'demo', plan });
 * await storage.close();
 * ```
 */
export function createSqliteStorage(options: SqliteStorageOptions): StorageV1 {
  const { filename, busyTimeoutMs } = checkOptions(options);
  const persistent = filename !== SQLITE_MEMORY;
  const db = new Kysely<BenchHubSqlSchema>({
    dialect: new SqliteDialect({ database: () => openDatabase(filename, busyTimeoutMs) }),
  });
  return createSqlStorage(db, sqliteDialectTraits, {
    capabilities: { transactions: true, concurrentWriters: false, persistent },
    ...(options.credentialKey === undefined ? {} : { credentialKey: options.credentialKey }),
    ephemeralCredentialKey: !persistent,
    credentialKeyHint:
      'pass createSqliteStorage({ filename, credentialKey }) with a 32-byte key, the same one whenever the file is opened',
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.generateId === undefined ? {} : { generateId: options.generateId }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
}
