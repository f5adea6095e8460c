import type { Sample } from '../domain/sample.js';
import type { TokenLogprob } from './model-provider.js';
import type { BenchHubSpecVersion } from './version.js';

/** Inputs a metric needs beyond the model's text; the engine checks them before the run starts. */
export type MetricRequirement =
  /** `sample.answer` or `sample.references`. */
  | 'references'
  /** `sample.choices` (MCQA). */
  | 'choices'
  /** Token log-probabilities or per-choice log-likelihoods from the provider. */
  | 'logprobs'
  /** An embedding model. */
  | 'embeddings'
  /** A judge model. */
  | 'judge';

/** What the model produced for one sample, as a metric sees it. */
export interface MetricOutput {
  /** The model's raw text. */
  text: string;
  /** The answer extracted from `text` by the scoring method (a choice letter, a number...), if any. */
  extracted?: string;
  /** The scoring method's verdict on this output, when it gives one (accuracy and pass@k read it). */
  correct?: boolean;
  /** Per-token log-probabilities of the generation, when requested. */
  logprobs?: readonly TokenLogprob[];
  /** Log-likelihood of each choice in `sample.choices` order, for log-likelihood scoring. */
  choiceLogprobs?: readonly number[];
}

/** A metric's summary over many samples. */
export interface MetricAggregate {
  /** The aggregated value (e.g. mean accuracy). */
  value: number;
  /** Standard error of `value`, when the metric defines one. */
  stderr?: number;
  /** How many scored values went in (null scores excluded). */
  n: number;
}

/**
 * A named score of one sample and its aggregation, e.g. accuracy, F1, BLEU.
 *
 * @example
 * ```ts
 * const exact: MetricV1 = {
 *   specificationVersion: 'v1', name: 'exact', higherIsBetter: true, requires: ['references'],
 *   score: (s, o) => (s.answer === undefined ? null : Number(o.text.trim() === s.answer)),
 *   aggregate: (v) => ({ value: v.reduce((a, b) => a + b, 0) / v.length, n: v.length }),
 * };
 * ```
 */
export interface MetricV1 {
  /** The contract version this metric implements. */
  readonly specificationVersion: BenchHubSpecVersion;
  /** Unique name, used as the key of the score in results and on the leaderboard. */
  readonly name: string;
  /** Whether a larger value is better (accuracy) or worse (error rate, perplexity). */
  readonly higherIsBetter: boolean;
  /** Inputs the metric needs; a plan whose samples or provider lack them is rejected up front. */
  readonly requires: readonly MetricRequirement[];
  /**
   * Scores one sample. Returns `null` when the sample cannot be scored by this metric (e.g. it has
   * no reference), which excludes it from the aggregate instead of counting it as 0.
   */
  score(sample: Sample, output: MetricOutput): number | null | Promise<number | null>;
  /** Summarises the non-null scores of many samples. Called with at least one value. */
  aggregate(values: readonly number[]): MetricAggregate;
  /**
   * For metrics defined over a whole corpus rather than as a mean of sample scores (corpus BLEU and
   * chrF, macro F1, pass@k over repeats): computes the aggregate from every scored output at once.
   * When present, the engine reports this instead of `aggregate` of the per-sample scores.
   */
  corpus?(items: readonly MetricItem[]): MetricAggregate;
}

/** One sample with one model output, as a corpus-level metric receives it. */
export interface MetricItem {
  sample: Sample;
  output: MetricOutput;
}
