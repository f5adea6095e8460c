import { describe, expect, it } from 'vitest';
import { rankModels } from '../../src/statistics/rank.js';
import { result, resultsOf } from './results-fixture.js';

describe('rankModels from leaderboard entries', () => {
  const entries = [
    { modelName: 'c', score: 0.6, n: 500, stderr: 0.0219 },
    { modelName: 'a', score: 0.81, n: 500, stderr: 0.0175 },
    { modelName: 'b', score: 0.8, n: 500, stderr: 0.0179 },
  ];

  it('orders by score and shares a rank between models that are not separable', () => {
    const ranked = rankModels(entries);
    expect(ranked.map((m) => [m.modelName, m.rank, m.separableFromNext])).toEqual([
      ['a', 1, false],
      ['b', 1, true],
      ['c', 3, null],
    ]);
    // a vs b: z = 0.01 / √(0.0175² + 0.0179²) = 0.39947, two-sided p = 0.68955 (scipy; the larger of the two
    // p-values, so Holm leaves it as it is); b vs c: z = 7.07, p ≈ 1.5e-12, doubled by Holm.
    expect(ranked[0]?.pValueVsNext).toBeCloseTo(0.6895470307130078, 12);
    expect(ranked[1]?.pValueVsNext).toBeLessThan(1e-10);
    const raw = rankModels(entries, { adjust: 'none' });
    expect(raw[0]?.pValueVsNext).toBeCloseTo(0.6895470307130078, 12);
    expect(ranked[1]?.pValueVsNext).toBeCloseTo(2 * (raw[1]?.pValueVsNext as number), 20);
    expect(ranked[0]?.test).toBe('z-test');
    expect(ranked[2]).toMatchObject({ pValueVsNext: null, test: null });
  });

  it('gives distinct ranks when every neighbour is separable and never separates unknown stderrs', () => {
    const clear = rankModels([
      { modelName: 'x', score: 0.9, n: 1000, stderr: 0.009 },
      { modelName: 'y', score: 0.7, n: 1000, stderr: 0.014 },
      { modelName: 'z', score: 0.5, n: 1000, stderr: null },
    ]);
    expect(clear.map((m) => m.rank)).toEqual([1, 2, 2]);
    expect(clear[1]).toMatchObject({ separableFromNext: false, pValueVsNext: null });
  });

  it('refuses duplicate models or entries of different cells', () => {
    expect(() => rankModels([entries[0]!, entries[0]!])).toThrow(/more than one entry/);
    expect(() =>
      rankModels([
        { ...entries[0]!, language: 'ko' },
        { ...entries[1]!, language: 'en' },
      ]),
    ).toThrow(/mix language "ko" and "en"/);
    expect(rankModels([])).toEqual([]);
  });
});

describe('rankModels from per-sample results (paired tests)', () => {
  const top = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0];
  const mid = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0];
  const low = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0];
  const results = [...resultsOf('low', low), ...resultsOf('top', top), ...resultsOf('mid', mid)];

  it("compares neighbours with McNemar's exact test, Holm-corrected by default", () => {
    // top vs mid: p = 0.0386; mid vs low: p = 1. Holm: 2 · 0.0386 = 0.077 > 0.05, so no separation.
    const holm = rankModels(results);
    expect(holm.map((m) => [m.modelName, m.rank])).toEqual([
      ['top', 1],
      ['mid', 1],
      ['low', 1],
    ]);
    expect(holm[0]).toMatchObject({ test: 'mcnemar-exact', n: 14 });
    expect(holm[0]?.pValueVsNext).toBeCloseTo(2 * 0.03857421875, 12);
    expect(holm[0]?.score).toBeCloseTo(11 / 14, 12);
    expect(holm[0]?.ci).toMatchObject({ method: 'wilson', level: 0.95 });

    const raw = rankModels(results, { adjust: 'none' });
    expect(raw.map((m) => m.rank)).toEqual([1, 2, 2]);
    expect(raw[0]?.pValueVsNext).toBe(0.03857421875);
  });

  it('follows the confidence level', () => {
    expect(rankModels(results, { confidenceLevel: 0.9 }).map((m) => m.rank)).toEqual([1, 2, 2]);
  });

  it('leaves failures out of the scores and requires the same samples', () => {
    const failed = result({ model: 'mid', sample: 's0', error: 'timeout' });
    const withFailure = [...resultsOf('top', top), failed, ...resultsOf('mid', mid).slice(1)];
    const ranked = rankModels(withFailure, { adjust: 'none' });
    expect(ranked[1]).toMatchObject({ modelName: 'mid', n: 13 });
    expect(() => rankModels([...resultsOf('top', top), ...resultsOf('mid', mid.slice(1))])).toThrow(
      /not run on the same samples/,
    );
  });
});
