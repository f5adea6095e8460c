import { normalizeLanguage } from '../../domain/language.js';
import { type LeaderboardEntry, leaderboardKey } from '../../domain/leaderboard.js';
import { BenchHubError } from '../../errors/benchhub-error.js';
import type { LeaderboardQuery, LeaderboardSortKey } from '../../spec/storage.js';
import { subjectMatches } from '../../taxonomy/resolve.js';
import { normalizeTaskType } from '../../taxonomy/task-types.js';

const SORT_KEYS: readonly LeaderboardSortKey[] = ['score', 'n', 'updatedAt', 'modelName'];

/** A leaderboard entry with its precomputed identity. */
export interface KeyedLeaderboardEntry {
  /** `leaderboardKey(entry)`. */
  key: string;
  /** The entry as stored. */
  entry: LeaderboardEntry;
}

function nonEmpty<T>(values: readonly T[] | undefined): readonly T[] | undefined {
  return values === undefined || values.length === 0 ? undefined : values;
}

/**
 * Filters and orders leaderboard entries as `StorageV1.browseLeaderboard` does: values within one filter
 * are ORed, filters are ANDed; languages and task types are compared normalised, a coarse subject filter
 * matches its fine subjects, `maxAgeMs` keeps entries updated at or after `now - maxAgeMs`. Default order:
 * score, best first; ties are broken by the entry's key so the order is stable.
 *
 * @example
 * ```ts
 * selectLeaderboard(entries, { language: ['Korean'], subjectType: ['HASS'] }, Date.now());
 * ```
 */
export function selectLeaderboard(
  entries: Iterable<KeyedLeaderboardEntry>,
  query: LeaderboardQuery,
  now: number,
): LeaderboardEntry[] {
  const languages = nonEmpty(query.language)?.map((l) => normalizeLanguage(l) ?? l.trim());
  const taskTypes = nonEmpty(query.taskType)?.map(normalizeTaskType);
  const subjects = nonEmpty(query.subjectType);
  const models = nonEmpty(query.modelName);
  const metrics = nonEmpty(query.metric);
  if (query.maxAgeMs !== undefined && !(Number.isFinite(query.maxAgeMs) && query.maxAgeMs >= 0)) {
    throw new BenchHubError(
      `browseLeaderboard: maxAgeMs must be a number >= 0, got ${String(query.maxAgeMs)}`,
    );
  }
  const oldest = query.maxAgeMs === undefined ? undefined : now - query.maxAgeMs;
  const sort = query.sort ?? { by: 'score', direction: 'desc' };
  if (!SORT_KEYS.includes(sort.by) || (sort.direction !== 'asc' && sort.direction !== 'desc')) {
    throw new BenchHubError(
      `browseLeaderboard: sort must be { by: ${SORT_KEYS.join(' | ')}, direction: asc | desc }, got ${JSON.stringify(sort)}`,
    );
  }

  const selected: KeyedLeaderboardEntry[] = [];
  for (const item of entries) {
    const e = item.entry;
    if (languages !== undefined && !languages.includes(e.language)) continue;
    if (taskTypes !== undefined && !taskTypes.includes(e.taskType)) continue;
    if (models !== undefined && !models.includes(e.modelName)) continue;
    if (metrics !== undefined && !metrics.includes(e.metric)) continue;
    if (subjects !== undefined && !subjects.some((s) => subjectMatches(s, e.subjectType))) continue;
    if (oldest !== undefined && e.updatedAt.getTime() < oldest) continue;
    selected.push(item);
  }

  const sign = sort.direction === 'asc' ? 1 : -1;
  const value = sortValue(sort.by);
  selected.sort((a, b) => {
    const va = value(a.entry);
    const vb = value(b.entry);
    if (va < vb) return -sign;
    if (va > vb) return sign;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  return selected.map((item) => item.entry);
}

function sortValue(by: LeaderboardSortKey): (entry: LeaderboardEntry) => number | string {
  switch (by) {
    case 'score':
      return (e) => e.score;
    case 'n':
      return (e) => e.n;
    case 'updatedAt':
      return (e) => e.updatedAt.getTime();
    case 'modelName':
      return (e) => e.modelName;
  }
}

/** `leaderboardKey` paired with the entry, computed once at upsert. */
export function keyLeaderboardEntry(entry: LeaderboardEntry): KeyedLeaderboardEntry {
  return { key: leaderboardKey(entry), entry };
}
