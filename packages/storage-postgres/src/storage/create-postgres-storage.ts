import { BenchHubError, type Logger, type StorageV1 } from '@benchhub/core';
import { type BenchHubSqlSchema, createSqlStorage, type SqlRetryPolicy } from '@benchhub/storage-sql';
import { Kysely, PostgresDialect } from 'kysely';
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { postgresDialectTraits } from '../dialect/postgres-traits.js';

/** Where the storage connects: a connection string (the storage owns its pool) or your own pool. */
export type PostgresConnection =
  | {
      /** `postgres://user:password@host:5432/database`. */
      connectionString: string;
      /** Most connections of the pool the storage creates (default 10). */
      poolSize?: number;
      /** Further node-postgres pool settings (timeouts, SSL…). */
      pool?: never;
      poolConfig?: Omit<PoolConfig, 'connectionString' | 'max'>;
    }
  | {
      /** A node-postgres pool; `close()` leaves it open (you end it). Listen to its `error` event. */
      pool: Pool;
      connectionString?: never;
    };

/** Options of {@link createPostgresStorage}. */
export interface PostgresStorageOptions {
  /**
   * The schema holding BenchHub's tables, created by the first migration when missing (default: the
   * connection's `search_path`, normally `public`). One database can hold several BenchHub stores.
   */
  schema?: string;
  /**
   * 32-byte AES-256 key that encrypts credentials at rest; pass the same key to every process. Without it
   * storing and reading credentials reject.
   */
  credentialKey?: Uint8Array;
  /** The clock for task and credential dates and for `maxAgeMs`. Default: `new Date()`. */
  now?: () => Date;
  /** Generates task ids when `createTask` is given none. Default: `crypto.randomUUID()`. */
  generateId?: () => string;
  /** Where retries and idle-connection errors are reported. Default: silent. */
  logger?: Logger;
  /** How deadlocks and broken connections are retried (default: 5 and 3 retries with backoff). */
  retry?: SqlRetryPolicy;
}

const DEFAULT_POOL_SIZE = 10;

function checkConnection(connection: PostgresConnection): void {
  if (typeof connection !== 'object' || connection === null) {
    throw new BenchHubError('createPostgresStorage: expected { connectionString } or { pool }');
  }
  if (connection.pool !== undefined) {
    if (typeof (connection.pool as { connect?: unknown }).connect !== 'function') {
      throw new BenchHubError('createPostgresStorage: pool must be a node-postgres Pool');
    }
    return;
  }
  if (typeof connection.connectionString !== 'string' || connection.connectionString === '') {
    throw new BenchHubError('createPostgresStorage: expected { connectionString } or { pool }');
  }
  const size = connection.poolSize;
  if (size !== undefined && !(Number.isInteger(size) && size >= 1)) {
    throw new BenchHubError(`createPostgresStorage: poolSize must be an integer >= 1, got ${String(size)}`);
  }
}

function checkSchema(schema: unknown): void {
  if (schema === undefined) return;
  if (typeof schema !== 'string' || schema === '' || Buffer.byteLength(schema) > 63) {
    throw new BenchHubError(
      `createPostgresStorage: schema must be a name of 1 to 63 bytes, got ${JSON.stringify(schema)}`,
    );
  }
}

/**
 * BenchHub's storage on PostgreSQL: node-postgres through kysely, with the schema and queries of
 * `@benchhub/storage-sql`. Any number of processes may write at once (results are unique per task, model,
 * sample and repeat; a task's status changes by compare-and-set). Creating the storage opens no connection;
 * the schema is migrated on first use, serialised across processes by an advisory lock. A statement whose
 * connection was killed is retried on a fresh connection (every write is idempotent); deadlocks are
 * retried too.
 *
 * @example
 * ```ts
 * const storage = createPostgresStorage(
 *   { connectionString: 'postgres://postgres@127.0.0.1:5432/benchhub' },
 *   { schema: 'benchhub', credentialKey },
 * );
 * await storage.migrate();
 * ```
 */
export function createPostgresStorage(
  connection: PostgresConnection,
  options: PostgresStorageOptions = {},
): StorageV1 {
  checkConnection(connection);
  checkSchema(options.schema);
  const logger = options.logger;
  const borrowed = connection.pool;
  const config: PoolConfig | undefined =
    connection.pool === undefined
      ? {
          ...connection.poolConfig,
          connectionString: connection.connectionString,
          max: connection.poolSize ?? DEFAULT_POOL_SIZE,
        }
      : undefined;
  let pool: Promise<Pool> | undefined = borrowed === undefined ? undefined : Promise.resolve(borrowed);
  const openPool = (): Promise<Pool> => {
    pool ??= import('pg').then(({ default: pg }) => {
      const created = new pg.Pool(config);
      // An idle connection that dies (server restart, pg_terminate_backend) is dropped by the pool;
      // without a listener its error would crash the process.
      created.on('error', (error) => {
        logger?.warn('postgres: an idle pooled connection failed and was dropped', { error: error.message });
      });
      return created;
    });
    return pool;
  };
  const watched = new WeakSet<PoolClient>();
  const dialect = new PostgresDialect({
    pool: {
      async connect() {
        const client = await (await openPool()).connect();
        if (!watched.has(client)) {
          watched.add(client);
          // A connection killed while checked out emits `error` besides failing its query (which is
          // retried): the pool listens only to idle connections, so without this the process would crash.
          client.on('error', (error) => {
            logger?.warn('postgres: a connection in use failed', { error: error.message });
          });
        }
        return client;
      },
      async end() {
        // The storage ends only the pool it created; a pool it was given stays open for its owner.
        if (borrowed === undefined && pool !== undefined) await (await pool).end();
      },
    },
  });
  const root = new Kysely<BenchHubSqlSchema>({ dialect });
  const db = options.schema === undefined ? root : root.withSchema(options.schema);
  return createSqlStorage(db, postgresDialectTraits(options.schema), {
    capabilities: { transactions: true, concurrentWriters: true, persistent: true },
    ...(options.credentialKey === undefined ? {} : { credentialKey: options.credentialKey }),
    credentialKeyHint:
      'pass createPostgresStorage(connection, { credentialKey }) with a 32-byte key, the same one in every process',
    destroy: () => root.destroy(),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.generateId === undefined ? {} : { generateId: options.generateId }),
    ...(logger === undefined ? {} : { logger }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
}
