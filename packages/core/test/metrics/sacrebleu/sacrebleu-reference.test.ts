// Cases computed offline with sacrebleu 2.6.0 on mixed inputs (Korean, Chinese, Greek, emoji, HTML
// entities, odd whitespace, multi-reference streams with missing and empty references) across every
// tokenizer, smoothing method and option. Values come from the same formulas, so they must agree to
// floating-point noise.
import { describe, expect, it } from 'vitest';
import type { BleuScore } from '../../../src/metrics/sacrebleu/index.js';
import {
  chrfWords,
  computeBleu,
  corpusBleu,
  corpusChrf,
  isZhTokenizerChineseChar,
  sentenceBleu,
  sentenceChrf,
  tokenizeForBleu,
} from '../../../src/metrics/sacrebleu/index.js';
import { bleuOptions, chrfOptions, expectSame, type PyBleuResult, reference } from './fixture.js';

const ex = reference.extra;

function expectBleu(actual: BleuScore, expected: PyBleuResult): void {
  expectSame(actual.score, expected.score, 'score');
  expect(actual.counts).toEqual(expected.counts);
  expect(actual.totals).toEqual(expected.totals);
  expect(actual.precisions).toHaveLength(expected.precisions.length);
  actual.precisions.forEach((p, i) => {
    expectSame(p, expected.precisions[i]!, `precisions[${i}]`);
  });
  expectSame(actual.bp, expected.bp, 'bp');
  expect(actual.sysLen).toBe(expected.sys_len);
  expect(actual.refLen).toBe(expected.ref_len);
  expectSame(actual.ratio, expected.ratio, 'ratio');
}

describe('tokenizers give sacrebleu’s strings', () => {
  for (const name of ['13a', 'intl', 'zh', 'char', 'none'] as const) {
    it.each(ex.tokenizers)(`${name}: %j`, (row) => {
      expect(tokenizeForBleu(row.line, name)).toBe(row[name]);
    });
  }

  it('zh treats exactly sacrebleu’s code points as Chinese characters (its range quirks included)', () => {
    const ranges = ex.zh_chinese_ranges;
    let next = 0;
    for (let cp = 0; cp <= 0xffff; cp++) {
      while (next < ranges.length && ranges[next]![1] < cp) next++;
      const inside = next < ranges.length && ranges[next]![0] <= cp;
      if (isZhTokenizerChineseChar(String.fromCharCode(cp)) !== inside) {
        expect.fail(`U+${cp.toString(16).toUpperCase()}: expected ${inside}`);
      }
    }
    expect(isZhTokenizerChineseChar('\u{20000}')).toBe(false);
    expect(isZhTokenizerChineseChar('—')).toBe(true);
  });
});

describe('corpusBleu', () => {
  it.each(ex.corpus_bleu.map((c, i) => ({ ...c, i })))(
    'case $i: $kwargs',
    ({ hypotheses, references, kwargs, result }) => {
      expectBleu(corpusBleu(hypotheses, references, bleuOptions(kwargs)), result);
    },
  );
});

describe('corpusBleu at high orders (n-gram keys fall back from numbers to strings)', () => {
  it.each(ex.corpus_bleu_high_order.map((c, i) => ({ ...c, i })))(
    'case $i: $kwargs',
    ({ hypotheses, references, kwargs, result }) => {
      expectBleu(corpusBleu(hypotheses, references, bleuOptions(kwargs)), result);
    },
  );

  it('a segment whose vocabulary is too large for numeric keys', () => {
    const words = Array.from({ length: 9000 }, (_, i) => `w${i}`);
    const ref = words.join(' ');
    const same = corpusBleu([ref], [[ref]]);
    expect(same.score).toBeCloseTo(100, 10);
    expect(same.counts).toEqual([9000, 8999, 8998, 8997]);
    const reversed = corpusBleu([[...words].reverse().join(' ')], [[ref]]);
    expect(reversed.counts).toEqual([9000, 0, 0, 0]);
    const shifted = corpusBleu([['x', ...words.slice(1)].join(' ')], [[ref], [ref.replace('w5 ', 'y ')]]);
    expect(shifted.counts).toEqual([8999, 8998, 8997, 8996]);
  });
});

describe('sentenceBleu', () => {
  it.each(ex.sentence_bleu.map((c, i) => ({ ...c, i })))(
    'case $i: $kwargs',
    ({ hypothesis, references, kwargs, result }) => {
      expectBleu(sentenceBleu(hypothesis, references, bleuOptions(kwargs)), result);
    },
  );
});

describe('computeBleu', () => {
  it.each(ex.compute_bleu.map((c, i) => ({ ...c, i })))(
    'case $i: $correct/$total $kwargs',
    ({ correct, total, sys_len, ref_len, kwargs, result }) => {
      const before = [...correct];
      expectBleu(
        computeBleu({ correct, total, sysLen: sys_len, refLen: ref_len }, bleuOptions(kwargs)),
        result,
      );
      expect(correct).toEqual(before);
    },
  );
});

describe('corpusChrf', () => {
  it.each(ex.corpus_chrf.map((c, i) => ({ ...c, i })))(
    'case $i: $kwargs',
    ({ hypotheses, references, kwargs, score, name }) => {
      const result = corpusChrf(hypotheses, references, chrfOptions(kwargs));
      expectSame(result.score, score);
      expect(result.name).toBe(name);
    },
  );
});

describe('sentenceChrf', () => {
  it.each(ex.sentence_chrf.map((c, i) => ({ ...c, i })))(
    'case $i: $kwargs',
    ({ hypothesis, references, kwargs, score }) => {
      expectSame(sentenceChrf(hypothesis, references, chrfOptions(kwargs)).score, score);
    },
  );
});

describe('chrfWords (chrF++ word split)', () => {
  it.each(ex.chrf_words)('%j', ({ line, words }) => {
    expect(chrfWords(line)).toEqual(words);
  });
});
