// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} placeholders are plan syntax, not templates.
import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { evaluate } from '../../src/engine/index.js';
import { PlanValidationError } from '../../src/errors/plan-validation-error.js';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { ScoringError } from '../../src/scoring/scoring-error.js';
import type { MetricV1 } from '../../src/spec/metric.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { goldAnswer, LETTERS, mcqaPlan, questionNumber } from './helpers.js';

async function stored(
  storage: ReturnType<typeof createMemoryStorage>,
  taskId: string,
): Promise<SampleResult[]> {
  const out: SampleResult[] = [];
  for await (const r of storage.streamResults({ taskId })) out.push(r);
  return out;
}

describe('evaluate', () => {
  it('scores every sample and reports accuracy with n, stderr and a Wilson interval', async () => {
    // Correct on even questions, wrong on odd ones: accuracy 0.5 over 20 samples.
    const model = createMockProvider({
      respond: (request) => {
        const i = questionNumber(request);
        return `Answer: ${LETTERS[(i % 2 === 0 ? i : i + 1) % 4]}`;
      },
    });
    const storage = createMemoryStorage();
    const { task, aggregates, leaderboard, stopReason } = await evaluate(mcqaPlan(20), {
      providers: { m1: model },
      storage,
    });
    expect(task.status).toBe('SUCCESS');
    expect(stopReason).toBe('completed');
    expect(task.progress).toEqual({ total: 20, completed: 20, failed: 0 });
    expect(model.calls).toHaveLength(20);
    const accuracy = aggregates.find((a) => a.metric === 'accuracy');
    expect(accuracy).toMatchObject({ modelId: 'm1', value: 0.5, n: 20, errors: 0, aggregation: 'mean' });
    expect(accuracy?.stderr).toBeCloseTo(Math.sqrt(0.25 * (20 / 19)) / Math.sqrt(20), 10);
    expect(accuracy?.ci?.method).toBe('wilson');
    expect(accuracy?.ci?.lower).toBeLessThan(0.5);
    expect(accuracy?.ci?.upper).toBeGreaterThan(0.5);

    const results = await stored(storage, task.id);
    expect(results).toHaveLength(20);
    const first = results.find((r) => r.sampleId === 'q0')!;
    expect(first).toMatchObject({
      modelId: 'm1',
      datasetName: 'mcqa',
      repeat: 0,
      extracted: 'A',
      attempts: 1,
    });
    expect(first.scores.accuracy).toBe(1);
    expect(first.labels.language).toBe('ko');
    expect(first.usage?.inputTokens).toBeGreaterThan(0);

    // Leaderboard: fine subject and its coarse roll-up, upserted because the task succeeded.
    expect(leaderboard.map((e) => e.subjectType).sort()).toEqual(['HASS', 'HASS/History']);
    const page = await storage.browseLeaderboard({ modelName: ['m1'] });
    expect(page.total).toBe(2);
    expect(page.items[0]?.score).toBe(0.5);
  });

  it('records a call that fails after its retries as an error, outside the denominator, never as 0', async () => {
    const model = createMockProvider({
      respond: goldAnswer,
      failWith: (request) =>
        questionNumber(request) < 3
          ? new ProviderCallError('server error', { provider: 'mock', model: 'mock-model', statusCode: 500 })
          : undefined,
    });
    const storage = createMemoryStorage();
    const { task, aggregates } = await evaluate(mcqaPlan(10), {
      providers: { m1: model },
      storage,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    });
    expect(task.status).toBe('SUCCESS');
    expect(task.progress).toEqual({ total: 10, completed: 10, failed: 3 });
    expect(aggregates[0]).toMatchObject({ metric: 'accuracy', value: 1, n: 7, errors: 3 });
    const failed = (await stored(storage, task.id)).filter((r) => r.error !== undefined);
    expect(failed).toHaveLength(3);
    for (const r of failed) {
      expect(r.scores).toEqual({});
      expect(r.attempts).toBe(3);
      expect(r.error).toMatchObject({ name: 'ProviderCallError', statusCode: 500 });
    }
    // 3 failing samples × 3 attempts + 7 successes.
    expect(model.calls).toHaveLength(16);
  });

  it('does not retry an error that is not retryable', async () => {
    const model = createMockProvider({
      failWith: new ProviderCallError('bad request', {
        provider: 'mock',
        model: 'mock-model',
        statusCode: 400,
      }),
    });
    const storage = createMemoryStorage();
    const { task, aggregates } = await evaluate(mcqaPlan(4), { providers: { m1: model }, storage });
    expect(model.calls).toHaveLength(4);
    expect(aggregates[0]).toMatchObject({ value: null, n: 0, errors: 4 });
    // A run whose every call failed is a failure, not a success with no score.
    expect(task.status).toBe('FAILURE');
    expect(task.error?.message).toMatch(/every model call of the run failed \(4\)/);
  });

  it('records an output its metric cannot score as an error, and uses metrics passed in options', async () => {
    const model = createMockProvider({ respond: goldAnswer });
    const strict: MetricV1 = {
      specificationVersion: 'v1',
      name: 'strict',
      higherIsBetter: true,
      requires: [],
      score: (sample, output) => {
        if (sample.id === 'q1')
          throw new ScoringError('cannot judge this one', { method: 'strict', sampleId: 'q1' });
        return output.correct ? 1 : 0;
      },
      aggregate: (values) => ({ value: values.reduce((a, b) => a + b, 0) / values.length, n: values.length }),
    };
    const storage = createMemoryStorage();
    const { task, aggregates } = await evaluate(
      mcqaPlan(3, { evaluation: { metrics: ['accuracy', 'strict'] } }),
      { providers: { m1: model }, storage, metrics: [strict] },
    );
    const results = await stored(storage, task.id);
    const q1 = results.find((r) => r.sampleId === 'q1');
    expect(q1?.error?.name).toBe('ScoringError');
    expect(q1?.scores).toEqual({});
    expect(results.find((r) => r.sampleId === 'q0')?.scores).toEqual({ accuracy: 1, strict: 1 });
    expect(aggregates.map((a) => [a.metric, a.value, a.n, a.errors])).toEqual([
      ['accuracy', 1, 2, 1],
      ['strict', 1, 2, 1],
    ]);
  });

  it('sends chat messages with the model parameters, or the completion prompt for completion style', async () => {
    const model = createMockProvider({ respond: goldAnswer });
    await evaluate(
      mcqaPlan(1, {
        models: [{ provider: 'mock', model: 'x', id: 'm1', parameters: { temperature: 0, maxTokens: 8 } }],
      }),
      { providers: { m1: model } },
    );
    expect(model.calls[0]?.request).toMatchObject({ temperature: 0, maxTokens: 8 });
    expect(Array.isArray(model.calls[0]?.request.prompt)).toBe(true);
    const completion = createMockProvider({ respond: goldAnswer });
    await evaluate(mcqaPlan(1, { prompt: { template: 'mcqa', style: 'completion' } }), {
      providers: { mock: completion },
    });
    expect(typeof completion.calls[0]?.request.prompt).toBe('string');
  });

  it('evaluates several models and datasets, finding providers by model id or provider id', async () => {
    const a = createMockProvider({ respond: goldAnswer, modelId: 'a' });
    const b = createMockProvider({ responses: 'Answer: D', providerId: 'other', modelId: 'b' });
    const { aggregates, task } = await evaluate(
      {
        name: 'two models',
        models: [
          { provider: 'mock', model: 'a', id: 'model-a' },
          { provider: 'other', model: 'b' },
        ],
        datasets: [
          {
            name: 'd1',
            source: {
              type: 'inline',
              rows: [
                {
                  id: 'x1',
                  prompt: 'Question #0: ?',
                  options: ['1', '2', '3', '4'],
                  answer: '1',
                  language: 'en',
                  subject_type: ['HASS/History'],
                },
              ],
            },
          },
          {
            name: 'd2',
            source: {
              type: 'inline',
              rows: [
                {
                  id: 'x2',
                  prompt: 'Question #3: ?',
                  options: ['1', '2', '3', '4'],
                  answer: '4',
                  language: 'en',
                  subject_type: ['HASS/History'],
                },
              ],
            },
          },
        ],
      },
      { providers: { 'model-a': a, other: b } },
    );
    expect(task.progress.completed).toBe(4);
    expect(aggregates.map((x) => [x.modelId, x.value])).toEqual([
      ['model-a', 1],
      ['other:b', 0.5],
    ]);
  });

  it('rejects a plan whose model has no provider, before any task is created', async () => {
    const storage = createMemoryStorage();
    const run = evaluate(mcqaPlan(1), {
      providers: { nope: createMockProvider({ responses: 'A' }) },
      storage,
    });
    await expect(run).rejects.toBeInstanceOf(PlanValidationError);
    await expect(run).rejects.toThrow(/no provider for model "m1"/);
    expect((await storage.listTasks()).total).toBe(0);
  });

  it('builds providers with a resolver function that sees ${VAR} placeholders resolved from env', async () => {
    const seen: string[] = [];
    const { task } = await evaluate(
      mcqaPlan(1, { models: [{ provider: 'mock', model: 'x', id: 'm1', apiKey: '${MY_KEY}' }] }),
      {
        env: { MY_KEY: 'secret-value' },
        providers: (spec) => {
          seen.push(String(spec.apiKey));
          return createMockProvider({ respond: goldAnswer });
        },
      },
    );
    expect(seen).toEqual(['secret-value']);
    // The stored plan keeps the placeholder: a task never holds a secret.
    expect(JSON.stringify(task.plan)).toContain('${MY_KEY}');
    expect(JSON.stringify(task.plan)).not.toContain('secret-value');
  });

  it('fails the task, and says why, when a dataset cannot be loaded', async () => {
    const storage = createMemoryStorage();
    const { task, stopReason } = await evaluate(
      mcqaPlan(1, { datasets: [{ name: 'missing', source: { type: 'file', path: 'no/such/file.jsonl' } }] }),
      { providers: { m1: createMockProvider({ respond: goldAnswer }) }, storage },
    );
    expect(task.status).toBe('FAILURE');
    expect(stopReason).toBe('error');
    expect(task.error?.message).toMatch(/no\/such\/file\.jsonl/);
  });
});
