import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { evaluate } from '../../src/engine/index.js';
import { PlanValidationError } from '../../src/errors/plan-validation-error.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { delay, goldAnswer, mcqaPlan } from './helpers.js';

const PRICE = { inputPerMTok: 1_000_000, outputPerMTok: 1_000_000 }; // $1 a token: easy arithmetic

describe('budget', () => {
  it('stops scheduling before the cap, lets calls in flight finish, and ends CANCELLED with reason budget', async () => {
    const storage = createMemoryStorage();
    const model = createMockProvider({
      respond: async (request) => {
        await delay(2);
        return goldAnswer(request);
      },
      // Exact counts: 10 prompt tokens, 2 output tokens a call.
      countTokens: (text) => (text.startsWith('Answer') ? 2 : 10),
    });
    const plan = mcqaPlan(40, {
      models: [{ provider: 'mock', model: 'mock-model', id: 'm1', parameters: { maxTokens: 4 } }],
    });
    // A reservation is the provider's prompt count (10, plus 4 for the chat message) plus maxTokens (4):
    // 18; a call really costs 12.
    const { task, stopReason, usage } = await evaluate(plan, {
      providers: { m1: model },
      storage,
      prices: { m1: PRICE },
      budgetUsd: 300,
      concurrency: { perModel: 4 },
    });
    expect(stopReason).toBe('budget');
    expect(task.status).toBe('CANCELLED');
    expect(task.metadata).toMatchObject({ stopReason: 'budget', budgetUsd: 300 });
    const results: SampleResult[] = [];
    for await (const r of storage.streamResults({ taskId: task.id })) results.push(r);
    const spent = results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0);
    expect(spent).toBeLessThanOrEqual(300);
    expect(usage.costUsd).toBeCloseTo(spent, 9);
    expect(results.length).toBe(model.calls.length);
    // Scheduling stops once spent + 3 reservations in flight + 18 > 300, i.e. after 20 settled calls at
    // the earliest (with the generic estimate, 62 a call, it would stop after about 8).
    expect(results.length).toBeGreaterThanOrEqual(20);
    expect(results.length).toBeLessThanOrEqual(25);
    // Every call sent was allowed by its reservation: 12 each.
    expect(results.every((r) => r.costUsd === 12)).toBe(true);
  });

  it('needs a price and maxTokens for every model', async () => {
    const model = createMockProvider({ respond: goldAnswer });
    const run = evaluate(mcqaPlan(2), { providers: { m1: model }, budgetUsd: 1 });
    await expect(run).rejects.toBeInstanceOf(PlanValidationError);
    await expect(run).rejects.toThrow(/price of "m1"/);
    await expect(run).rejects.toThrow(/maxTokens/);
  });
});
