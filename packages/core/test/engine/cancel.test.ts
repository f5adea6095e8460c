import { describe, expect, it } from 'vitest';
import type { SampleJobData } from '../../src/engine/index.js';
import { evaluate } from '../../src/engine/index.js';
import { createInProcessQueue } from '../../src/queue/in-process/create-in-process-queue.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { goldAnswer, mcqaPlan } from './helpers.js';

describe('cancellation', () => {
  it('aborts the calls in flight promptly when the signal aborts, and stores nothing for them', async () => {
    const controller = new AbortController();
    const model = createMockProvider({ respond: goldAnswer, delayMs: 60_000 });
    const storage = createMemoryStorage();
    setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    const started = performance.now();
    const { task, stopReason } = await evaluate(mcqaPlan(30), {
      providers: { m1: model },
      storage,
      signal: controller.signal,
      concurrency: { perModel: 5 },
    });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(task.status).toBe('CANCELLED');
    expect(stopReason).toBe('cancelled');
    expect(model.calls).toHaveLength(5);
    expect(model.calls.every((c) => c.signal?.aborted)).toBe(true);
    expect(task.progress.completed).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const model = createMockProvider({ respond: goldAnswer });
    await expect(
      evaluate(mcqaPlan(3), { providers: { m1: model }, signal: AbortSignal.abort(new Error('no')) }),
    ).rejects.toThrow('no');
    expect(model.calls).toHaveLength(0);
  });

  it('cancels when the queue cancels the task', async () => {
    const queue = createInProcessQueue<SampleJobData>();
    const model = createMockProvider({ respond: goldAnswer, delayMs: 60_000 });
    let taskId = '';
    setTimeout(() => void queue.cancel(taskId), 50);
    const { task } = await evaluate(mcqaPlan(10), {
      providers: { m1: model },
      queue,
      taskId: 'queued',
      onEvent: (event) => {
        taskId = event.taskId;
      },
    });
    expect(task.status).toBe('CANCELLED');
    expect(model.calls.every((c) => c.signal?.aborted)).toBe(true);
    await queue.close();
  });
});
