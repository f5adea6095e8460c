import type { BenchHubSpecVersion } from './version.js';

/** What a queue backend can do. */
export interface QueueCapabilities {
  /** Workers in other processes or on other machines can take jobs (false: in-process only). */
  distributed: boolean;
  /** `delayMs` is honoured. */
  delayed: boolean;
  /** `priority` is honoured. */
  priorities: boolean;
  /** A job whose worker died is taken over by another worker after its heartbeat expires. */
  stalledRecovery?: boolean;
}

/** A unit of work to enqueue: one task's work, or one slice of it (a model × dataset chunk). */
export interface QueueJobInput<TData = unknown> {
  /** The task the job belongs to; `cancel(taskId)` targets every job of the task. */
  taskId: string;
  /** What kind of work, e.g. `evaluate` or `aggregate`. */
  name: string;
  /** The job's input; must survive a JSON round trip (distributed queues serialise it). */
  data: TData;
  /**
   * Deduplication key: enqueuing a job whose `jobId` is already waiting, delayed or active is a
   * no-op that returns the existing id. Defaults to a fresh id.
   */
  jobId?: string;
  /** Lower runs first; 0 (default) is the highest priority. Ignored unless `capabilities.priorities`. */
  priority?: number;
  /** Wait at least this long before the job can be claimed. Ignored unless `capabilities.delayed`. */
  delayMs?: number;
  /** Total attempts including the first; a retryable failure is retried until they are used. Default 3. */
  maxAttempts?: number;
}

/** A job as a worker sees it. */
export interface QueueJob<TData = unknown> {
  /** The job's id. */
  readonly id: string;
  /** The task the job belongs to. */
  readonly taskId: string;
  /** What kind of work. */
  readonly name: string;
  /** The job's input. */
  readonly data: TData;
  /** 1 for the first attempt, then 2, 3... (rate-limited retries do not count). */
  readonly attempt: number;
  /** Total attempts allowed. */
  readonly maxAttempts: number;
}

/** What a handler gets besides the job. */
export interface JobContext {
  /**
   * Aborted when the job's task is cancelled, when the worker closes with `force`, or when the `process` signal
   * aborts. The handler passes it to every model call so running work stops.
   */
  readonly signal: AbortSignal;
  /**
   * Tells the queue the job is alive (long jobs call it between batches). Backends with stalled-job
   * recovery also renew the lock on their own while the handler runs.
   */
  heartbeat(): Promise<void>;
}

/**
 * The worker's function. Resolving completes the job. Throwing fails it: an `UnrecoverableJobError`,
 * or any error with `isRetryable === false`, fails it for good; a `RateLimitedError` puts it back for
 * `retryAfterMs`; any other error is retried with backoff until `maxAttempts` is used. A job whose
 * task was cancelled ends as cancelled whatever the handler does.
 */
export type JobHandler<TData = unknown> = (job: QueueJob<TData>, context: JobContext) => Promise<void>;

/** Options of `process`. */
export interface ProcessOptions {
  /** How many jobs this worker runs at once. Default 1. */
  concurrency?: number;
  /** Stops the worker: no new job is claimed and running handlers see their signal abort. */
  signal?: AbortSignal;
}

/** A running worker started by `process`. */
export interface QueueWorker {
  /** Stops claiming jobs and waits for running handlers (aborted when `force` is true) to settle. */
  close(options?: { force?: boolean }): Promise<void>;
}

/** How many jobs are in each state, for one task or the whole queue. */
export interface QueueCounts {
  /** Ready to be claimed. */
  waiting: number;
  /** Waiting for their delay (or rate-limit wait) to pass. */
  delayed: number;
  /** Claimed by a worker and running. */
  active: number;
  /** Finished successfully (backends may prune old ones). */
  completed: number;
  /** Failed for good. */
  failed: number;
  /** Removed or stopped by `cancel`. */
  cancelled: number;
}

/**
 * A job queue stated in evaluation operations, never in connections: the in-process queue and a
 * BullMQ/Redis queue implement the same contract, and storage stays the source of truth (a lost queue
 * is refilled from unfinished tasks).
 *
 * @example
 * ```ts
 * await queue.enqueue({ taskId, name: 'evaluate', data: { planId } });
 * const worker = queue.process(async (job, { signal }) => runSlice(job.data, signal), { concurrency: 4 });
 * await queue.cancel(taskId); // running handlers see `signal` abort
 * await worker.close();
 * ```
 */
export interface QueueV1<TData = unknown> {
  /** The contract version this queue implements. */
  readonly specificationVersion: BenchHubSpecVersion;
  /** What the backend can do. */
  readonly capabilities: QueueCapabilities;
  /** Adds jobs; returns their ids in input order (an existing id for a deduplicated `jobId`). */
  enqueue(jobs: QueueJobInput<TData> | readonly QueueJobInput<TData>[]): Promise<string[]>;
  /** Starts a worker in this process that claims jobs and runs `handler` on each. */
  process(handler: JobHandler<TData>, options?: ProcessOptions): QueueWorker;
  /**
   * Cancels every job of a task: waiting and delayed jobs are removed, running handlers see their
   * signal abort. Returns how many jobs were cancelled. Cancelling twice is harmless.
   */
  cancel(taskId: string): Promise<number>;
  /** Job counts per state, for one task or (without `taskId`) the whole queue. */
  counts(taskId?: string): Promise<QueueCounts>;
  /** Releases the backend's resources; started workers are closed first. */
  close(): Promise<void>;
}
