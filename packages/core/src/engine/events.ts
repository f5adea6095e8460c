import type { SampleResult } from '../domain/result.js';
import type {
  ResultAppendedEvent,
  TaskDoneEvent,
  TaskProgressEvent,
  TaskStatusEvent,
} from '../spec/task-events.js';
import type { EvaluationResult, StopReason } from './evaluation-result.js';

/** Live figures of a run, beside the stored counters. */
export interface RunStats {
  /** Results finished (this run and resumed ones). */
  done: number;
  /** Results expected in all: models × samples × repeats. */
  total: number;
  /** Results that ended with an error (this run). */
  errors: number;
  /** Results stored before this run started (resume). */
  resumed: number;
  /** Prompt tokens used by this run's calls. */
  inputTokens: number;
  /** Generated tokens of this run's calls. */
  outputTokens: number;
  /** Money spent by this run, in US dollars (calls of models without a price count 0). */
  costUsd: number;
  /** Results per second over this run so far. */
  samplesPerSec: number;
  /** Estimated time to finish, in milliseconds; `undefined` until a rate is known. */
  etaMs: number | undefined;
  /** Served by the response cache. */
  cacheHits: number;
}

/** A task's counters moved: the stored progress plus the run's live figures. Coalesced (see `progressIntervalMs`). */
export interface EvaluationProgressEvent extends TaskProgressEvent {
  /** Live figures: done/total, errors, tokens, cost, rate and ETA. */
  stats: RunStats;
}

/** A batch of sample results was written to storage. */
export interface EvaluationResultsEvent extends ResultAppendedEvent {
  /** The results written, in the order they finished. */
  results: readonly SampleResult[];
}

/** The run ended: the last event, with everything `evaluate` returns. */
export interface EvaluationDoneEvent extends TaskDoneEvent {
  /** Why it ended: `completed`, `budget`, `cancelled` or `error`. */
  reason: StopReason;
  /** The finished task with its aggregates. */
  result: EvaluationResult;
}

/**
 * Everything `runEvaluation` yields, in order: `task.status` (STARTED), then `task.progress` and
 * `result.appended` as work finishes, then `task.status` (the terminal status) and `task.done`.
 * Each event is also a `TaskEvent`, so it can be published on a `TaskEventsV1` bus as is.
 */
export type EvaluationEvent =
  | TaskStatusEvent
  | EvaluationProgressEvent
  | EvaluationResultsEvent
  | EvaluationDoneEvent;
