import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BenchHubError } from '../../../src/errors/benchhub-error.js';
import {
  type RougeMeasure,
  rougeCorpus,
  rougeScore,
  rougeScoreMulti,
} from '../../../src/metrics/rouge/rouge-score.js';
import { describeWithShared, sharedPath } from '../../support/shared.js';
import {
  UPSTREAM_PREDICTION_MULTI_0,
  UPSTREAM_PREDICTIONS,
  UPSTREAM_TARGET_MULTI_0,
  UPSTREAM_TARGETS,
} from './upstream-data.js';

type Expected = Record<string, RougeMeasure>;

/** absltest's assertAlmostEqual(expected, actual, places) for the three fields. */
function expectScore(actual: RougeMeasure | undefined, expected: RougeMeasure, places = 7): void {
  expect(actual).toBeDefined();
  expect(actual?.precision).toBeCloseTo(expected.precision, places);
  expect(actual?.recall).toBeCloseTo(expected.recall, places);
  expect(actual?.fmeasure).toBeCloseTo(expected.fmeasure, places);
}

const CASES_FILE = 'data/metrics/rouge_score_cases.json';

describeWithShared('rougeScore against the reference cases', [CASES_FILE], () => {
  const data = JSON.parse(readFileSync(sharedPath(CASES_FILE), 'utf8')) as {
    cases: {
      id: string;
      rouge_types: string[];
      use_stemmer: boolean;
      target: string;
      prediction: string;
      expected: Expected;
      decimal_places: number;
    }[];
    extra_observation: { korean_default_tokenizer: Expected };
  };

  it.each(data.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result: Expected = rougeScore(c.target, c.prediction, {
      rougeTypes: c.rouge_types,
      useStemmer: c.use_stemmer,
    });
    expect(Object.keys(result).sort()).toEqual([...c.rouge_types].sort());
    for (const type of c.rouge_types)
      expectScore(result[type], c.expected[type] as RougeMeasure, c.decimal_places);
  });
});

describe('rougeScore against rouge-score’s algorithm on generated text (exact floats)', () => {
  const data = JSON.parse(
    readFileSync(new URL('./fixtures/rouge_generated_cases.json', import.meta.url), 'utf8'),
  ) as {
    cases: {
      target: string;
      prediction: string;
      rouge_types: string[];
      use_stemmer: boolean;
      expected: Expected;
    }[];
  };

  it('gives bit-identical precision, recall and F1 for every case', () => {
    expect(data.cases.length).toBeGreaterThan(100);
    const mismatches: unknown[] = [];
    data.cases.forEach((c, index) => {
      const result: Expected = rougeScore(c.target, c.prediction, {
        rougeTypes: c.rouge_types,
        useStemmer: c.use_stemmer,
      });
      for (const type of c.rouge_types) {
        if (JSON.stringify(result[type]) !== JSON.stringify(c.expected[type])) {
          mismatches.push({ index, type, expected: c.expected[type], got: result[type] });
        }
      }
    });
    expect(mismatches).toEqual([]);
  });
});

describe('rougeScore: rouge-score’s rouge_scorer_test.py', () => {
  it.each(['rougen', 'rouge0', 'rouge10', 'rougel', 'ROUGE1'])('rejects the invalid type %s', (type) => {
    expect(() => rougeScore('testing one two', 'testing', { rougeTypes: [type] })).toThrow(BenchHubError);
  });

  it.each(['rouge1', 'rouge9', 'rougeL', 'rougeLsum'])('accepts %s and returns only it', (type) => {
    expect(Object.keys(rougeScore('testing one two', 'testing', { rougeTypes: [type] }))).toEqual([type]);
  });

  it('testRouge1', () => {
    expectScore(rougeScore('testing one two', 'testing', { rougeTypes: ['rouge1'] }).rouge1, {
      precision: 1,
      recall: 1 / 3,
      fmeasure: 1 / 2,
    });
  });

  it.each(['rouge1', 'rouge2', 'rougeL', 'rougeLsum'])(
    'testRougeEmpty: %s scores 0 for an empty prediction',
    (type) => {
      expect(rougeScore('testing one two', '', { rougeTypes: [type] })[type]).toEqual({
        precision: 0,
        recall: 0,
        fmeasure: 0,
      });
    },
  );

  it('testRouge2', () => {
    expectScore(rougeScore('testing one two', 'testing one', { rougeTypes: ['rouge2'] }).rouge2, {
      precision: 1,
      recall: 1 / 2,
      fmeasure: 2 / 3,
    });
  });

  it('testRougeLConsecutive and testRougeLNonConsecutive', () => {
    const expected = { precision: 1, recall: 2 / 3, fmeasure: 4 / 5 };
    expectScore(rougeScore('testing one two', 'testing one', { rougeTypes: ['rougeL'] }).rougeL, expected);
    expectScore(rougeScore('testing one two', 'testing two', { rougeTypes: ['rougeL'] }).rougeL, expected);
  });

  it('testMultipleRougeTypes', () => {
    const result = rougeScore('testing one two', 'testing one', { rougeTypes: ['rouge1', 'rougeL'] });
    expect(Object.keys(result).sort()).toEqual(['rouge1', 'rougeL']);
    expectScore(result.rouge1, { precision: 1, recall: 2 / 3, fmeasure: 4 / 5 });
    expectScore(result.rougeL, { precision: 1, recall: 2 / 3, fmeasure: 4 / 5 });
  });

  // Ground truth from manual runs of ROUGE-1.5.5, as upstream.
  const rouge155 = [
    {
      type: 'rouge1',
      stem: false,
      scores: [
        [0.6875, 0.40741, 0.51163],
        [0.65385, 0.40476, 0.5],
      ],
    },
    {
      type: 'rouge1',
      stem: true,
      scores: [
        [0.6875, 0.40741, 0.51163],
        [0.69231, 0.42857, 0.52941],
      ],
    },
    {
      type: 'rouge2',
      stem: false,
      scores: [
        [0.53333, 0.30769, 0.39024],
        [0.48, 0.29268, 0.36364],
      ],
    },
    {
      type: 'rouge2',
      stem: true,
      scores: [
        [0.53333, 0.30769, 0.39024],
        [0.48, 0.29268, 0.36364],
      ],
    },
    {
      type: 'rougeL',
      stem: false,
      scores: [
        [0.6875, 0.40741, 0.51163],
        [0.65385, 0.40476, 0.5],
      ],
    },
  ] as const;
  it.each(rouge155.map((c) => [c.type, c.stem, c] as const))(
    '%s (stemmer %s) against ROUGE-1.5.5',
    (_t, _s, c) => {
      c.scores.forEach(([precision, recall, fmeasure], i) => {
        const result = rougeScore(UPSTREAM_TARGETS[i] as string, UPSTREAM_PREDICTIONS[i] as string, {
          rougeTypes: [c.type],
          useStemmer: c.stem,
        });
        expectScore(result[c.type], { precision, recall, fmeasure }, 5);
      });
    },
  );

  it('testRougeLSumAgainstRouge155WithStemming', () => {
    const result = rougeScore(UPSTREAM_TARGET_MULTI_0, UPSTREAM_PREDICTION_MULTI_0, {
      rougeTypes: ['rougeLsum'],
      useStemmer: true,
    });
    expectScore(result.rougeLsum, { precision: 0.66667, recall: 0.36538, fmeasure: 0.47205 }, 5);
  });

  it('testRougeLsum: union LCS over newline-separated sentences, and its empty cases', () => {
    const options = { rougeTypes: ['rougeLsum'] as const };
    expectScore(
      rougeScore('w1 w2 w3 w4 w5', 'w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5', options).rougeLsum,
      { precision: 0.4, recall: 0.8, fmeasure: 0.5333 },
      3,
    );
    const zero = { precision: 0, recall: 0, fmeasure: 0 };
    expect(rougeScore('w1 w2 w3 w4 w5', '', options).rougeLsum).toEqual(zero);
    expect(rougeScore('', 'w1', options).rougeLsum).toEqual(zero);
    expect(rougeScore('w1 w2 w3 w4 w5', '/', options).rougeLsum).toEqual(zero); // all non-word characters
  });

  it('testSummaryLevelLcs: exact precision and recall of the paper’s example', () => {
    const result = rougeScore('1 2 3 4 5', '1 2 6 7 8\n1 3 8 9 5', { rougeTypes: ['rougeLsum', 'rougeL'] });
    expect(result.rougeLsum.recall).toBe(0.8);
    expect(result.rougeLsum.precision).toBe(0.4);
    expect(result.rougeLsum.fmeasure).toBeCloseTo(0.5333, 3);
    // rougeL ignores the newline: over the whole texts the LCS is 1 2 3 5 too
    expect(result.rougeL.recall).toBe(0.8);
    expect(result.rougeL.precision).toBe(0.4);
  });

  it('rougeLsum counts a repeated token at most as often as it occurs (ROUGE-1.5.5’s double-count guard)', () => {
    // both candidate sentences' LCS hit "a"; the union has it once per reference sentence and the counters cap it
    const result = rougeScore('a b\na c', 'a\na\na', { rougeTypes: ['rougeLsum'] });
    expect(result.rougeLsum.recall).toBe(2 / 4);
    expect(result.rougeLsum.precision).toBe(2 / 3);
  });

  it('testRougeLsumSentenceSplitting: newlines, one line, and splitSummaries', () => {
    const target = 'First sentence.\nSecond Sentence.';
    const prediction = 'Second sentence.\nFirst Sentence.';
    const options = { rougeTypes: ['rougeLsum'] as const, useStemmer: true };
    expect(rougeScore(target, prediction, options).rougeLsum.fmeasure).toBeCloseTo(1, 5);
    const oneLineTarget = target.replace('\n', ' ');
    const oneLinePrediction = prediction.replace('\n', ' ');
    expect(rougeScore(oneLineTarget, oneLinePrediction, options).rougeLsum.fmeasure).toBeCloseTo(0.5, 5);
    expect(
      rougeScore(oneLineTarget, oneLinePrediction, { ...options, splitSummaries: true }).rougeLsum.fmeasure,
    ).toBeCloseTo(1, 5);
  });

  it('testRougeTokenizerInit: a custom tokenizer object or function is used as is', () => {
    const byWhitespace = { tokenize: (text: string) => text.split(/\s+/).filter(Boolean) };
    expect(
      rougeScore('this is a test', 'this is a test', { rougeTypes: ['rouge1'], tokenizer: byWhitespace })
        .rouge1.fmeasure,
    ).toBe(1);
    // case is kept and useStemmer is ignored with a custom tokenizer, as upstream
    const result = rougeScore('Running dogs', 'running dogs', {
      rougeTypes: ['rouge1'],
      useStemmer: true,
      tokenizer: (text) => text.split(' '),
    });
    expect(result.rouge1.precision).toBe(0.5);
  });
});

describe('rougeScore: stemming, tokenizers and input checks', () => {
  it('stems only with useStemmer, and only tokens longer than 3 characters', () => {
    const plain = rougeScore('the runners were running', 'the runner was run', { rougeTypes: ['rouge1'] });
    const stemmed = rougeScore('the runners were running', 'the runner was run', {
      rougeTypes: ['rouge1'],
      useStemmer: true,
    });
    expect(plain.rouge1.recall).toBe(1 / 4); // "the"
    expect(stemmed.rouge1.recall).toBe(3 / 4); // "the", "runner", "run"
  });

  it('drops Korean text with the default tokenizer (as rouge-score) and keeps it with tokenizer: "unicode"', () => {
    const target = '대한민국의 수도는 서울이다';
    const prediction = '대한민국의 수도는 부산이다';
    expect(rougeScore(target, prediction, { rougeTypes: ['rouge1', 'rougeL'] })).toEqual({
      rouge1: { precision: 0, recall: 0, fmeasure: 0 },
      rougeL: { precision: 0, recall: 0, fmeasure: 0 },
    });
    const unicode = rougeScore(target, prediction, {
      rougeTypes: ['rouge1', 'rougeL'],
      tokenizer: 'unicode',
    });
    expectScore(unicode.rouge1, { precision: 2 / 3, recall: 2 / 3, fmeasure: 2 / 3 });
    expectScore(unicode.rougeL, { precision: 2 / 3, recall: 2 / 3, fmeasure: 2 / 3 });
  });

  it('mixes English stemming and Korean tokens with tokenizer: "unicode"', () => {
    const result = rougeScore('Models 평가 results', 'model 평가 result', {
      rougeTypes: ['rouge1'],
      useStemmer: true,
      tokenizer: 'unicode',
    });
    expect(result.rouge1.fmeasure).toBe(1);
  });

  it('computes rouge3..rouge9 n-grams and scores 0 when a text is shorter than n', () => {
    const result = rougeScore('a b c d e', 'a b c d x', { rougeTypes: ['rouge3', 'rouge5', 'rouge9'] });
    expect(result.rouge3).toEqual({ precision: 2 / 3, recall: 2 / 3, fmeasure: 2 / 3 });
    expect(result.rouge5).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(result.rouge9).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
  });

  it('names the bad argument', () => {
    expect(() => rougeScore(undefined as unknown as string, 'x', { rougeTypes: ['rouge1'] })).toThrow(
      /target must be a string/,
    );
    expect(() => rougeScore('x', 3 as unknown as string, { rougeTypes: ['rouge1'] })).toThrow(
      /prediction must be a string/,
    );
    expect(() => rougeScore('x', 'y', {} as never)).toThrow(/rougeTypes must be an array/);
    expect(() => rougeScore('x', 'y', { rougeTypes: ['rouge10'] })).toThrow(/invalid rouge type "rouge10"/);
    expect(() => rougeScore('x', 'y', { rougeTypes: ['rouge0'] })).toThrow(/positive n/);
  });
});

describe('rougeScoreMulti and rougeCorpus', () => {
  it('takes, per type, the reference with the highest F1 (the first on a tie), as score_multi', () => {
    const result = rougeScoreMulti(['a dog ran', 'the cat sat down', 'the cat'], 'the cat sat', {
      rougeTypes: ['rouge1', 'rouge2'],
    });
    expectScore(result.rouge1, { precision: 1, recall: 3 / 4, fmeasure: 6 / 7 });
    expectScore(result.rouge2, { precision: 1, recall: 2 / 3, fmeasure: 0.8 });
    const tie = rougeScoreMulti(['a cat sat', 'the cat sat on the mat'], 'the cat sat', {
      rougeTypes: ['rouge1'],
    });
    expect(tie.rouge1.precision).toBeCloseTo(2 / 3, 12); // the first reference wins the tie on F1
    expect(() => rougeScoreMulti([], 'x', { rougeTypes: ['rouge1'] })).toThrow(BenchHubError);
  });

  it('averages each field over aligned pairs', () => {
    const result = rougeCorpus(['a b', 'c d', 'e f g h'], ['a b', 'x y', 'e f'], {
      rougeTypes: ['rouge1', 'rougeL'],
    });
    expectScore(result.rouge1, { precision: 2 / 3, recall: 0.5, fmeasure: (1 + 0 + 2 / 3) / 3 }, 12);
    expect(result.rougeL).toEqual(result.rouge1);
    expect(() => rougeCorpus(['a'], [], { rougeTypes: ['rouge1'] })).toThrow(/same length \(got 1 and 0\)/);
    expect(() => rougeCorpus([], [], { rougeTypes: ['rouge1'] })).toThrow(BenchHubError);
  });
});
