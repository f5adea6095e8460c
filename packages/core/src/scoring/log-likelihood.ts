import type { Sample } from '../domain/sample.js';
import type { LogLikelihoodResult } from '../spec/model-provider.js';
import { goldChoiceIndexOf } from './gold.js';
import type { ScoreResult, Scorer, ScoringContext } from './scorer.js';
import { ScoringError } from './scoring-error.js';

/**
 * `numpy.argmax` on a list: the index of the first maximum; a NaN counts as the maximum (the first NaN
 * wins), `-Infinity` is an ordinary value. Throws on an empty list, as numpy does.
 *
 * @example
 * ```ts
 * numpyArgmax([-1, -0.5, -0.5]); // 1
 * ```
 */
export function numpyArgmax(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('argmax of an empty sequence');
  let best = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) return i;
    if (v > values[best]!) best = i;
  }
  return best;
}

/** Length of a string in code points, as Python's `len(str)`. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Length of a string in UTF-8 bytes, as Python's `len(s.encode('utf-8'))` (lone surrogates: 3 bytes). */
export function utf8ByteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Inputs of {@link scoreChoiceLogLikelihoods}, named after lm-eval's `process_results`. */
export interface ChoiceLogLikelihoodInput {
  /** `log P(continuation_i | context)` per choice. */
  logLikelihoods: readonly number[];
  /**
   * The choices as lm-eval's `doc_to_choice` returns them, WITHOUT the target delimiter (`'A'`, not
   * `' A'`): acc_norm divides by their length in characters (code points), acc_bytes by UTF-8 bytes.
   */
  choices: readonly string[];
  /** 0-based gold index, or several for tasks with more than one correct choice. */
  gold: number | readonly number[];
  /** `log P(continuation_i)` with an empty context, for `acc_mutual_info`. */
  unconditionalLogLikelihoods?: readonly number[];
  /** Whether each continuation is the greedy one, for `exact_match`. */
  isGreedy?: readonly boolean[];
}

/** Per-sample multiple-choice metrics, as lm-evaluation-harness computes them. */
export interface ChoiceLogLikelihoodScores {
  /** 1 when the highest log-likelihood is a gold choice. */
  acc: number;
  /** 1 when the highest log-likelihood per character is a gold choice. */
  accNorm: number;
  /** 1 when the highest log-likelihood per UTF-8 byte is a gold choice. */
  accBytes: number;
  /** 1 when the highest `ll - unconditional ll` is a gold choice (only with unconditional values). */
  accMutualInfo?: number;
  /** 1 when a gold continuation is the greedy one (only with `isGreedy`). */
  exactMatch?: number;
  /** argmax of the log-likelihoods. */
  pred: number;
  /** argmax of log-likelihood / characters. */
  predNorm: number;
  /** argmax of log-likelihood / bytes. */
  predBytes: number;
  /** argmax of the mutual information. */
  predMutualInfo?: number;
}

/**
 * lm-evaluation-harness's `multiple_choice` scoring of one document: `acc` = argmax of the
 * log-likelihoods is gold; `acc_norm` = argmax of `ll / len(choice)` (characters of the choice, not
 * bytes, not tokens, delimiter excluded) is gold; `acc_bytes` divides by UTF-8 bytes; `acc_mutual_info`
 * = argmax of `ll - ll_unconditional`. Ties go to the first choice (`np.argmax`), a NaN wins, an empty
 * choice divides by zero as numpy does. An out-of-range gold index throws (lm-eval only warns and scores 0).
 *
 * @example
 * ```ts
 * scoreChoiceLogLikelihoods({ logLikelihoods: [-4, -6], choices: ['no', 'a longer answer'], gold: 1 });
 * // { acc: 0, accNorm: 1, ... }   (-6 / 15 > -4 / 2)
 * ```
 */
export function scoreChoiceLogLikelihoods(input: ChoiceLogLikelihoodInput): ChoiceLogLikelihoodScores {
  const { logLikelihoods: lls, choices } = input;
  if (lls.length !== choices.length || lls.length === 0) {
    throw new RangeError(`got ${lls.length} log-likelihoods for ${choices.length} choices`);
  }
  const golds = typeof input.gold === 'number' ? [input.gold] : [...input.gold];
  for (const g of golds) {
    if (!Number.isInteger(g) || g < 0 || g >= choices.length) {
      throw new RangeError(`gold index ${g} is outside the ${choices.length} choices`);
    }
  }
  const hit = (i: number): number => (golds.includes(i) ? 1 : 0);
  const pred = numpyArgmax(lls);
  const predNorm = numpyArgmax(lls.map((ll, i) => ll / codePointLength(choices[i]!)));
  const predBytes = numpyArgmax(lls.map((ll, i) => ll / utf8ByteLength(choices[i]!)));
  const scores: ChoiceLogLikelihoodScores = {
    acc: hit(pred),
    accNorm: hit(predNorm),
    accBytes: hit(predBytes),
    pred,
    predNorm,
    predBytes,
  };
  const unconditional = input.unconditionalLogLikelihoods;
  if (unconditional !== undefined) {
    if (unconditional.length !== lls.length) {
      throw new RangeError(
        `got ${unconditional.length} unconditional log-likelihoods for ${lls.length} choices`,
      );
    }
    scores.predMutualInfo = numpyArgmax(lls.map((ll, i) => ll - unconditional[i]!));
    scores.accMutualInfo = hit(scores.predMutualInfo);
  }
  if (input.isGreedy !== undefined) {
    scores.exactMatch = golds.some((g) => input.isGreedy?.[g] === true) ? 1 : 0;
  }
  return scores;
}

/** Options of the `log_likelihood` scorer. */
export interface LogLikelihoodOptions {
  /** Which metric is the sample's `score`/`correct`: `acc` (default) or `acc_norm`. */
  primary?: 'acc' | 'acc_norm';
}

function values(list: readonly (number | LogLikelihoodResult)[]): number[] {
  return list.map((v) => (typeof v === 'number' ? v : v.logprob));
}

/**
 * Scores a multiple-choice sample from the provider's per-choice log-likelihoods
 * (`context.logLikelihoods`, in the order of `context.prompt.labels`, else of the sample's choices) with
 * {@link scoreChoiceLogLikelihoods}. `metrics` carries `acc`, `acc_norm`, `acc_bytes`, and
 * `acc_mutual_info` / `exact_match` when the context allows. Missing or mismatched log-likelihoods, or
 * a missing gold choice, are a {@link ScoringError}: a provider without log-probabilities is never a 0.
 *
 * @example
 * ```ts
 * await createLogLikelihoodScorer().score(sample, '', { logLikelihoods: [-1.2, -0.4, -3.0, -2.2] });
 * ```
 */
export function scoreLogLikelihood(
  sample: Sample,
  context: ScoringContext,
  options: LogLikelihoodOptions = {},
): ScoreResult {
  const method = 'log_likelihood';
  const labels = context.prompt?.labels ?? sample.choices ?? [];
  if (labels.length === 0) {
    throw new ScoringError('log_likelihood scoring needs choices', { method, sampleId: sample.id });
  }
  if (context.logLikelihoods === undefined) {
    throw new ScoringError('no log-likelihoods were given (does the provider implement logLikelihood?)', {
      method,
      sampleId: sample.id,
    });
  }
  const lls = values(context.logLikelihoods);
  if (lls.length !== labels.length) {
    throw new ScoringError(`got ${lls.length} log-likelihoods for ${labels.length} choices`, {
      method,
      sampleId: sample.id,
    });
  }
  const gold = goldChoiceIndexOf(sample, labels.length, method, context);
  const greedy = context.logLikelihoods.map((v) => (typeof v === 'number' ? undefined : v.isGreedy));
  let scores: ChoiceLogLikelihoodScores;
  try {
    scores = scoreChoiceLogLikelihoods({
      logLikelihoods: lls,
      choices: labels,
      gold,
      ...(context.unconditionalLogLikelihoods === undefined
        ? {}
        : { unconditionalLogLikelihoods: values(context.unconditionalLogLikelihoods) }),
      ...(greedy.every((g) => g !== undefined) ? { isGreedy: greedy as boolean[] } : {}),
    });
  } catch (error) {
    throw new ScoringError(error instanceof Error ? error.message : String(error), {
      method,
      sampleId: sample.id,
      cause: error,
    });
  }
  const metrics: Record<string, number> = {
    acc: scores.acc,
    acc_norm: scores.accNorm,
    acc_bytes: scores.accBytes,
  };
  if (scores.accMutualInfo !== undefined) metrics.acc_mutual_info = scores.accMutualInfo;
  if (scores.exactMatch !== undefined) metrics.exact_match = scores.exactMatch;
  const norm = options.primary === 'acc_norm';
  const score = norm ? scores.accNorm : scores.acc;
  return {
    correct: score === 1,
    score,
    extracted: labels[norm ? scores.predNorm : scores.pred]!,
    metrics,
    details: { pred: scores.pred, predNorm: scores.predNorm, gold },
  };
}

/** The `log_likelihood` scorer (see {@link scoreLogLikelihood}); it ignores the generated output. */
export function createLogLikelihoodScorer(options: LogLikelihoodOptions = {}): Scorer {
  return {
    method: 'log_likelihood',
    requires: { generation: false, logLikelihoods: true, judge: false },
    score: async (sample, _output, context = {}) => scoreLogLikelihood(sample, context, options),
  };
}
