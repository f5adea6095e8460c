import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import type { Sample } from '../../src/domain/sample.js';
import {
  createResultsAccumulator,
  type SummarizeResultsOptions,
  summarizeResults,
  summarizeStoredResults,
} from '../../src/engine/aggregate.js';
import { getMetric } from '../../src/metrics/registry.js';
import { aggregateLeaderboard, toStoredLeaderboardEntry } from '../../src/statistics/leaderboard.js';
import { summarize } from '../../src/statistics/summarize.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { result } from '../statistics/results-fixture.js';

const SUBJECTS = [['HASS/History'], ['HASS/Economics'], ['Tech.', 'Tech./Coding'], ['Science/Math']];

/** Deterministic pseudo-random numbers in [0, 1). */
function numbers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Results of two models over `samples` samples with `repeats` repeats, in storage order (model, sample,
 * repeat): mixed languages and subjects, 0/1 accuracy, a continuous `squad_f1`, some failed calls and
 * some unscored samples.
 */
function run(samples: number, repeats: number, seed = 7): SampleResult[] {
  const next = numbers(seed);
  const out: SampleResult[] = [];
  for (const model of ['org/a', 'org/b']) {
    for (let s = 0; s < samples; s++) {
      for (let r = 0; r < repeats; r++) {
        const fields = {
          model,
          sample: `s${String(s).padStart(4, '0')}`,
          repeat: r,
          subjects: SUBJECTS[s % SUBJECTS.length] as string[],
          language: s % 3 === 0 ? 'English' : 'ko',
          createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, s, r)),
        };
        const roll = next();
        if (roll < 0.05) {
          out.push(result({ ...fields, error: 'timeout' }));
          continue;
        }
        const answer = next() < 0.6 ? 'A' : 'B';
        out.push({
          ...result({
            ...fields,
            scores: {
              accuracy: roll < 0.1 ? null : answer === 'A' ? 1 : 0,
              squad_f1: Math.round(next() * 100) / 100,
            },
          }),
          extracted: answer,
        });
      }
    }
  }
  return out;
}

const metrics = [getMetric('accuracy'), getMetric('squad_f1')];
const modelIds = ['org/a', 'org/b'];

describe('createResultsAccumulator', () => {
  it('gives summarizeResults its aggregates and the leaderboard aggregateLeaderboard gives, holding no result', () => {
    const results = run(300, 1);
    const accumulator = createResultsAccumulator({ modelIds, metrics, repeats: 1 });
    for (const r of results) accumulator.add(r);
    const summary = accumulator.finish();
    expect(accumulator.count).toBe(600);
    expect(accumulator.firstError).toEqual(results.find((r) => r.error !== undefined)?.error);

    for (const modelId of modelIds) {
      const own = results.filter((r) => r.modelId === modelId);
      const scored = own.filter((r) => r.error === undefined);
      for (const metric of ['accuracy', 'squad_f1']) {
        const values = scored.map((r) => r.scores[metric]).filter((v): v is number => v != null);
        const expected = summarize(values);
        expect(summary.aggregates.find((a) => a.modelId === modelId && a.metric === metric)).toEqual({
          modelId,
          metric,
          errors: own.length - scored.length,
          unscored: scored.length - values.length,
          value: expected.value,
          n: expected.n,
          stderr: expected.stderr,
          ci: expected.ci,
          aggregation: 'mean',
        });
      }
    }
    // The array path (collectSampleScores, then the builder) and the streaming path agree to the bit.
    const expected = ['accuracy', 'squad_f1'].flatMap((metric) =>
      aggregateLeaderboard(results, { metric }).entries.map(toStoredLeaderboardEntry),
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(summary.leaderboard).toEqual(expected);
  });

  it('reduces repeats alike whether they are known, unknown or arrive out of order', () => {
    const results = run(120, 3);
    // Within each sample, the repeats in reverse order: they are sorted by index before reducing.
    const shuffled: SampleResult[] = [];
    for (let i = 0; i < results.length; i += 3) shuffled.push(...results.slice(i, i + 3).reverse());
    for (const reducer of ['mean', 'majority', { bestOf: 'squad_f1' }] as const) {
      const options: SummarizeResultsOptions = { modelIds, metrics, reducer };
      const held = summarizeResults(results, options);
      expect(summarizeResults(results, { ...options, repeats: 3 })).toEqual(held);
      expect(summarizeResults(shuffled, { ...options, repeats: 3 })).toEqual(held);
      expect(
        held.aggregates.find((a) => a.modelId === 'org/a' && a.metric === 'accuracy')?.n,
      ).toBeGreaterThan(100);
    }
  });

  it('reduces a sample by the reducer: mean of scored repeats, majority answer, failed repeats left out', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    const repeat = (sample: string, r: number, score: number | 'error', extracted = 'A'): SampleResult =>
      score === 'error'
        ? result({ sample, repeat: r, error: 'boom', createdAt: at })
        : { ...result({ sample, repeat: r, score, createdAt: at }), extracted };
    const results = [
      repeat('s0', 0, 1),
      repeat('s0', 1, 0, 'B'),
      repeat('s0', 2, 'error'),
      repeat('s1', 0, 'error'),
      repeat('s1', 1, 'error'),
      repeat('s1', 2, 'error'),
      repeat('s2', 0, 0, 'C'),
      repeat('s2', 1, 1),
      repeat('s2', 2, 1),
    ];
    const options = { modelIds: ['model-a'], metrics: [getMetric('accuracy')], repeats: 3 };
    const mean = summarizeResults(results, options).aggregates[0];
    expect(mean).toMatchObject({ value: (0.5 + 2 / 3) / 2, n: 2, errors: 4, unscored: 0 });
    const vote = summarizeResults(results, { ...options, reducer: 'majority' }).aggregates[0];
    // s0: A and B tie, the earliest repeat (A, correct) wins; s2: A twice.
    expect(vote).toMatchObject({ value: 1, n: 2, errors: 4 });
  });

  it('gives corpus metrics every successful repeat of each sample (pass@k), through sampleOf', () => {
    const sample = (id: string): Sample => ({
      id,
      question: id,
      metadata: { language: 'ko', subjectType: [] },
    });
    const results = [0, 1, 2].flatMap((s) =>
      [0, 1, 2].map((r) =>
        // s0: 2 of 3 right; s1: none; s2: 1 of 3 right and one failed call.
        s === 2 && r === 0
          ? result({ sample: `s${s}`, repeat: r, error: 'timeout' })
          : result({
              sample: `s${s}`,
              repeat: r,
              scores: { 'pass@2': s === 0 ? Number(r < 2) : s === 2 && r === 1 ? 1 : 0 },
            }),
      ),
    );
    const options: SummarizeResultsOptions = {
      modelIds: ['model-a'],
      metrics: [getMetric('pass@2')],
      reducer: 'majority',
      repeats: 3,
      sampleOf: (_dataset, id) => sample(id),
    };
    const [passAt2] = summarizeResults(results, options).aggregates;
    // pass@2 = 1 − C(n−c, 2)/C(n, 2): s0 (n 3, c 2) 1; s1 (3, 0) 0; s2 (2, 1) 1.
    expect(passAt2).toMatchObject({ metric: 'pass@2', value: 2 / 3, n: 3, errors: 1, aggregation: 'corpus' });
    expect(summarizeResults(results, { ...options, sampleOf: () => undefined }).aggregates[0]).toMatchObject({
      value: null,
      n: 0,
    });
  });

  it('keeps no result once it is added, with one or several repeats', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Fed from a plain function: a suspended async function would keep its last loop variable alive.
    const feed = (repeats: number) => {
      const refs: WeakRef<SampleResult>[] = [];
      const accumulator = createResultsAccumulator({ modelIds, metrics, repeats });
      for (const r of run(200, repeats)) {
        refs.push(new WeakRef(r));
        accumulator.add(r);
      }
      return { refs, accumulator };
    };
    for (const repeats of [1, 3]) {
      const { refs, accumulator } = feed(repeats);
      // WeakRef targets stay alive until the current job ends.
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
      expect(refs.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
      expect(accumulator.finish().aggregates[0]?.n).toBeGreaterThan(150);
    }
  });

  it('refuses results after finish()', () => {
    const accumulator = createResultsAccumulator({ modelIds, metrics, repeats: 1 });
    accumulator.finish();
    expect(() => accumulator.add(result({ sample: 's0' }))).toThrow(/add\(\) after finish\(\)/);
    expect(() => accumulator.finish()).toThrow(/already called/);
  });
});

describe('summarizeStoredResults', () => {
  it("streams a task's stored results: the summary of the array, with the count and the first error", async () => {
    const storage = createMemoryStorage();
    await storage.migrate();
    const task = await storage.createTask({ planName: 'p', plan: {} });
    const results = run(150, 2).map((r) => ({ ...r, taskId: task.id }));
    await storage.appendResults(results);
    const options: SummarizeResultsOptions = { modelIds, metrics, repeats: 2, reducer: 'majority' };
    const stored = await summarizeStoredResults(storage, task.id, options);
    expect(stored).toEqual({
      ...summarizeResults(results, options),
      count: results.length,
      firstError: results.find((r) => r.error !== undefined)?.error,
    });
    expect(await summarizeStoredResults(storage, 'no-such-task', options)).toMatchObject({
      count: 0,
      firstError: undefined,
      leaderboard: [],
    });
  });
});
