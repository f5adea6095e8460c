import { describe, expect, it } from 'vitest';
import { EVALUATION_METHODS } from '../../src/plan/schema.js';
import { getScorer, isScoringMethod, SCORING_METHODS } from '../../src/scoring/index.js';
import { sample } from './helpers.js';

describe('scoring registry', () => {
  it('has a scorer for every evaluation method of the plan schema', () => {
    expect(Object.keys(SCORING_METHODS).sort()).toEqual([...EVALUATION_METHODS].sort());
    for (const method of EVALUATION_METHODS) {
      expect(getScorer(method).method).toBe(method);
      expect(isScoringMethod(method)).toBe(true);
    }
  });

  it('declares what each scorer needs', () => {
    expect(getScorer('log_likelihood').requires).toMatchObject({ generation: false, logLikelihoods: true });
    expect(getScorer('llm_judge').requires).toMatchObject({ judge: true });
    expect(getScorer('string_match').requires).toEqual({
      generation: true,
      logLikelihoods: false,
      judge: false,
    });
  });

  it('passes options to the scorer', async () => {
    const s = sample({ answer: '3.14' });
    await expect(getScorer('math_match', { absTol: 0.01 }).score(s, 'Answer: \\pi')).resolves.toMatchObject({
      correct: true,
    });
    await expect(getScorer('math_match').score(s, 'Answer: \\pi')).resolves.toMatchObject({ correct: false });
  });

  it('refuses an unknown method, listing the known ones', () => {
    expect(isScoringMethod('exact')).toBe(false);
    expect(() => getScorer('exact' as 'choice')).toThrow(/unknown scoring method "exact".*string_match/);
  });
});
