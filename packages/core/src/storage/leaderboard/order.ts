import type { LeaderboardEntry } from '../../domain/leaderboard.js';
import { BenchHubError } from '../../errors/benchhub-error.js';
import type { LeaderboardQuery, LeaderboardSortKey } from '../../spec/storage.js';

/** The sort keys `browseLeaderboard` accepts. */
export const LEADERBOARD_SORT_KEYS: readonly LeaderboardSortKey[] = ['score', 'n', 'updatedAt', 'modelName'];

/**
 * The fields that break ties between entries with the same sort value, in order, always ascending: they
 * identify an entry, so the order is total.
 */
export const LEADERBOARD_TIE_FIELDS = ['modelName', 'metric', 'language', 'subjectType', 'taskType'] as const;

/** A leaderboard sort with its defaults applied. */
export interface LeaderboardSort {
  /** The sort value. */
  by: LeaderboardSortKey;
  /** Of the sort value only: ties are always ascending. */
  direction: 'asc' | 'desc';
}

/** An entry's position in a leaderboard order: its sort value, then its tie fields. */
export interface LeaderboardPosition {
  /** The sort value: score or n, `updatedAt` in epoch milliseconds, or the model name. */
  value: number | string;
  /** The entry's {@link LEADERBOARD_TIE_FIELDS} values. */
  tie: readonly [string, string, string, string, string];
}

/**
 * The sort of a query, score best first by default; rejects an unknown key or direction.
 *
 * @example
 * ```ts
 * resolveLeaderboardSort({}); // { by: 'score', direction: 'desc' }
 * ```
 */
export function resolveLeaderboardSort(
  query: Pick<LeaderboardQuery, 'sort'>,
  where: string,
): LeaderboardSort {
  const sort = query.sort ?? { by: 'score', direction: 'desc' };
  if (
    typeof sort !== 'object' ||
    sort === null ||
    !LEADERBOARD_SORT_KEYS.includes(sort.by) ||
    (sort.direction !== 'asc' && sort.direction !== 'desc')
  ) {
    throw new BenchHubError(
      `${where}: sort must be { by: ${LEADERBOARD_SORT_KEYS.join(' | ')}, direction: asc | desc }, got ${JSON.stringify(sort)}`,
    );
  }
  return { by: sort.by, direction: sort.direction };
}

/**
 * Compares two strings by Unicode code point (the order of their UTF-8 bytes: PostgreSQL's `COLLATE "C"`,
 * SQLite's `BINARY`), where `<` compares UTF-16 code units and misplaces characters beyond U+FFFF.
 *
 * @example
 * ```ts
 * compareCodePoints('Org/B', 'org/a'); // -1: upper case sorts first
 * compareCodePoints('\u{1F600}', '\uFFFD'); // 1: U+1F600 is the larger code point
 * ```
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–DFFF) encode code points above U+FFFF: move them above U+E000–FFFF.
    if (x >= 0xd800 && y >= 0xd800) return codePointRank(x) < codePointRank(y) ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function codePointRank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** An entry's position in the given sort (see {@link LeaderboardPosition}). */
export function leaderboardPosition(entry: LeaderboardEntry, by: LeaderboardSortKey): LeaderboardPosition {
  return {
    value: sortValue(entry, by),
    tie: [entry.modelName, entry.metric, entry.language, entry.subjectType, entry.taskType],
  };
}

function sortValue(entry: LeaderboardEntry, by: LeaderboardSortKey): number | string {
  switch (by) {
    case 'score':
      return entry.score;
    case 'n':
      return entry.n;
    case 'updatedAt':
      return entry.updatedAt.getTime();
    case 'modelName':
      return entry.modelName;
  }
}

/**
 * Compares two positions in a sort: by value in the sort's direction, then by the tie fields ascending
 * (code point order). Negative when `a` comes first.
 *
 * @example
 * ```ts
 * const sort = { by: 'score', direction: 'desc' } as const;
 * compareLeaderboardPositions(leaderboardPosition(a, 'score'), leaderboardPosition(b, 'score'), sort);
 * ```
 */
export function compareLeaderboardPositions(
  a: LeaderboardPosition,
  b: LeaderboardPosition,
  sort: LeaderboardSort,
): number {
  if (a.value !== b.value) {
    const less =
      typeof a.value === 'string' && typeof b.value === 'string'
        ? compareCodePoints(a.value, b.value) < 0
        : a.value < b.value;
    return (less ? -1 : 1) * (sort.direction === 'asc' ? 1 : -1);
  }
  for (let i = 0; i < a.tie.length; i++) {
    const order = compareCodePoints(a.tie[i] as string, b.tie[i] as string);
    if (order !== 0) return order;
  }
  return 0;
}
