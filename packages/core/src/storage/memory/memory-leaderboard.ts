import { type LeaderboardEntry, leaderboardKey } from '../../domain/leaderboard.js';
import { BenchHubError } from '../../errors/benchhub-error.js';
import type {
  LeaderboardCategories,
  LeaderboardFilter,
  LeaderboardQuery,
  StoragePage,
  StorageStats,
} from '../../spec/storage.js';
import { parseLeaderboardEntries, resolveLeaderboardBrowse } from '../leaderboard/browse.js';
import { encodeLeaderboardCursor } from '../leaderboard/cursor.js';
import {
  leaderboardFilterMatches,
  type ResolvedLeaderboardFilter,
  resolveLeaderboardFilter,
} from '../leaderboard/filter.js';
import { compareCodePoints, compareLeaderboardPositions, leaderboardPosition } from '../leaderboard/order.js';

/** One stored cell: the entry and its visibility. */
interface LeaderboardRecord {
  entry: LeaderboardEntry;
  /** Hidden from browsing and categories until released; kept through upserts. */
  quarantined: boolean;
  /** Soft-deleted: hidden everywhere until an upsert of the same key revives it. */
  deleted: boolean;
}

/** The leaderboard half of the in-memory storage (see `StorageV1` for the semantics of each member). */
export interface MemoryLeaderboard {
  /** `upsertLeaderboard`: parses every entry first, then writes them (keeping quarantine, reviving deletes). */
  upsert(entries: readonly LeaderboardEntry[]): void;
  /** `browseLeaderboard`. */
  browse(query: LeaderboardQuery): StoragePage<LeaderboardEntry>;
  /** `leaderboardCategories`. */
  categories(): LeaderboardCategories;
  /** `quarantineLeaderboard`. */
  quarantine(filter: LeaderboardFilter, quarantined: boolean): number;
  /** `deleteLeaderboard` (soft). */
  remove(filter: LeaderboardFilter): number;
  /** The leaderboard part of `stats`. */
  counts(): StorageStats['leaderboard'];
  /** Forgets everything (on close). */
  clear(): void;
}

function sortedDistinct(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareCodePoints);
}

/**
 * The in-memory leaderboard: cells keyed by `leaderboardKey`, with quarantine and soft delete, browsed in
 * the contract's total order (sort value, then model, metric, language, subject and task type by code
 * point) with offset or keyset (cursor) paging.
 *
 * @example
 * ```ts
 * const board = createMemoryLeaderboard(() => Date.now());
 * board.upsert([entry]);
 * board.browse({ language: ['ko'], limit: 10 }); // { items, total, nextCursor? }
 * ```
 */
export function createMemoryLeaderboard(now: () => number): MemoryLeaderboard {
  const records = new Map<string, LeaderboardRecord>();

  const matching = (filter: ResolvedLeaderboardFilter, withQuarantined: boolean): LeaderboardRecord[] => {
    const out: LeaderboardRecord[] = [];
    for (const record of records.values()) {
      if (record.deleted || (record.quarantined && !withQuarantined)) continue;
      if (leaderboardFilterMatches(filter, record.entry)) out.push(record);
    }
    return out;
  };

  return {
    upsert(entries) {
      const parsed = parseLeaderboardEntries(entries);
      for (const entry of parsed) {
        const key = leaderboardKey(entry);
        const quarantined = records.get(key)?.quarantined ?? false;
        records.set(key, { entry, quarantined, deleted: false });
      }
    },

    browse(query) {
      const where = 'browseLeaderboard';
      const { paging, sort, includeQuarantined, after } = resolveLeaderboardBrowse(query, where);
      const filter = resolveLeaderboardFilter(query, now(), where);
      const ordered = matching(filter, includeQuarantined)
        .map((record) => ({ entry: record.entry, position: leaderboardPosition(record.entry, sort.by) }))
        .sort((a, b) => compareLeaderboardPositions(a.position, b.position, sort));
      let start = paging.offset;
      if (after !== undefined) {
        start = ordered.findIndex((item) => compareLeaderboardPositions(item.position, after, sort) > 0);
        if (start < 0) start = ordered.length;
      }
      const page = ordered.slice(start, start + paging.limit);
      const result: StoragePage<LeaderboardEntry> = {
        items: page.map((item) => structuredClone(item.entry)),
        total: ordered.length,
      };
      const last = page.at(-1);
      if (last !== undefined && start + page.length < ordered.length) {
        result.nextCursor = encodeLeaderboardCursor(sort, last.position);
      }
      return result;
    },

    categories() {
      const visible = matching({}, false).map((r) => r.entry);
      return {
        modelNames: sortedDistinct(visible.map((e) => e.modelName)),
        metrics: sortedDistinct(visible.map((e) => e.metric)),
        languages: sortedDistinct(visible.map((e) => e.language)),
        subjectTypes: sortedDistinct(visible.map((e) => e.subjectType)),
        taskTypes: sortedDistinct(visible.map((e) => e.taskType)),
      };
    },

    quarantine(filter, quarantined) {
      if (typeof quarantined !== 'boolean') {
        throw new BenchHubError('quarantineLeaderboard: quarantined must be a boolean');
      }
      const resolved = resolveLeaderboardFilter(filter, now(), 'quarantineLeaderboard');
      let changed = 0;
      for (const record of matching(resolved, true)) {
        if (record.quarantined === quarantined) continue;
        record.quarantined = quarantined;
        changed++;
      }
      return changed;
    },

    remove(filter) {
      const resolved = resolveLeaderboardFilter(filter, now(), 'deleteLeaderboard');
      const doomed = matching(resolved, true);
      for (const record of doomed) record.deleted = true;
      return doomed.length;
    },

    counts() {
      const counts = { visible: 0, quarantined: 0, deleted: 0 };
      for (const record of records.values()) {
        if (record.deleted) counts.deleted++;
        else if (record.quarantined) counts.quarantined++;
        else counts.visible++;
      }
      return counts;
    },

    clear() {
      records.clear();
    },
  };
}
