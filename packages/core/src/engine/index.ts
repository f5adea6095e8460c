/**
 * The evaluation engine: `evaluate` runs a plan end to end, `runEvaluation` streams its events, and
 * `prepareEvaluation` + `createSampleJobHandler` let worker processes run the same jobs.
 */
export {
  createResultsAccumulator,
  type ResultsAccumulator,
  type ResultsSummary,
  type StoredResultsSummary,
  type SummarizeResultsOptions,
  summarizeResults,
  summarizeStoredResults,
} from './aggregate.js';
export { BudgetLedger } from './budget.js';
export { evaluate, type PrepareEvaluationOptions, prepareEvaluation, runEvaluation } from './evaluate.js';
export type { EvaluationResult, MetricSummary, StopReason, UsageTotals } from './evaluation-result.js';
export type {
  EvaluationDoneEvent,
  EvaluationEvent,
  EvaluationProgressEvent,
  EvaluationResultsEvent,
  RunStats,
} from './events.js';
export type { ConcurrencyOptions, EvaluateOptions, ProviderSource, RetrySettings } from './options.js';
export { ENGINE_DEFAULTS } from './prepare.js';
export { costUsd, DEFAULT_PRICES, findPrice, type ModelPrice, type PriceTable } from './prices.js';
export { type RepeatReducer, reduceRepeats } from './reducers.js';
export type { EvaluationRuntime } from './runtime.js';
export { createSampleJobHandler, SAMPLE_JOB_NAME, type SampleJobData } from './sample-job.js';
export { estimateTokens } from './tokens.js';
