// The test tables of sacrebleu 2.6.0's own suites (test/test_bleu.py, test/test_sentence_bleu.py,
// test/test_chrf.py), with their tolerances, run against BenchHub's implementation.
import { describe, expect, it } from 'vitest';
import {
  type BleuOptions,
  computeBleu,
  corpusBleu,
  corpusChrf,
  sentenceBleu,
  sentenceChrf,
} from '../../../src/metrics/sacrebleu/index.js';
import { bleuOptions, expectWithin, reference } from './fixture.js';

const up = reference.upstream;
// sacrebleu.raw_corpus_bleu(hyps, refs, smooth_value): no tokenization, floor smoothing, effective order.
const raw = (smoothValue?: number | null): BleuOptions => ({
  tokenize: 'none',
  smoothMethod: 'floor',
  smoothValue: smoothValue === undefined ? 0.1 : smoothValue,
  force: true,
  useEffectiveOrder: true,
});

describe('test_bleu.py', () => {
  it.each(up.raw_bleu)('raw_corpus_bleu($hypotheses) = $expected', ({ hypotheses, references, expected }) => {
    expectWithin(corpusBleu(hypotheses, references, raw(0.01)).score / 100, expected, 1e-8);
  });

  it.each(up.corpus_bleu)(
    'corpus_bleu($kwargs) on $hypotheses.0 = $expected',
    ({ hypotheses, references, kwargs, expected }) => {
      expectWithin(corpusBleu(hypotheses, references, bleuOptions(kwargs)).score, expected, 1e-8);
    },
  );

  it.each(up.effective_order)(
    'effective order: $hypotheses = $expected',
    ({ hypotheses, references, expected }) => {
      expectWithin(corpusBleu(hypotheses, references, raw(0.01)).score / 100, expected, 1e-8);
    },
  );

  it('n-gram statistics', () => {
    const { hypotheses, references, counts, totals } = up.statistics;
    const result = corpusBleu(hypotheses, references, raw(0.01));
    expect(result.counts).toEqual(counts);
    expect(result.totals).toEqual(totals);
  });

  it('scoring from statistics', () => {
    const { correct, total, sys_len, ref_len, expected } = up.scoring;
    expectWithin(
      computeBleu({ correct, total, sysLen: sys_len, refLen: ref_len }).score / 100,
      expected,
      1e-8,
    );
  });

  it('offset: smooth value 0, null and the default 0.1', () => {
    const { hypotheses, references, with_default_offset, with_zero_offset } = up.offset;
    expectWithin(corpusBleu(hypotheses, references, raw(0)).score / 100, with_zero_offset, 1e-8);
    expectWithin(corpusBleu(hypotheses, references, raw(null)).score / 100, with_default_offset, 1e-8);
    expectWithin(corpusBleu(hypotheses, references, raw()).score / 100, with_default_offset, 1e-8);
  });

  it.each(up.degenerate)(
    'degenerate statistics $correct/$total/$sys_len/$ref_len with floor $offset',
    ({ correct, total, sys_len, ref_len, offset, expected }) => {
      const score = computeBleu(
        { correct, total, sysLen: sys_len, refLen: ref_len },
        { smoothMethod: 'floor', smoothValue: offset },
      ).score;
      expect(score / 100).toBe(expected);
    },
  );

  it.each(up.max_order)('max_ngram_order $order = $expected', ({ order, expected }) => {
    const { hypotheses, references } = up.max_order_data;
    expect(corpusBleu(hypotheses, references, { maxNgramOrder: order }).score.toFixed(2)).toBe(expected);
  });
});

describe('test_sentence_bleu.py', () => {
  const { hypothesis, references, cases } = up.sentence_bleu;
  it.each(cases)(
    '$smooth_method[$smooth_value] tok=$tokenize lc=$lowercase = $expected',
    ({ smooth_method, smooth_value, lowercase, tokenize, expected }) => {
      const options = bleuOptions({
        smooth_method,
        smooth_value,
        lowercase,
        tokenize,
        effective_order: true,
      });
      expectWithin(sentenceBleu(hypothesis, references, options).score, expected, 1e-3);
    },
  );

  const zero = up.sentence_bleu_zero;
  it.each(zero.cases)(
    'no match gives 0 with $smooth_method[$smooth_value]',
    ({ smooth_method, smooth_value }) => {
      const options = bleuOptions({ smooth_method, smooth_value, effective_order: true });
      expect(sentenceBleu(zero.hypothesis, zero.references, options).score).toBe(0);
    },
  );
});

describe('test_chrf.py', () => {
  it.each(up.chrf_eps)(
    'eps smoothing, beta 3: $hypotheses = $expected',
    ({ hypotheses, references, expected }) => {
      const score = corpusChrf(hypotheses, [references], {
        charOrder: 6,
        wordOrder: 0,
        beta: 3,
        epsSmoothing: true,
      }).score;
      expectWithin(score, expected, 1e-4);
    },
  );

  it.each(up.chrf_effective_order)(
    'effective order, beta 3: $hypotheses = $expected',
    ({ hypotheses, references, expected }) => {
      const score = corpusChrf(hypotheses, [references], {
        charOrder: 6,
        wordOrder: 0,
        beta: 3,
        epsSmoothing: false,
      }).score;
      expectWithin(score, expected, 1e-4);
    },
  );

  it.each(up.chrf_keep_whitespace)('keeps whitespace: $expected', ({ hypotheses, references, expected }) => {
    const score = corpusChrf(hypotheses, [references], {
      charOrder: 6,
      wordOrder: 0,
      beta: 3,
      removeWhitespace: false,
    }).score;
    expectWithin(score, expected, 1e-4);
  });

  it.each(up.chrf_sentence)('sentence level: $expected', ({ hypothesis, references, expected }) => {
    expectWithin(sentenceChrf(hypothesis, references, { epsSmoothing: true }).score, expected, 1e-4);
  });
});
