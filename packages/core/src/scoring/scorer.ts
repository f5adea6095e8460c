import type { Sample } from '../domain/sample.js';
import type { EvaluationMethod } from '../plan/schema.js';
import type { RenderedPrompt } from '../prompts/prompt-template.js';
import type { LogLikelihoodResult, ModelProviderV1 } from '../spec/model-provider.js';

/**
 * The outcome of scoring one output. A scorer that cannot decide throws a `ScoringError` (or a
 * `JudgeVerdictError`) instead: there is no "undecided" score, and never a silent 0.
 */
export interface ScoreResult {
  /** Whether the output counts as correct (for judges: the score reached the pass mark, or a win). */
  correct: boolean;
  /** The sample's score: 1/0 for exact methods, the rubric score for a judge, 1/0.5/0 for pairwise. */
  score: number;
  /** What was read from the output: the answer text, a choice letter, a number, `''` when nothing. */
  extracted: string;
  /**
   * Further per-sample metrics the method yields, by name (`log_likelihood` gives `acc`, `acc_norm`,
   * `acc_bytes` and, when asked, `acc_mutual_info` and `exact_match`).
   */
  metrics?: Readonly<Record<string, number>>;
  /** Diagnostics for reports: normalised strings, judge replies, parsed numbers... */
  details?: Readonly<Record<string, unknown>>;
}

/** A model output to compare with, for pairwise judging. */
export interface PairwiseOpponent {
  /** The other model's output on the same sample. */
  output: string;
  /** The other model's id, for reports. */
  modelId?: string;
}

/** Per-sample inputs a scorer may need besides the sample and the output; the engine fills them. */
export interface ScoringContext {
  /**
   * The rendered prompt, when a template was used: its `labels` (lm-eval `doc_to_choice`), gold
   * `targetIndex` and `target`. Scorers fall back to the sample's `choices` and `answerIndex`.
   */
  prompt?: Pick<RenderedPrompt, 'labels' | 'target' | 'targetIndex'>;
  /** `log_likelihood`: one log-likelihood per choice, in the order of the labels. */
  logLikelihoods?: readonly (number | LogLikelihoodResult)[];
  /** `log_likelihood`: the choices' log-likelihoods with an empty context, for `acc_mutual_info`. */
  unconditionalLogLikelihoods?: readonly (number | LogLikelihoodResult)[];
  /** `llm_judge`: the judge model (overrides the one the scorer was created with). */
  judge?: ModelProviderV1;
  /** `llm_judge` pairwise: the output to compare against. */
  opponent?: PairwiseOpponent;
  /** Cancels a judge call. */
  signal?: AbortSignal;
}

/** What a scorer needs from the engine. */
export interface ScorerRequirements {
  /** The model must generate text (false for `log_likelihood`). */
  generation: boolean;
  /** The engine must pass per-choice log-likelihoods. */
  logLikelihoods: boolean;
  /** A judge model must be available. */
  judge: boolean;
}

/**
 * A scoring method as the engine calls it, once per sample result.
 *
 * @example
 * ```ts
 * const scorer = getScorer('string_match');
 * const { correct, extracted } = await scorer.score(sample, 'Answer: 서울');
 * ```
 */
export interface Scorer {
  /** The plan's `evaluation.method` value this scorer implements. */
  readonly method: EvaluationMethod;
  /** What the engine must provide. */
  readonly requires: ScorerRequirements;
  /**
   * Scores one output. Rejects with a `ScoringError` when the sample cannot be scored, with a
   * `JudgeVerdictError` for an unparseable judge reply, and with the judge's `ProviderCallError`.
   */
  score(sample: Sample, output: string, context?: ScoringContext): Promise<ScoreResult>;
}
