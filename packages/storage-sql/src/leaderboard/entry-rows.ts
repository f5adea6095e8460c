import type { LeaderboardEntry, LeaderboardSource } from '@benchhub/core';
import type { Selectable } from 'kysely';
import type { SqlDialectTraits, SqlValueKind } from '../dialect/traits.js';
import type { LeaderboardCacheTable } from '../schema/tables.js';

/** The columns an entry is read from. */
export const ENTRY_COLUMNS = [
  'model_name',
  'metric',
  'language',
  'subject_type',
  'task_type',
  'score',
  'n',
  'stderr',
  'ci_lower',
  'ci_upper',
  'ci_level',
  'source',
  'updated_at',
] as const;

/** An entry row as selected with {@link ENTRY_COLUMNS}. */
export type EntryRow = Pick<Selectable<LeaderboardCacheTable>, (typeof ENTRY_COLUMNS)[number]>;

/** The five columns that identify a cell (the table's primary key), in tie-break order. */
export const ENTRY_KEY_COLUMNS = ['model_name', 'metric', 'language', 'subject_type', 'task_type'] as const;

/** The first level of a subject: `HASS` of `HASS/History`, `HASS` of `HASS`. */
export function coarseSubjectOf(subject: string): string {
  const slash = subject.indexOf('/');
  return slash < 0 ? subject : subject.slice(0, slash);
}

/** The columns an upsert writes, in bind order, with the kind of their values. */
export const ENTRY_WRITE_COLUMNS = [
  { name: 'model_name', kind: 'text' },
  { name: 'metric', kind: 'text' },
  { name: 'language', kind: 'text' },
  { name: 'subject_type', kind: 'text' },
  { name: 'task_type', kind: 'text' },
  { name: 'coarse_subject', kind: 'text' },
  { name: 'score', kind: 'double' },
  { name: 'n', kind: 'integer' },
  { name: 'stderr', kind: 'double' },
  { name: 'ci_lower', kind: 'double' },
  { name: 'ci_upper', kind: 'double' },
  { name: 'ci_level', kind: 'double' },
  { name: 'source', kind: 'text' },
  { name: 'quarantined', kind: 'boolean' },
  { name: 'updated_at', kind: 'timestamp' },
] as const satisfies readonly { name: keyof LeaderboardCacheTable; kind: SqlValueKind }[];

/** The values that store a parsed entry (visible: not quarantined), in {@link ENTRY_WRITE_COLUMNS} order. */
export function entryRowValues(entry: LeaderboardEntry, traits: SqlDialectTraits): unknown[] {
  return [
    entry.modelName,
    entry.metric,
    entry.language,
    entry.subjectType,
    entry.taskType,
    coarseSubjectOf(entry.subjectType),
    entry.score,
    entry.n,
    entry.stderr,
    entry.ci?.lower ?? null,
    entry.ci?.upper ?? null,
    entry.ci?.level ?? null,
    entry.source,
    traits.toBoolean(false),
    traits.toTimestamp(entry.updatedAt),
  ];
}

/** The entry a row stores. */
export function entryFromRow(row: EntryRow, traits: SqlDialectTraits): LeaderboardEntry {
  const hasCi = row.ci_lower !== null && row.ci_upper !== null && row.ci_level !== null;
  return {
    modelName: row.model_name,
    metric: row.metric,
    language: row.language,
    subjectType: row.subject_type,
    taskType: row.task_type,
    score: Number(row.score),
    n: Number(row.n),
    stderr: row.stderr === null ? null : Number(row.stderr),
    ci: hasCi
      ? { lower: Number(row.ci_lower), upper: Number(row.ci_upper), level: Number(row.ci_level) }
      : null,
    updatedAt: traits.fromTimestamp(row.updated_at),
    source: row.source as LeaderboardSource,
  };
}
