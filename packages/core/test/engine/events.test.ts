import { describe, expect, it } from 'vitest';
import { type EvaluationEvent, evaluate, runEvaluation } from '../../src/engine/index.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { goldAnswer, mcqaPlan } from './helpers.js';

describe('events', () => {
  it('arrive in order: STARTED, progress and result batches, the terminal status, then done', async () => {
    const events: EvaluationEvent[] = [];
    const model = createMockProvider({ respond: goldAnswer });
    const result = await evaluate(mcqaPlan(50), {
      providers: { m1: model },
      onEvent: (e) => events.push(e),
      resultBatchSize: 10,
      progressIntervalMs: 0,
    });
    expect(events[0]).toMatchObject({ type: 'task.status', status: 'STARTED', previous: 'PENDING' });
    expect(events.at(-2)).toMatchObject({ type: 'task.status', status: 'SUCCESS' });
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'task.done', status: 'SUCCESS', reason: 'completed' });
    expect(done?.type === 'task.done' && done.result).toBe(result);
    const batches = events.filter((e) => e.type === 'result.appended');
    expect(batches.reduce((n, e) => n + (e.type === 'result.appended' ? e.keys.length : 0), 0)).toBe(50);
    const progress = events.filter((e) => e.type === 'task.progress');
    expect(progress.length).toBeGreaterThan(1);
    const last = progress.at(-1);
    expect(last?.type === 'task.progress' && last.stats).toMatchObject({ done: 50, total: 50, errors: 0 });
    // Progress only moves forward.
    const dones = progress.map((e) => (e.type === 'task.progress' ? e.stats.done : 0));
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    expect(events.every((e) => e.taskId === result.task.id)).toBe(true);
  });

  it('coalesces progress events on a fast run', async () => {
    const events: EvaluationEvent[] = [];
    await evaluate(mcqaPlan(500), {
      providers: { m1: createMockProvider({ respond: goldAnswer }) },
      onEvent: (e) => events.push(e),
    });
    expect(events.filter((e) => e.type === 'task.progress').length).toBeLessThan(50);
  });

  it('streams the same events with runEvaluation, and leaving the loop cancels the run', async () => {
    const types: string[] = [];
    for await (const event of runEvaluation(mcqaPlan(5), {
      providers: { m1: createMockProvider({ respond: goldAnswer }) },
    })) {
      types.push(event.type);
    }
    expect(types[0]).toBe('task.status');
    expect(types.at(-1)).toBe('task.done');

    const slow = createMockProvider({ respond: goldAnswer, delayMs: 60_000 });
    const storage = createMemoryStorage();
    const started = performance.now();
    let taskId = '';
    for await (const event of runEvaluation(mcqaPlan(5), { providers: { m1: slow }, storage })) {
      taskId = event.taskId;
      if (event.type === 'task.status') break;
    }
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await storage.getTask(taskId))?.status).toBe('CANCELLED');
    expect(slow.calls.every((c) => c.signal?.aborted)).toBe(true);
  });

  it('publishes every event to a task events bus', async () => {
    const published: string[] = [];
    await evaluate(mcqaPlan(3), {
      providers: { m1: createMockProvider({ respond: goldAnswer }) },
      events: {
        specificationVersion: 'v1',
        publish: async (e) => {
          published.push(e.type);
        },
        subscribe: () => () => {},
      },
    });
    expect(published[0]).toBe('task.status');
    expect(published.at(-1)).toBe('task.done');
  });
});
