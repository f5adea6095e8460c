import { randomUUID } from 'node:crypto';
import { BenchHubError } from '../../errors/benchhub-error.js';
import { type Logger, silentLogger } from '../../logger/logger.js';
import type {
  JobContext,
  JobHandler,
  ProcessOptions,
  QueueCapabilities,
  QueueCounts,
  QueueJob,
  QueueJobInput,
  QueueV1,
  QueueWorker,
} from '../../spec/queue.js';
import { RateLimitedError, UnrecoverableJobError } from '../../spec/queue-errors.js';
import { SPECIFICATION_VERSION } from '../../spec/version.js';
import { DelayHeap } from './delay-heap.js';
import { JobLine } from './job-line.js';

/** Options of {@link createInProcessQueue}. */
export interface InProcessQueueOptions {
  /**
   * Wait before retrying a failed attempt: a base in milliseconds that doubles with every attempt
   * (`base × 2^(attempt − 1)`, capped at `maxRetryDelayMs`), or a function of the attempt that failed
   * (1-based) and its error. Default 1000. Rate-limited jobs wait their `retryAfterMs` instead.
   */
  retryDelayMs?: number | ((failedAttempt: number, error: unknown) => number);
  /** Upper bound of the doubling retry delay. Default 60 000. */
  maxRetryDelayMs?: number;
  /** Where failed and retried jobs are reported. Default: silent. */
  logger?: Logger;
  /** Generates job ids when a job has no `jobId`. Default: `crypto.randomUUID()`. */
  generateId?: () => string;
}

type JobState = 'waiting' | 'delayed' | 'active' | 'done';

interface JobRecord<TData> {
  readonly id: string;
  readonly taskId: string;
  readonly name: string;
  readonly data: TData;
  readonly priority: number;
  readonly maxAttempts: number;
  /** Number of the next (or running) attempt; a rate-limited retry keeps it. */
  attempt: number;
  state: JobState;
  /** Due instant while delayed. */
  readyAt: number;
  /** Enqueue order, for FIFO ties in the delay heap. */
  seq: number;
  /** Set by `cancel`: the job ends as cancelled whatever its handler does. */
  cancelled: boolean;
  /** The running attempt, while active. */
  run: Run<TData> | undefined;
}

interface Run<TData> {
  readonly record: JobRecord<TData>;
  readonly controller: AbortController;
  /** The worker closing with `force` (or its signal) aborted this attempt. */
  stopped: boolean;
  done: Promise<void>;
}

interface WorkerState<TData> {
  readonly handler: JobHandler<TData>;
  readonly concurrency: number;
  readonly running: Set<Run<TData>>;
  closing: boolean;
  idle: Promise<void> | undefined;
  detachSignal: () => void;
}

const CAPABILITIES: QueueCapabilities = Object.freeze({
  distributed: false,
  delayed: true,
  priorities: true,
  stalledRecovery: false,
});

const DEFAULT_MAX_ATTEMPTS = 3;
const RESOLVED = Promise.resolve();
const heartbeat = (): Promise<void> => RESOLVED;

function zeroCounts(): QueueCounts {
  return { waiting: 0, delayed: 0, active: 0, completed: 0, failed: 0, cancelled: 0 };
}

type CountedState = keyof QueueCounts;

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function validateJob(job: QueueJobInput<unknown>, where: string): void {
  if (typeof job !== 'object' || job === null) throw new BenchHubError(`${where} must be a job object`);
  if (!isNonEmptyString(job.taskId)) throw new BenchHubError(`${where}.taskId must be a non-empty string`);
  if (!isNonEmptyString(job.name)) throw new BenchHubError(`${where}.name must be a non-empty string`);
  if (job.jobId !== undefined && !isNonEmptyString(job.jobId)) {
    throw new BenchHubError(`${where}.jobId must be a non-empty string`);
  }
  if (job.priority !== undefined && !(Number.isInteger(job.priority) && job.priority >= 0)) {
    throw new BenchHubError(`${where}.priority must be an integer >= 0, got ${String(job.priority)}`);
  }
  if (job.delayMs !== undefined && !(Number.isFinite(job.delayMs) && job.delayMs >= 0)) {
    throw new BenchHubError(`${where}.delayMs must be a number >= 0, got ${String(job.delayMs)}`);
  }
  if (job.maxAttempts !== undefined && !(Number.isInteger(job.maxAttempts) && job.maxAttempts >= 1)) {
    throw new BenchHubError(`${where}.maxAttempts must be an integer >= 1, got ${String(job.maxAttempts)}`);
  }
}

/**
 * A complete `QueueV1` inside this process: the default of `evaluate()`. Jobs run by priority (lower
 * first), first in first out within a priority; delayed jobs and retries wait on one timer that exists
 * only while something is delayed. `cancel(taskId)` drops the task's waiting jobs and aborts its running
 * handlers' signals.
 *
 * @example
 * ```ts
 * const queue = createInProcessQueue<{ chunk: number }>();
 * const worker = queue.process(async (job, { signal }) => runChunk(job.data.chunk, signal), { concurrency: 4 });
 * await queue.enqueue([0, 1, 2].map((chunk) => ({ taskId: 't1', name: 'evaluate', data: { chunk } })));
 * await worker.close(); // waits for running jobs
 * ```
 */
export function createInProcessQueue<TData = unknown>(options: InProcessQueueOptions = {}): QueueV1<TData> {
  const logger = options.logger ?? silentLogger;
  /** Logs without letting a throwing logger break the queue's bookkeeping. */
  const log = (level: 'debug' | 'warn', message: string, fields: Record<string, unknown>): void => {
    try {
      logger[level](message, fields);
    } catch {
      // a logger failure must not lose a job
    }
  };
  const generateId = options.generateId ?? randomUUID;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
  const retryDelay = options.retryDelayMs ?? 1000;
  if (typeof retryDelay === 'number' && !(Number.isFinite(retryDelay) && retryDelay >= 0)) {
    throw new BenchHubError(`createInProcessQueue: retryDelayMs must be a number >= 0, got ${retryDelay}`);
  }

  /** Waiting, delayed and active jobs by id (what `jobId` deduplicates against). */
  const live = new Map<string, JobRecord<TData>>();
  /** Waiting, delayed and active jobs per task, for `cancel`. */
  const liveByTask = new Map<string, Set<JobRecord<TData>>>();
  const line = new JobLine<JobRecord<TData>>();
  const delayed = new DelayHeap<JobRecord<TData>>();
  const totals = zeroCounts();
  const countsByTask = new Map<string, QueueCounts>();
  /** Workers claiming jobs, in start order. */
  const workers: WorkerState<TData>[] = [];
  /** Workers not yet closed and idle (closing ones may still be running handlers). */
  const started = new Set<WorkerState<TData>>();
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let pumpScheduled = false;
  let closed = false;

  const ensureOpen = (operation: string): void => {
    if (closed) throw new BenchHubError(`${operation}: the in-process queue is closed`);
  };

  const countsOf = (taskId: string): QueueCounts => {
    let counts = countsByTask.get(taskId);
    if (counts === undefined) {
      counts = zeroCounts();
      countsByTask.set(taskId, counts);
    }
    return counts;
  };

  const count = (record: JobRecord<TData>, from: CountedState | undefined, to: CountedState): void => {
    const counts = countsOf(record.taskId);
    if (from !== undefined) {
      totals[from]--;
      counts[from]--;
    }
    totals[to]++;
    counts[to]++;
  };

  const forget = (record: JobRecord<TData>): void => {
    if (live.get(record.id) === record) live.delete(record.id);
    const siblings = liveByTask.get(record.taskId);
    if (siblings?.delete(record) && siblings.size === 0) {
      liveByTask.delete(record.taskId);
    }
  };

  const retryDelayFor = (failedAttempt: number, error: unknown): number => {
    const wait =
      typeof retryDelay === 'function'
        ? retryDelay(failedAttempt, error)
        : Math.min(retryDelay * 2 ** (failedAttempt - 1), maxRetryDelayMs);
    return Number.isFinite(wait) && wait > 0 ? wait : 0;
  };

  // --- scheduling --------------------------------------------------------------------------------

  const schedulePump = (): void => {
    if (pumpScheduled || closed) return;
    pumpScheduled = true;
    queueMicrotask(pump);
  };

  const makeWaiting = (record: JobRecord<TData>, from: CountedState | undefined, first = false): void => {
    record.state = 'waiting';
    count(record, from, 'waiting');
    line.add(record, record.priority, first);
    schedulePump();
  };

  const makeDelayed = (record: JobRecord<TData>, from: CountedState | undefined, waitMs: number): void => {
    if (waitMs <= 0) {
      makeWaiting(record, from);
      return;
    }
    record.state = 'delayed';
    record.readyAt = Date.now() + waitMs;
    record.seq = seq++;
    count(record, from, 'delayed');
    delayed.push(record);
    armTimer();
  };

  const disarmTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
  };

  /** Keeps one timer for the earliest delayed job, and none when no job is delayed. */
  const armTimer = (): void => {
    if (totals.delayed === 0) {
      delayed.clear();
      disarmTimer();
      return;
    }
    const next = delayed.peek();
    if (next === undefined || (timer !== undefined && timerAt <= next.readyAt)) return;
    disarmTimer();
    timerAt = next.readyAt;
    timer = setTimeout(promoteDue, Math.max(0, next.readyAt - Date.now()));
  };

  const promoteDue = (): void => {
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
    const now = Date.now();
    for (let next = delayed.peek(); next !== undefined && next.readyAt <= now; next = delayed.peek()) {
      delayed.pop();
      if (next.state === 'delayed') makeWaiting(next, 'delayed');
    }
    armTimer();
  };

  const isWaiting = (record: JobRecord<TData>): boolean => record.state === 'waiting';

  function pump(): void {
    pumpScheduled = false;
    if (closed) return;
    for (const worker of workers) {
      while (!worker.closing && worker.running.size < worker.concurrency) {
        const record = line.take(isWaiting);
        if (record === undefined) return;
        start(worker, record);
      }
    }
  }

  const start = (worker: WorkerState<TData>, record: JobRecord<TData>): void => {
    record.state = 'active';
    count(record, 'waiting', 'active');
    const run: Run<TData> = { record, controller: new AbortController(), stopped: false, done: RESOLVED };
    record.run = run;
    worker.running.add(run);
    run.done = execute(worker, run);
  };

  const execute = async (worker: WorkerState<TData>, run: Run<TData>): Promise<void> => {
    const { record } = run;
    const job: QueueJob<TData> = {
      id: record.id,
      taskId: record.taskId,
      name: record.name,
      data: record.data,
      attempt: record.attempt,
      maxAttempts: record.maxAttempts,
    };
    const context: JobContext = { signal: run.controller.signal, heartbeat };
    let failed = false;
    let error: unknown;
    try {
      await worker.handler(job, context);
    } catch (thrown) {
      failed = true;
      error = thrown;
    }
    worker.running.delete(run);
    record.run = undefined;
    settle(run, failed, error);
    schedulePump();
  };

  const settle = (run: Run<TData>, failed: boolean, error: unknown): void => {
    const { record } = run;
    if (record.cancelled) {
      finish(record, 'cancelled');
      return;
    }
    if (!failed) {
      finish(record, 'completed');
      return;
    }
    if (closed) {
      finish(record, 'failed');
      return;
    }
    if (run.stopped) {
      // The worker was stopped, not the job: hand it back, this attempt does not count.
      makeWaiting(record, 'active', true);
      return;
    }
    const fields = { jobId: record.id, taskId: record.taskId, name: record.name, attempt: record.attempt };
    if (RateLimitedError.isInstance(error)) {
      log('debug', 'queue job rate-limited; retrying', { ...fields, retryAfterMs: error.retryAfterMs });
      makeDelayed(record, 'active', error.retryAfterMs);
      return;
    }
    const unrecoverable =
      UnrecoverableJobError.isInstance(error) ||
      (typeof error === 'object' &&
        error !== null &&
        (error as { isRetryable?: unknown }).isRetryable === false);
    if (unrecoverable || record.attempt >= record.maxAttempts) {
      log('warn', 'queue job failed', {
        ...fields,
        maxAttempts: record.maxAttempts,
        error: describeError(error),
      });
      finish(record, 'failed');
      return;
    }
    const waitMs = retryDelayFor(record.attempt, error);
    log('debug', 'queue job failed; retrying', { ...fields, retryInMs: waitMs, error: describeError(error) });
    record.attempt++;
    makeDelayed(record, 'active', waitMs);
  };

  const finish = (record: JobRecord<TData>, outcome: 'completed' | 'failed' | 'cancelled'): void => {
    const from = record.state;
    if (from === 'done') return;
    record.state = 'done';
    count(record, from, outcome);
    forget(record);
  };

  // --- workers -----------------------------------------------------------------------------------

  const closeWorker = (worker: WorkerState<TData>, force: boolean): Promise<void> => {
    if (!worker.closing) {
      worker.closing = true;
      const index = workers.indexOf(worker);
      if (index >= 0) workers.splice(index, 1);
      worker.detachSignal();
    }
    if (force) {
      for (const run of worker.running) {
        if (run.controller.signal.aborted) continue;
        run.stopped = true;
        run.controller.abort(new BenchHubError('the queue worker was closed'));
      }
    }
    // No run starts once the worker is closing, so the runs of the first call are all there is to wait for.
    worker.idle ??= Promise.all([...worker.running].map((run) => run.done)).then(() => {
      started.delete(worker);
    });
    return worker.idle;
  };

  return {
    specificationVersion: SPECIFICATION_VERSION,
    capabilities: CAPABILITIES,

    async enqueue(input) {
      ensureOpen('enqueue');
      const single = !Array.isArray(input);
      const jobs = (single ? [input] : input) as readonly QueueJobInput<TData>[];
      jobs.forEach((job, i) => {
        validateJob(job, single ? 'enqueue: job' : `enqueue: jobs[${i}]`);
      });
      const ids: string[] = [];
      for (const job of jobs) {
        const existing = job.jobId === undefined ? undefined : live.get(job.jobId);
        if (existing !== undefined) {
          ids.push(existing.id);
          continue;
        }
        const record: JobRecord<TData> = {
          id: job.jobId ?? generateId(),
          taskId: job.taskId,
          name: job.name,
          data: job.data,
          priority: job.priority ?? 0,
          maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          attempt: 1,
          state: 'waiting',
          readyAt: 0,
          seq: seq++,
          cancelled: false,
          run: undefined,
        };
        live.set(record.id, record);
        let siblings = liveByTask.get(record.taskId);
        if (siblings === undefined) {
          siblings = new Set();
          liveByTask.set(record.taskId, siblings);
        }
        siblings.add(record);
        makeDelayed(record, undefined, job.delayMs ?? 0);
        ids.push(record.id);
      }
      return ids;
    },

    process(handler, processOptions: ProcessOptions = {}): QueueWorker {
      ensureOpen('process');
      if (typeof handler !== 'function') throw new BenchHubError('process: handler must be a function');
      const concurrency = processOptions.concurrency ?? 1;
      if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
        throw new BenchHubError(`process: concurrency must be an integer >= 1, got ${String(concurrency)}`);
      }
      const worker: WorkerState<TData> = {
        handler,
        concurrency,
        running: new Set(),
        closing: false,
        idle: undefined,
        detachSignal: () => {},
      };
      const signal = processOptions.signal;
      started.add(worker);
      if (signal?.aborted) {
        worker.closing = true;
      } else {
        workers.push(worker);
        if (signal !== undefined) {
          const onAbort = (): void => {
            void closeWorker(worker, true);
          };
          signal.addEventListener('abort', onAbort, { once: true });
          worker.detachSignal = () => signal.removeEventListener('abort', onAbort);
        }
        schedulePump();
      }
      return { close: (closeOptions = {}) => closeWorker(worker, closeOptions.force === true) };
    },

    async cancel(taskId) {
      ensureOpen('cancel');
      const siblings = liveByTask.get(taskId);
      if (siblings === undefined) return 0;
      let cancelled = 0;
      for (const record of [...siblings]) {
        if (record.cancelled) continue;
        record.cancelled = true;
        cancelled++;
        forget(record);
        if (record.state === 'active') {
          record.run?.controller.abort(new BenchHubError(`task ${taskId} was cancelled`));
        } else {
          finish(record, 'cancelled');
        }
      }
      armTimer();
      return cancelled;
    },

    async counts(taskId) {
      ensureOpen('counts');
      return { ...(taskId === undefined ? totals : (countsByTask.get(taskId) ?? zeroCounts())) };
    },

    async close() {
      if (closed) return;
      await Promise.all([...started].map((worker) => closeWorker(worker, false)));
      closed = true;
      disarmTimer();
      delayed.clear();
      line.clear();
      live.clear();
      liveByTask.clear();
    },
  };
}
