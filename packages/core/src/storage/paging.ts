import { BenchHubError } from '../errors/benchhub-error.js';
import type { StoragePaging } from '../spec/storage.js';

/** Page size when a query gives none. */
export const DEFAULT_PAGE_LIMIT = 50;
/** Largest page a storage returns, whatever the query asks. */
export const MAX_PAGE_LIMIT = 1000;

/** Paging with its defaults applied. */
export interface ResolvedPaging {
  /** Records to return, at most {@link MAX_PAGE_LIMIT}. */
  limit: number;
  /** Records to skip. */
  offset: number;
}

/**
 * Applies the paging defaults of the storage contract (limit 50, capped at 1000; offset 0) and rejects
 * a limit or offset that is not a non-negative integer.
 *
 * @example
 * ```ts
 * resolvePaging({ limit: 5000 }, 'listTasks'); // { limit: 1000, offset: 0 }
 * resolvePaging({ offset: -1 }, 'listTasks');  // throws BenchHubError naming listTasks.offset
 * ```
 */
export function resolvePaging(paging: StoragePaging, where: string): ResolvedPaging {
  const limit = paging.limit ?? DEFAULT_PAGE_LIMIT;
  const offset = paging.offset ?? 0;
  for (const [field, value] of [
    ['limit', limit],
    ['offset', offset],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new BenchHubError(`${where}: ${field} must be an integer >= 0, got ${String(value)}`);
    }
  }
  return { limit: Math.min(limit, MAX_PAGE_LIMIT), offset };
}

/**
 * One page of an already filtered and ordered list.
 *
 * @example
 * ```ts
 * pageOf([1, 2, 3, 4], { limit: 2, offset: 1 }); // { items: [2, 3], total: 4 }
 * ```
 */
export function pageOf<T>(items: readonly T[], paging: ResolvedPaging): { items: T[]; total: number } {
  return { items: items.slice(paging.offset, paging.offset + paging.limit), total: items.length };
}
