import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { evaluate, reduceRepeats } from '../../src/engine/index.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { mcqaPlan, questionNumber } from './helpers.js';

function result(repeat: number, extracted: string, scores: Record<string, number | null>): SampleResult {
  return {
    taskId: 't',
    modelId: 'm',
    sampleId: 's',
    datasetName: 'd',
    repeat,
    extracted,
    scores,
    attempts: 1,
    labels: { language: 'en', subjectType: [] },
    createdAt: new Date(0),
  };
}

describe('repeat reducers', () => {
  const repeats = [
    result(0, 'B', { accuracy: 0, judge: 3 }),
    result(1, 'A', { accuracy: 1, judge: 9 }),
    result(2, 'B', { accuracy: 0, judge: 5 }),
  ];
  const higher = () => true;

  it('mean averages each metric over the repeats', () => {
    const reduced = reduceRepeats(repeats, 'mean', ['accuracy', 'judge'], higher);
    expect(reduced?.scores.accuracy).toBeCloseTo(1 / 3, 12);
    expect(reduced?.scores.judge).toBeCloseTo(17 / 3, 12);
    expect(reduced?.chosen).toHaveLength(3);
  });

  it('majority takes the most frequent answer (self-consistency)', () => {
    const reduced = reduceRepeats(repeats, 'majority', ['accuracy'], higher);
    expect(reduced?.scores).toEqual({ accuracy: 0 });
    expect(reduced?.chosen).toEqual([repeats[0]]);
  });

  it('best-of-n takes the repeat with the best value of a metric', () => {
    expect(reduceRepeats(repeats, { bestOf: 'judge' }, ['accuracy'], higher)?.scores).toEqual({
      accuracy: 1,
    });
    // Lower is better: the lowest judge value wins.
    expect(reduceRepeats(repeats, { bestOf: 'judge' }, ['accuracy'], () => false)?.chosen).toEqual([
      repeats[0],
    ]);
  });

  it('returns undefined when no repeat succeeded', () => {
    expect(reduceRepeats([], 'mean', ['accuracy'], higher)).toBeUndefined();
  });

  it('are applied per sample by evaluate: majority vote, mean and pass@k over the same outputs', async () => {
    // Question i: repeats 0 and 2 answer the gold letter for even i; repeat 1 always answers wrong.
    const model = createMockProvider({
      respond: (request, call) => {
        const i = questionNumber(request);
        const wrong = 'ABCD'[(i + 1) % 4];
        const gold = 'ABCD'[i % 4];
        // Calls of a sample's repeats are consecutive with one lane.
        const repeat = call.index % 3;
        return `Answer: ${repeat === 1 || i % 2 === 1 ? wrong : gold}`;
      },
    });
    const plan = mcqaPlan(4, { evaluation: { repeats: 3, metrics: ['accuracy', 'pass@2'] } });
    const options = { providers: { m1: model }, concurrency: { perModel: 1 } };
    const majority = await evaluate(plan, { ...options, reducer: 'majority' });
    expect(majority.aggregates.find((a) => a.metric === 'accuracy')).toMatchObject({ value: 0.5, n: 4 });
    model.reset();
    const mean = await evaluate(plan, options);
    expect(mean.aggregates.find((a) => a.metric === 'accuracy')?.value).toBeCloseTo((2 / 3 + 2 / 3) / 4, 12);
    // pass@2 with n = 3, c = 2 is 1; with c = 0 it is 0.
    expect(mean.aggregates.find((a) => a.metric === 'pass@2')).toMatchObject({
      value: 0.5,
      n: 4,
      aggregation: 'corpus',
    });
  });

  it('reports a corpus metric it cannot compute as null with the reason, not as a failed run', async () => {
    const model = createMockProvider({ responses: 'Answer: A' });
    const { task, aggregates } = await evaluate(
      mcqaPlan(2, { evaluation: { metrics: ['pass@5'], repeats: 2 } }),
      {
        providers: { m1: model },
      },
    );
    expect(task.status).toBe('SUCCESS');
    expect(aggregates[0]).toMatchObject({ metric: 'pass@5', value: null, n: 0 });
    expect(aggregates[0]?.error).toMatch(/k \(5\) exceeds n/);
  });

  it('rejects a best-of-n metric that the plan does not have', async () => {
    await expect(
      evaluate(mcqaPlan(1), {
        providers: { m1: createMockProvider({ responses: 'A' }) },
        reducer: { bestOf: 'judge' },
      }),
    ).rejects.toThrow(/reducer bestOf "judge" is not a metric of the plan/);
  });
});
