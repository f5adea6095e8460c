import { describe, expect, it } from 'vitest';
import { BenchHubError } from '../../../src/errors/index.js';
import type { Logger } from '../../../src/logger/logger.js';
import {
  type BleuOptions,
  computeBleu,
  corpusBleu,
  corpusBleuStatistics,
  corpusChrf,
  sentenceBleu,
  sentenceChrf,
} from '../../../src/metrics/sacrebleu/index.js';

const HYPS = ['The dog bit the man.', "It wasn't surprising.", 'The man had just bitten him.'];
const REFS = [
  ['The dog bit the man.', 'It was not unexpected.', 'The man bit him first.'],
  ['The dog had bit the man.', 'No one was surprised.', 'The man had bitten the dog.'],
];

function thrown(fn: () => unknown): BenchHubError {
  try {
    fn();
  } catch (error) {
    expect(BenchHubError.isInstance(error)).toBe(true);
    return error as BenchHubError;
  }
  throw new Error('expected an error');
}

describe('reference streams', () => {
  it('reads referenceStreams[k][i] as the k-th reference of hypothesis i', () => {
    const hyps = ['the quick brown fox', 'a lazy old dog'];
    const streams = [
      ['the quick brown fox', 'a lazy old dog'],
      ['the quick red fox', 'an old lazy dog'],
    ];
    expect(corpusBleu(hyps, streams).score).toBeCloseTo(100, 10);
    // The same strings laid out per hypothesis (the other convention) score differently.
    const perHypothesis = [
      ['the quick brown fox', 'the quick red fox'],
      ['a lazy old dog', 'an old lazy dog'],
    ];
    expect(corpusBleu(hyps, perHypothesis).score).toBeLessThan(60);
    // One stream per hypothesis has the wrong length here and is refused.
    expect(() =>
      corpusBleu(HYPS, [REFS.map((s) => s[0]!), REFS.map((s) => s[1]!), REFS.map((s) => s[2]!)]),
    ).toThrow(/has 2 references but there are 3 hypotheses/);
  });

  it('drops null and undefined references, as sacrebleu drops None', () => {
    const withGap = [REFS[0]!, [REFS[1]![0]!, null, undefined]];
    const second = [REFS[0]!, [REFS[1]![0]!, REFS[0]![1]!, REFS[0]![2]!]];
    expect(corpusBleu(HYPS, withGap)).toEqual(corpusBleu(HYPS, second));
    expect(corpusChrf(HYPS, withGap).score).toBe(corpusChrf(HYPS, second).score);
    expect(sentenceBleu(HYPS[0]!, [null, REFS[0]![0]!])).toEqual(sentenceBleu(HYPS[0]!, [REFS[0]![0]!]));
  });

  it('keeps an empty reference as a reference of length 0 (sacrebleu 2.x)', () => {
    // Hypothesis of 1 token: the empty reference (distance 1) is closer than the 3-token one (distance 2).
    expect(corpusBleu(['cat'], [['the cat sat'], ['']]).refLen).toBe(0);
    expect(corpusBleu(['cat'], [['the cat sat']]).refLen).toBe(3);
    expect(corpusBleu(['a b'], [['']]).score).toBe(0);
  });

  it('rejects streams whose length differs from the hypotheses’', () => {
    const error = thrown(() => corpusBleu(HYPS, [REFS[0]!, REFS[1]!.slice(0, 2)]));
    expect(error.message).toMatch(/referenceStreams\[1\] has 2 references but there are 3 hypotheses/);
    expect(() => corpusChrf(HYPS, [REFS[0]!.slice(1)])).toThrow(/referenceStreams\[0\]/);
  });

  it('rejects a hypothesis left without any reference', () => {
    expect(
      thrown(() =>
        corpusBleu(
          ['a', 'b'],
          [
            ['x', null],
            ['y', undefined],
          ],
        ),
      ).message,
    ).toMatch(/hypothesis 1 has no reference/);
    expect(() => sentenceChrf('a', [null])).toThrow(/no reference/);
    expect(() => sentenceBleu('a', [])).toThrow(/no reference/);
  });

  it('rejects malformed input with the place named', () => {
    expect(() => corpusBleu([], [[]])).toThrow(/hypotheses is empty/);
    expect(() => corpusBleu(['a'], [])).toThrow(/non-empty array of reference streams/);
    expect(() => corpusBleu(['a', 3 as unknown as string], [['a', 'b']])).toThrow(
      /hypotheses\[1\] is number/,
    );
    expect(() => corpusBleu(['a'], [[7 as unknown as string]])).toThrow(
      /referenceStreams\[0\]\[0\] is number/,
    );
    expect(() => corpusBleu(['a'], ['a' as unknown as string[]])).toThrow(
      /referenceStreams\[0\] is "a", not an array/,
    );
    expect(() => sentenceBleu('a', 'a' as unknown as string[])).toThrow(/references must be an array/);
  });
});

describe('options', () => {
  it('rejects tokenizers that need external models, and unknown ones', () => {
    for (const tokenize of ['ja-mecab', 'ko-mecab', 'spm', 'flores101', 'flores200'] as const) {
      expect(() => corpusBleu(HYPS, REFS, { tokenize })).toThrow(/needs an external model/);
    }
    expect(() => corpusBleu(HYPS, REFS, { tokenize: 'v14' as BleuOptions['tokenize'] })).toThrow(
      /unknown tokenizer "v14"; expected one of 13a, intl, zh, char, none/,
    );
  });

  it('rejects bad smoothing and orders', () => {
    expect(() => corpusBleu(HYPS, REFS, { smoothMethod: 'add-one' as 'none' })).toThrow(
      /unknown smoothMethod "add-one"/,
    );
    expect(() => corpusBleu(HYPS, REFS, { smoothValue: Number.NaN })).toThrow(/smoothValue/);
    expect(() => corpusBleu(HYPS, REFS, { maxNgramOrder: 0 })).toThrow(/maxNgramOrder/);
    expect(() => corpusBleu(HYPS, REFS, { useEffectiveOrder: true, effectiveOrder: false })).toThrow(
      /disagree/,
    );
    expect(() => corpusChrf(HYPS, REFS, { charOrder: 0, wordOrder: 0 })).toThrow(/cannot both be 0/);
    expect(() => corpusChrf(HYPS, REFS, { charOrder: 2.5 })).toThrow(/charOrder must be an integer/);
    expect(() => corpusChrf(HYPS, REFS, { beta: -1 })).toThrow(/beta/);
    expect(() => corpusChrf(HYPS, REFS, { whitespace: true, removeWhitespace: true })).toThrow(/contradict/);
  });

  it('sentenceBleu defaults to exp smoothing with effective order; corpusBleu to no effective order', () => {
    const hyp = 'a cat';
    const refs = ['a cat sat'];
    expect(sentenceBleu(hyp, refs)).toEqual(
      sentenceBleu(hyp, refs, { smoothMethod: 'exp', useEffectiveOrder: true }),
    );
    expect(sentenceBleu(hyp, refs).score).toBeGreaterThan(0);
    expect(corpusBleu([hyp], [refs])).toEqual(
      corpusBleu([hyp], [refs], { smoothMethod: 'exp', useEffectiveOrder: false }),
    );
    expect(corpusBleu([hyp], [refs]).score).not.toBe(sentenceBleu(hyp, refs).score);
  });

  it('lowercase and whitespace change the inputs, as in sacrebleu', () => {
    expect(corpusBleu(['THE CAT'], [['the cat']], { lowercase: true }).counts[0]).toBe(2);
    expect(corpusBleu(['THE CAT'], [['the cat']]).counts[0]).toBe(0);
    expect(sentenceChrf('a b c', ['abc']).score).toBe(100);
    expect(sentenceChrf('a b c', ['abc'], { whitespace: true }).score).toBeLessThan(100);
  });

  it('warns about tokenized hypotheses through the logger unless force is set', () => {
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} };
    const hyps = Array.from({ length: 100 }, (_, i) => `sentence ${i} .`);
    const refs = [hyps.map((h) => h.replace(' .', '.'))];
    const score = corpusBleu(hyps, refs, { logger }).score;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/100 hypotheses end in a tokenized period/);
    expect(corpusBleu(hyps, refs, { logger, force: true }).score).toBe(score);
    expect(warnings).toHaveLength(1);
  });
});

describe('statistics', () => {
  it('corpusBleuStatistics sums to the statistics corpusBleu scores', () => {
    const segments = corpusBleuStatistics(HYPS, REFS);
    expect(segments).toHaveLength(3);
    const sum = segments.reduce(
      (acc, s) => ({
        correct: acc.correct.map((c, n) => c + s.correct[n]!),
        total: acc.total.map((t, n) => t + s.total[n]!),
        sysLen: acc.sysLen + s.sysLen,
        refLen: acc.refLen + s.refLen,
      }),
      { correct: [0, 0, 0, 0], total: [0, 0, 0, 0], sysLen: 0, refLen: 0 },
    );
    expect(computeBleu(sum, { smoothMethod: 'exp' })).toEqual(corpusBleu(HYPS, REFS));
    expect(segments[0]).toEqual({ correct: [6, 5, 4, 3], total: [6, 5, 4, 3], sysLen: 6, refLen: 6 });
  });

  it('computeBleu defaults to sacrebleu compute_bleu’s: no smoothing, order = length of the statistics', () => {
    const stats = { correct: [3, 1, 0, 0], total: [4, 3, 2, 1], sysLen: 4, refLen: 4 };
    expect(computeBleu(stats).score).toBe(0);
    expect(computeBleu(stats, { smoothMethod: 'exp' }).score).toBeGreaterThan(0);
    expect(computeBleu({ correct: [3, 1], total: [4, 3], sysLen: 4, refLen: 5 }).precisions).toHaveLength(2);
  });

  it('add-k adds k to the returned counts and totals of orders 2 and up, as sacrebleu', () => {
    const result = computeBleu(
      { correct: [3, 1, 0, 0], total: [4, 3, 2, 1], sysLen: 4, refLen: 4 },
      { smoothMethod: 'add-k' },
    );
    expect(result.counts).toEqual([3, 2, 1, 1]);
    expect(result.totals).toEqual([4, 4, 3, 2]);
  });

  it('rejects malformed statistics', () => {
    expect(() => computeBleu({ correct: [1, 2], total: [3], sysLen: 1, refLen: 1 })).toThrow(
      /correct has 2 orders but total has 1/,
    );
    expect(() => computeBleu({ correct: [], total: [], sysLen: 1, refLen: 1 })).toThrow(/empty/);
    expect(() => computeBleu({ correct: [1, -1], total: [3, 2], sysLen: 1, refLen: 1 })).toThrow(
      /correct\[1\]/,
    );
    expect(() => computeBleu({ correct: [1], total: [3], sysLen: Number.NaN, refLen: 1 })).toThrow(/sysLen/);
    expect(() =>
      computeBleu({ correct: [1], total: [3], sysLen: 1, refLen: 1 }, { maxNgramOrder: 4 }),
    ).toThrow(/only 1 orders/);
  });
});
