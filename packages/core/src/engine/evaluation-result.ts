import type { LeaderboardEntry } from '../domain/leaderboard.js';
import type { Task } from '../domain/task.js';
import type { Interval } from '../statistics/summarize.js';

/**
 * Why a run ended: every result is in (`completed`), the spending cap was reached (`budget`), it was
 * cancelled by its signal or its queue (`cancelled`), or an error stopped it (`error`).
 */
export type StopReason = 'completed' | 'budget' | 'cancelled' | 'error';

/**
 * One model's score in one metric, with its uncertainty and, beside it, how many results failed. Failed
 * results (a call that failed after its retries, or an output that could not be scored) are left out of
 * `n`: never counted as 0.
 */
export interface MetricSummary {
  /** The model as the plan names it. */
  modelId: string;
  /** The metric's name. */
  metric: string;
  /** The score; `null` when no sample could be scored. */
  value: number | null;
  /** Samples behind `value` (repeats of a sample count once). */
  n: number;
  /** Standard error of `value`, when defined. */
  stderr: number | null;
  /** Confidence interval of `value` at the plan's `confidenceLevel`, when defined. */
  ci: Interval | null;
  /** Results of this model that ended with an error and are therefore not in `n`. */
  errors: number;
  /** Samples the metric could not score (it returned `null`, e.g. no reference), not in `n`. */
  unscored: number;
  /** `mean` of per-sample scores, or `corpus` for metrics computed over all outputs at once (BLEU, pass@k). */
  aggregation: 'mean' | 'corpus';
  /** Why a corpus metric has no value (its `corpus()` threw, e.g. pass@k with fewer repeats than k). */
  error?: string;
}

/** Token and money totals of a run. */
export interface UsageTotals {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** What `evaluate` returns: the finished task, its aggregates and the leaderboard entries it produced. */
export interface EvaluationResult {
  /** The task as stored at the end (status, progress, timestamps). */
  task: Task;
  /** Why the run ended. */
  stopReason: StopReason;
  /** One summary per model × metric of the plan, over every stored result of the task. */
  aggregates: MetricSummary[];
  /** Leaderboard entries computed from the task (upserted to storage when the task succeeded). */
  leaderboard: LeaderboardEntry[];
  /** Tokens and cost of this run's calls (resumed results excluded). */
  usage: UsageTotals;
}
