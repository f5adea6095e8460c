import { normalizeLanguage } from '../../domain/language.js';
import type { LeaderboardEntry, LeaderboardSource } from '../../domain/leaderboard.js';
import { BenchHubError } from '../../errors/benchhub-error.js';
import type { LeaderboardFilter } from '../../spec/storage.js';
import { resolveSubject, subjectMatches } from '../../taxonomy/resolve.js';
import { normalizeTaskType } from '../../taxonomy/task-types.js';

const SOURCES: readonly LeaderboardSource[] = ['evaluation', 'seed'];

/**
 * A {@link LeaderboardFilter} checked and normalised: each list is absent when the filter does not
 * restrict that field (absent or empty in the query).
 */
export interface ResolvedLeaderboardFilter {
  /** BCP-47 tags (aliases normalised; an unknown value is kept trimmed and matches nothing stored). */
  languages?: string[];
  /** Subjects resolved to their canonical names where they resolve; each matches itself and below it. */
  subjects?: string[];
  /** Task types in canonical spelling. */
  taskTypes?: string[];
  /** Model names, exactly as given. */
  modelNames?: string[];
  /** Metric names, exactly as given. */
  metrics?: string[];
  /** Sources. */
  sources?: LeaderboardSource[];
  /** `maxAgeMs` as an instant: entries updated at or after this epoch millisecond. */
  updatedSince?: number;
}

function list(value: unknown, field: string, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new BenchHubError(`${where}: ${field} must be an array of strings, got ${JSON.stringify(value)}`);
  }
  return value.length === 0 ? undefined : [...value];
}

/**
 * Checks a leaderboard filter and normalises it as every storage applies it: languages through their
 * aliases (`Korean` → `ko`), subjects to canonical names, task types to canonical spelling, `maxAgeMs`
 * to an instant relative to `now`. Rejects a field that is not a list of strings, an unknown source
 * or a negative `maxAgeMs`, naming `where`.
 *
 * @example
 * ```ts
 * resolveLeaderboardFilter({ language: ['Korean'], maxAgeMs: 60_000 }, Date.now(), 'browseLeaderboard');
 * // { languages: ['ko'], updatedSince: <now - 60 s> }
 * ```
 */
export function resolveLeaderboardFilter(
  filter: LeaderboardFilter,
  now: number,
  where: string,
): ResolvedLeaderboardFilter {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new BenchHubError(`${where}: expected a filter object, got ${JSON.stringify(filter)}`);
  }
  const resolved: ResolvedLeaderboardFilter = {};
  const languages = list(filter.language, 'language', where);
  if (languages) resolved.languages = languages.map((l) => normalizeLanguage(l) ?? l.trim());
  const subjects = list(filter.subjectType, 'subjectType', where);
  if (subjects) resolved.subjects = subjects.map((s) => resolveSubject(s) ?? s.trim());
  const taskTypes = list(filter.taskType, 'taskType', where);
  if (taskTypes) resolved.taskTypes = taskTypes.map(normalizeTaskType);
  const modelNames = list(filter.modelName, 'modelName', where);
  if (modelNames) resolved.modelNames = modelNames;
  const metrics = list(filter.metric, 'metric', where);
  if (metrics) resolved.metrics = metrics;
  const sources = list(filter.source, 'source', where);
  if (sources) {
    const unknown = sources.find((s) => !SOURCES.includes(s as LeaderboardSource));
    if (unknown !== undefined) {
      throw new BenchHubError(`${where}: source must list ${SOURCES.join(' or ')}, got "${unknown}"`);
    }
    resolved.sources = sources as LeaderboardSource[];
  }
  if (filter.maxAgeMs !== undefined) {
    if (typeof filter.maxAgeMs !== 'number' || !(Number.isFinite(filter.maxAgeMs) && filter.maxAgeMs >= 0)) {
      throw new BenchHubError(`${where}: maxAgeMs must be a number >= 0, got ${String(filter.maxAgeMs)}`);
    }
    resolved.updatedSince = now - filter.maxAgeMs;
  }
  return resolved;
}

/**
 * Whether a stored entry passes a resolved filter: values within a field are ORed, fields ANDed, a subject
 * matches itself and every subject below it (`HASS` matches `HASS/History`).
 */
export function leaderboardFilterMatches(
  filter: ResolvedLeaderboardFilter,
  entry: LeaderboardEntry,
): boolean {
  if (filter.languages && !filter.languages.includes(entry.language)) return false;
  if (filter.taskTypes && !filter.taskTypes.includes(entry.taskType)) return false;
  if (filter.modelNames && !filter.modelNames.includes(entry.modelName)) return false;
  if (filter.metrics && !filter.metrics.includes(entry.metric)) return false;
  if (filter.sources && !filter.sources.includes(entry.source)) return false;
  if (filter.updatedSince !== undefined && entry.updatedAt.getTime() < filter.updatedSince) return false;
  if (filter.subjects && !filter.subjects.some((s) => subjectMatches(s, entry.subjectType))) return false;
  return true;
}
