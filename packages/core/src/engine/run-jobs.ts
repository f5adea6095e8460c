import type { Logger } from '../logger/logger.js';
import type { QueueV1 } from '../spec/queue.js';
import { RateLimitedError } from '../spec/queue-errors.js';
import type { EvaluationRuntime } from './runtime.js';
import { type ModelBacklog, SAMPLE_JOB_NAME, type SampleJobData } from './sample-job.js';

/** How long a job of another task is put back for when the run's own worker claims it. */
const FOREIGN_JOB_RETRY_MS = 1_000;

/**
 * Feeds a run's jobs through the queue and works them off with the run's own worker. Each model keeps
 * at most `window[model]` jobs enqueued or running, so its lanes always have the next chunk at hand
 * while no model's jobs crowd out another's, and a stop leaves little queued work behind. Resolves when
 * every job has finished, or, after a stop, when the jobs already running have finished.
 */
export async function runJobs(
  queue: QueueV1<SampleJobData>,
  runtime: EvaluationRuntime,
  backlogs: readonly ModelBacklog[],
  window: ReadonlyMap<string, number>,
  logger: Logger,
): Promise<void> {
  const taskId = runtime.taskId;
  const cursor = new Map(backlogs.map((b) => [b.modelId, 0]));
  const inQueue = new Map(backlogs.map((b) => [b.modelId, 0]));
  let waiting = 0;
  let active = 0;
  let queueCancelled = false;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const checkDone = (): void => {
    if (active > 0) return;
    if (waiting === 0 || queueCancelled) finish();
  };

  const nextJobs = (backlog: ModelBacklog): SampleJobData[] => {
    const out: SampleJobData[] = [];
    const limit = window.get(backlog.modelId) ?? 2;
    while (runtime.stopReason === undefined && inQueue.get(backlog.modelId)! < limit) {
      const i = cursor.get(backlog.modelId)!;
      const job = backlog.jobs[i];
      if (job === undefined) break;
      cursor.set(backlog.modelId, i + 1);
      inQueue.set(backlog.modelId, inQueue.get(backlog.modelId)! + 1);
      out.push(job);
    }
    return out;
  };

  const enqueue = async (jobs: SampleJobData[]): Promise<void> => {
    if (jobs.length === 0) return;
    waiting += jobs.length;
    try {
      await queue.enqueue(jobs.map((data) => ({ taskId, name: SAMPLE_JOB_NAME, data, maxAttempts: 1 })));
    } catch (error) {
      waiting -= jobs.length;
      runtime.stop('error', error);
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
        const backlog = backlogs.find((b) => b.modelId === modelId);
        if (backlog !== undefined) await enqueue(nextJobs(backlog));
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
    for (const backlog of backlogs) await enqueue(nextJobs(backlog));
    checkDone();
    await finished;
  } finally {
    runtime.signal.removeEventListener('abort', onStop);
    await worker.close();
  }
}
