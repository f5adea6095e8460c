import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.js';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { createFunctionProvider } from '../../src/providers/function-provider.js';
import type { RateLimitCost, RateLimiterV1, RateLimitUsage } from '../../src/spec/rate-limiter.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { delay, goldAnswer, mcqaPlan, mcqaRows, promptText } from './helpers.js';

describe('limits around each call', () => {
  it('adapts concurrency to a server that answers 429 above a hidden capacity', async () => {
    let inFlight = 0;
    let rejected = 0;
    const model = createMockProvider({
      respond: async (request) => {
        inFlight++;
        try {
          if (inFlight > 3) {
            rejected++;
            throw new ProviderCallError('slow down', {
              provider: 'mock',
              model: 'mock-model',
              statusCode: 429,
              retryAfterMs: 1,
            });
          }
          await delay(2);
          return goldAnswer(request);
        } finally {
          inFlight--;
        }
      },
    });
    const { task, aggregates } = await evaluate(mcqaPlan(120), {
      providers: { m1: model },
      concurrency: { perModel: 16, adaptive: true },
      retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 4 },
    });
    expect(task.status).toBe('SUCCESS');
    expect(aggregates[0]).toMatchObject({ value: 1, n: 120, errors: 0 });
    // Without adaptation 13 of every 16 calls would be refused; the limit came down instead.
    expect(rejected / model.calls.length).toBeLessThan(0.35);
  });

  it('times out a hanging attempt, retries it, and records the sample as an error at last', async () => {
    const model = createMockProvider({ respond: goldAnswer, delayMs: 60_000 });
    const started = performance.now();
    const { aggregates } = await evaluate(mcqaPlan(2), {
      providers: { m1: model },
      timeoutMs: 20,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(model.calls).toHaveLength(4);
    expect(aggregates[0]).toMatchObject({ n: 0, errors: 2 });
  });

  it('acquires, reports and releases a rate-limiter lease for every call, with a token estimate', async () => {
    const acquired: RateLimitCost[] = [];
    const reported: RateLimitUsage[] = [];
    let released = 0;
    const limiter: RateLimiterV1 = {
      specificationVersion: 'v1',
      acquire: async (cost) => {
        acquired.push(cost);
        return {
          id: String(acquired.length),
          cost: { requests: cost.requests ?? 1, tokens: cost.tokens ?? 0 },
        };
      },
      report: async (_lease, usage) => {
        reported.push(usage);
      },
      release: async () => {
        released++;
      },
    };
    await evaluate(
      mcqaPlan(3, { models: [{ provider: 'mock', model: 'x', id: 'm1', parameters: { maxTokens: 16 } }] }),
      { providers: { m1: createMockProvider({ respond: goldAnswer }) }, rateLimiter: limiter },
    );
    expect(acquired).toHaveLength(3);
    expect(acquired.every((c) => c.requests === 1 && (c.tokens ?? 0) > 16)).toBe(true);
    expect(reported.every((u) => (u.tokens ?? 0) > 0)).toBe(true);
    expect(released).toBe(3);
  });

  it('refunds the token estimate of an attempt the server refused, and keeps it for a network failure', async () => {
    const reported: RateLimitUsage[] = [];
    const limiter: RateLimiterV1 = {
      specificationVersion: 'v1',
      acquire: async (cost) => ({
        id: String(Math.random()),
        cost: { requests: cost.requests ?? 1, tokens: cost.tokens ?? 0 },
      }),
      report: async (_lease, usage) => {
        reported.push(usage);
      },
      release: async () => {},
    };
    const refused = new ProviderCallError('rate limited', {
      provider: 'mock',
      model: 'mock-model',
      statusCode: 429,
      retryAfterMs: 3,
    });
    const dropped = new ProviderCallError('socket hang up', { provider: 'mock', model: 'mock-model' });
    const model = createMockProvider({
      respond: goldAnswer,
      countTokens: () => 5,
      failWith: (_request, index) => (index === 0 ? refused : index === 1 ? dropped : undefined),
    });
    const { aggregates } = await evaluate(
      mcqaPlan(1, { models: [{ provider: 'mock', model: 'x', id: 'm1', parameters: { maxTokens: 8 } }] }),
      {
        providers: { m1: model },
        rateLimiter: limiter,
        retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
      },
    );
    expect(aggregates[0]).toMatchObject({ value: 1, errors: 0 });
    // 429: no tokens used, and grants pause; the dropped connection reports nothing; the success its usage.
    expect(reported).toEqual([{ tokens: 0, retryAfterMs: 3 }, { tokens: 10 }]);
  });

  it('uses the tokenizer of a function provider for the rate limiter estimate', async () => {
    const acquired: RateLimitCost[] = [];
    const limiter: RateLimiterV1 = {
      specificationVersion: 'v1',
      acquire: async (cost) => {
        acquired.push(cost);
        return { id: String(acquired.length), cost: { requests: 1, tokens: cost.tokens ?? 0 } };
      },
      report: async () => {},
      release: async () => {},
    };
    const provider = createFunctionProvider(goldAnswer, { modelId: 'x', countTokens: () => 7 });
    expect(provider.countTokens?.('anything')).toBe(7);
    await evaluate(
      mcqaPlan(2, { models: [{ provider: 'function', model: 'x', id: 'm1', parameters: { maxTokens: 3 } }] }),
      { providers: { m1: provider }, rateLimiter: limiter },
    );
    // One chat message: 7 tokens plus 4 for the message's framing, plus maxTokens.
    expect(acquired.map((c) => c.tokens)).toEqual([14, 14]);
  });

  it('honours Retry-After before the next attempt', async () => {
    const times: number[] = [];
    const model = createMockProvider({
      respond: goldAnswer,
      failWith: (_request, index) => {
        times.push(performance.now());
        return index === 0
          ? new ProviderCallError('rate limited', {
              provider: 'mock',
              model: 'mock-model',
              statusCode: 429,
              retryAfterMs: 120,
            })
          : undefined;
      },
    });
    const { aggregates } = await evaluate(mcqaPlan(1), {
      providers: { m1: model },
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    });
    expect(aggregates[0]).toMatchObject({ value: 1, errors: 0 });
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(115);
  });

  it('uses a dataset named as a few-shot pool for examples only', async () => {
    const model = createMockProvider({ respond: goldAnswer });
    const { task } = await evaluate(
      {
        name: 'few-shot',
        models: [{ provider: 'mock', model: 'mock-model', id: 'm1' }],
        datasets: [
          { name: 'test', source: { type: 'inline', rows: mcqaRows(3) } },
          { name: 'dev', source: { type: 'inline', rows: mcqaRows(2, 'dev') } },
        ],
        prompt: { template: 'mcqa', fewShot: { k: 2, dataset: 'dev' } },
      },
      { providers: { m1: model } },
    );
    expect(task.progress.total).toBe(3);
    expect(model.calls).toHaveLength(3);
    expect(promptText(model.calls[0]!.request)).toContain('alpha 1');
  });
});
