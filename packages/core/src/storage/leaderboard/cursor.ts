import { BenchHubError } from '../../errors/benchhub-error.js';
import type { LeaderboardPosition, LeaderboardSort } from './order.js';

/** Version tag of the cursor layout, so a future layout can tell old cursors apart. */
const CURSOR_VERSION = 1;

/**
 * Encodes the position of a page's last entry as an opaque `nextCursor`: base64url of the JSON array
 * `[1, sortBy, direction, value, modelName, metric, language, subjectType, taskType]`. Every storage uses
 * this layout, so a cursor means the same thing whichever backend returned it.
 *
 * @example
 * ```ts
 * const sort = { by: 'score', direction: 'desc' } as const;
 * encodeLeaderboardCursor(sort, leaderboardPosition(page.items.at(-1)!, sort.by));
 * ```
 */
export function encodeLeaderboardCursor(sort: LeaderboardSort, position: LeaderboardPosition): string {
  const payload = [CURSOR_VERSION, sort.by, sort.direction, position.value, ...position.tie];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeLeaderboardCursor} for the same sort: browsing continues with the
 * entries strictly after this position. Rejects with a `BenchHubError` naming `where` when the cursor is
 * not one (wrong characters, layout or types) or was made for another sort.
 *
 * @example
 * ```ts
 * decodeLeaderboardCursor(query.cursor, sort, 'browseLeaderboard'); // { value: 0.71, tie: ['org/a', …] }
 * ```
 */
export function decodeLeaderboardCursor(
  cursor: unknown,
  sort: LeaderboardSort,
  where: string,
): LeaderboardPosition {
  const malformed = (why: string): BenchHubError =>
    new BenchHubError(
      `${where}: cursor is malformed (${why}); pass back the nextCursor of a previous page unchanged`,
    );
  if (typeof cursor !== 'string' || cursor === '') throw malformed('expected a non-empty string');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed('not base64url');
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformed('not an encoded position');
  }
  if (!Array.isArray(payload) || payload.length !== 9 || payload[0] !== CURSOR_VERSION) {
    throw malformed('unknown layout');
  }
  const [, by, direction, value, ...tie] = payload as unknown[];
  if (by !== sort.by || direction !== sort.direction) {
    throw new BenchHubError(
      `${where}: cursor was made for sort { by: ${String(by)}, direction: ${String(direction)} }, but the query sorts { by: ${sort.by}, direction: ${sort.direction} }: browse with the same sort as the page that returned it`,
    );
  }
  const valueOk =
    sort.by === 'modelName' ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value);
  if (!valueOk) throw malformed(`its ${sort.by} value is not valid`);
  if (!tie.every((field) => typeof field === 'string')) throw malformed('its entry key is not valid');
  return { value: value as number | string, tie: tie as unknown as LeaderboardPosition['tie'] };
}
