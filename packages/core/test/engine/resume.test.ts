import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { sampleResultKey } from '../../src/domain/result.js';
import { evaluate } from '../../src/engine/index.js';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { delay, goldAnswer, mcqaPlan, questionNumber } from './helpers.js';

async function stored(
  storage: ReturnType<typeof createMemoryStorage>,
  taskId: string,
): Promise<SampleResult[]> {
  const out: SampleResult[] = [];
  for await (const r of storage.streamResults({ taskId })) out.push(r);
  return out;
}

describe('resume', () => {
  it('skips every stored result: a re-run asks the model only for what is missing', async () => {
    const storage = createMemoryStorage();
    const plan = mcqaPlan(40, { evaluation: { repeats: 2 } });
    const controller = new AbortController();
    let calls = 0;
    const first = createMockProvider({
      respond: (request) => {
        if (++calls === 30) controller.abort(new Error('stop half way'));
        return goldAnswer(request);
      },
    });
    const interrupted = await evaluate(plan, {
      providers: { m1: first },
      storage,
      taskId: 'resumable',
      signal: controller.signal,
      concurrency: { perModel: 4 },
      resultBatchSize: 8,
    });
    expect(interrupted.task.status).toBe('CANCELLED');
    expect(interrupted.stopReason).toBe('cancelled');
    const before = await stored(storage, 'resumable');
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(80);

    const second = createMockProvider({ respond: goldAnswer });
    const resumed = await evaluate(plan, { providers: { m1: second }, storage, taskId: 'resumable' });
    expect(resumed.task.status).toBe('SUCCESS');
    expect(resumed.task.progress).toEqual({ total: 80, completed: 80, failed: 0 });
    // No stored (sample, repeat) is requested again, and exactly the missing ones are: per sample,
    // the repeats stored before plus those asked now make exactly the 2 repeats.
    expect(second.calls).toHaveLength(80 - before.length);
    const asked = new Map<string, number>();
    for (const call of second.calls) {
      const id = `q${questionNumber(call.request)}`;
      asked.set(id, (asked.get(id) ?? 0) + 1);
    }
    for (let i = 0; i < 40; i++) {
      const id = `q${i}`;
      expect(before.filter((r) => r.sampleId === id).length + (asked.get(id) ?? 0)).toBe(2);
    }
    const after = await stored(storage, 'resumable');
    expect(after).toHaveLength(80);
    expect(new Set(after.map(sampleResultKey)).size).toBe(80);
    expect(resumed.aggregates[0]).toMatchObject({ value: 1, n: 40, errors: 0 });
  });

  it('retries stored errors on a re-run, and reports a finished task without calling the model', async () => {
    const storage = createMemoryStorage();
    const plan = mcqaPlan(6);
    const flaky = createMockProvider({
      respond: goldAnswer,
      failWith: (request) =>
        questionNumber(request) === 2
          ? new ProviderCallError('down', { provider: 'mock', model: 'mock-model', statusCode: 503 })
          : undefined,
    });
    const first = await evaluate(plan, {
      providers: { m1: flaky },
      storage,
      taskId: 't',
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(first.task.progress.failed).toBe(1);
    // SUCCESS is final: re-running it reports what is stored.
    const healthy = createMockProvider({ respond: goldAnswer });
    const again = await evaluate(plan, { providers: { m1: healthy }, storage, taskId: 't' });
    expect(healthy.calls).toHaveLength(0);
    expect(again.aggregates[0]).toMatchObject({ n: 5, errors: 1 });

    // A cancelled task with a stored error: the re-run asks again for the failed sample only.
    const storage2 = createMemoryStorage();
    const controller = new AbortController();
    const slow = createMockProvider({
      respond: async (request) => {
        if (questionNumber(request) === 5) {
          controller.abort(new Error('cancel'));
          await delay(5);
        }
        return goldAnswer(request);
      },
      failWith: (request) =>
        questionNumber(request) === 2
          ? new ProviderCallError('down', { provider: 'mock', model: 'mock-model', statusCode: 400 })
          : undefined,
    });
    await evaluate(plan, {
      providers: { m1: slow },
      storage: storage2,
      taskId: 'c',
      signal: controller.signal,
      concurrency: { perModel: 1 },
    });
    const retried = createMockProvider({ respond: goldAnswer });
    const done = await evaluate(plan, { providers: { m1: retried }, storage: storage2, taskId: 'c' });
    expect(done.task.status).toBe('SUCCESS');
    expect(retried.calls.map((c) => questionNumber(c.request)).sort()).toEqual([2, 5]);
    expect(done.aggregates[0]).toMatchObject({ n: 6, errors: 0 });
  });

  it('refuses to resume a task with a different plan', async () => {
    const storage = createMemoryStorage();
    const providers = { m1: createMockProvider({ respond: goldAnswer }) };
    await evaluate(mcqaPlan(2), { providers, storage, taskId: 'x' });
    await expect(evaluate(mcqaPlan(3), { providers, storage, taskId: 'x' })).rejects.toThrow(
      /task x was created from a different plan/,
    );
  });
});
