import { type LeaderboardEntry, LeaderboardEntrySchema } from '../../domain/leaderboard.js';
import { BenchHubError } from '../../errors/benchhub-error.js';
import type { LeaderboardQuery } from '../../spec/storage.js';
import { type ResolvedPaging, resolvePaging } from '../paging.js';
import { decodeLeaderboardCursor } from './cursor.js';
import { type LeaderboardPosition, type LeaderboardSort, resolveLeaderboardSort } from './order.js';

/** A checked `browseLeaderboard` query (its filter is resolved separately, against the clock). */
export interface ResolvedLeaderboardBrowse {
  paging: ResolvedPaging;
  sort: LeaderboardSort;
  /** Whether quarantined entries are listed too. */
  includeQuarantined: boolean;
  /** The position the page continues after, from `query.cursor`. */
  after?: LeaderboardPosition;
}

/**
 * Checks a `browseLeaderboard` query's paging, sort, `includeQuarantined` and cursor (a cursor requires
 * offset 0); throws a `BenchHubError` prefixed with `where`.
 */
export function resolveLeaderboardBrowse(query: LeaderboardQuery, where: string): ResolvedLeaderboardBrowse {
  if (typeof query !== 'object' || query === null) {
    throw new BenchHubError(`${where}: expected a query object, got ${JSON.stringify(query)}`);
  }
  const paging = resolvePaging(query, where);
  const sort = resolveLeaderboardSort(query, where);
  if (query.includeQuarantined !== undefined && typeof query.includeQuarantined !== 'boolean') {
    throw new BenchHubError(`${where}: includeQuarantined must be a boolean`);
  }
  const resolved: ResolvedLeaderboardBrowse = {
    paging,
    sort,
    includeQuarantined: query.includeQuarantined === true,
  };
  if (query.cursor !== undefined) {
    if (paging.offset > 0) {
      throw new BenchHubError(
        `${where}: a cursor continues after its page, so offset must be 0 or absent (got ${paging.offset})`,
      );
    }
    resolved.after = decodeLeaderboardCursor(query.cursor, sort, where);
  }
  return resolved;
}

/**
 * Parses every entry of an `upsertLeaderboard` call, in order, before anything is written: throws a
 * `BenchHubError` naming the first invalid entry (so an invalid call writes nothing).
 */
export function parseLeaderboardEntries(entries: readonly LeaderboardEntry[]): LeaderboardEntry[] {
  if (!Array.isArray(entries)) throw new BenchHubError('upsertLeaderboard: expected an array of entries');
  return entries.map((entry, i) => {
    const parsed = LeaderboardEntrySchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.length ? `.${issue.path.join('.')}` : '';
      throw new BenchHubError(
        `upsertLeaderboard: entries[${i}]${path}: ${issue?.message ?? 'invalid entry'}`,
      );
    }
    return parsed.data;
  });
}
