import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.js';
import { PlanValidationError } from '../../src/errors/plan-validation-error.js';
import { loadPlan, parsePlan, planToYaml } from '../../src/plan/index.js';
import type { PlanInput } from '../../src/plan/schema.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { mcqaPlan, questionNumber } from './helpers.js';

/** Question i: repeats 0 and 2 answer the gold letter for even i; repeat 1 always answers wrong. */
function votingModel() {
  return createMockProvider({
    respond: (request, call) => {
      const i = questionNumber(request);
      const repeat = call.index % 3; // one lane: a sample's repeats are consecutive calls
      return `Answer: ${'ABCD'[repeat === 1 || i % 2 === 1 ? (i + 1) % 4 : i % 4]}`;
    },
  });
}

const PRICED: PlanInput = mcqaPlan(3, {
  models: [
    {
      provider: 'mock',
      model: 'mock-model',
      id: 'm1',
      price: { inputPerMTok: 1_000_000, outputPerMTok: 2_000_000 },
    },
  ],
  evaluation: { repeats: 3, reducer: { bestOf: 'accuracy' } },
});

describe('reducer and prices in the plan', () => {
  it('parse, and round-trip through planToYaml', async () => {
    const plan = parsePlan(PRICED);
    expect(plan.models[0]?.price).toEqual({ inputPerMTok: 1_000_000, outputPerMTok: 2_000_000 });
    expect(plan.evaluation.reducer).toEqual({ bestOf: 'accuracy' });
    const yaml = planToYaml(plan);
    expect(yaml).toContain('reducer:\n    bestOf: accuracy');
    expect(await loadPlan(yaml)).toEqual(plan);
    const majority = parsePlan(mcqaPlan(1, { evaluation: { reducer: 'majority' } }));
    expect(await loadPlan(planToYaml(majority))).toEqual(majority);
  });

  it('are checked: an unknown reducer, a best-of metric the plan lacks, a negative price', () => {
    const issues = (input: PlanInput) => {
      try {
        parsePlan(input);
        return [];
      } catch (error) {
        if (!(error instanceof PlanValidationError)) throw error;
        return error.issues.map((i) => i.path);
      }
    };
    expect(issues(mcqaPlan(1, { evaluation: { reducer: 'median' as never } }))).toEqual([
      'evaluation.reducer',
    ]);
    expect(issues(mcqaPlan(1, { evaluation: { reducer: { bestOf: 'bleu' } } }))).toEqual([
      'evaluation.reducer.bestOf',
    ]);
    expect(
      issues(
        mcqaPlan(1, {
          models: [{ provider: 'mock', model: 'x', price: { inputPerMTok: -1, outputPerMTok: 0 } }],
        }),
      ),
    ).toEqual(['models[0].price.inputPerMTok']);
  });

  it("make the engine reduce repeats with the plan's reducer unless options.reducer is given", async () => {
    const plan = mcqaPlan(4, { evaluation: { repeats: 3, reducer: 'majority' } });
    const options = { providers: { m1: votingModel() }, concurrency: { perModel: 1 } };
    const fromPlan = await evaluate(plan, options);
    // Majority vote: even questions right (2 of 3 repeats), odd ones wrong.
    expect(fromPlan.aggregates[0]).toMatchObject({ metric: 'accuracy', value: 0.5, n: 4 });
    const overridden = await evaluate(plan, { ...options, reducer: 'mean' });
    expect(overridden.aggregates[0]?.value).toBeCloseTo((2 / 3 + 2 / 3) / 4, 12);
  });

  it("price calls with the plan's price unless options.prices has one, also for a budget", async () => {
    const model = createMockProvider({ respond: () => 'Answer: A', countTokens: () => 1 });
    const storage = createMemoryStorage();
    const run = await evaluate(PRICED, { providers: { m1: model }, storage });
    // 1 input token at $1 and 1 output token at $2 per call, 9 calls.
    expect(run.usage.costUsd).toBeCloseTo(27, 9);
    const overridden = await evaluate(PRICED, {
      providers: { m1: model },
      prices: { m1: { inputPerMTok: 0, outputPerMTok: 1_000_000 } },
    });
    expect(overridden.usage.costUsd).toBeCloseTo(9, 9);
    // A budget needs a price: the plan's is enough.
    const budgeted = parsePlan(PRICED);
    budgeted.models[0]!.parameters = { maxTokens: 1 };
    const capped = await evaluate(budgeted, { providers: { m1: model }, budgetUsd: 12 });
    expect(capped.stopReason).toBe('budget');
    expect(capped.usage.costUsd).toBeLessThanOrEqual(12);
  });
});

describe('capability flags', () => {
  const refusing = createMockProvider({
    responses: 'A',
    capabilities: { seed: false, logprobs: false, systemPrompt: false, temperature: false },
  });

  it('refuse a plan that asks a provider for what it cannot do, before any task exists', async () => {
    const storage = createMemoryStorage();
    const plan = mcqaPlan(2, {
      models: [
        {
          provider: 'mock',
          model: 'mock-model',
          id: 'm1',
          parameters: { seed: 7, logprobs: true, topP: 0.9 },
        },
      ],
      prompt: { template: 'mcqa', system: 'Answer with one letter.' },
    });
    const run = evaluate(plan, { providers: { m1: refusing }, storage });
    await expect(run).rejects.toBeInstanceOf(PlanValidationError);
    const message = await run.catch((error: Error) => error.message);
    expect(message).toMatch(/models\[0\].*parameters\.seed is set/);
    expect(message).toMatch(/parameters\.logprobs is set/);
    expect(message).toMatch(/system message/);
    expect(message).toMatch(/parameters\.temperature\/topP are set/);
    expect((await storage.listTasks()).total).toBe(0);
  });

  it('let the plan run when it asks for none of it, or the flags are absent', async () => {
    const plain = await evaluate(mcqaPlan(2), { providers: { m1: refusing } });
    expect(plain.task.progress.completed).toBe(2);
    const unknown = createMockProvider({ responses: 'A' });
    const plan = mcqaPlan(2, {
      models: [{ provider: 'mock', model: 'mock-model', id: 'm1', parameters: { seed: 7, logprobs: true } }],
    });
    const seen: unknown[] = [];
    const withSeed = await evaluate(plan, {
      providers: {
        m1: createMockProvider({
          respond: (request) => {
            seen.push([request.seed, request.logprobs]);
            return 'A';
          },
        }),
      },
    });
    expect(withSeed.task.progress.completed).toBe(2);
    expect(seen).toEqual([
      [7, true],
      [7, true],
    ]);
    expect(unknown.capabilities.seed).toBeUndefined();
  });
});
