export {
  type BootstrapOptions,
  bootstrapMeanInterval,
  DEFAULT_BOOTSTRAP_RESAMPLES,
  DEFAULT_STATISTICS_SEED,
  quantileSorted,
} from './bootstrap.js';
export { type ClusterCorrection, type ClusteredStderr, clusteredStderr } from './clustered.js';
export {
  type AdjustedComparison,
  type CompareOptions,
  compareAllModels,
  compareModels,
  comparePairedScores,
  type PairedComparison,
  type PairedScoresComparison,
} from './compare.js';
export { mean, meanStderr, sampleStddev } from './descriptive.js';
export { aggregateSubtaskMetrics, pooledSampleStderr, stratifiedStderr } from './group-aggregate.js';
export { type HolmResult, holmBonferroni } from './holm.js';
export {
  type AggregatedLeaderboardEntry,
  aggregateLeaderboard,
  createLeaderboardBuilder,
  type LeaderboardAggregation,
  type LeaderboardBuilder,
  type LeaderboardExclusions,
  type LeaderboardOptions,
  type RollupAggregate,
  type RollupStderr,
  type RollupWeighting,
  toStoredLeaderboardEntry,
} from './leaderboard.js';
export { binomialTestHalf, type McNemarResult, mcnemarExact, mcnemarTest } from './mcnemar.js';
export { criticalZ, erfc, normalCdf, normalQuantile } from './normal.js';
export {
  DEFAULT_PERMUTATION_RESAMPLES,
  EXACT_PERMUTATION_LIMIT,
  type PairedBootstrapResult,
  type PermutationTestResult,
  pairedBootstrap,
  pairedPermutationTest,
} from './paired.js';
export { type RankableEntry, type RankedModel, type RankOptions, rankModels } from './rank.js';
export { type ExcludedCounts, sampleIdentity } from './sample-scores.js';
export {
  type Interval,
  type IntervalMethod,
  isBinary,
  type ScoreKind,
  type SummarizeOptions,
  type Summary,
  summarize,
  toMetricValue,
} from './summarize.js';
export { wilsonInterval } from './wilson.js';
