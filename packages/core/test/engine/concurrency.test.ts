import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { sampleResultKey } from '../../src/domain/result.js';
import { evaluate } from '../../src/engine/index.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { delay, goldAnswer, mcqaPlan } from './helpers.js';

function trackedModel(latencyMs: number, id = 'mock-model') {
  const state = { inFlight: 0, max: 0 };
  const provider = createMockProvider({
    modelId: id,
    respond: async (request) => {
      state.inFlight++;
      state.max = Math.max(state.max, state.inFlight);
      await delay(latencyMs);
      state.inFlight--;
      return goldAnswer(request);
    },
  });
  return { provider, state };
}

describe('concurrency', () => {
  it('keeps exactly the per-model limit in flight and writes exactly one result per key', async () => {
    const { provider, state } = trackedModel(3);
    const storage = createMemoryStorage();
    const { task } = await evaluate(mcqaPlan(60, { evaluation: { repeats: 3 } }), {
      providers: { m1: provider },
      storage,
      concurrency: { perModel: 7 },
      chunkSize: 10,
      resultBatchSize: 5,
    });
    expect(state.max).toBe(7);
    expect(provider.calls).toHaveLength(180);
    const results: SampleResult[] = [];
    for await (const r of storage.streamResults({ taskId: task.id })) results.push(r);
    expect(results).toHaveLength(180);
    expect(new Set(results.map(sampleResultKey)).size).toBe(180);
    expect(task.progress).toEqual({ total: 180, completed: 180, failed: 0 });
  });

  it('takes the plan model concurrency, and the global limit across models', async () => {
    const a = trackedModel(3, 'a');
    const b = trackedModel(3, 'b');
    await evaluate(
      mcqaPlan(40, {
        models: [
          { provider: 'mock', model: 'a', id: 'a', concurrency: 6 },
          { provider: 'mock', model: 'b', id: 'b', concurrency: 6 },
        ],
      }),
      { providers: { a: a.provider, b: b.provider }, concurrency: 8 },
    );
    expect(a.state.max).toBeLessThanOrEqual(6);
    expect(b.state.max).toBeLessThanOrEqual(6);
    expect(a.state.max + b.state.max).toBeGreaterThan(6);
    // Global limit 8 < 6 + 6: both models never exceed 8 together.
    let together = 0;
    let maxTogether = 0;
    const both = [trackedModel(2, 'a'), trackedModel(2, 'b')].map(({ provider }) => ({
      ...provider,
      generate: async (...args: Parameters<typeof provider.generate>) => {
        together++;
        maxTogether = Math.max(maxTogether, together);
        try {
          return await provider.generate(...args);
        } finally {
          together--;
        }
      },
    }));
    await evaluate(
      mcqaPlan(40, {
        models: [
          { provider: 'mock', model: 'a', id: 'a', concurrency: 6 },
          { provider: 'mock', model: 'b', id: 'b', concurrency: 6 },
        ],
      }),
      { providers: { a: both[0]!, b: both[1]! }, concurrency: 8 },
    );
    expect(maxTogether).toBe(8);
  });
});
