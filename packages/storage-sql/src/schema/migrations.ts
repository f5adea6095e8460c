import { type Kysely, sql } from 'kysely';
import type { SqlDialectTraits } from '../dialect/traits.js';
import type { BenchHubSqlSchema } from './tables.js';

/** One versioned step of the schema. Steps run in order, each once, inside the migration transaction. */
export interface SqlMigration {
  /** 1, 2, 3…: the schema version the step brings the database to. */
  readonly version: number;
  /** A short description, stored with the version. */
  readonly name: string;
  /** Applies the step; the same code serves every dialect, with the dialect's column types. */
  up(db: Kysely<BenchHubSqlSchema>, traits: SqlDialectTraits): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations create tables the typed schema does not know yet.
type AnyDb = Kysely<any>;

async function createTaskTables(db: AnyDb, t: SqlDialectTraits): Promise<void> {
  await db.schema
    .createTable('evaluation_tasks')
    .addColumn('seq', t.serialPrimaryKey, (c) =>
      t.serialPrimaryKey === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('id', t.keyTextType, (c) => c.notNull().unique())
    .addColumn('plan_name', 'text', (c) => c.notNull())
    .addColumn('plan', t.jsonType, (c) => c.notNull())
    .addColumn('status', t.keyTextType, (c) => c.notNull())
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', t.jsonType)
    .addColumn('metadata', t.jsonType)
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestampType, (c) => c.notNull())
    .addColumn('started_at', t.timestampType)
    .addColumn('finished_at', t.timestampType)
    .execute();
  await db.schema
    .createIndex('idx_task_status')
    .on('evaluation_tasks')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema.createIndex('idx_task_created').on('evaluation_tasks').columns(['created_at']).execute();
}

async function createSampleTable(db: AnyDb, t: SqlDialectTraits): Promise<void> {
  await db.schema
    .createTable('experiment_samples')
    .addColumn('task_id', t.keyTextType, (c) =>
      c.notNull().references('evaluation_tasks.id').onDelete('cascade'),
    )
    .addColumn('model_name', t.keyTextType, (c) => c.notNull())
    .addColumn('sample_id', t.keyTextType, (c) => c.notNull())
    .addColumn('repeat', 'integer', (c) => c.notNull())
    .addColumn('dataset_name', 'text', (c) => c.notNull())
    .addColumn('output', 'text')
    .addColumn('extracted', 'text')
    .addColumn('scores', t.jsonType, (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('input_tokens', 'integer')
    .addColumn('output_tokens', 'integer')
    .addColumn('cost_usd', 'double precision')
    .addColumn('latency_ms', 'double precision')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error', t.jsonType)
    .addColumn('language', t.keyTextType, (c) => c.notNull())
    .addColumn('subject_type', t.keyTextType)
    .addColumn('subject_types', t.jsonType, (c) => c.notNull())
    .addColumn('task_type', t.keyTextType)
    .addColumn('target_type', t.keyTextType)
    .addColumn('problem_type', t.keyTextType)
    .addColumn('benchmark_name', t.keyTextType)
    .addColumn('created_at', t.timestampType, (c) => c.notNull())
    .execute();
  // The unique key doubles as the index of per-task reads (keyset pagination by model, sample, repeat).
  await db.schema
    .createIndex('idx_sample_key')
    .unique()
    .on('experiment_samples')
    .columns(['task_id', 'model_name', 'sample_id', 'repeat'])
    .execute();
}

async function createLeaderboardTable(db: AnyDb, t: SqlDialectTraits): Promise<void> {
  await db.schema
    .createTable('leaderboard_cache')
    .addColumn('model_name', t.keyTextType, (c) => c.notNull())
    .addColumn('metric', t.keyTextType, (c) => c.notNull())
    .addColumn('language', t.keyTextType, (c) => c.notNull())
    .addColumn('subject_type', t.keyTextType, (c) => c.notNull())
    .addColumn('task_type', t.keyTextType, (c) => c.notNull())
    // The subject's first level (`HASS` of `HASS/History`): a coarse filter becomes one equality.
    .addColumn('coarse_subject', t.keyTextType, (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('stderr', 'double precision')
    .addColumn('ci_lower', 'double precision')
    .addColumn('ci_upper', 'double precision')
    .addColumn('ci_level', 'double precision')
    .addColumn('source', t.keyTextType, (c) => c.notNull())
    .addColumn('quarantined', t.booleanType, (c) => c.notNull())
    .addColumn('deleted_at', t.timestampType)
    .addColumn('updated_at', t.timestampType, (c) => c.notNull())
    .addPrimaryKeyConstraint('leaderboard_cache_key', [
      'model_name',
      'metric',
      'language',
      'subject_type',
      'task_type',
    ])
    .execute();
  await db.schema
    .createIndex('idx_model_score')
    .on('leaderboard_cache')
    .columns(['model_name', 'score'])
    .execute();
  await db.schema
    .createIndex('idx_language_subject')
    .on('leaderboard_cache')
    .columns(['language', 'subject_type'])
    .execute();
  // The leaderboard page's browse (language, task type and coarse subject, best score first, with the
  // total): visible entries only, in the browse order, so the page is read in index order and the total
  // counted from the index alone.
  await db.schema
    .createIndex('idx_leaderboard_browse')
    .on('leaderboard_cache')
    .columns([
      'language',
      'task_type',
      'coarse_subject',
      'score desc',
      'model_name',
      'metric',
      'subject_type',
    ])
    .where(sql.ref('deleted_at'), 'is', null)
    .where(sql.ref('quarantined'), '=', sql.lit(false))
    .execute();
}

async function createSupportTables(db: AnyDb, t: SqlDialectTraits): Promise<void> {
  await db.schema
    .createTable('credentials')
    .addColumn('name', t.keyTextType, (c) => c.primaryKey())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestampType, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('response_cache')
    .addColumn('key', t.keyTextType, (c) => c.primaryKey())
    .addColumn('value', t.jsonType, (c) => c.notNull())
    .addColumn('expires_at', t.timestampType)
    .addColumn('created_at', t.timestampType, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idx_response_cache_expiry')
    .on('response_cache')
    .columns(['expires_at'])
    .execute();
  await db.schema
    .createTable('task_events')
    .addColumn('id', t.serialPrimaryKey, (c) =>
      t.serialPrimaryKey === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('task_id', t.keyTextType, (c) => c.notNull())
    .addColumn('type', t.keyTextType, (c) => c.notNull())
    .addColumn('payload', t.jsonType, (c) => c.notNull())
    .addColumn('created_at', t.timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('idx_task_events_task').on('task_events').columns(['task_id', 'id']).execute();
}

/**
 * The schema's versioned steps, oldest first. Append a step to change the schema; never edit a released
 * one (databases already at its version will not run it again).
 */
export const SQL_MIGRATIONS: readonly SqlMigration[] = Object.freeze([
  {
    version: 1,
    name: 'tasks, sample results, leaderboard, credentials, response cache and task events',
    async up(db: Kysely<BenchHubSqlSchema>, traits: SqlDialectTraits) {
      const any = db as AnyDb;
      await createTaskTables(any, traits);
      await createSampleTable(any, traits);
      await createLeaderboardTable(any, traits);
      await createSupportTables(any, traits);
    },
  },
]);

/** The schema version this code writes and reads: the last migration's. */
export const SQL_SCHEMA_VERSION: number = SQL_MIGRATIONS[SQL_MIGRATIONS.length - 1]?.version ?? 0;
