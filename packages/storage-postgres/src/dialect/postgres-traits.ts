import type { BenchHubSqlSchema, SqlDialectTraits, SqlErrorKind } from '@benchhub/storage-sql';
import { type Kysely, sql } from 'kysely';

/** PostgreSQL's wire protocol limit: bound parameters per statement. */
export const POSTGRES_MAX_PARAMETERS = 65_535;

/** SQLSTATEs of a transaction that lost a race and was rolled back: deadlock, serialization failure. */
const CONFLICT_STATES = new Set(['40P01', '40001']);
/** SQLSTATEs of a connection that ended: killed backend, server shutdown or restart, too many clients. */
const CONNECTION_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Node socket errors of a broken connection. */
const SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTCONN',
  'EHOSTUNREACH',
]);
/** Messages node-postgres and kysely give a connection that died under them. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'Postgres connection has been discarded',
  'terminating connection',
  'server closed the connection unexpectedly',
];

/** The array types batches are bound with: one array parameter per column, unnested into rows. */
const ARRAY_ELEMENT_TYPES = Object.freeze({
  text: 'text',
  integer: 'int4',
  double: 'float8',
  json: 'json',
  timestamp: 'timestamptz',
  boolean: 'bool',
} as const);

/**
 * Classifies a PostgreSQL failure: `conflict` for a deadlock or serialization failure, `connection` for a
 * connection that broke (SQLSTATE class 08, 57P01–57P03 as sent by `pg_terminate_backend` or a restart,
 * socket errors, node-postgres's "Connection terminated"), `undefined` for anything else.
 */
export function classifyPostgresError(error: unknown): SqlErrorKind | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (CONFLICT_STATES.has(code)) return 'conflict';
    if (CONNECTION_STATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) return 'connection';
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m))) {
    return 'connection';
  }
  return undefined;
}

/**
 * What PostgreSQL does differently: `json` documents (kept as written), `timestamptz` instants, real
 * booleans, batches bound as one array per column (`unnest`), `text collate "C"` for compared and sorted text (byte order, as SQLite and JavaScript code point
 * order, whatever the database's locale), `bigserial` keys, 65,535 bound parameters, migrations serialised
 * by an advisory lock (and `schema` created first), deadlocks and broken connections retried.
 *
 * @example
 * ```ts
 * const traits = postgresDialectTraits('bh_tenant_a');
 * ```
 */
export function postgresDialectTraits(schema?: string): SqlDialectTraits {
  const lockKey = `benchhub:migrate:${schema ?? '<search_path>'}`;
  return Object.freeze({
    name: 'postgres',
    maxParameters: POSTGRES_MAX_PARAMETERS,
    rowBinding: 'unnest' as const,
    arrayElementTypes: ARRAY_ELEMENT_TYPES,
    jsonType: 'json' as const,
    timestampType: 'timestamptz' as const,
    booleanType: 'boolean' as const,
    keyTextType: sql`text collate "C"`,
    serialPrimaryKey: 'bigserial' as const,
    toTimestamp: (date: Date) => date,
    fromTimestamp: (value: unknown) => (value instanceof Date ? value : new Date(value as string)),
    toBoolean: (value: boolean) => value,
    writeTransaction<T>(
      db: Kysely<BenchHubSqlSchema>,
      body: (trx: Kysely<BenchHubSqlSchema>) => Promise<T>,
    ): Promise<T> {
      return db.transaction().execute(body);
    },
    async lockMigrations(trx: Kysely<BenchHubSqlSchema>) {
      await sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`.execute(trx);
      if (schema !== undefined) await sql`create schema if not exists ${sql.id(schema)}`.execute(trx);
    },
    classifyError: classifyPostgresError,
  });
}
