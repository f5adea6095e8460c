import type { ColumnType, Generated } from 'kysely';

/** A JSON column: read as parsed value (PostgreSQL) or text (SQLite), written as JSON text. */
export type JsonColumn = ColumnType<unknown, string, string>;
/** A nullable JSON column. */
export type NullableJsonColumn = ColumnType<unknown, string | null, string | null>;
/** An instant: `timestamptz` (PostgreSQL, a `Date`) or epoch milliseconds (SQLite). */
export type TimestampColumn = ColumnType<unknown, Date | number, Date | number>;
/** A nullable instant. */
export type NullableTimestampColumn = ColumnType<unknown, Date | number | null, Date | number | null>;
/** A flag: `boolean` (PostgreSQL) or 0/1 (SQLite). */
export type BooleanColumn = ColumnType<unknown, boolean | number, boolean | number>;

/** `benchhub_schema_version`: one row per applied migration. */
export interface SchemaVersionTable {
  version: number;
  name: string;
  applied_at: TimestampColumn;
}

/** `evaluation_tasks`: one row per run of a plan. */
export interface EvaluationTasksTable {
  /** Creation order, to break ties between equal `created_at`. */
  seq: Generated<unknown>;
  id: string;
  plan_name: string;
  plan: JsonColumn;
  status: string;
  progress_total: number;
  progress_completed: number;
  progress_failed: number;
  error: NullableJsonColumn;
  metadata: NullableJsonColumn;
  /** Random token replaced by every update: the compare-and-set guard of `updateTask`. */
  revision: string;
  created_at: TimestampColumn;
  started_at: NullableTimestampColumn;
  finished_at: NullableTimestampColumn;
}

/** `experiment_samples`: one row per sample result, unique on (task, model, sample, repeat). */
export interface ExperimentSamplesTable {
  task_id: string;
  model_name: string;
  sample_id: string;
  repeat: number;
  dataset_name: string;
  output: string | null;
  extracted: string | null;
  /** Every metric's score, as JSON (`null` values kept). */
  scores: JsonColumn;
  /** The primary metric's score (`accuracy` when present, else the first), for indexes and SQL. */
  score: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  latency_ms: number | null;
  attempts: number;
  /** The failure, as JSON; NULL for a successful result. */
  error: NullableJsonColumn;
  language: string;
  /** The first subject of the sample (the typed, indexable label). */
  subject_type: string | null;
  /** Every subject of the sample, as a JSON array. */
  subject_types: JsonColumn;
  task_type: string | null;
  target_type: string | null;
  problem_type: string | null;
  benchmark_name: string | null;
  created_at: TimestampColumn;
}

/** `leaderboard_cache`: one row per model × metric × language × subject × task type. */
export interface LeaderboardCacheTable {
  model_name: string;
  metric: string;
  language: string;
  subject_type: string;
  task_type: string;
  /** The first level of `subject_type` (`HASS` of `HASS/History`). */
  coarse_subject: string;
  score: number;
  n: number;
  stderr: number | null;
  ci_lower: number | null;
  ci_upper: number | null;
  ci_level: number | null;
  source: string;
  quarantined: BooleanColumn;
  deleted_at: NullableTimestampColumn;
  updated_at: TimestampColumn;
}

/** `credentials`: secrets sealed with AES-256-GCM (see `createCredentialCipher`). */
export interface CredentialsTable {
  name: string;
  /** `v1.<iv>.<tag>.<ciphertext>`, each part base64. */
  sealed: string;
  created_at: TimestampColumn;
}

/** `response_cache`: model responses by request hash, for a SQL-backed response cache. */
export interface ResponseCacheTable {
  key: string;
  value: JsonColumn;
  expires_at: NullableTimestampColumn;
  created_at: TimestampColumn;
}

/** `task_events`: the progress and lifecycle events of tasks, in publication order. */
export interface TaskEventsTable {
  id: Generated<unknown>;
  task_id: string;
  type: string;
  payload: JsonColumn;
  created_at: TimestampColumn;
}

/**
 * The kysely schema of BenchHub's SQL storage, shared by the SQLite and PostgreSQL adapters. Table names are
 * the original BenchHub Plus's (`evaluation_tasks`, `experiment_samples`, `leaderboard_cache`).
 */
export interface BenchHubSqlSchema {
  benchhub_schema_version: SchemaVersionTable;
  evaluation_tasks: EvaluationTasksTable;
  experiment_samples: ExperimentSamplesTable;
  leaderboard_cache: LeaderboardCacheTable;
  credentials: CredentialsTable;
  response_cache: ResponseCacheTable;
  task_events: TaskEventsTable;
}
