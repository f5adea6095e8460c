import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../src/cache/memory-cache.js';
import { evaluate } from '../../src/engine/index.js';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import type { ResponseCacheV1 } from '../../src/spec/response-cache.js';
import { responseCacheKey } from '../../src/spec/response-cache-key.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { delay, goldAnswer, mcqaPlan, mcqaRows, questionNumber } from './helpers.js';

describe('response cache', () => {
  it('serves identical requests from the cache on a re-run, with no call and no cost', async () => {
    const cache = createMemoryCache();
    const first = createMockProvider({ respond: goldAnswer });
    const run1 = await evaluate(mcqaPlan(5), { providers: { m1: first }, cache });
    expect(first.calls).toHaveLength(5);
    expect(run1.aggregates[0]?.value).toBe(1);
    const second = createMockProvider({ respond: () => 'Answer: Z' });
    const run2 = await evaluate(mcqaPlan(5), {
      providers: { m1: second },
      cache,
      prices: { m1: { inputPerMTok: 1, outputPerMTok: 1 } },
    });
    expect(second.calls).toHaveLength(0);
    expect(run2.aggregates[0]?.value).toBe(1);
    expect(run2.usage.costUsd).toBe(0);
  });

  it('keeps repeats real repeats: each repeat index is its own request', async () => {
    const cache = createMemoryCache();
    let n = 0;
    const model = createMockProvider({ respond: () => `Answer: ${'ABCD'[n++ % 4]}` });
    const keys: string[] = [];
    const recording: ResponseCacheV1 = {
      ...cache,
      set: (key, ...rest) => {
        keys.push(key);
        return cache.set(key, ...rest);
      },
    };
    await evaluate(mcqaPlan(3, { evaluation: { repeats: 4 } }), {
      providers: { m1: model },
      cache: recording,
    });
    expect(model.calls).toHaveLength(12);
    // The keys are the spec's: provider, model, request and the repeat index.
    const requests = new Map(model.calls.map((c) => [JSON.stringify(c.request), c.request]));
    const expected = [...requests.values()].flatMap((request) =>
      [0, 1, 2, 3].map((repeat) => responseCacheKey('mock', 'mock-model', request, { repeat })),
    );
    expect(requests.size).toBe(3);
    expect(keys.sort()).toEqual(expected.sort());
    // Re-run: every repeat's own answer is replayed, nothing is sent again.
    const again = createMockProvider({ respond: goldAnswer });
    await evaluate(mcqaPlan(3, { evaluation: { repeats: 4 } }), { providers: { m1: again }, cache });
    expect(again.calls).toHaveLength(0);
  });

  it('never caches an error', async () => {
    const cache = createMemoryCache();
    const failing = createMockProvider({
      failWith: new ProviderCallError('bad', { provider: 'mock', model: 'mock-model', statusCode: 400 }),
    });
    const failed = await evaluate(mcqaPlan(2), { providers: { m1: failing }, cache });
    expect(failed.aggregates[0]?.errors).toBe(2);
    const healthy = createMockProvider({ respond: goldAnswer });
    const ok = await evaluate(mcqaPlan(2), { providers: { m1: healthy }, cache });
    expect(healthy.calls).toHaveLength(2);
    expect(ok.aggregates[0]).toMatchObject({ value: 1, errors: 0 });
  });

  it('sends identical concurrent requests once', async () => {
    const cache = createMemoryCache();
    // Two datasets with the same questions under different ids: identical requests, in flight together.
    const rows = mcqaRows(4);
    const copy = mcqaRows(4, 'copy');
    const model = createMockProvider({
      respond: async (request) => {
        await delay(20);
        return goldAnswer(request);
      },
    });
    const { task } = await evaluate(
      {
        name: 'duplicates',
        models: [{ provider: 'mock', model: 'mock-model', id: 'm1' }],
        datasets: [
          { name: 'a', source: { type: 'inline', rows } },
          { name: 'b', source: { type: 'inline', rows: copy } },
        ],
      },
      { providers: { m1: model }, cache, concurrency: { perModel: 8 } },
    );
    expect(task.progress.completed).toBe(8);
    expect(model.calls).toHaveLength(4);
    expect(model.calls.map((c) => questionNumber(c.request)).sort()).toEqual([0, 1, 2, 3]);
  });
});
