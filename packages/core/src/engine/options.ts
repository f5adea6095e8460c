import type { HuggingFaceSourceOpener } from '../datasets/sources/open-source.js';
import type { Logger } from '../logger/logger.js';
import type { PlanEnv } from '../plan/resolve-env.js';
import type { ModelSpec } from '../plan/schema.js';
import type { MetricV1 } from '../spec/metric.js';
import type { ModelProviderV1 } from '../spec/model-provider.js';
import type { QueueV1 } from '../spec/queue.js';
import type { RateLimiterV1 } from '../spec/rate-limiter.js';
import type { ResponseCacheV1 } from '../spec/response-cache.js';
import type { StorageV1 } from '../spec/storage.js';
import type { TaskEventsV1 } from '../spec/task-events.js';
import type { EvaluationEvent } from './events.js';
import type { PriceTable } from './prices.js';
import type { RepeatReducer } from './reducers.js';
import type { SampleJobData } from './sample-job.js';

/**
 * Where the engine finds each model of a plan: a map keyed by the plan's model `id` (or, failing that,
 * by its `provider` id), or a function building the provider from the model's spec (called once per
 * model, with `${VAR}` placeholders resolved from `env`).
 *
 * @example
 * ```ts
 * const providers = { 'function:echo': echoProvider };              // by model id
 * const byFactory = (spec: ModelSpec) => createOpenAI({ apiKey: spec.apiKey }).model(spec.model);
 * ```
 */
export type ProviderSource =
  | Readonly<Record<string, ModelProviderV1>>
  | ((model: ModelSpec) => ModelProviderV1 | Promise<ModelProviderV1>);

/** How many model calls may run at once. */
export interface ConcurrencyOptions {
  /** Calls in flight across every model. Default 64. */
  global?: number;
  /**
   * Calls in flight per model when the plan gives no `concurrency` for it and the provider declares no
   * `capabilities.maxConcurrency`. Default 16.
   */
  perModel?: number;
  /**
   * Adapt each model's limit to the server (AIMD): start at the model's limit, halve it on a 429/503,
   * grow back by one after a window of successes. Default false (a fixed limit).
   */
  adaptive?: boolean | { min?: number };
}

/** How a failed model call is retried. */
export interface RetrySettings {
  /** Attempts in total, the first included. Default 4. */
  maxAttempts?: number;
  /** Backoff scale of the first retry in milliseconds (full jitter). Default 500. */
  baseDelayMs?: number;
  /** Largest backoff in milliseconds (a longer `Retry-After` is still honoured). Default 20,000. */
  maxDelayMs?: number;
  /** Uniform random source in [0, 1) for the jitter (seed it for reproducible tests). Default `Math.random`. */
  random?: () => number;
}

/** Options of `evaluate` and `runEvaluation`. Only `providers` is required. */
export interface EvaluateOptions {
  /** The models' providers (see {@link ProviderSource}). */
  providers: ProviderSource;
  /** Where the task and its results live. Default: a fresh in-memory storage. */
  storage?: StorageV1;
  /** The job queue chunks of samples go through. Default: a fresh in-process queue. */
  queue?: QueueV1<SampleJobData>;
  /**
   * Response cache. Keys hold provider, model, request and the repeat index, so repeats stay real repeats;
   * identical concurrent requests are sent once; errors are never cached. Default: none.
   */
  cache?: ResponseCacheV1;
  /** Lifetime of a cache entry, in milliseconds. Default: the cache's own. */
  cacheTtlMs?: number;
  /**
   * Request/token limits: one limiter for every model, or one per model (`undefined`: no limit).
   * Default: an in-process limiter for each model with a `rateLimit` in the plan.
   */
  rateLimiter?: RateLimiterV1 | ((model: ModelSpec) => RateLimiterV1 | undefined);
  /** Cancels the run: in-flight calls are aborted and the task ends CANCELLED. */
  signal?: AbortSignal;
  /** Receives every event (progress, results, status) in order. Must not throw. */
  onEvent?: (event: EvaluationEvent) => void;
  /** Also publishes every event to this bus (server-sent events, Redis pub/sub). */
  events?: TaskEventsV1;
  /** Receives the run's log lines. Default: silent. */
  logger?: Logger;
  /**
   * Environment for `${VAR}` placeholders of the plan (pass `process.env` in a script). Resolved values are
   * used for the run only; the stored task keeps the placeholders. Default: none (placeholders unresolved).
   */
  env?: PlanEnv;
  /** Folder relative dataset paths resolve against (the plan file's folder). Default: the working directory. */
  baseDir?: string;
  /** Opens `huggingface` dataset sources. Default: the public Hub. */
  huggingface?: HuggingFaceSourceOpener;
  /**
   * The task's id. When storage already holds this task the run resumes it: results already stored are
   * neither requested nor scored again. Default: a fresh id.
   */
  taskId?: string;
  /** Prices per model, looked up before the plan's `price` of a model and the built-in table (see {@link PriceTable}). */
  prices?: PriceTable;
  /**
   * Spending cap in US dollars. Every call reserves its prompt tokens plus `maxTokens` at the model's
   * price (from `prices`, the plan or the built-in table) before it is sent; when the next reservation would pass the cap, scheduling stops, calls in
   * flight finish, and the task ends CANCELLED with stop reason `budget`. Needs a price and
   * `parameters.maxTokens` for every model.
   */
  budgetUsd?: number;
  /** Concurrency limits: a number sets the global limit. */
  concurrency?: number | ConcurrencyOptions;
  /** Retries of failed calls (429, 5xx, timeouts, network errors). */
  retry?: RetrySettings;
  /** Per-attempt timeout of a model call, in milliseconds. Default: none (the provider's own). */
  timeoutMs?: number;
  /**
   * Samples per queue job. Default 256. Any size works with `fetch`-based providers: each lane gives
   * its calls its own abort signal, renewed every 32 calls.
   */
  chunkSize?: number;
  /** Results written to storage per batch. Default 512. */
  resultBatchSize?: number;
  /** Longest a finished result waits before it is written, in milliseconds. Default 500. */
  flushIntervalMs?: number;
  /** Shortest gap between two progress events, in milliseconds. Default 100. */
  progressIntervalMs?: number;
  /**
   * How the repeats of a sample become its score (see {@link RepeatReducer}); overrides the plan's
   * `evaluation.reducer`. Default: the plan's, else `mean`.
   */
  reducer?: RepeatReducer;
  /** Metrics of your own, used for the plan's metric names before the built-in registry. */
  metrics?: readonly MetricV1[];
  /** Embedding model of the `semantic_similarity` metric. */
  embedder?: ModelProviderV1;
}
