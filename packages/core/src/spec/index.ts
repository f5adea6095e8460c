export type { DatasetReadOptions, DatasetSourceV1 } from './dataset-source.js';
export type { MetricAggregate, MetricItem, MetricOutput, MetricRequirement, MetricV1 } from './metric.js';
export {
  type EmbeddingProviderV1,
  type FinishReason,
  type GenerateRequest,
  type GenerateResult,
  type LogLikelihoodProviderV1,
  type LogLikelihoodRequest,
  type LogLikelihoodResult,
  type ModelCapabilities,
  type ModelProviderV1,
  type ProviderCallOptions,
  type ResponseFormat,
  supportsEmbedding,
  supportsLogLikelihood,
  type TokenLogprob,
  type TokenUsage,
  type ToolCall,
  type ToolSpec,
} from './model-provider.js';
export type {
  PlanContext,
  PlannerCapabilities,
  PlannerV1,
  PlanProposal,
  PlanSuggestion,
} from './planner.js';
export type {
  JobContext,
  JobHandler,
  ProcessOptions,
  QueueCapabilities,
  QueueCounts,
  QueueJob,
  QueueJobInput,
  QueueV1,
  QueueWorker,
} from './queue.js';
export { RateLimitedError, type RateLimitedErrorOptions, UnrecoverableJobError } from './queue-errors.js';
export type { RateLimitCost, RateLimiterV1, RateLimitLease, RateLimitUsage } from './rate-limiter.js';
export type { CacheSetOptions, ResponseCacheV1 } from './response-cache.js';
export { canonicalJson, type ResponseCacheKeyOptions, responseCacheKey } from './response-cache-key.js';
export type {
  AppendResultsOutcome,
  CleanupOutcome,
  CredentialInfo,
  LeaderboardCategories,
  LeaderboardFilter,
  LeaderboardQuery,
  LeaderboardSortKey,
  NewTask,
  ResultKey,
  ResultQuery,
  StorageCapabilities,
  StoragePage,
  StoragePaging,
  StorageStats,
  StorageV1,
  TaskProgress,
  TaskQuery,
  TaskUpdate,
  TaskUpdateOptions,
} from './storage.js';
export type {
  ResultAppendedEvent,
  TaskDoneEvent,
  TaskEvent,
  TaskEventListener,
  TaskEventsV1,
  TaskProgressEvent,
  TaskStatusEvent,
  Unsubscribe,
} from './task-events.js';
export { type BenchHubSpecVersion, SPECIFICATION_VERSION } from './version.js';
