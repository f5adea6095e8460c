export {
  parseLeaderboardEntries,
  type ResolvedLeaderboardBrowse,
  resolveLeaderboardBrowse,
} from './browse.js';
export { decodeLeaderboardCursor, encodeLeaderboardCursor } from './cursor.js';
export {
  leaderboardFilterMatches,
  type ResolvedLeaderboardFilter,
  resolveLeaderboardFilter,
} from './filter.js';
export {
  compareCodePoints,
  compareLeaderboardPositions,
  LEADERBOARD_SORT_KEYS,
  LEADERBOARD_TIE_FIELDS,
  type LeaderboardPosition,
  type LeaderboardSort,
  leaderboardPosition,
  resolveLeaderboardSort,
} from './order.js';
