import type { ResolvedLeaderboardFilter } from '@benchhub/core';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { SqlDialectTraits } from '../dialect/traits.js';
import type { BenchHubSqlSchema } from '../schema/tables.js';

/** An expression builder over `leaderboard_cache`. */
export type LeaderboardEb = ExpressionBuilder<BenchHubSqlSchema, 'leaderboard_cache'>;

/** Which entries an operation sees besides its filter. */
export type LeaderboardVisibility =
  /** Neither quarantined nor deleted (browsing, categories). */
  | 'visible'
  /** Not deleted (browsing with `includeQuarantined`, quarantine, delete). */
  | 'not-deleted';

/**
 * A subject and every subject below it. A first-level subject (`HASS`) is one equality on the
 * precomputed `coarse_subject` column. A deeper one (`Social Intelligence/Value`) is an index range:
 * `subject_type` equal to `subject`, or starting with `subject/`. In byte order (SQLite `BINARY`, PostgreSQL `COLLATE "C"`) the strings in
 * `[subject, subject + '0')` are `subject` followed by nothing or by a character below `0` (`/` is the one
 * just below it); the second condition keeps `subject` itself and those continuing with `/`.
 */
function subjectTree(eb: LeaderboardEb, subject: string): Expression<SqlBool> {
  if (!subject.includes('/')) return eb('coarse_subject', '=', subject);
  return eb.and([
    eb('subject_type', '>=', subject),
    eb('subject_type', '<', `${subject}0`),
    eb.or([eb('subject_type', '=', subject), eb('subject_type', '>', `${subject}/`)]),
  ]);
}

type TextColumn = 'language' | 'task_type' | 'model_name' | 'metric' | 'source';

/** `column = value` for one value (the plainest plan), `column in (…)` for several. */
function oneOf(eb: LeaderboardEb, column: TextColumn, values: readonly string[]): Expression<SqlBool> {
  return values.length === 1 ? eb(column, '=', values[0] as string) : eb(column, 'in', values);
}

/**
 * The WHERE conditions of a resolved leaderboard filter (core's `resolveLeaderboardFilter`: aliases
 * already normalised in JavaScript), so every predicate compares a column with bound values and stays
 * indexable. Values within a field are ORed, fields ANDed.
 */
export function leaderboardConditions(
  eb: LeaderboardEb,
  filter: ResolvedLeaderboardFilter,
  visibility: LeaderboardVisibility,
  traits: SqlDialectTraits,
): Expression<SqlBool> {
  // Literals, not parameters: the planner then matches the partial browse index (visible entries only).
  const conditions: Expression<SqlBool>[] = [eb('deleted_at', 'is', null)];
  if (visibility === 'visible') conditions.push(eb('quarantined', '=', sql.lit(false)));
  if (filter.languages) conditions.push(oneOf(eb, 'language', filter.languages));
  if (filter.taskTypes) conditions.push(oneOf(eb, 'task_type', filter.taskTypes));
  if (filter.subjects) {
    const trees = filter.subjects.map((subject) => subjectTree(eb, subject));
    conditions.push(trees.length === 1 ? (trees[0] as Expression<SqlBool>) : eb.or(trees));
  }
  if (filter.modelNames) conditions.push(oneOf(eb, 'model_name', filter.modelNames));
  if (filter.metrics) conditions.push(oneOf(eb, 'metric', filter.metrics));
  if (filter.sources) conditions.push(oneOf(eb, 'source', filter.sources));
  if (filter.updatedSince !== undefined) {
    conditions.push(eb('updated_at', '>=', traits.toTimestamp(new Date(filter.updatedSince))));
  }
  return eb.and(conditions);
}
