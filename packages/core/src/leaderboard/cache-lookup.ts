import { normalizeLanguage } from '../domain/language.js';
import type { LeaderboardEntry } from '../domain/leaderboard.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import type { StorageV1 } from '../spec/storage.js';
import { resolveSubject } from '../taxonomy/resolve.js';
import { unknownSubjectMessage } from '../taxonomy/schema.js';
import { normalizeTaskType } from '../taxonomy/task-types.js';

/** What a leaderboard cache lookup asks for. */
export interface LeaderboardCacheRequest {
  /** The models the request compares, exactly as stored (at least one). */
  models: readonly string[];
  /** Languages (aliases accepted); each one must be covered. Absent or empty: any language. */
  language?: readonly string[];
  /**
   * Subjects (aliases accepted); each one must be covered by an entry of exactly that subject once
   * normalised: a coarse subject (`HASS`) needs its roll-up entry, not merely some fine entry below it.
   * Absent or empty: any subject.
   */
  subjectType?: readonly string[];
  /** Task types; each one must be covered. Absent or empty: any task type. */
  taskType?: readonly string[];
  /** The metric. Default `accuracy`. */
  metric?: string;
  /** How old an entry may be to answer from the cache: `updatedAt` at or after `now - ttlMs`. */
  ttlMs: number;
  /** The current time. Default: now. */
  now?: Date;
}

/** A requested cell the cache cannot answer. */
export interface LeaderboardCacheGap {
  /** The requested model. */
  modelName: string;
  /** The requested language (normalised); absent when the request named none (any would have done). */
  language?: string;
  /** The requested subject (canonical); absent when the request named none. */
  subjectType?: string;
  /** The requested task type (canonical); absent when the request named none. */
  taskType?: string;
  /** `missing`: no visible entry; `expired`: entries exist but all are older than the TTL. */
  reason: 'missing' | 'expired';
  /** With `expired`: when the newest matching entry was updated. */
  updatedAt?: Date;
}

/** The answer of {@link lookupLeaderboardCache}. */
export type LeaderboardCacheLookup =
  | {
      hit: true;
      /** The fresh entries that answer the request, best score first. */
      entries: LeaderboardEntry[];
    }
  | {
      hit: false;
      /** Every requested cell that is missing or expired, in request order. */
      missing: LeaderboardCacheGap[];
    };

interface Cell {
  modelName: string;
  language: string | undefined;
  subjectType: string | undefined;
  taskType: string | undefined;
  fresh: boolean;
  newestStale: Date | undefined;
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw new BenchHubError(
      `lookupLeaderboardCache: ${field} must be an array of non-empty strings, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function expand<T>(values: readonly T[]): (T | undefined)[] {
  return values.length === 0 ? [undefined] : [...values];
}

/**
 * The original system's "cache hit", made exact: a request (models × languages × subjects × task types)
 * is answered from the leaderboard at once only when EVERY requested model has, for EVERY requested
 * language, subject and task type, a visible entry of the metric updated within `ttlMs`. Requested
 * subjects are normalised and matched exactly (a coarse subject needs its own roll-up entry); an absent
 * dimension accepts any value. Otherwise the answer names each missing or expired cell. (The original
 * ignored its TTL and checked only the last subject.)
 *
 * @example
 * ```ts
 * const cached = await lookupLeaderboardCache(storage, {
 *   models: ['openai/gpt-4o-mini', 'claude-sonnet'], language: ['Korean'],
 *   subjectType: ['HASS/History', 'HASS/Economics'], ttlMs: 24 * 3_600_000,
 * });
 * if (cached.hit) render(cached.entries);
 * else console.log(cached.missing); // [{ modelName, language: 'ko', subjectType: 'HASS/Economics', reason: 'expired', … }]
 * ```
 */
export async function lookupLeaderboardCache(
  storage: StorageV1,
  request: LeaderboardCacheRequest,
): Promise<LeaderboardCacheLookup> {
  if (typeof request !== 'object' || request === null) {
    throw new BenchHubError('lookupLeaderboardCache: expected a request object');
  }
  const models = distinct(stringList(request.models, 'models'));
  if (models.length === 0)
    throw new BenchHubError('lookupLeaderboardCache: models must name at least one model');
  if (!(typeof request.ttlMs === 'number' && Number.isFinite(request.ttlMs) && request.ttlMs >= 0)) {
    throw new BenchHubError(
      `lookupLeaderboardCache: ttlMs must be a number >= 0, got ${String(request.ttlMs)}`,
    );
  }
  const languages = distinct(
    stringList(request.language, 'language').map((l) => {
      const tag = normalizeLanguage(l);
      if (tag === undefined) throw new BenchHubError(`lookupLeaderboardCache: unknown language "${l}"`);
      return tag;
    }),
  );
  const subjects = distinct(
    stringList(request.subjectType, 'subjectType').map((s) => {
      const canonical = resolveSubject(s);
      if (canonical === undefined)
        throw new BenchHubError(`lookupLeaderboardCache: ${unknownSubjectMessage(s)}`);
      return canonical;
    }),
  );
  const taskTypes = distinct(stringList(request.taskType, 'taskType').map(normalizeTaskType));
  const metric = request.metric ?? 'accuracy';
  const oldest = (request.now ?? new Date()).getTime() - request.ttlMs;

  const cells: Cell[] = [];
  for (const modelName of models) {
    for (const language of expand(languages)) {
      for (const subjectType of expand(subjects)) {
        for (const taskType of expand(taskTypes)) {
          cells.push({ modelName, language, subjectType, taskType, fresh: false, newestStale: undefined });
        }
      }
    }
  }
  const cellsOf = (e: LeaderboardEntry): Cell[] =>
    cells.filter(
      (c) =>
        c.modelName === e.modelName &&
        (c.language === undefined || c.language === e.language) &&
        (c.subjectType === undefined || c.subjectType === e.subjectType) &&
        (c.taskType === undefined || c.taskType === e.taskType),
    );

  const answer: LeaderboardEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.browseLeaderboard({
      modelName: models,
      metric: [metric],
      ...(languages.length > 0 ? { language: languages } : {}),
      ...(subjects.length > 0 ? { subjectType: subjects } : {}),
      ...(taskTypes.length > 0 ? { taskType: taskTypes } : {}),
      limit: 1000,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const entry of page.items) {
      const matched = cellsOf(entry);
      if (matched.length === 0) continue; // a fine subject below a requested coarse one
      const fresh = entry.updatedAt.getTime() >= oldest;
      for (const cell of matched) {
        if (fresh) cell.fresh = true;
        else if (cell.newestStale === undefined || entry.updatedAt > cell.newestStale) {
          cell.newestStale = entry.updatedAt;
        }
      }
      if (fresh) answer.push(entry);
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);

  const missing: LeaderboardCacheGap[] = [];
  for (const cell of cells) {
    if (cell.fresh) continue;
    const gap: LeaderboardCacheGap = {
      modelName: cell.modelName,
      reason: cell.newestStale ? 'expired' : 'missing',
    };
    if (cell.language !== undefined) gap.language = cell.language;
    if (cell.subjectType !== undefined) gap.subjectType = cell.subjectType;
    if (cell.taskType !== undefined) gap.taskType = cell.taskType;
    if (cell.newestStale !== undefined) gap.updatedAt = cell.newestStale;
    missing.push(gap);
  }
  return missing.length === 0 ? { hit: true, entries: answer } : { hit: false, missing };
}
