export {
  type LeaderboardCacheGap,
  type LeaderboardCacheLookup,
  type LeaderboardCacheRequest,
  lookupLeaderboardCache,
} from './cache-lookup.js';
export { type LoadSeedLeaderboardOptions, loadSeedLeaderboard } from './load-seed.js';
export {
  type RebuildLeaderboardOptions,
  type RebuildLeaderboardOutcome,
  rebuildLeaderboard,
} from './rebuild.js';
export {
  SEED_LEADERBOARD_COLUMNS,
  type SeedLeaderboardOptions,
  type SeedLeaderboardRow,
  seedLeaderboard,
  seedLeaderboardEntries,
} from './seed.js';
