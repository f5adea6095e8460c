import { BenchHubError } from '@benchhub/core';
import type { Kysely } from 'kysely';
import { readCount, type SqlDialectTraits } from '../dialect/traits.js';
import { SQL_MIGRATIONS, SQL_SCHEMA_VERSION, type SqlMigration } from './migrations.js';
import type { BenchHubSqlSchema } from './tables.js';

/** What {@link migrateSqlSchema} did. */
export interface MigrationOutcome {
  /** The database's schema version before. */
  from: number;
  /** The database's schema version after (the code's). */
  to: number;
}

/**
 * Thrown when the database was migrated by a newer BenchHub than this one: its schema is ahead of the
 * code, which would misread it. Upgrade the package (never downgrade a database).
 */
export class SchemaVersionError extends BenchHubError {
  /** The database's schema version. */
  readonly databaseVersion: number;
  /** The newest schema version this code knows. */
  readonly codeVersion: number;

  constructor(databaseVersion: number, codeVersion: number) {
    super(
      `The database schema is version ${databaseVersion}, newer than version ${codeVersion} that this @benchhub/storage-sql knows: upgrade BenchHub to open it (a database is never downgraded)`,
    );
    this.name = 'SchemaVersionError';
    this.databaseVersion = databaseVersion;
    this.codeVersion = codeVersion;
  }
}

async function createVersionTable(db: Kysely<BenchHubSqlSchema>, traits: SqlDialectTraits): Promise<void> {
  await db.schema
    .createTable('benchhub_schema_version')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', traits.timestampType, (c) => c.notNull())
    .execute();
}

async function appliedVersion(db: Kysely<BenchHubSqlSchema>): Promise<number> {
  const row = await db
    .selectFrom('benchhub_schema_version')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return readCount(row?.version);
}

/** The applied version, or `undefined` when it cannot be read (no version table yet). */
async function peekVersion(db: Kysely<BenchHubSqlSchema>): Promise<number | undefined> {
  try {
    return await appliedVersion(db);
  } catch {
    // No version table yet (or the database is unreachable: the migration transaction will say so).
    return undefined;
  }
}

/**
 * Brings a database to the code's schema version: runs the missing migrations in order, in one write
 * transaction that concurrent migrators wait for, and records each in `benchhub_schema_version`.
 * Idempotent: a database already at the version is only read. A database ahead of the code is refused with
 * a {@link SchemaVersionError} naming both versions.
 *
 * @example
 * ```ts
 * await migrateSqlSchema(db, traits, () => new Date()); // { from: 0, to: 1 } on a fresh database
 * ```
 */
export async function migrateSqlSchema(
  db: Kysely<BenchHubSqlSchema>,
  traits: SqlDialectTraits,
  now: () => Date,
  migrations: readonly SqlMigration[] = SQL_MIGRATIONS,
): Promise<MigrationOutcome> {
  const target = migrations[migrations.length - 1]?.version ?? SQL_SCHEMA_VERSION;
  const seen = await peekVersion(db);
  if (seen !== undefined && seen > target) throw new SchemaVersionError(seen, target);
  if (seen === target) return { from: seen, to: target };
  return traits.writeTransaction(db, async (trx) => {
    await traits.lockMigrations(trx);
    await createVersionTable(trx, traits);
    const from = await appliedVersion(trx);
    if (from > target) throw new SchemaVersionError(from, target);
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      await migration.up(trx, traits);
      await trx
        .insertInto('benchhub_schema_version')
        .values({
          version: migration.version,
          name: migration.name,
          applied_at: traits.toTimestamp(now()),
        })
        .execute();
    }
    return { from, to: target };
  });
}
