import type { Sample } from '../../domain/sample.js';
import { acceptableAnswers } from '../gold.js';
import type { ScoreResult, Scorer } from '../scorer.js';
import { ScoringError } from '../scoring-error.js';
import { cleanLatex } from './latex-cleanup.js';
import { readMathAnswer } from './math-answer.js';
import { type MathTolerance, mathValuesEqual } from './math-value.js';

/** Options of `math_match`. */
export type MathMatchOptions = MathTolerance;

function plainForm(text: string): string {
  return cleanLatex(text).replace(/\s+/g, '').toLowerCase();
}

/**
 * Scores a math answer by value. The prediction and each reference are read with
 * {@link readMathAnswer} (`\boxed{}`, `####`, answer markers, last line); when both have a numeric
 * value they are compared with {@link mathValuesEqual} (default tolerance: absolute 1e-6 or relative
 * 1e-9, whichever is larger; `50%` equals `50` and `0.5`); otherwise, as HRET falls back when
 * `math_verify` cannot parse, their LaTeX-cleaned, space-free, lower-cased texts must be equal
 * (`details.method` says which). A sample without a reference is a {@link ScoringError}.
 *
 * @example
 * ```ts
 * scoreMathMatch({ ...sample, answer: '0.75' }, 'Thus the answer is \\boxed{\\dfrac{3}{4}}.').correct; // true
 * ```
 */
export function scoreMathMatch(sample: Sample, output: string, options: MathMatchOptions = {}): ScoreResult {
  const references = acceptableAnswers(sample);
  if (references.length === 0) {
    throw new ScoringError('the sample has no reference answer (answer, answerIndex or references)', {
      method: 'math_match',
      sampleId: sample.id,
    });
  }
  const predicted = readMathAnswer(output);
  let method: 'numeric' | 'string' = 'string';
  let correct = false;
  for (const reference of references) {
    const gold = readMathAnswer(reference);
    if (predicted.value !== undefined && gold.value !== undefined) {
      method = 'numeric';
      correct = mathValuesEqual(predicted.value, gold.value, options);
    } else {
      method = 'string';
      correct = predicted.text !== '' && plainForm(predicted.text) === plainForm(gold.text);
    }
    if (correct) break;
  }
  return {
    correct,
    score: correct ? 1 : 0,
    extracted: predicted.text,
    details: { source: predicted.source, value: predicted.value, method },
  };
}

/** The `math_match` scorer (see {@link scoreMathMatch}). */
export function createMathMatchScorer(options: MathMatchOptions = {}): Scorer {
  return {
    method: 'math_match',
    requires: { generation: true, logLikelihoods: false, judge: false },
    score: async (sample, output) => scoreMathMatch(sample, output, options),
  };
}
