import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/domain/sample.js';
import { getMetric } from '../../src/metrics/registry.js';
import { rougeScore } from '../../src/metrics/rouge/index.js';
import { corpusBleu, corpusChrf } from '../../src/metrics/sacrebleu/index.js';
import type { MetricItem } from '../../src/spec/metric.js';

const sample = (id: string, fields: Partial<Sample>): Sample => ({
  id,
  question: 'q',
  metadata: { language: 'en', subjectType: [] },
  ...fields,
});

const translations: MetricItem[] = [
  {
    sample: sample('s1', {
      answer: 'The cat sat on the mat.',
      references: ['A cat was sitting on the mat.'],
    }),
    output: { text: 'The cat is on the mat.' },
  },
  { sample: sample('s2', { answer: 'It is raining today.' }), output: { text: 'Today it rains.' } },
  { sample: sample('s3', {}), output: { text: 'no reference, not scored' } },
];

describe('getMetric', () => {
  it('computes corpus BLEU and chrF over every scored output, references as sacrebleu streams', () => {
    const hypotheses = ['The cat is on the mat.', 'Today it rains.'];
    const streams = [
      ['The cat sat on the mat.', 'It is raining today.'],
      ['A cat was sitting on the mat.', null],
    ];
    const bleu = getMetric('bleu').corpus!(translations);
    expect(bleu.n).toBe(2);
    expect(bleu.value).toBeCloseTo(corpusBleu(hypotheses, streams).score, 12);
    expect(getMetric('chrf').corpus!(translations).value).toBeCloseTo(
      corpusChrf(hypotheses, streams).score,
      12,
    );
    expect(getMetric('chrf++').corpus!(translations).value).toBeCloseTo(
      corpusChrf(hypotheses, streams, { wordOrder: 2 }).score,
      12,
    );
  });

  it('scores ROUGE against the best reference and skips samples without one', async () => {
    const rougeL = getMetric('rougeL');
    const [first, , third] = translations;
    const expected = Math.max(
      rougeScore('The cat sat on the mat.', 'The cat is on the mat.', {
        rougeTypes: ['rougeL'],
        useStemmer: true,
      }).rougeL!.fmeasure,
      rougeScore('A cat was sitting on the mat.', 'The cat is on the mat.', {
        rougeTypes: ['rougeL'],
        useStemmer: true,
      }).rougeL!.fmeasure,
    );
    expect(await rougeL.score(first!.sample, first!.output)).toBeCloseTo(expected, 12);
    expect(await rougeL.score(third!.sample, third!.output)).toBeNull();
  });

  it('scores Korean with ROUGE only when asked for the Unicode tokenizer', async () => {
    const korean = sample('k', { answer: '서울은 한국의 수도이다' });
    const output = { text: '한국의 수도는 서울이다' };
    expect(await getMetric('rouge1').score(korean, output)).toBe(0);
    // Tokens 서울은·한국의·수도이다 vs 한국의·수도는·서울이다: one in common, so P = R = F = 1/3.
    expect(await getMetric('rouge1', { rougeTokenizer: 'unicode' }).score(korean, output)).toBeCloseTo(
      1 / 3,
      12,
    );
  });

  it("reads accuracy from the scoring method's verdict and never invents a 0", async () => {
    const accuracy = getMetric('accuracy');
    const s = sample('a', { answer: 'B' });
    expect(await accuracy.score(s, { text: 'B', correct: true })).toBe(1);
    expect(await accuracy.score(s, { text: 'C', correct: false })).toBe(0);
    expect(await accuracy.score(s, { text: '' })).toBeNull();
    expect(accuracy.aggregate([1, 0, 1, 1])).toEqual({ value: 0.75, stderr: 0.25, n: 4 });
  });

  it('computes macro F1 over extracted labels as scikit-learn does', () => {
    const gold = ['cat', 'dog', 'pig', 'cat', 'dog', 'pig'];
    const predicted = ['cat', 'pig', 'dog', 'cat', 'cat', 'dog'];
    const items = gold.map((answer, i) => ({
      sample: sample(`c${i}`, { answer }),
      output: { text: 'the model says', extracted: predicted[i]! },
    }));
    // scikit-learn's documented example: macro F1 = 0.2666…
    expect(getMetric('f1_macro').corpus!(items).value).toBeCloseTo(0.26666666666666666, 12);
    expect(getMetric('precision_macro').corpus!(items).value).toBeCloseTo(0.2222222222222222, 12);
  });

  it('computes pass@k from repeats with the unbiased estimator', () => {
    const items: MetricItem[] = [];
    const outcomes: Record<string, boolean[]> = {
      p1: [true, false, false, false],
      p2: [false, false, false, false],
    };
    for (const [id, results] of Object.entries(outcomes)) {
      for (const correct of results) items.push({ sample: sample(id, {}), output: { text: '', correct } });
    }
    // p1: n=4, c=1 → pass@2 = 1 − C(3,2)/C(4,2) = 0.5; p2: 0.
    const result = getMetric('pass@2').corpus!(items);
    expect(result.value).toBeCloseTo(0.25, 12);
    expect(result.n).toBe(2);
    expect(result.stderr).toBeCloseTo(0.25, 12);
  });

  it('names unknown metrics with the closest built-in and demands what a metric needs', () => {
    expect(() => getMetric('rouge_l')).toThrow(/did you mean "rougeL"/);
    expect(() => getMetric('semantic_similarity')).toThrow(/embedder/);
    expect(() => getMetric('pass@0')).toThrow(/at least 1/);
  });
});
