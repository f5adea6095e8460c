import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  createLogLikelihoodScorer,
  numpyArgmax,
  ScoringError,
  scoreChoiceLogLikelihoods,
  utf8ByteLength,
} from '../../src/scoring/index.js';
import { fixture, sample } from './helpers.js';

interface Row {
  logLikelihoods: (number | string)[];
  unconditional: number[];
  choices: string[];
  gold: number;
  acc: number;
  accNorm: number;
  accBytes: number;
  accMutualInfo: number;
  pred: number;
  predNorm: number;
  predBytes: number;
}

const num = (v: number | string): number =>
  v === '-Infinity' ? -Infinity : v === 'NaN' ? Number.NaN : Number(v);

describe('scoreChoiceLogLikelihoods: lm-eval multiple_choice', () => {
  const { rows } = fixture<{ rows: Row[] }>('multiple-choice-numpy.json');

  it('agrees with numpy on every generated document (ties, -inf, empty and Korean choices)', () => {
    const wrong = rows.filter((row) => {
      const s = scoreChoiceLogLikelihoods({
        logLikelihoods: row.logLikelihoods.map(num),
        choices: row.choices,
        gold: row.gold,
        unconditionalLogLikelihoods: row.unconditional,
      });
      return (
        s.acc !== row.acc ||
        s.accNorm !== row.accNorm ||
        s.accBytes !== row.accBytes ||
        s.accMutualInfo !== row.accMutualInfo ||
        s.pred !== row.pred ||
        s.predNorm !== row.predNorm ||
        s.predBytes !== row.predBytes
      );
    });
    expect(wrong).toEqual([]);
    expect(rows.length).toBe(120);
  });

  it('divides by characters for acc_norm and by bytes for acc_bytes', () => {
    // '서울' is 2 characters but 6 bytes; 'abcd' 4 and 4.
    const s = scoreChoiceLogLikelihoods({ logLikelihoods: [-3, -5], choices: ['서울', 'abcd'], gold: 0 });
    expect(s).toMatchObject({ pred: 0, predNorm: 1, predBytes: 0, acc: 1, accNorm: 0, accBytes: 1 });
  });

  it('breaks ties towards the first choice and lets NaN win, as np.argmax', () => {
    expect(numpyArgmax([-1, -0.5, -0.5])).toBe(1);
    expect(numpyArgmax([-1, Number.NaN, 0, Number.NaN])).toBe(1);
    expect(numpyArgmax([-Infinity, -Infinity])).toBe(0);
    expect(() => numpyArgmax([])).toThrow(RangeError);
  });

  it('accepts several gold choices and reports exact_match from greedy flags', () => {
    const s = scoreChoiceLogLikelihoods({
      logLikelihoods: [-2, -1, -3],
      choices: ['x', 'y', 'z'],
      gold: [1, 2],
      isGreedy: [false, false, true],
    });
    expect(s).toMatchObject({ acc: 1, exactMatch: 1 });
  });

  it('refuses mismatched lengths and gold indexes out of range', () => {
    expect(() => scoreChoiceLogLikelihoods({ logLikelihoods: [-1], choices: ['a', 'b'], gold: 0 })).toThrow(
      /1 log-likelihoods for 2 choices/,
    );
    expect(() =>
      scoreChoiceLogLikelihoods({ logLikelihoods: [-1, -2], choices: ['a', 'b'], gold: 2 }),
    ).toThrow(/gold index 2/);
  });

  it('counts lengths as Python does', () => {
    expect(codePointLength('😀a')).toBe(2);
    expect(utf8ByteLength('😀a서')).toBe(4 + 1 + 3);
    expect(utf8ByteLength('é')).toBe(2);
  });
});

describe('log_likelihood scorer', () => {
  const mc = sample({ id: 'mc-1', choices: ['Seoul', 'Busan', 'Daegu', 'Incheon'], answerIndex: 1 });
  const scorer = createLogLikelihoodScorer();

  it('scores from the provider results and labels of the rendered prompt', async () => {
    const result = await scorer.score(mc, '', {
      prompt: { labels: ['A', 'B', 'C', 'D'], target: 'B', targetIndex: 1 },
      logLikelihoods: [
        { logprob: -2, isGreedy: false },
        { logprob: -0.5, isGreedy: true },
        { logprob: -3, isGreedy: false },
        { logprob: -4, isGreedy: false },
      ],
      unconditionalLogLikelihoods: [-1, -0.1, -5, -5],
    });
    expect(result).toMatchObject({ correct: true, score: 1, extracted: 'B' });
    expect(result.metrics).toEqual({ acc: 1, acc_norm: 1, acc_bytes: 1, acc_mutual_info: 0, exact_match: 1 });
    expect(scorer.requires).toEqual({ generation: false, logLikelihoods: true, judge: false });
  });

  it('can make acc_norm the primary score', async () => {
    const texts = sample({ choices: ['no', 'a longer answer'], answerIndex: 1 });
    const ctx = { logLikelihoods: [-4, -6] };
    await expect(scorer.score(texts, '', ctx)).resolves.toMatchObject({ score: 0, extracted: 'no' });
    await expect(
      createLogLikelihoodScorer({ primary: 'acc_norm' }).score(texts, '', ctx),
    ).resolves.toMatchObject({
      score: 1,
      correct: true,
      extracted: 'a longer answer',
    });
  });

  it('is an error, not a 0, without log-likelihoods or with the wrong number of them', async () => {
    await expect(scorer.score(mc, '')).rejects.toThrow(/no log-likelihoods.*mc-1/);
    await expect(scorer.score(mc, '', { logLikelihoods: [-1, -2] })).rejects.toThrow(ScoringError);
    await expect(
      scorer.score(sample({ choices: ['a', 'b'] }), '', { logLikelihoods: [-1, -2] }),
    ).rejects.toThrow(/no gold choice/);
  });
});
