import type { Sample } from '../domain/sample.js';
import { optionLetter } from '../prompts/option-letters.js';
import { extractChoice } from './extract-choice.js';
import { goldChoiceIndexOf } from './gold.js';
import type { ScoreResult, Scorer, ScoringContext } from './scorer.js';
import { ScoringError } from './scoring-error.js';

/** Options of the `choice` scorer. */
export interface ChoiceOptions {
  /**
   * Pass the sample's choices to {@link extractChoice} so that letters beyond E are read and an answer
   * naming an option's text counts (default true). `false` reproduces lm-eval's KorMedMCQA filter exactly.
   */
  useOptionText?: boolean;
}

/**
 * Scores a multiple-choice answer by its letter: {@link extractChoice} reads the letter from the output
 * and it must equal the gold letter (`A` for choice 0). An output with no readable letter is scored
 * incorrect with `extracted: ''` (the model gave no answer; `details.noAnswer` says so). A sample without
 * choices or without a gold choice is a {@link ScoringError}.
 *
 * @example
 * ```ts
 * scoreChoice({ ...sample, choices: ['서울', '부산'], answerIndex: 1 }, '정답은 B입니다').correct; // true
 * ```
 */
export function scoreChoice(
  sample: Sample,
  output: string,
  options: ChoiceOptions = {},
  context: ScoringContext = {},
): ScoreResult {
  const choices = sample.choices ?? [];
  const count = choices.length > 0 ? choices.length : (context.prompt?.labels.length ?? 0);
  if (count === 0) {
    throw new ScoringError('choice scoring needs a multiple-choice sample (no choices)', {
      method: 'choice',
      sampleId: sample.id,
    });
  }
  if (count > 26) {
    throw new ScoringError(`choice scoring supports at most 26 choices, the sample has ${count}`, {
      method: 'choice',
      sampleId: sample.id,
    });
  }
  const gold = optionLetter(goldChoiceIndexOf(sample, count, 'choice', context));
  const extracted =
    options.useOptionText === false || choices.length === 0
      ? extractChoice(output)
      : extractChoice(output, choices);
  const correct = extracted === gold;
  return {
    correct,
    score: correct ? 1 : 0,
    extracted,
    details: { gold, ...(extracted === '' ? { noAnswer: true } : {}) },
  };
}

/** The `choice` scorer (see {@link scoreChoice}). */
export function createChoiceScorer(options: ChoiceOptions = {}): Scorer {
  return {
    method: 'choice',
    requires: { generation: true, logLikelihoods: false, judge: false },
    score: async (sample, output, context) => scoreChoice(sample, output, options, context),
  };
}
