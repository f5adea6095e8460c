import { BenchHubError } from '../errors/benchhub-error.js';
import { EVALUATION_METHODS, type EvaluationMethod } from '../plan/schema.js';
import { type ChoiceOptions, createChoiceScorer } from './choice.js';
import { createLlmJudgeScorer, type LlmJudgeOptions } from './judge/llm-judge.js';
import { createLogLikelihoodScorer, type LogLikelihoodOptions } from './log-likelihood.js';
import { createMathMatchScorer, type MathMatchOptions } from './math/math-match.js';
import type { Scorer } from './scorer.js';
import {
  createPartialMatchScorer,
  createStringMatchScorer,
  type StringMatchOptions,
} from './string-match.js';

/** The options each scoring method takes. */
export interface ScorerOptionsByMethod {
  string_match: StringMatchOptions;
  partial_match: StringMatchOptions;
  choice: ChoiceOptions;
  log_likelihood: LogLikelihoodOptions;
  math_match: MathMatchOptions;
  llm_judge: LlmJudgeOptions;
}

/** Every scoring method of a plan's `evaluation.method`, with the factory of its scorer. */
export const SCORING_METHODS: {
  readonly [M in EvaluationMethod]: (options?: ScorerOptionsByMethod[M]) => Scorer;
} = {
  string_match: createStringMatchScorer,
  partial_match: createPartialMatchScorer,
  choice: createChoiceScorer,
  log_likelihood: createLogLikelihoodScorer,
  math_match: createMathMatchScorer,
  llm_judge: createLlmJudgeScorer,
};

/** Whether `method` names a scoring method. */
export function isScoringMethod(method: string): method is EvaluationMethod {
  return (EVALUATION_METHODS as readonly string[]).includes(method);
}

/**
 * The scorer of a plan's `evaluation.method`. An unknown method is a `BenchHubError` listing the known
 * ones.
 *
 * @example
 * ```ts
 * const scorer = getScorer('math_match', { absTol: 1e-4 });
 * const { correct } = await scorer.score(sample, 'The answer is \\boxed{42}');
 * ```
 */
export function getScorer<M extends EvaluationMethod>(method: M, options?: ScorerOptionsByMethod[M]): Scorer {
  if (!isScoringMethod(method)) {
    throw new BenchHubError(
      `unknown scoring method ${JSON.stringify(method)}: use one of ${EVALUATION_METHODS.join(', ')}`,
    );
  }
  const factory = SCORING_METHODS[method] as (options?: ScorerOptionsByMethod[M]) => Scorer;
  return factory(options);
}
