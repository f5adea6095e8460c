import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../src/domain/sample.js';
import { BenchHubError } from '../../../src/errors/benchhub-error.js';
import { defineMetric, meanWithStderr } from '../../../src/metrics/custom/index.js';
import { squadExactMatchMetric, squadF1Metric } from '../../../src/metrics/squad/index.js';
import { fixtureSamples } from '../../../src/testing/fixtures.js';

const sample = fixtureSamples[0] as Sample;

describe('meanWithStderr', () => {
  it('is the mean with sample sd / sqrt(n)', () => {
    expect(meanWithStderr([1, 0, 1, 1])).toEqual({ value: 0.75, stderr: 0.25, n: 4 });
    // values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squares 32, sd = sqrt(32/7)
    const r = meanWithStderr([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(r.value).toBe(5);
    expect(r.stderr).toBeCloseTo(Math.sqrt(32 / 7) / Math.sqrt(8), 15);
    expect(meanWithStderr([0.3])).toEqual({ value: 0.3, n: 1 });
  });
});

describe('defineMetric', () => {
  const mentions = defineMetric({
    name: 'mentions_answer',
    higherIsBetter: true,
    requires: ['references'],
    score: (s, o) => (s.answer === undefined ? null : Number(o.text.includes(s.answer))),
  });

  it('returns a MetricV1 with the default mean aggregation', async () => {
    expect(mentions).toMatchObject({
      specificationVersion: 'v1',
      name: 'mentions_answer',
      higherIsBetter: true,
    });
    expect(mentions.requires).toEqual(['references']);
    expect(await mentions.score(sample, { text: '정답은 이성계' })).toBe(1);
    expect(await mentions.score(sample, { text: '왕건' })).toBe(0);
    const { answer: _a, ...noAnswer } = sample;
    expect(await mentions.score(noAnswer, { text: 'x' })).toBeNull();
    expect(mentions.aggregate([1, 0, 1, 1])).toEqual({ value: 0.75, stderr: 0.25, n: 4 });
  });

  it('takes a named or custom aggregation', () => {
    const base = { name: 'm', higherIsBetter: false, score: () => 1 };
    expect(defineMetric({ ...base, aggregate: 'median' }).aggregate([5, 1, 3, 2])).toEqual({
      value: 2.5,
      n: 4,
    });
    expect(defineMetric({ ...base, aggregate: 'max' }).aggregate([5, 1, 3])).toEqual({ value: 5, n: 3 });
    expect(defineMetric({ ...base, aggregate: 'min' }).aggregate([5, 1, 3])).toEqual({ value: 1, n: 3 });
    expect(defineMetric({ ...base, aggregate: 'sum' }).aggregate([5, 1, 3])).toEqual({ value: 9, n: 3 });
    const rms = defineMetric({
      ...base,
      aggregate: (v) => Math.sqrt(v.reduce((a, x) => a + x * x, 0) / v.length),
    });
    expect(rms.aggregate([3, 4])).toEqual({ value: Math.sqrt(12.5), n: 2 });
    const full = defineMetric({ ...base, aggregate: (v) => ({ value: v.length, stderr: 0, n: 99 }) });
    expect(full.aggregate([1])).toEqual({ value: 1, stderr: 0, n: 99 });
  });

  it('supports async scores and checks every score', async () => {
    const judged = defineMetric({ name: 'judge', higherIsBetter: true, score: async () => 0.5 });
    await expect(judged.score(sample, { text: '' })).resolves.toBe(0.5);
    const broken = defineMetric({ name: 'broken', higherIsBetter: true, score: () => Number.NaN });
    expect(() => broken.score(sample, { text: '' })).toThrow(
      /metric "broken": score of sample "fixture-ko-history-1" is NaN/,
    );
    const asyncBroken = defineMetric({ name: 'ab', higherIsBetter: true, score: async () => '1' as never });
    await expect(asyncBroken.score(sample, { text: '' })).rejects.toThrow(/is string/);
  });

  it('rejects bad definitions and empty aggregates', () => {
    expect(() => defineMetric({ name: '', higherIsBetter: true, score: () => 1 })).toThrow(BenchHubError);
    expect(() => defineMetric({ name: 'x', higherIsBetter: 'yes' as never, score: () => 1 })).toThrow(
      /higherIsBetter/,
    );
    expect(() => defineMetric({ name: 'x', higherIsBetter: true, score: 1 as never })).toThrow(
      /score must be a function/,
    );
    expect(() =>
      defineMetric({ name: 'x', higherIsBetter: true, score: () => 1, aggregate: 'mode' as never }),
    ).toThrow(/unknown aggregate "mode"/);
    expect(() => mentions.aggregate([])).toThrow(/nothing to aggregate/);
  });
});

describe('SQuAD metrics as MetricV1', () => {
  const squadSample: Sample = {
    ...sample,
    id: 'squad-1',
    answer: 'Denver Broncos',
    references: ['Denver Broncos', 'The Broncos'],
  };

  it('score the extracted answer (else the text) against references and answer, 0–1', async () => {
    expect(await squadExactMatchMetric.score(squadSample, { text: 'the broncos!' })).toBe(1);
    expect(
      await squadF1Metric.score(squadSample, { text: 'ignored', extracted: 'Denver Broncos won' }),
    ).toBeCloseTo(0.8, 15);
    const { answer: _a, references: _r, answerIndex: _i, ...bare } = squadSample;
    expect(await squadF1Metric.score(bare, { text: 'x' })).toBeNull();
    expect(squadF1Metric.aggregate([1, 0.5])).toMatchObject({ value: 0.75, n: 2 });
    expect([squadExactMatchMetric.name, squadF1Metric.name]).toEqual(['squad_exact_match', 'squad_f1']);
  });
});
