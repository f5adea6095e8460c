import type { Sample } from '../domain/sample.js';
import { optionLetter } from '../prompts/option-letters.js';
import { findAnswer, type MarkerOccurrence } from './extract-answer.js';
import { acceptableAnswers } from './gold.js';
import { normalizeAnswer } from './normalize-answer.js';
import type { ScoreResult, Scorer } from './scorer.js';
import { ScoringError } from './scoring-error.js';

/** Options of `string_match` and `partial_match`. */
export interface StringMatchOptions {
  /** Which answer-marker occurrence to read (default `last`; HRET reads the first). */
  occurrence?: MarkerOccurrence;
  /** Read the answer after a marker such as `Answer:` (default true, as HRET). */
  extractFinalAnswer?: boolean;
  /**
   * For MCQA, also accept the gold option's letter (`B`, `(B)`, `B.`, `B)`) when the prediction is not
   * itself the text of an option (default true: BenchHub's templates ask for a letter).
   */
  acceptLetter?: boolean;
}

/** How a prediction and the references were read, for reports. */
interface Prepared {
  extracted: string;
  prediction: string;
  references: string[];
  options: string[] | undefined;
}

const LETTER = /^\(?([a-z])[).:]?$/;

function prepare(method: string, sample: Sample, output: string, options: StringMatchOptions): Prepared {
  const extracted =
    options.extractFinalAnswer === false
      ? output
      : findAnswer(output, options.occurrence === undefined ? {} : { occurrence: options.occurrence }).answer;
  const references = acceptableAnswers(sample).map(normalizeAnswer);
  if (references.length === 0) {
    throw new ScoringError('the sample has no reference answer (answer, answerIndex or references)', {
      method,
      sampleId: sample.id,
    });
  }
  const choices = sample.choices !== undefined && sample.choices.length > 0 ? sample.choices : undefined;
  const normalizedOptions = choices?.map(normalizeAnswer);
  const gold = references[0]!;
  if (normalizedOptions !== undefined && !normalizedOptions.includes(gold)) {
    throw new ScoringError(
      `the reference ${JSON.stringify(gold)} is not one of the options ${JSON.stringify(normalizedOptions)}`,
      { method, sampleId: sample.id },
    );
  }
  if (gold === '') {
    throw new ScoringError('the reference answer is empty after normalisation', {
      method,
      sampleId: sample.id,
    });
  }
  return { extracted, prediction: normalizeAnswer(extracted), references, options: normalizedOptions };
}

function letterMatches(prepared: Prepared, options: StringMatchOptions): boolean {
  if (options.acceptLetter === false || prepared.options === undefined) return false;
  if (prepared.options.includes(prepared.prediction)) return false;
  const letter = LETTER.exec(prepared.prediction)?.[1];
  const goldIndex = prepared.options.indexOf(prepared.references[0]!);
  return letter !== undefined && goldIndex < 26 && letter === optionLetter(goldIndex).toLowerCase();
}

function result(correct: boolean, prepared: Prepared, via: string): ScoreResult {
  return {
    correct,
    score: correct ? 1 : 0,
    extracted: prepared.extracted,
    details: { normalizedPrediction: prepared.prediction, normalizedReferences: prepared.references, via },
  };
}

/**
 * HRET's `string_match`, made exact: the answer is read from the output ({@link findAnswer}), both sides
 * are normalised ({@link normalizeAnswer}) and must be equal. For MCQA (the sample has choices) the
 * reference must be one of the options — otherwise a {@link ScoringError} names the sample — and the
 * prediction must equal it (or be its letter, see {@link StringMatchOptions.acceptLetter}). Open-ended
 * samples accept `answer` or any of `references`.
 *
 * @example
 * ```ts
 * scoreStringMatch({ ...sample, choices: ['서울', '부산'], answerIndex: 0 }, '정답: **서울**').correct; // true
 * ```
 */
export function scoreStringMatch(
  sample: Sample,
  output: string,
  options: StringMatchOptions = {},
): ScoreResult {
  const prepared = prepare('string_match', sample, output, options);
  if (prepared.options !== undefined) {
    if (prepared.prediction === prepared.references[0]) return result(true, prepared, 'text');
    return result(letterMatches(prepared, options), prepared, 'letter');
  }
  return result(prepared.references.includes(prepared.prediction), prepared, 'text');
}

/**
 * HRET's `partial_match`: correct when the normalised reference is CONTAINED IN the normalised
 * prediction (not the other way round: `서울` matches the answer `대한민국 서울특별시`, while the
 * answer `서울` does not match the reference `서울특별시`). For MCQA the reference must be one of the
 * options (else a {@link ScoringError}); as in HRET, an answer naming several options matches any of
 * them. Open-ended samples accept any of `references`. The option letter is accepted as in
 * {@link scoreStringMatch}.
 *
 * @example
 * ```ts
 * scorePartialMatch({ ...sample, answer: '서울특별시' }, 'Answer: 대한민국 서울특별시 강남구').correct; // true
 * ```
 */
export function scorePartialMatch(
  sample: Sample,
  output: string,
  options: StringMatchOptions = {},
): ScoreResult {
  const prepared = prepare('partial_match', sample, output, options);
  const candidates = prepared.options !== undefined ? [prepared.references[0]!] : prepared.references;
  if (candidates.some((ref) => prepared.prediction.includes(ref))) return result(true, prepared, 'text');
  return result(letterMatches(prepared, options), prepared, 'letter');
}

/** The `string_match` scorer (see {@link scoreStringMatch}). */
export function createStringMatchScorer(options: StringMatchOptions = {}): Scorer {
  return {
    method: 'string_match',
    requires: { generation: true, logLikelihoods: false, judge: false },
    score: async (sample, output) => scoreStringMatch(sample, output, options),
  };
}

/** The `partial_match` scorer (see {@link scorePartialMatch}). */
export function createPartialMatchScorer(options: StringMatchOptions = {}): Scorer {
  return {
    method: 'partial_match',
    requires: { generation: true, logLikelihoods: false, judge: false },
    score: async (sample, output) => scorePartialMatch(sample, output, options),
  };
}
