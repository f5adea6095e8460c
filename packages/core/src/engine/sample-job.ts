import type { JobHandler } from '../spec/queue.js';
import type { EvaluationRuntime } from './runtime.js';

/** The queue name of the engine's jobs. */
export const SAMPLE_JOB_NAME = 'benchhub.samples';

/**
 * One queue job: a chunk of one model's work on one dataset. `sampleIds[i]` is asked for the
 * `repeats[i]`-th time. JSON-safe, so distributed queues can carry it.
 */
export interface SampleJobData {
  /** The plan's model id. */
  modelId: string;
  /** The dataset's name in the plan. */
  dataset: string;
  /** Sample ids, in order. */
  sampleIds: string[];
  /** Repeat index of each entry of `sampleIds` (same length). */
  repeats: number[];
}

/**
 * The queue handler that works through sample jobs: the same code runs in the process that called
 * `evaluate` and in remote workers. Give it a runtime, or a function returning the runtime of a job's
 * task (a worker serving many tasks builds one per task with `prepareEvaluation`). The job's signal
 * (queue cancel, worker close) cancels the run.
 *
 * @example
 * ```ts
 * const runtime = await prepareEvaluation(task.plan, { providers, storage, taskId: task.id });
 * queue.process(createSampleJobHandler(runtime), { concurrency: 4 });
 * ```
 */
export function createSampleJobHandler(
  runtime: EvaluationRuntime | ((taskId: string) => EvaluationRuntime | Promise<EvaluationRuntime>),
): JobHandler<SampleJobData> {
  return async (job, context) => {
    const run = typeof runtime === 'function' ? await runtime(job.taskId) : runtime;
    await run.runChunk(job.data, context.signal);
  };
}
