import { BenchHubError } from '../../errors/benchhub-error.js';
import type { JobHandler, QueueCapabilities, QueueCounts, QueueJob, QueueV1 } from '../../spec/queue.js';
import { RateLimitedError, UnrecoverableJobError } from '../../spec/queue-errors.js';

/** Options of {@link runQueueConformance}. */
export interface QueueConformanceOptions {
  /** Shown in the suite's name, e.g. `in-process` or `bullmq`. */
  name: string;
  /**
   * Returns a fresh, empty queue whose retry delay is short (at most ~50 ms: the retry cases wait for
   * real retries). The suite closes it after each case.
   */
  create: () => Promise<QueueV1>;
  /** The capabilities the queue must declare; checked when given. */
  capabilities?: QueueCapabilities;
  /**
   * Opens another handle on the same backend as `queue` (another process would). Enables the
   * `distributed` cases: a job enqueued through one handle runs on a worker of the other.
   */
  reopen?: (queue: QueueV1) => Promise<QueueV1>;
  /** How long a case waits for jobs to reach a state before failing. Default 5000 ms. */
  timeoutMs?: number;
}

let uniqueCounter = 0;
function unique(prefix: string): string {
  uniqueCounter++;
  return `${prefix}-${Date.now().toString(36)}-${uniqueCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `signal` aborts (at once if it already has). */
function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Timer tolerance: a delay may fire this much earlier by the test's clock. */
const EARLY_MS = 25;

/**
 * Registers the `QueueV1` conformance suite with vitest: every member of the contract, through the
 * contract only, so the in-process queue and the BullMQ/Redis queue run the very same cases (FIFO,
 * priorities, delays, retries, unrecoverable and rate-limited errors, cancel, concurrency, counts,
 * graceful and forced close). Cases for capabilities a queue does not declare are reported as skipped.
 *
 * Call it at the top level of a test file and **await** it (it loads vitest lazily, so importing
 * `@benchhub/core/testing` never loads vitest).
 *
 * @example
 * ```ts
 * import { createInProcessQueue } from '@benchhub/core';
 * import { runQueueConformance } from '@benchhub/core/testing';
 *
 * await runQueueConformance({ name: 'in-process', create: async () => createInProcessQueue({ retryDelayMs: 5 }) });
 * ```
 */
export async function runQueueConformance(options: QueueConformanceOptions): Promise<void> {
  const { describe, it, expect } = await import('vitest');
  const { create, reopen } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const caseTimeout = timeoutMs * 3 + 2000;

  const waitFor = async (what: string, check: () => boolean | Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await sleep(5);
    }
  };

  const settledCount = (counts: QueueCounts): number => counts.completed + counts.failed + counts.cancelled;

  /** Waits until `n` jobs of the task have finished (completed, failed or cancelled) and none is left. */
  const waitSettled = async (queue: QueueV1, taskId: string, n: number): Promise<QueueCounts> => {
    let counts = await queue.counts(taskId);
    await waitFor(`${n} settled jobs of ${taskId}`, async () => {
      counts = await queue.counts(taskId);
      return settledCount(counts) >= n && counts.waiting + counts.delayed + counts.active === 0;
    });
    return counts;
  };

  const withQueue = async (body: (queue: QueueV1) => Promise<void>): Promise<void> => {
    const queue = await create();
    try {
      await body(queue);
    } finally {
      await queue.close();
    }
  };

  /** A handler that records each call's job and start time, then runs `behaviour`. */
  const recorder = (
    behaviour: (job: QueueJob, signal: AbortSignal) => Promise<void> = async () => {},
  ): { handler: JobHandler; calls: { job: QueueJob; at: number }[] } => {
    const calls: { job: QueueJob; at: number }[] = [];
    return {
      calls,
      handler: async (job, context) => {
        calls.push({ job, at: Date.now() });
        await behaviour(job, context.signal);
      },
    };
  };

  const labelOf = (job: QueueJob): string => (job.data as { label: string }).label;

  describe(`QueueV1 conformance: ${options.name}`, () => {
    it('declares version v1 and its capabilities', async () => {
      await withQueue(async (queue) => {
        expect(queue.specificationVersion).toBe('v1');
        for (const flag of ['distributed', 'delayed', 'priorities'] as const) {
          expect(typeof queue.capabilities[flag], `capabilities.${flag}`).toBe('boolean');
        }
        if (options.capabilities !== undefined) expect(queue.capabilities).toEqual(options.capabilities);
      });
    });

    it('enqueues single jobs and batches, and hands each job to the handler as given', async () => {
      await withQueue(async (queue) => {
        const taskId = unique('task');
        const data = { label: 'first', nested: { n: 1, list: ['a', 'b'] }, flag: true, nothing: null };
        const [first, ...more] = [
          ...(await queue.enqueue({ taskId, name: 'evaluate', data })),
          ...(await queue.enqueue([
            { taskId, name: 'evaluate', data: { label: 'second' } },
            { taskId, name: 'aggregate', data: { label: 'third' }, maxAttempts: 5 },
          ])),
        ];
        const ids = [first, ...more];
        expect(ids).toHaveLength(3);
        expect(new Set(ids).size).toBe(3);
        expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
        expect(await queue.counts(taskId)).toMatchObject({ waiting: 3, active: 0, completed: 0 });

        const { handler, calls } = recorder();
        const worker = queue.process(handler);
        const counts = await waitSettled(queue, taskId, 3);
        await worker.close();
        expect(counts).toEqual({ waiting: 0, delayed: 0, active: 0, completed: 3, failed: 0, cancelled: 0 });
        const byId = new Map(calls.map((c) => [c.job.id, c.job]));
        expect(byId.get(first as string)).toMatchObject({
          taskId,
          name: 'evaluate',
          attempt: 1,
          maxAttempts: 3,
        });
        expect(byId.get(first as string)?.data).toEqual(data);
        expect(byId.get(ids[2] as string)).toMatchObject({ name: 'aggregate', maxAttempts: 5, attempt: 1 });
        expect(calls).toHaveLength(3);
      });
    });

    it('rejects a job without a task id or a name', async () => {
      await withQueue(async (queue) => {
        await expect(queue.enqueue({ taskId: '', name: 'evaluate', data: {} })).rejects.toThrow();
        await expect(queue.enqueue([{ taskId: unique('task'), name: '', data: {} }])).rejects.toThrow();
      });
    });

    it('deduplicates a jobId that is still waiting', async () => {
      await withQueue(async (queue) => {
        const taskId = unique('task');
        const jobId = unique('job');
        const [a] = await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'a' }, jobId });
        const [b, c] = await queue.enqueue([
          { taskId, name: 'evaluate', data: { label: 'b' }, jobId },
          { taskId, name: 'evaluate', data: { label: 'c' }, jobId },
        ]);
        expect(a).toBe(jobId);
        expect([b, c]).toEqual([jobId, jobId]);
        expect((await queue.counts(taskId)).waiting).toBe(1);
        const { handler, calls } = recorder();
        const worker = queue.process(handler);
        await waitSettled(queue, taskId, 1);
        await worker.close();
        expect(calls.map((call) => labelOf(call.job))).toEqual(['a']);
      });
    });

    it('runs jobs of one priority first in, first out', async () => {
      await withQueue(async (queue) => {
        const taskId = unique('task');
        const labels = ['j0', 'j1', 'j2', 'j3', 'j4', 'j5'];
        for (const label of labels.slice(0, 2))
          await queue.enqueue({ taskId, name: 'evaluate', data: { label } });
        await queue.enqueue(labels.slice(2).map((label) => ({ taskId, name: 'evaluate', data: { label } })));
        const { handler, calls } = recorder();
        const worker = queue.process(handler, { concurrency: 1 });
        await waitSettled(queue, taskId, labels.length);
        await worker.close();
        expect(calls.map((call) => labelOf(call.job))).toEqual(labels);
      });
    });

    it(
      'priorities: lower priority values run first, FIFO among equals',
      async (context) => {
        await withQueue(async (queue) => {
          context.skip(!queue.capabilities.priorities, 'the queue does not declare priorities');
          const taskId = unique('task');
          const jobs = [
            ['p3-a', 3],
            ['p0-a', 0],
            ['p1-a', 1],
            ['p0-b', 0],
            ['p2-a', 2],
            ['p1-b', 1],
            ['default', undefined],
          ] as const;
          await queue.enqueue(
            jobs.map(([label, priority]) => ({
              taskId,
              name: 'evaluate',
              data: { label },
              ...(priority === undefined ? {} : { priority }),
            })),
          );
          const { handler, calls } = recorder();
          const worker = queue.process(handler, { concurrency: 1 });
          await waitSettled(queue, taskId, jobs.length);
          await worker.close();
          expect(calls.map((call) => labelOf(call.job))).toEqual([
            'p0-a',
            'p0-b',
            'default',
            'p1-a',
            'p1-b',
            'p2-a',
            'p3-a',
          ]);
        });
      },
      caseTimeout,
    );

    it(
      'delayed: a delayed job waits its delay, then runs',
      async (context) => {
        await withQueue(async (queue) => {
          context.skip(!queue.capabilities.delayed, 'the queue does not declare delayed');
          const taskId = unique('task');
          const enqueuedAt = Date.now();
          await queue.enqueue([
            { taskId, name: 'evaluate', data: { label: 'later' }, delayMs: 250 },
            { taskId, name: 'evaluate', data: { label: 'now' } },
          ]);
          expect(await queue.counts(taskId)).toMatchObject({ delayed: 1, waiting: 1 });
          const { handler, calls } = recorder();
          const worker = queue.process(handler, { concurrency: 2 });
          await waitSettled(queue, taskId, 2);
          await worker.close();
          expect(calls.map((call) => labelOf(call.job))).toEqual(['now', 'later']);
          expect((calls[1]?.at ?? 0) - enqueuedAt).toBeGreaterThanOrEqual(250 - EARLY_MS);
        });
      },
      caseTimeout,
    );

    it(
      'never runs more handlers at once than the concurrency, and reaches it',
      async () => {
        await withQueue(async (queue) => {
          for (const concurrency of [1, 3]) {
            const taskId = unique('task');
            let inFlight = 0;
            let maxInFlight = 0;
            const worker = queue.process(
              async () => {
                inFlight++;
                maxInFlight = Math.max(maxInFlight, inFlight);
                await sleep(30);
                inFlight--;
              },
              concurrency === 1 ? {} : { concurrency },
            );
            await queue.enqueue(
              Array.from({ length: 12 }, (_, i) => ({ taskId, name: 'evaluate', data: { i } })),
            );
            await waitSettled(queue, taskId, 12);
            await worker.close();
            expect(maxInFlight, `concurrency ${concurrency}`).toBe(concurrency);
          }
        });
      },
      caseTimeout,
    );

    it(
      'retries a failing job until it succeeds or its attempts are used',
      async () => {
        await withQueue(async (queue) => {
          const taskId = unique('task');
          const { handler, calls } = recorder(async (job) => {
            const label = labelOf(job);
            if (label === 'flaky' && job.attempt < 3) throw new Error(`flaky attempt ${job.attempt}`);
            if (label === 'broken' || label === 'broken-default') throw new Error('always broken');
          });
          await queue.enqueue([
            { taskId, name: 'evaluate', data: { label: 'flaky' }, maxAttempts: 3 },
            { taskId, name: 'evaluate', data: { label: 'broken' }, maxAttempts: 2 },
            { taskId, name: 'evaluate', data: { label: 'broken-default' } },
          ]);
          const worker = queue.process(handler, { concurrency: 3 });
          const counts = await waitSettled(queue, taskId, 3);
          await worker.close();
          const attempts = (label: string) =>
            calls.filter((call) => labelOf(call.job) === label).map((call) => call.job.attempt);
          expect(attempts('flaky')).toEqual([1, 2, 3]);
          expect(attempts('broken')).toEqual([1, 2]);
          expect(attempts('broken-default')).toEqual([1, 2, 3]);
          expect(
            calls.every((call) => call.job.maxAttempts === (labelOf(call.job) === 'broken' ? 2 : 3)),
          ).toBe(true);
          expect(counts).toMatchObject({ completed: 1, failed: 2 });
        });
      },
      caseTimeout,
    );

    it(
      'fails an UnrecoverableJobError or a non-retryable error at once',
      async () => {
        await withQueue(async (queue) => {
          const taskId = unique('task');
          const { handler, calls } = recorder(async (job) => {
            if (labelOf(job) === 'unrecoverable') throw new UnrecoverableJobError('unknown model');
            throw new BenchHubError('not retryable'); // isRetryable === false
          });
          await queue.enqueue([
            { taskId, name: 'evaluate', data: { label: 'unrecoverable' }, maxAttempts: 5 },
            { taskId, name: 'evaluate', data: { label: 'plain' }, maxAttempts: 5 },
          ]);
          const worker = queue.process(handler, { concurrency: 2 });
          const counts = await waitSettled(queue, taskId, 2);
          await worker.close();
          expect(calls.map((call) => [labelOf(call.job), call.job.attempt]).sort()).toEqual([
            ['plain', 1],
            ['unrecoverable', 1],
          ]);
          expect(counts).toMatchObject({ failed: 2, completed: 0 });
        });
      },
      caseTimeout,
    );

    it(
      'retries a rate-limited job after retryAfterMs without using an attempt',
      async () => {
        await withQueue(async (queue) => {
          const taskId = unique('task');
          let limited = 0;
          const { handler, calls } = recorder(async () => {
            if (limited < 2) {
              limited++;
              throw new RateLimitedError('429', { retryAfterMs: 150 });
            }
          });
          await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'limited' }, maxAttempts: 1 });
          const worker = queue.process(handler);
          await waitFor('the first rate-limited attempt to be put back', async () => {
            const counts = await queue.counts(taskId);
            return calls.length === 1 && counts.active === 0;
          });
          expect(await queue.counts(taskId)).toMatchObject({ failed: 0, completed: 0 });
          const counts = await waitSettled(queue, taskId, 1);
          await worker.close();
          expect(counts).toMatchObject({ completed: 1, failed: 0 });
          expect(calls.map((call) => call.job.attempt)).toEqual([1, 1, 1]);
          expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(150 - EARLY_MS);
          expect((calls[2]?.at ?? 0) - (calls[1]?.at ?? 0)).toBeGreaterThanOrEqual(150 - EARLY_MS);
        });
      },
      caseTimeout,
    );

    it(
      "cancel aborts the task's running handlers and drops its waiting jobs, and only that task's",
      async () => {
        await withQueue(async (queue) => {
          const taskId = unique('task');
          const otherTask = unique('other');
          let sawAbort = false;
          const { handler, calls } = recorder(async (job, signal) => {
            if (labelOf(job) === 'running') {
              await Promise.race([aborted(signal), sleep(timeoutMs)]);
              sawAbort = signal.aborted;
              throw signal.reason ?? new Error('aborted');
            }
          });
          await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'running' } });
          const worker = queue.process(handler, { concurrency: 1 });
          await waitFor('the first job to start', () => calls.length === 1);
          await queue.enqueue([
            { taskId, name: 'evaluate', data: { label: 'waiting-1' } },
            { taskId, name: 'evaluate', data: { label: 'waiting-2' } },
            { taskId: otherTask, name: 'evaluate', data: { label: 'other' } },
          ]);
          const delayedToo = queue.capabilities.delayed;
          if (delayedToo)
            await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'delayed' }, delayMs: 60_000 });

          expect(await queue.cancel(taskId)).toBe(delayedToo ? 4 : 3);
          const counts = await waitSettled(queue, taskId, delayedToo ? 4 : 3);
          expect(counts).toEqual({
            waiting: 0,
            delayed: 0,
            active: 0,
            completed: 0,
            failed: 0,
            cancelled: delayedToo ? 4 : 3,
          });
          await waitSettled(queue, otherTask, 1);
          await worker.close();
          expect(sawAbort).toBe(true);
          expect(calls.map((call) => labelOf(call.job))).toEqual(['running', 'other']);
          expect((await queue.counts(otherTask)).completed).toBe(1);
          expect(await queue.cancel(taskId)).toBe(0);
        });
      },
      caseTimeout,
    );

    it(
      'a job whose task was cancelled ends cancelled even if its handler then resolves',
      async () => {
        await withQueue(async (queue) => {
          const taskId = unique('task');
          const { handler, calls } = recorder(async (_job, signal) => {
            await Promise.race([aborted(signal), sleep(timeoutMs)]);
          });
          await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'stubborn' } });
          const worker = queue.process(handler);
          await waitFor('the job to start', () => calls.length === 1);
          expect(await queue.cancel(taskId)).toBe(1);
          const counts = await waitSettled(queue, taskId, 1);
          await worker.close();
          expect(counts).toMatchObject({ cancelled: 1, completed: 0 });
        });
      },
      caseTimeout,
    );

    it(
      'the process signal stops the worker: running handlers see it abort, no new job is claimed',
      async () => {
        await withQueue(async (queue) => {
          const taskId = unique('task');
          const stop = new AbortController();
          let sawAbort = false;
          const { handler, calls } = recorder(async (_job, signal) => {
            await Promise.race([aborted(signal), sleep(timeoutMs)]);
            sawAbort = signal.aborted;
          });
          const worker = queue.process(handler, { signal: stop.signal });
          await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'first' } });
          await waitFor('the first job to start', () => calls.length === 1);
          stop.abort();
          await waitFor('the handler to see its signal abort', () => sawAbort);
          await worker.close();
          await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'second' } });
          await sleep(100);
          expect(calls.map((call) => labelOf(call.job))).toEqual(['first']);
        });
      },
      caseTimeout,
    );

    it(
      'worker close waits for running handlers; with force it aborts them first',
      async () => {
        await withQueue(async (queue) => {
          for (const force of [false, true]) {
            const taskId = unique('task');
            let finished = false;
            let sawAbort = false;
            const { handler, calls } = recorder(async (_job, signal) => {
              await Promise.race([aborted(signal), sleep(150)]);
              sawAbort = signal.aborted;
              finished = true;
            });
            const worker = queue.process(handler);
            await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'slow' } });
            await waitFor('the job to start', () => calls.length === 1);
            const startedAt = Date.now();
            await worker.close({ force });
            expect(finished, `force: ${force}`).toBe(true);
            expect(sawAbort, `force: ${force}`).toBe(force);
            if (!force) {
              expect(Date.now() - startedAt).toBeGreaterThanOrEqual(100);
              expect((await queue.counts(taskId)).completed).toBe(1);
            }
          }
        });
      },
      caseTimeout,
    );

    it(
      'counts jobs per task and for the whole queue',
      async () => {
        await withQueue(async (queue) => {
          const a = unique('task-a');
          const b = unique('task-b');
          await queue.enqueue([
            { taskId: a, name: 'evaluate', data: { label: 'a1' } },
            { taskId: a, name: 'evaluate', data: { label: 'a2' } },
            { taskId: b, name: 'evaluate', data: { label: 'b1' } },
          ]);
          expect(await queue.counts(a)).toEqual({
            waiting: 2,
            delayed: 0,
            active: 0,
            completed: 0,
            failed: 0,
            cancelled: 0,
          });
          expect((await queue.counts(b)).waiting).toBe(1);
          expect((await queue.counts()).waiting).toBe(3);
          expect(await queue.counts(unique('none'))).toEqual({
            waiting: 0,
            delayed: 0,
            active: 0,
            completed: 0,
            failed: 0,
            cancelled: 0,
          });
          let release: () => void = () => {};
          const gate = new Promise<void>((resolve) => {
            release = resolve;
          });
          const { handler, calls } = recorder(async (job) => {
            if (labelOf(job) === 'a1') await gate;
            if (labelOf(job) === 'b1') throw new UnrecoverableJobError('no');
          });
          const worker = queue.process(handler, { concurrency: 1 });
          await waitFor('a1 to start', () => calls.length === 1);
          expect(await queue.counts(a)).toMatchObject({ active: 1, waiting: 1 });
          expect(await queue.counts()).toMatchObject({ active: 1, waiting: 2 });
          release();
          await waitSettled(queue, a, 2);
          await waitSettled(queue, b, 1);
          await worker.close();
          expect(await queue.counts(a)).toMatchObject({ completed: 2, failed: 0 });
          expect(await queue.counts(b)).toMatchObject({ completed: 0, failed: 1 });
          expect(await queue.counts()).toMatchObject({ waiting: 0, active: 0, completed: 2, failed: 1 });
        });
      },
      caseTimeout,
    );

    it(
      'close waits for running handlers',
      async () => {
        const queue = await create();
        const taskId = unique('task');
        let finished = false;
        const { handler, calls } = recorder(async () => {
          await sleep(120);
          finished = true;
        });
        queue.process(handler);
        await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'slow' } });
        await waitFor('the job to start', () => calls.length === 1);
        await queue.close();
        expect(finished).toBe(true);
      },
      caseTimeout,
    );

    it(
      'distributed: a job enqueued on one handle runs, and is cancelled, on another',
      async (context) => {
        const queue = await create();
        let peer: QueueV1 | undefined;
        try {
          context.skip(!queue.capabilities.distributed, 'the queue does not declare distributed');
          context.skip(reopen === undefined, 'distributed cases need the `reopen` option');
          peer = await (reopen as NonNullable<typeof reopen>)(queue);
          const taskId = unique('task');
          let sawAbort = false;
          const { handler, calls } = recorder(async (job, signal) => {
            if (labelOf(job) !== 'cancel-me') return;
            await Promise.race([aborted(signal), sleep(timeoutMs)]);
            sawAbort = signal.aborted;
          });
          const worker = peer.process(handler);
          await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'remote' } });
          await waitSettled(queue, taskId, 1);
          await queue.enqueue({ taskId, name: 'evaluate', data: { label: 'cancel-me' } });
          await waitFor('the second job to start', () => calls.length === 2);
          expect(await queue.cancel(taskId)).toBe(1);
          await waitFor('the remote handler to see its signal abort', () => sawAbort);
          await worker.close();
          expect(calls.map((call) => labelOf(call.job))).toEqual(['remote', 'cancel-me']);
        } finally {
          await peer?.close();
          await queue.close();
        }
      },
      caseTimeout,
    );
  });
}
