import type { Logger } from '../logger/logger.js';
import type { QueueV1 } from '../spec/queue.js';
import { RateLimitedError } from '../spec/queue-errors.js';
import type { JobSource } from './job-source.js';
import type { EvaluationRuntime } from './runtime.js';
import { SAMPLE_JOB_NAME, type SampleJobData } from './sample-job.js';

/** How long a job of another task is put back for when the run's own worker claims it. */
const FOREIGN_JOB_RETRY_MS = 1_000;

/**
 * Feeds a run's jobs through the queue and works them off with the run's own worker. Jobs come from the
 * job source as they are needed: each model keeps at most `window[model]` jobs enqueued or running, so
 * its lanes always have the next chunk at hand while no model's jobs crowd out another's, and a stop
 * leaves little queued work behind. Resolves when every job has finished, or, after a stop, when the jobs
 * already running have finished.
 */
export async function runJobs(
  queue: QueueV1<SampleJobData>,
  runtime: EvaluationRuntime,
  source: JobSource,
  window: ReadonlyMap<string, number>,
  logger: Logger,
): Promise<void> {
  const taskId = runtime.taskId;
  const inQueue = new Map([...window.keys()].map((id) => [id, 0]));
  const filling = new Set<string>();
  let waiting = 0;
  let active = 0;
  let queueCancelled = false;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const checkDone = (): void => {
    if (active > 0 || filling.size > 0) return;
    if (waiting === 0 || queueCancelled) finish();
  };

  /** Tops up a model's jobs in the queue to its window (one filler per model at a time). */
  const refill = async (modelId: string): Promise<void> => {
    if (filling.has(modelId)) return;
    filling.add(modelId);
    const limit = window.get(modelId) ?? 2;
    try {
      while (runtime.stopReason === undefined && inQueue.get(modelId)! < limit) {
        const job = await source.next(modelId);
        if (job === undefined) break;
        inQueue.set(modelId, inQueue.get(modelId)! + 1);
        waiting++;
        await queue.enqueue([{ taskId, name: SAMPLE_JOB_NAME, data: job, maxAttempts: 1 }]);
      }
    } catch (error) {
      logger.error('feeding the queue failed', { taskId, error: String(error) });
      runtime.stop('error', error);
    } finally {
      filling.delete(modelId);
      checkDone();
    }
  };

  const worker = queue.process(
    async (job, context) => {
      if (job.taskId !== taskId || job.name !== SAMPLE_JOB_NAME) {
        throw new RateLimitedError(`job of task ${job.taskId} is not this run's`, {
          retryAfterMs: FOREIGN_JOB_RETRY_MS,
        });
      }
      waiting--;
      active++;
      try {
        await runtime.runChunk(job.data, context.signal);
      } catch (error) {
        logger.error('a job failed', { taskId, error: String(error) });
        runtime.stop('error', error);
      } finally {
        active--;
        const modelId = job.data.modelId;
        inQueue.set(modelId, (inQueue.get(modelId) ?? 1) - 1);
        source.release(job.data);
        void refill(modelId);
        checkDone();
      }
    },
    {
      concurrency: Math.max(
        1,
        [...window.values()].reduce((a, b) => a + b, 0),
      ),
    },
  );

  const onStop = (): void => {
    source.wake();
    if (runtime.stopReason === 'budget' || queueCancelled) return;
    // Cancelled or failed: drop the jobs still waiting; running ones see their signal abort.
    queue
      .cancel(taskId)
      .catch((error: unknown) =>
        logger.warn('cancelling queued jobs failed', { taskId, error: String(error) }),
      )
      .finally(() => {
        queueCancelled = true;
        checkDone();
      });
  };
  runtime.signal.addEventListener('abort', onStop, { once: true });
  try {
    for (const modelId of window.keys()) void refill(modelId);
    checkDone();
    await finished;
  } finally {
    runtime.signal.removeEventListener('abort', onStop);
    await worker.close();
  }
}
