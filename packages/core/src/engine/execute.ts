import type { SampleResultError } from '../domain/result.js';
import type { Task, TaskError, TaskStatus } from '../domain/task.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { type Logger, silentLogger } from '../logger/logger.js';
import { parsePlan } from '../plan/load.js';
import type { Plan } from '../plan/schema.js';
import { createInProcessQueue } from '../queue/in-process/create-in-process-queue.js';
import type { QueueV1 } from '../spec/queue.js';
import { canonicalJson } from '../spec/response-cache-key.js';
import type { StorageV1 } from '../spec/storage.js';
import { createMemoryStorage } from '../storage/memory/create-memory-storage.js';
import { type ResultsSummary, summarizeStoredResults } from './aggregate.js';
import type { EvaluationResult, StopReason } from './evaluation-result.js';
import type { EvaluationEvent } from './events.js';
import { JobSource } from './job-source.js';
import type { EvaluateOptions } from './options.js';
import {
  type DatasetRuntime,
  ENGINE_DEFAULTS,
  loadRunDatasets,
  type ResolvedPlan,
  resolvePlan,
} from './prepare.js';
import { ResultSink } from './result-sink.js';
import { runJobs } from './run-jobs.js';
import { EvaluationRuntime } from './runtime.js';
import { itemKey, takeSampleCensus } from './sample-census.js';
import type { SampleJobData } from './sample-job.js';

type Emit = (event: EvaluationEvent) => void;

function positiveInt(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isInteger(value) && value >= 1))
    throw new BenchHubError(`${name} must be an integer >= 1, got ${value}`);
  return value;
}

function nonNegative(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value >= 0))
    throw new BenchHubError(`${name} must be a number >= 0, got ${value}`);
  return value;
}

function taskError(error: unknown): TaskError {
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Builds the event sink of a run: the caller's callback and bus, isolated from the run's failures. */
function eventSink(options: EvaluateOptions, logger: Logger, extra: Emit | undefined): Emit | undefined {
  const { onEvent, events } = options;
  if (onEvent === undefined && events === undefined && extra === undefined) return undefined;
  return (event) => {
    if (extra !== undefined) extra(event);
    if (onEvent !== undefined) {
      try {
        onEvent(event);
      } catch (error) {
        logger.warn('onEvent threw', { error: String(error) });
      }
    }
    events
      ?.publish(event)
      .catch((error: unknown) => logger.warn('publishing an event failed', { error: String(error) }));
  };
}

/** Creates the task, or finds it for a resume (checking that it was created from the same plan). */
async function openTask(storage: StorageV1, plan: Plan, options: EvaluateOptions): Promise<Task> {
  const stored = plan as unknown as Record<string, unknown>;
  if (options.taskId !== undefined) {
    const existing = await storage.getTask(options.taskId);
    if (existing !== undefined) {
      if (canonicalJson(existing.plan) !== canonicalJson(stored)) {
        throw new BenchHubError(
          `task ${existing.id} was created from a different plan: resume it with the same plan, or use a new taskId`,
        );
      }
      return existing;
    }
  }
  return storage.createTask({
    ...(options.taskId === undefined ? {} : { id: options.taskId }),
    planName: plan.name,
    plan: stored,
  });
}

/** Moves a task to STARTED from wherever a (re-)run finds it. */
async function startTask(storage: StorageV1, task: Task): Promise<Task> {
  let current = task;
  if (current.status === 'FAILURE' || current.status === 'CANCELLED' || current.status === 'HOLD') {
    current = (await storage.updateTask(current.id, { status: 'PENDING' })) ?? current;
  }
  if (current.status === 'PENDING') {
    current =
      (await storage.updateTask(current.id, { status: 'STARTED' }, { ifStatus: ['PENDING'] })) ?? current;
  }
  return current;
}

async function completedKeys(storage: StorageV1, taskId: string): Promise<Set<string>> {
  const done = new Set<string>();
  for await (const key of storage.completedKeys(taskId)) {
    done.add(itemKey(key.modelId, key.sampleId, key.repeat));
  }
  return done;
}

/**
 * Runs a plan end to end (see `evaluate`); `extra` receives every event first (for `runEvaluation`).
 * Rejects before a task exists for an invalid plan or options; once the task exists, failures end it
 * as FAILURE and the result is returned.
 */
export async function executeEvaluation(
  planInput: unknown,
  options: EvaluateOptions,
  extra?: Emit,
): Promise<EvaluationResult> {
  const logger = options.logger ?? silentLogger;
  const plan = parsePlan(planInput);
  const chunkSize = positiveInt(options.chunkSize, 'chunkSize', ENGINE_DEFAULTS.chunkSize);
  const batchSize = positiveInt(options.resultBatchSize, 'resultBatchSize', ENGINE_DEFAULTS.resultBatchSize);
  const flushIntervalMs = nonNegative(
    options.flushIntervalMs,
    'flushIntervalMs',
    ENGINE_DEFAULTS.flushIntervalMs,
  );
  const progressIntervalMs = nonNegative(
    options.progressIntervalMs,
    'progressIntervalMs',
    ENGINE_DEFAULTS.progressIntervalMs,
  );
  options.signal?.throwIfAborted();
  const resolved: ResolvedPlan = await resolvePlan(plan, options);
  const storage = options.storage ?? createMemoryStorage();
  await storage.migrate();
  const emit = eventSink(options, logger, extra);

  let task = await openTask(storage, plan, options);
  const taskId = task.id;
  const modelIds = [...resolved.models.keys()];
  if (task.status === 'SUCCESS') {
    // Nothing left to run: report what is stored.
    const { aggregates, leaderboard } = await summarizeStoredResults(storage, taskId, {
      modelIds,
      metrics: resolved.scoring.metrics,
      reducer: resolved.scoring.reducer,
      confidenceLevel: resolved.scoring.confidenceLevel,
      repeats: resolved.scoring.repeats,
    });
    const result: EvaluationResult = {
      task,
      stopReason: 'completed',
      aggregates,
      leaderboard,
      usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
    };
    emit?.({
      type: 'task.done',
      taskId,
      at: new Date(),
      status: 'SUCCESS',
      progress: task.progress,
      reason: 'completed',
      result,
    });
    return result;
  }
  const previous = task.status;
  task = await startTask(storage, task);
  emit?.({ type: 'task.status', taskId, at: new Date(), status: 'STARTED', previous });

  let runtime: EvaluationRuntime | undefined;
  const sink = new ResultSink({
    taskId,
    storage,
    emit,
    batchSize,
    flushIntervalMs,
    progressIntervalMs,
    logger,
    onFailure: (error) => runtime?.stop('error', error),
    // The run's own storage has no other reader until the run ends.
    storeProgress: options.storage !== undefined,
  });
  let datasets: ReadonlyMap<string, DatasetRuntime> = new Map();
  let stopReason: StopReason = 'completed';
  let failure: unknown;
  const onAbort = (): void => runtime?.stop('cancelled', options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    datasets = await loadRunDatasets(resolved.plan, {
      ...(options.baseDir === undefined ? {} : { baseDir: options.baseDir }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.huggingface === undefined ? {} : { huggingface: options.huggingface }),
      logger,
      // Corpus-level metrics read every sample back when the results are aggregated.
      hold: resolved.scoring.metrics.some((m) => m.corpus !== undefined) ? 'all' : 'needed',
    });
    runtime = new EvaluationRuntime(taskId, resolved, datasets, sink, options);
    if (options.signal?.aborted) onAbort();

    const done = await completedKeys(storage, taskId);
    const repeats = resolved.scoring.repeats;
    const census = await takeSampleCensus(datasets.values(), modelIds, repeats, done);
    sink.total = census.samples * repeats * modelIds.length;
    sink.resumed = census.resumed;
    await storage.updateTask(taskId, { progress: sink.progress() });
    logger.info('evaluation started', {
      taskId,
      total: sink.total,
      resumed: sink.resumed,
      models: modelIds.length,
    });

    const window = new Map(
      [...resolved.models.values()].map((m) => [m.id, Math.max(2, Math.ceil((2 * m.limit) / chunkSize))]),
    );
    const source = new JobSource({
      datasets: [...datasets.values()],
      modelIds,
      repeats,
      chunkSize,
      done,
      lookahead: 2 * Math.max(...window.values()) + 8,
      stopped: () => runtime?.stopReason !== undefined,
    });
    const queue: QueueV1<SampleJobData> = options.queue ?? createInProcessQueue<SampleJobData>();
    try {
      await runJobs(queue, runtime, source, window, logger);
    } finally {
      if (options.queue === undefined) await queue.close();
    }
    await sink.close();
    logger.debug('jobs finished', { taskId, produced: sink.producedCount, errors: sink.errorCount });
    if (sink.failure !== undefined) runtime.stop('error', sink.failure);
    stopReason = runtime.stopReason ?? 'completed';
    failure = runtime.stopError;
  } catch (error) {
    const cancelled = options.signal?.aborted === true || runtime?.stopReason === 'cancelled';
    stopReason = cancelled ? 'cancelled' : 'error';
    failure = cancelled ? undefined : error;
    runtime?.stop(stopReason, error);
    await sink.close().catch(() => {});
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }

  // Aggregates come from storage, so resumed results count exactly like this run's. They are streamed
  // into compact per-metric values: the results themselves are never all held.
  let summary: ResultsSummary = { aggregates: [], leaderboard: [] };
  let firstError: SampleResultError | undefined;
  try {
    const read = await summarizeStoredResults(storage, taskId, {
      modelIds,
      metrics: resolved.scoring.metrics,
      reducer: resolved.scoring.reducer,
      confidenceLevel: resolved.scoring.confidenceLevel,
      repeats: resolved.scoring.repeats,
      sampleOf: (dataset, id) => datasets.get(dataset)?.byId.get(id)?.sample,
    });
    logger.debug('results read back', { taskId, results: read.count });
    summary = read;
    firstError = read.firstError;
  } catch (error) {
    logger.error('reading back and aggregating the results failed', { taskId, error: String(error) });
    if (stopReason === 'completed') {
      stopReason = 'error';
      failure = error;
    }
  }
  const { aggregates, leaderboard } = summary;

  let status: TaskStatus =
    stopReason === 'completed' ? 'SUCCESS' : stopReason === 'error' ? 'FAILURE' : 'CANCELLED';
  let error: TaskError | undefined = stopReason === 'error' ? taskError(failure) : undefined;
  if (status === 'SUCCESS' && sink.producedCount > 0 && sink.errorCount === sink.producedCount) {
    status = 'FAILURE';
    error = {
      name: 'EvaluationError',
      message: `every model call of the run failed (${sink.errorCount}); first error: ${firstError?.name}: ${firstError?.message}`,
    };
  }
  if (status === 'SUCCESS' && leaderboard.length > 0) {
    try {
      await storage.upsertLeaderboard(leaderboard);
    } catch (e) {
      logger.error('updating the leaderboard failed', { taskId, error: String(e) });
    }
  }
  const metadata = {
    ...task.metadata,
    stopReason: status === 'FAILURE' && stopReason === 'completed' ? 'error' : stopReason,
    ...(stopReason === 'budget' ? { budgetUsd: options.budgetUsd, spentUsd: resolved.budget?.spentUsd } : {}),
  };
  const finalTask =
    (await storage.updateTask(taskId, {
      status,
      progress: sink.progress(),
      metadata,
      ...(error === undefined ? {} : { error }),
    })) ?? task;
  const reason: StopReason = status === 'FAILURE' ? 'error' : stopReason;
  logger.info('evaluation finished', { taskId, status, reason, ...sink.progress() });
  const result: EvaluationResult = {
    task: finalTask,
    stopReason: reason,
    aggregates,
    leaderboard,
    usage: sink.totals,
  };
  emit?.({ type: 'task.status', taskId, at: new Date(), status, previous: 'STARTED' });
  emit?.({
    type: 'task.done',
    taskId,
    at: new Date(),
    status: status as 'SUCCESS' | 'FAILURE' | 'CANCELLED',
    progress: finalTask.progress,
    ...(error === undefined ? {} : { error }),
    reason,
    result,
  });
  return result;
}
