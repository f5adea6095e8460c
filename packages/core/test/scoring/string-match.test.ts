import { describe, expect, it } from 'vitest';
import {
  createPartialMatchScorer,
  createStringMatchScorer,
  ScoringError,
  scorePartialMatch,
  scoreStringMatch,
} from '../../src/scoring/index.js';
import { sample } from './helpers.js';

const mcqa = sample({ id: 'kmmlu-7', choices: ['서울', '부산', '대구', '인천'], answerIndex: 1 });

describe('string_match', () => {
  it('accepts the gold option text after a marker, whatever the formatting', () => {
    expect(scoreStringMatch(mcqa, '정답: **부산**').correct).toBe(true);
    expect(scoreStringMatch(mcqa, '정답은 부산입니다.').correct).toBe(true);
    expect(scoreStringMatch(mcqa, 'Reasoning...\nAnswer： 부산').correct).toBe(true);
    expect(scoreStringMatch(mcqa, '부산\n(설명)').correct).toBe(true);
  });

  it('rejects another option and extra words', () => {
    expect(scoreStringMatch(mcqa, '정답: 서울').correct).toBe(false);
    expect(scoreStringMatch(mcqa, '정답: 부산 광역시').correct).toBe(false);
  });

  it('accepts the gold letter unless the prediction is an option text', () => {
    expect(scoreStringMatch(mcqa, 'Answer: B').correct).toBe(true);
    expect(scoreStringMatch(mcqa, 'Answer: (B)').correct).toBe(true);
    expect(scoreStringMatch(mcqa, 'Answer: C').correct).toBe(false);
    expect(scoreStringMatch(mcqa, 'Answer: B', { acceptLetter: false }).correct).toBe(false);
    const lettersAsText = sample({ choices: ['B', 'A'], answerIndex: 1 });
    expect(scoreStringMatch(lettersAsText, 'B').correct).toBe(false);
    expect(scoreStringMatch(lettersAsText, 'A').correct).toBe(true);
  });

  it('refuses a reference that is not one of the options, naming the sample', () => {
    const bad = sample({ id: 'bad-1', choices: ['서울', '부산'], answer: '광주' });
    expect(() => scoreStringMatch(bad, '광주')).toThrow(ScoringError);
    expect(() => scoreStringMatch(bad, '광주')).toThrow(/bad-1/);
    try {
      scoreStringMatch(bad, '광주');
    } catch (error) {
      expect(ScoringError.isInstance(error) && error.sampleId).toBe('bad-1');
    }
  });

  it('refuses a sample without a reference instead of scoring 0', async () => {
    await expect(createStringMatchScorer().score(sample({ id: 'open-3' }), 'x')).rejects.toThrow(/open-3/);
  });

  it('accepts any reference for open-ended samples', () => {
    const open = sample({ answer: 'Seoul', references: ['Seoul City', '서울'] });
    expect(scoreStringMatch(open, 'The answer is seoul city.').correct).toBe(true);
    expect(scoreStringMatch(open, '답: 서울').correct).toBe(true);
    expect(scoreStringMatch(open, 'Busan').correct).toBe(false);
  });

  it('reports what it read', () => {
    const r = scoreStringMatch(mcqa, '**정답: 부산**');
    expect(r).toMatchObject({ correct: true, score: 1, extracted: '부산' });
    expect(r.details).toMatchObject({ normalizedPrediction: '부산', normalizedReferences: ['부산'] });
  });

  it('can read the first marker, as HRET does', () => {
    const out = 'Answer: 부산\nQuestion: next\nAnswer: 서울';
    expect(scoreStringMatch(mcqa, out).correct).toBe(false);
    expect(scoreStringMatch(mcqa, out, { occurrence: 'first' }).correct).toBe(true);
  });
});

describe('partial_match (HRET: reference contained in prediction)', () => {
  it('matches when the prediction contains the reference', () => {
    const open = sample({ answer: '서울특별시' });
    expect(scorePartialMatch(open, 'Answer: 대한민국 서울특별시 강남구').correct).toBe(true);
    expect(scorePartialMatch(sample({ answer: '서울' }), '저는 서울에 가고 싶습니다.').correct).toBe(true);
  });

  it('does not match the other way round', () => {
    expect(scorePartialMatch(sample({ answer: '서울특별시' }), '서울').correct).toBe(false);
  });

  it('requires an MCQA reference among the options', () => {
    expect(scorePartialMatch(mcqa, '아마 부산일 것').correct).toBe(true);
    expect(() => scorePartialMatch(sample({ choices: ['a', 'b'], answer: 'c' }), 'c')).toThrow(ScoringError);
  });

  it('is exposed as a scorer', async () => {
    await expect(createPartialMatchScorer().score(mcqa, '부산광역시')).resolves.toMatchObject({
      correct: true,
    });
  });
});
