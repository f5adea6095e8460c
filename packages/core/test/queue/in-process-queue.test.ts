import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger/logger.js';
import { createInProcessQueue } from '../../src/queue/in-process/create-in-process-queue.js';
import type { QueueJob } from '../../src/spec/queue.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(2);
  }
}

const timeouts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('createInProcessQueue', () => {
  it('holds a timer only while a job is delayed', async () => {
    const baseline = timeouts();
    const queue = createInProcessQueue();
    expect(timeouts()).toBe(baseline);
    let ran = 0;
    const worker = queue.process(async () => {
      ran++;
    });
    await queue.enqueue({ taskId: 't', name: 'n', data: 1 });
    await until(() => ran === 1);
    expect(timeouts()).toBe(baseline);
    await queue.enqueue({ taskId: 't', name: 'n', data: 2, delayMs: 40 });
    expect(timeouts()).toBe(baseline + 1);
    await until(() => ran === 2);
    expect(timeouts()).toBe(baseline);
    await queue.enqueue({ taskId: 'gone', name: 'n', data: 3, delayMs: 60_000 });
    expect(timeouts()).toBe(baseline + 1);
    expect(await queue.cancel('gone')).toBe(1);
    expect(timeouts()).toBe(baseline);
    await worker.close();
    await queue.close();
  });

  it('waits base × 2^(attempt − 1) between retries, or what retryDelayMs returns', async () => {
    const starts: number[] = [];
    const queue = createInProcessQueue({ retryDelayMs: 10, maxRetryDelayMs: 15 });
    const worker = queue.process(async () => {
      starts.push(Date.now());
      throw new Error('again');
    });
    await queue.enqueue({ taskId: 't', name: 'n', data: null, maxAttempts: 6 });
    await until(async () => (await queue.counts('t')).failed === 1);
    expect(starts).toHaveLength(6);
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] as number));
    expect(gaps[0]).toBeGreaterThanOrEqual(9);
    expect(gaps[1]).toBeGreaterThanOrEqual(14);
    // Capped: 10 + 15 × 4 = 70 ms in all; doubling without the cap would take 10 + 20 + 40 + 80 + 160 = 310 ms.
    const total = gaps.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(68);
    expect(total).toBeLessThan(250);
    await worker.close();

    const seen: [number, string][] = [];
    const custom = createInProcessQueue({
      retryDelayMs: (attempt, error) => {
        seen.push([attempt, (error as Error).message]);
        return 0;
      },
    });
    const w2 = custom.process(async (job) => {
      throw new Error(`failed ${job.attempt}`);
    });
    await custom.enqueue({ taskId: 't', name: 'n', data: null });
    await until(async () => (await custom.counts('t')).failed === 1);
    expect(seen).toEqual([
      [1, 'failed 1'],
      [2, 'failed 2'],
    ]);
    await w2.close();
    await Promise.all([queue.close(), custom.close()]);
  });

  it('names the bad field of a rejected job and enqueues nothing of its batch', async () => {
    const queue = createInProcessQueue();
    await expect(
      queue.enqueue([
        { taskId: 't', name: 'n', data: 1 },
        { taskId: 't', name: 'n', data: 2, priority: -1 },
      ]),
    ).rejects.toThrow('enqueue: jobs[1].priority must be an integer >= 0, got -1');
    await expect(queue.enqueue({ taskId: 't', name: 'n', data: 1, maxAttempts: 0 })).rejects.toThrow(
      'enqueue: job.maxAttempts must be an integer >= 1, got 0',
    );
    await expect(queue.enqueue({ taskId: 't', name: 'n', data: 1, delayMs: Number.NaN })).rejects.toThrow(
      /delayMs must be a number >= 0/,
    );
    expect((await queue.counts()).waiting).toBe(0);
    expect(() => queue.process(async () => {}, { concurrency: 0 })).toThrow(
      /concurrency must be an integer >= 1/,
    );
    expect(() => createInProcessQueue({ retryDelayMs: -1 })).toThrow(/retryDelayMs/);
    await queue.close();
  });

  it('logs a job that failed for good, and survives a handler that throws synchronously', async () => {
    const warnings: [string, Record<string, unknown> | undefined][] = [];
    const logger: Logger = {
      debug: () => {},
      info: () => {},
      warn: (message, fields) => warnings.push([message, fields]),
      error: () => {},
    };
    const queue = createInProcessQueue({ logger, retryDelayMs: 0 });
    const worker = queue.process(((job: QueueJob) => {
      throw new TypeError(`bad data ${String(job.data)}`);
    }) as never);
    await queue.enqueue({ taskId: 't', name: 'evaluate', data: 7, maxAttempts: 2, jobId: 'j1' });
    await until(async () => (await queue.counts('t')).failed === 1);
    expect(warnings).toEqual([
      [
        'queue job failed',
        {
          jobId: 'j1',
          taskId: 't',
          name: 'evaluate',
          attempt: 2,
          maxAttempts: 2,
          error: 'TypeError: bad data 7',
        },
      ],
    ]);
    await worker.close();
    await queue.close();
  });

  it('hands a job stopped by a forced close back to the queue without using an attempt', async () => {
    const queue = createInProcessQueue();
    const attempts: number[] = [];
    const first = queue.process(async (job, { signal }) => {
      attempts.push(job.attempt);
      await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    });
    await queue.enqueue({ taskId: 't', name: 'n', data: null, maxAttempts: 1 });
    await until(() => attempts.length === 1);
    await first.close({ force: true });
    expect(await queue.counts('t')).toMatchObject({ waiting: 1, failed: 0, active: 0 });
    const second = queue.process(async (job) => {
      attempts.push(job.attempt);
    });
    await until(async () => (await queue.counts('t')).completed === 1);
    expect(attempts).toEqual([1, 1]);
    await second.close();
    await queue.close();
  });

  it('lets a cancelled jobId be enqueued again at once (a restarted task)', async () => {
    const queue = createInProcessQueue();
    const runs: string[] = [];
    const worker = queue.process(async (job, { signal }) => {
      runs.push(String(job.data));
      if (job.data === 'old') await new Promise((resolve) => signal.addEventListener('abort', resolve));
    });
    await queue.enqueue({ taskId: 't', name: 'n', data: 'old', jobId: 'chunk-0' });
    await until(() => runs.length === 1);
    await queue.cancel('t');
    await queue.enqueue({ taskId: 't', name: 'n', data: 'new', jobId: 'chunk-0' });
    await until(async () => (await queue.counts('t')).completed === 1);
    expect(runs).toEqual(['old', 'new']);
    expect(await queue.counts('t')).toMatchObject({ cancelled: 1, completed: 1 });
    await worker.close();
    await queue.close();
  });

  it('refuses work once closed', async () => {
    const queue = createInProcessQueue();
    await queue.close();
    await queue.close();
    await expect(queue.enqueue({ taskId: 't', name: 'n', data: 1 })).rejects.toThrow(
      'enqueue: the in-process queue is closed',
    );
    expect(() => queue.process(async () => {})).toThrow(/closed/);
  });

  it('keeps per-job overhead small: 20,000 no-op jobs in well under a second', async () => {
    const queue = createInProcessQueue();
    let done = 0;
    const worker = queue.process(
      async () => {
        done++;
      },
      { concurrency: 8 },
    );
    const start = performance.now();
    await queue.enqueue(Array.from({ length: 20_000 }, (_, i) => ({ taskId: 't', name: 'n', data: i })));
    await until(() => done === 20_000, 10_000);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(2000);
    expect(await queue.counts('t')).toMatchObject({ completed: 20_000, waiting: 0, active: 0 });
    await worker.close();
    await queue.close();
  });
});
