import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { evaluate } from '../../src/engine/index.js';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { delay, goldAnswer, mcqaPlan, questionNumber } from './helpers.js';

async function _stored(
  storage: ReturnType<typeof createMemoryStorage>,
  taskId: string,
): Promise<SampleResult[]> {
  const out: SampleResult[] = [];
  for await (const r of storage.streamResults({ taskId })) out.push(r);
  return out;
}

// An interrupted run resumed without asking for any stored (sample, repeat) again is tested on every
// storage in storages.test.ts.
describe('resume', () => {
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
