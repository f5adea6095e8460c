import { describe, expect, it } from 'vitest';
import { createChoiceScorer, ScoringError, scoreChoice } from '../../src/scoring/index.js';
import { sample } from './helpers.js';

const mc = sample({ id: 'med-3', choices: ['a', 'b', 'c', 'd', 'e'], answerIndex: 2 });

describe('choice scoring', () => {
  it('compares the extracted letter with the gold letter', () => {
    expect(scoreChoice(mc, '정답: C')).toMatchObject({ correct: true, score: 1, extracted: 'C' });
    expect(scoreChoice(mc, 'The answer is (D).')).toMatchObject({ correct: false, score: 0, extracted: 'D' });
  });

  it('scores an output without an answer as incorrect, and says so', () => {
    const r = scoreChoice(mc, '잘 모르겠습니다');
    expect(r).toMatchObject({ correct: false, score: 0, extracted: '' });
    expect(r.details).toMatchObject({ noAnswer: true, gold: 'C' });
  });

  it('reads option text and letters beyond E from the sample choices', () => {
    const ten = sample({ choices: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], answerIndex: 7 });
    expect(scoreChoice(ten, '정답: H').correct).toBe(true);
    expect(scoreChoice(ten, '정답: H', { useOptionText: false }).correct).toBe(false);
    const cities = sample({ choices: ['서울', '부산'], answer: '부산' });
    expect(scoreChoice(cities, '부산입니다').correct).toBe(true);
  });

  it('uses the rendered prompt gold index when given', () => {
    expect(
      scoreChoice(mc, 'B', {}, { prompt: { labels: ['A', 'B', 'C', 'D', 'E'], target: 'B', targetIndex: 1 } })
        .correct,
    ).toBe(true);
  });

  it('refuses samples without choices or gold', async () => {
    await expect(createChoiceScorer().score(sample({ id: 'open' }), 'A')).rejects.toThrow(ScoringError);
    expect(() => scoreChoice(sample({ id: 'nogold', choices: ['x', 'y'] }), 'A')).toThrow(/nogold/);
    expect(() => scoreChoice(sample({ choices: ['x', 'y'], answerIndex: 5 }), 'A')).toThrow(
      /outside the 2 choices/,
    );
  });
});
