import { BenchHubError } from '../errors/benchhub-error.js';
import { type Logger, silentLogger } from '../logger/logger.js';
import { parsePlan } from '../plan/load.js';
import type { PlanInput } from '../plan/schema.js';
import type { StorageV1 } from '../spec/storage.js';
import type { EvaluationResult } from './evaluation-result.js';
import type { EvaluationEvent } from './events.js';
import { executeEvaluation } from './execute.js';
import type { EvaluateOptions } from './options.js';
import { ENGINE_DEFAULTS, loadRunDatasets, resolvePlan } from './prepare.js';
import { ResultSink } from './result-sink.js';
import { EvaluationRuntime } from './runtime.js';

/**
 * Runs a plan end to end and returns the finished task with its aggregates: datasets are read (and
 * checked) once, then streamed again as prompts are rendered, every (model, sample, repeat) not yet
 * stored is sent through the queue under the concurrency, rate and budget limits with retries, scored,
 * written in batches, aggregated from storage (mean, stderr, CI, errors beside each score) and put on
 * the leaderboard.
 *
 * Memory stays flat in the dataset's size: a dataset without `sampleSize` is never held whole (only the
 * chunks in flight), and aggregation keeps a few numbers per result. Held in memory are: a sampled
 * dataset's sample (`sampleSize`), a dataset that is its own few-shot pool, every dataset when a
 * corpus-level metric (BLEU, chrF, F1, pass@k) is scored, and, on a resume, the keys already stored.
 *
 * Defaults: in-memory storage and an in-process queue, so a script needs nothing but a provider. Pass
 * the `taskId` of a stored task to resume it. An invalid plan or option rejects with a
 * `PlanValidationError`/`BenchHubError` before any task is created; after that, failures end the task
 * as FAILURE and are reported in `task.error`.
 *
 * @example
 * ```ts
 * const { task, aggregates } = await evaluate(plan, {
 *   providers: { 'function:echo': createFunctionProvider((req) => 'A', { modelId: 'echo' }) },
 *   onEvent: (e) => { if (e.type === 'task.progress') console.log(e.stats.done, '/', e.stats.total); },
 * });
 * console.log(task.status, aggregates[0]?.value, aggregates[0]?.ci);
 * ```
 */
export function evaluate(plan: PlanInput | unknown, options: EvaluateOptions): Promise<EvaluationResult> {
  return executeEvaluation(plan, options);
}

/**
 * The same run as {@link evaluate}, as an async iterable of its events: `task.status` (STARTED),
 * coalesced `task.progress`, `result.appended` per written batch, the terminal `task.status`, and last
 * `task.done` carrying the result. Leaving the loop early cancels the run.
 *
 * @example
 * ```ts
 * for await (const event of runEvaluation(plan, { providers })) {
 *   if (event.type === 'task.progress') bar.update(event.stats.done, event.stats);
 *   if (event.type === 'task.done') console.table(event.result.aggregates);
 * }
 * ```
 */
export async function* runEvaluation(
  plan: PlanInput | unknown,
  options: EvaluateOptions,
): AsyncGenerator<EvaluationEvent, void, undefined> {
  const events: EvaluationEvent[] = [];
  let read = 0;
  let wake: (() => void) | undefined;
  let finished = false;
  let failure: { error: unknown } | undefined;
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const run = executeEvaluation(plan, { ...options, signal }, (event) => {
    events.push(event);
    wake?.();
  }).then(
    () => {
      finished = true;
      wake?.();
    },
    (error: unknown) => {
      failure = { error };
      finished = true;
      wake?.();
    },
  );
  try {
    for (;;) {
      while (read < events.length) {
        const event = events[read]!;
        events[read++] = undefined as never;
        yield event;
      }
      if (finished) {
        if (failure !== undefined) throw failure.error;
        return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    if (!finished) {
      controller.abort(new BenchHubError('the evaluation was cancelled: its event loop was left early'));
      await run;
    }
  }
}

/** Options of {@link prepareEvaluation}: those of `evaluate`, with the task and storage required. */
export interface PrepareEvaluationOptions extends EvaluateOptions {
  /** The task whose jobs this runtime works on. */
  taskId: string;
  /** Where results are written. */
  storage: StorageV1;
}

/**
 * Builds the runtime of a task in a worker process: resolves the plan's models (placeholders from
 * `env`), loads its datasets, and sets up batched result writing. Pair it with
 * `createSampleJobHandler`, and call `runtime.close()` when the worker is done with the task.
 *
 * @example
 * ```ts
 * const task = await storage.getTask(taskId);
 * const runtime = await prepareEvaluation(task!.plan, { taskId, storage, providers, env: process.env });
 * const worker = queue.process(createSampleJobHandler(runtime), { concurrency: 4 });
 * ```
 */
export async function prepareEvaluation(
  plan: PlanInput | unknown,
  options: PrepareEvaluationOptions,
): Promise<EvaluationRuntime> {
  const logger: Logger = options.logger ?? silentLogger;
  const parsed = parsePlan(plan);
  const resolved = await resolvePlan(parsed, options);
  const datasets = await loadRunDatasets(resolved.plan, {
    ...(options.baseDir === undefined ? {} : { baseDir: options.baseDir }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.huggingface === undefined ? {} : { huggingface: options.huggingface }),
    logger,
    // A worker looks up the samples of any job by id.
    hold: 'all',
  });
  let runtime: EvaluationRuntime | undefined;
  const { onEvent, events } = options;
  const sink = new ResultSink({
    taskId: options.taskId,
    storage: options.storage,
    emit:
      onEvent === undefined && events === undefined
        ? undefined
        : (event) => {
            onEvent?.(event);
            events?.publish(event).catch(() => {});
          },
    batchSize: options.resultBatchSize ?? ENGINE_DEFAULTS.resultBatchSize,
    flushIntervalMs: options.flushIntervalMs ?? ENGINE_DEFAULTS.flushIntervalMs,
    progressIntervalMs: options.progressIntervalMs ?? ENGINE_DEFAULTS.progressIntervalMs,
    logger,
    onFailure: (error) => runtime?.stop('error', error),
  });
  runtime = new EvaluationRuntime(options.taskId, resolved, datasets, sink, options);
  options.signal?.addEventListener('abort', () => runtime?.stop('cancelled', options.signal?.reason), {
    once: true,
  });
  return runtime;
}
