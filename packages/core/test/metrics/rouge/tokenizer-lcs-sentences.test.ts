import { describe, expect, it } from 'vitest';
import { mulberry32, randomBelow } from '../../../src/datasets/sampling/prng.js';
import { lcsIndices, lcsLength, unionLcsIndices } from '../../../src/metrics/rouge/lcs.js';
import { splitLines, splitSentences } from '../../../src/metrics/rouge/sentences.js';
import { tokenizeForRouge } from '../../../src/metrics/rouge/tokenizer.js';

describe('tokenizeForRouge', () => {
  it('tokenize_test.py: lower-cases and splits on anything outside [a-z0-9]', () => {
    expect(tokenizeForRouge('one Two three')).toEqual(['one', 'two', 'three']);
    expect(tokenizeForRouge('one\n Two \nthree')).toEqual(['one', 'two', 'three']);
    expect(tokenizeForRouge("state-of-the-art, don't 3.14 U.S.")).toEqual([
      'state',
      'of',
      'the',
      'art',
      'don',
      't',
      '3',
      '14',
      'u',
      's',
    ]);
    expect(tokenizeForRouge('café naïve')).toEqual(['caf', 'na', 've']);
    expect(tokenizeForRouge('  ...  ')).toEqual([]);
  });

  it('stems tokens longer than 3 characters only', () => {
    expect(tokenizeForRouge('The runners ran, quickly! dies', { useStemmer: true })).toEqual([
      'the',
      'runner',
      'ran',
      'quickli',
      'die',
    ]);
    // Porter alone would turn "was" into "wa"; 3-character tokens are left alone
    expect(tokenizeForRouge('was runs', { useStemmer: true })).toEqual(['was', 'run']);
  });

  it('keeps Korean and other scripts with the unicode tokenizer', () => {
    expect(tokenizeForRouge('정답은 서울', { tokenizer: 'unicode' })).toEqual(['정답은', '서울']);
    expect(tokenizeForRouge('정답은 서울')).toEqual([]);
    expect(tokenizeForRouge('Ünïcode—ТЕКСТ, हिन्दी 42', { tokenizer: 'unicode' })).toEqual([
      'ünïcode',
      'текст',
      'हिन्दी',
      '42',
    ]);
    // NFD input (decomposed Hangul jamo) is normalised to the same tokens as NFC
    expect(tokenizeForRouge('서울'.normalize('NFD'), { tokenizer: 'unicode' })).toEqual(['서울']);
  });
});

describe('LCS helpers (rouge_scorer_test.py testLcsTable / testUnionLcs)', () => {
  it('finds the LCS length and reads back its indices', () => {
    const ref = [1, 2, 3, 4, 5];
    expect(lcsLength(ref, [2, 5, 3, 4])).toBe(3);
    expect(lcsIndices(ref, [2, 5, 3, 4])).toEqual([1, 2, 3]);
    expect(lcsIndices(ref, [2, 5, 3, 4]).map((i) => ref[i])).toEqual([2, 3, 4]);
    expect(lcsLength(ref, [8, 9])).toBe(0);
    expect(lcsIndices(ref, [8, 9])).toEqual([]);
    expect(lcsLength([], [1])).toBe(0);
  });

  it('unions the LCS of each candidate sentence', () => {
    const ref = [1, 2, 3, 4, 5];
    const union = unionLcsIndices(ref, [
      [1, 2, 6, 7, 8],
      [1, 3, 8, 9, 5],
    ]);
    expect(union).toEqual([0, 1, 2, 4]);
    expect(union.map((i) => ref[i])).toEqual([1, 2, 3, 5]);
  });

  it('breaks ties as upstream’s backtrack (moving up in the reference)', () => {
    // "a b" vs "b a": both [a] and [b] are LCSs; upstream picks index 0 (a)
    expect(lcsIndices([1, 2], [2, 1])).toEqual([0]);
  });

  it('agrees between the rolling-row length and the full-table read-back on random sequences', () => {
    const rng = mulberry32(7);
    for (let trial = 0; trial < 300; trial++) {
      const a = Array.from({ length: randomBelow(rng, 30) }, () => randomBelow(rng, 6));
      const b = Array.from({ length: randomBelow(rng, 30) }, () => randomBelow(rng, 6));
      const indices = lcsIndices(a, b);
      expect(indices.length).toBe(lcsLength(a, b));
      // the read-back is a common subsequence: increasing indices whose values appear in order in b
      let j = 0;
      for (const i of indices) {
        while (j < b.length && b[j] !== a[i]) j++;
        expect(j).toBeLessThan(b.length);
        j++;
      }
    }
  });
});

describe('sentence splitting for rougeLsum', () => {
  it('splits on newlines only by default, dropping empty lines', () => {
    expect(splitLines('a. b.\n\nc\n')).toEqual(['a. b.', 'c']);
    expect(splitLines(' \n')).toEqual([' ']);
  });

  it('approximates nltk.sent_tokenize with splitSummaries', () => {
    expect(splitSentences('First sentence. Second Sentence.')).toEqual([
      'First sentence.',
      'Second Sentence.',
    ]);
    expect(splitSentences('Dr. Kim arrived. She said hi! Then... nothing.')).toEqual([
      'Dr. Kim arrived.',
      'She said hi!',
      'Then... nothing.',
    ]);
    expect(
      splitSentences('He met J. K. Rowling in the U.S. last year. It was "great." Was it? Yes!'),
    ).toEqual(['He met J. K. Rowling in the U.S. last year.', 'It was "great."', 'Was it?', 'Yes!']);
    expect(splitSentences('no punctuation\nacross lines')).toEqual(['no punctuation\nacross lines']);
    expect(splitSentences('   ')).toEqual([]);
  });
});
